import { mkdirSync } from 'node:fs';
import path from 'node:path';

export type EmbeddedPostgres = { url: string; stop(): Promise<void> };

/**
 * Serves an in-process PGlite over the PostgreSQL wire protocol on a free loopback port, so the
 * ordinary driver, migrations and SQL run unchanged whether or not DATABASE_URL is set.
 * `dataDir` undefined keeps the database in memory.
 */
export async function startEmbeddedPostgres(options: { dataDir?: string; maxConnections: number }): Promise<EmbeddedPostgres> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  let dataDir: string | undefined;
  if (options.dataDir) {
    dataDir = path.resolve(options.dataDir, 'pglite');
    mkdirSync(dataDir, { recursive: true });
  }
  const db = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: options.maxConnections });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
