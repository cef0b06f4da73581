import type { Knex, MikroORM } from '@mikro-orm/postgresql';
import { modules } from '../../src/modules';
import { DEFAULT_SEED, planDemoData } from './generator';
import type { HouseholdBatch } from './rows';
import {
  advanceIdentities,
  insertApiKeys,
  insertHouseholds,
  insertMembers,
  insertOrganisations,
  insertPairings,
  insertRegions,
} from './sql';

export { DEMO_COUNTIES, DEMO_KEYS, type DemoKey } from './organisations';

export type DemoOptions = { households: number; seed?: number; demoKeys: boolean; log?: (msg: string) => void };

export type DemoStats = {
  regions: number;
  villages: number;
  households: number;
  members: number;
  organisations: number;
  seconds: number;
};

/** About 6,000 members a statement: large enough to amortise the round trip, small enough to stay flat in memory. */
const HOUSEHOLDS_PER_BATCH = 2_000;
const LOG_EVERY_HOUSEHOLDS = 50_000;

/**
 * Writes the demo registry into empty tables. Each batch is its own statement; whether they share
 * a transaction is up to the caller.
 */
export async function loadDemoData(orm: MikroORM, options: DemoOptions): Promise<DemoStats> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? DEFAULT_SEED;
  const plan = planDemoData({ households: options.households, seed, demoKeys: options.demoKeys });
  const knex = orm.em.getConnection().getKnex();
  await insertRegions(knex, plan.regions);
  await insertOrganisations(knex, plan.organisations);
  await insertApiKeys(knex, plan.apiKeys);
  await insertPairings(knex, plan.pairings);
  log(
    `${plan.regions.length} regions (${plan.villageCount} villages), ` +
      `${plan.organisations.length} organisations, ${plan.apiKeys.length} demo keys`,
  );
  let households = 0;
  let members = 0;
  let storing: Promise<void> = Promise.resolve();
  for (const batch of plan.householdBatches(HOUSEHOLDS_PER_BATCH)) {
    await storing;
    storing = storeBatch(knex, batch);
    // Handled when awaited above or below; this only keeps a failure during the next batch from counting as unhandled.
    storing.catch(() => undefined);
    // Lets the insert reach the database before the loop generates the next batch, so the two overlap.
    await new Promise((resolve) => setImmediate(resolve));
    const before = households;
    households += batch.households.length;
    members += batch.members.length;
    if (Math.floor(households / LOG_EVERY_HOUSEHOLDS) > Math.floor(before / LOG_EVERY_HOUSEHOLDS)) {
      log(progressLine(households, options.households, members, started));
    }
  }
  await storing;
  await advanceIdentities(knex);
  // Each module's own records, declared in its module file: none is named here.
  for (const m of modules) await m.demo?.(knex);
  return {
    regions: plan.regions.length,
    villages: plan.villageCount,
    households,
    members,
    organisations: plan.organisations.length,
    seconds: Math.round(performance.now() - started) / 1000,
  };
}

async function storeBatch(knex: Knex, batch: HouseholdBatch): Promise<void> {
  await insertHouseholds(knex, batch.households);
  await insertMembers(knex, batch.members);
}

function progressLine(households: number, total: number, members: number, started: number): string {
  const seconds = (performance.now() - started) / 1000;
  const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  return `${households}/${total} households, ${members} members, ${seconds.toFixed(1)} s, rss ${rssMb} MB`;
}
