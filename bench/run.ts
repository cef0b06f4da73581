/**
 * npm run bench — the benchmarks (not tests: they report figures and fail only when something breaks).
 *
 * DATABASE_URL       use this database as it is (migrated and seeded beforehand; nothing is written)
 * BENCH_SERVER_URL   otherwise, the server the scratch database is created on and dropped from
 *                    (default postgres://postgres@127.0.0.1:5432/postgres)
 * BENCH_HOUSEHOLDS   demo households seeded into the scratch database (default 40,000)
 * BENCH_BREAKDOWN=1  also measure the layer's parts alone, graphql-shield on every field with two cache
 *                    options, and fully synchronous layers (bench/permission-layer-prototype.ts); about 5 minutes
 * BENCH_NO_ALS=1     diagnosis only: AsyncLocalStorage.run becomes a plain call, so Node 20 never turns on
 *                    its promise hooks (MikroORM's flush, reached by every request's commit, turns them on);
 *                    shows what those hooks add to each variant. Not how the server runs.
 */

import { AsyncLocalStorage } from 'node:async_hooks';
import { BREAKDOWN, DEFAULT_OPTIONS, permissionLayerBench, SYNC_RULES } from './permission-layer';

async function main(): Promise<void> {
  if (process.env.BENCH_NO_ALS === '1') {
    AsyncLocalStorage.prototype.run = function run<R, A extends unknown[]>(_store: unknown, callback: (...args: A) => R, ...args: A): R {
      return callback(...args);
    };
    console.log('BENCH_NO_ALS=1: AsyncLocalStorage.run is a plain call (diagnosis only)');
  }
  const raw = process.env.BENCH_HOUSEHOLDS;
  const households = raw ? Number(raw) : DEFAULT_OPTIONS.households;
  if (!Number.isInteger(households) || households < 0) throw new Error(`BENCH_HOUSEHOLDS must be a whole number, got ${JSON.stringify(raw)}`);
  const breakdown = process.env.BENCH_BREAKDOWN === '1';
  await permissionLayerBench({
    households,
    extraVariants: breakdown ? [SYNC_RULES, ...BREAKDOWN] : [],
    // Nine variants instead of two: fewer rounds each, to stay near five minutes.
    rounds: breakdown ? 3 : DEFAULT_OPTIONS.rounds,
  });
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
