import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig, type Config } from './config/config';
import type { Database } from './db/database';
import { openServingDatabase } from './db/serving';
import { createServer } from './http/app';
import { createLogger } from './observability/logger';
import { DEMO_KEYS, loadDemoData } from '../seeds/demo';
import { Region } from './modules/regions';
import type { Logger } from 'pino';

async function loadDemoCountyOnFirstStart(config: Config, db: Database, logger: Logger): Promise<void> {
  if (config.isProduction || config.demoHouseholds === 0) return;
  if ((await db.orm.em.fork().count(Region, {})) > 0) return;
  logger.info({ households: config.demoHouseholds }, 'empty database: generating the demo counties');
  const stats = await loadDemoData(db.orm, { households: config.demoHouseholds, demoKeys: true, log: (msg) => logger.info(msg) });
  logger.info(stats, 'demo counties loaded');
}

function banner(config: Config, url: string): string {
  const lines = [`Jingzhun 精准 is listening on ${url}/graphql`, `GraphQL IDE: open ${url}/graphql in a browser`];
  if (!config.isProduction) {
    lines.push('', 'Demo keys (Authorization: Bearer <key>):');
    for (const k of DEMO_KEYS) lines.push(`  ${k.key.padEnd(30)} ${k.role.padEnd(22)} ${k.countyName} ${k.county}`);
    lines.push('', `Try: curl -s ${url}/graphql -H 'Authorization: Bearer demo-poverty-office' -H 'Content-Type: application/json' \\`);
    lines.push(`       -d '{"query":"{ villages(first: 5) { totalCount edges { node { code name } } } }"}'`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`jingzhun: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config);
  const started = Date.now();
  // Migrations and the demo data as the owner, on a connection of their own; then the API's, as jingzhun_api.
  const db = await openServingDatabase(config, logger, (owner) => loadDemoCountyOnFirstStart(config, owner, logger));
  logger.info({ embedded: db.embedded, role: db.role?.name }, 'database ready');
  const server = await createServer(config, db, logger);
  await new Promise<void>((resolve, reject) => {
    server.httpServer.once('error', reject);
    server.httpServer.listen(config.port, resolve);
  });
  const { port } = server.httpServer.address() as AddressInfo;
  logger.info({ port, startupSeconds: (Date.now() - started) / 1000 }, 'listening');
  console.log(banner(config, `http://localhost:${port}`));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'draining in-flight requests');
    try {
      await server.stop();
      await db.close();
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  console.error('jingzhun: failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
