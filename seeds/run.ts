/**
 * npm run seed [-- --households N] [--seed N] [--reset] [--no-demo-keys]
 * Loads the demo registry into the PostgreSQL database at MIGRATION_DATABASE_URL (the owner's), else DATABASE_URL.
 */

import { ConfigError, loadConfig } from '../src/config/config';
import { migrate, openDatabase } from '../src/db/database';
import { loadDemoData, type DemoStats } from './demo';
import { countRegions, dropEverything } from './demo/sql';

const USAGE = 'usage: npm run seed -- [--households N] [--seed N] [--reset] [--no-demo-keys]';
const MAX_HOUSEHOLDS = 2_000_000;
const MAX_SEED = 0xffff_ffff;

type SeedArguments = { households?: number; seed?: number; reset: boolean; demoKeys: boolean };

/** A mistake the user can fix; printed as one line without a stack. */
class SeedError extends Error {}

function parseArguments(argv: readonly string[]): SeedArguments {
  const parsed: SeedArguments = { reset: false, demoKeys: true };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--reset') parsed.reset = true;
    else if (flag === '--no-demo-keys') parsed.demoKeys = false;
    else if (flag === '--households') parsed.households = wholeNumber(flag, argv[++i], MAX_HOUSEHOLDS);
    else if (flag === '--seed') parsed.seed = wholeNumber(flag, argv[++i], MAX_SEED);
    else throw new SeedError(`unknown argument ${JSON.stringify(flag)}; ${USAGE}`);
  }
  return parsed;
}

function wholeNumber(flag: string, raw: string | undefined, max: number): number {
  const value = Number(raw);
  if (raw === undefined || !/^\d+$/.test(raw) || value > max) {
    throw new SeedError(`${flag} needs a whole number from 0 to ${max}, got ${JSON.stringify(raw ?? '')}`);
  }
  return value;
}

function summary(stats: DemoStats): string {
  const perSecond = stats.seconds > 0 ? Math.round(stats.members / stats.seconds) : stats.members;
  return (
    `seeded ${stats.regions} regions (${stats.villages} villages), ${stats.organisations} organisations, ` +
    `${stats.households} households, ${stats.members} members in ${stats.seconds.toFixed(1)} s (${perSecond} members/s)`
  );
}

async function main(): Promise<void> {
  const config = loadConfig();
  const args = parseArguments(process.argv.slice(2));
  // Seeding writes past row-level security: the owner's connection, never the API's.
  const url = config.migrationDatabaseUrl ?? config.databaseUrl;
  if (!url) {
    throw new SeedError('MIGRATION_DATABASE_URL (the owner\'s) is not set; npm run seed needs a PostgreSQL database to write to');
  }
  if (args.demoKeys && config.isProduction) {
    throw new SeedError('refusing to create demo keys with NODE_ENV=production; pass --no-demo-keys');
  }
  const database = await openDatabase({ url, poolSize: 2 });
  try {
    const knex = database.orm.em.getConnection().getKnex();
    if (args.reset) await dropEverything(knex);
    await migrate(database.orm);
    if (!args.reset && (await countRegions(knex)) > 0) {
      throw new SeedError('the registry already has regions; pass --reset to replace all registry data');
    }
    const stats = await loadDemoData(database.orm, {
      households: args.households ?? config.demoHouseholds,
      seed: args.seed,
      demoKeys: args.demoKeys,
      log: (line) => console.log(line),
    });
    console.log(summary(stats));
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof SeedError || error instanceof ConfigError;
  console.error(`seed: ${known ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
