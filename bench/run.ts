/**
 * npm run bench [-- <name>] — the benchmarks (not tests: they report figures and fail only when something breaks).
 *
 * npm run bench                      the read path against a hand-written baseline (bench/read-path.ts);
 *                                    writes bench/results.md; about 6 minutes, plus a minute to seed the first time
 *   BENCH_SERVER_URL                 the server its kept databases are on (default postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_HOUSEHOLDS=320000,3200     the sizes, in households: the goals are judged on the first, latency compared with the others;
 *                                    one size (e.g. 3200) for a quick run
 *   BENCH_ROUNDS=5,3                 measured rounds per query and side at the first size and at the others
 *   BENCH_ROUND_SECONDS=3            length of a round (the warm-up is 2 s)
 *   BENCH_OUTPUT=bench/results.md    where the results go
 *
 * npm run bench -- batch-sync        one mutation per sector (syncStudentAid, postMedicalClaims, …) in batches of 1,000
 *                                    against COPY of the same rows (bench/batch-sync.ts); writes bench/sync-results.md;
 *                                    two to three minutes on the kept 1M database
 *   BENCH_BATCHES=20                 batches per run
 *   BENCH_CLIENTS=1,4                runs with these many callers at once, for each sector
 *   BENCH_SECTORS=education,health   only these sectors (default: every sector in bench/batch-sync.ts's SECTORS)
 *   BENCH_OUTPUT=bench/sync-results.md
 *
 * npm run bench -- permission-layer  the permission layer's cost: on vs off, in one process (bench/permission-layer.ts)
 *   DATABASE_URL       use this database as it is (migrated and seeded beforehand; nothing is written)
 *   BENCH_SERVER_URL   otherwise, the server the scratch database is created on and dropped from
 *   BENCH_HOUSEHOLDS   demo households seeded into the scratch database (default 40,000)
 *   BENCH_BREAKDOWN=1  also measure the layer's parts alone, graphql-shield on every field with two cache
 *                      options, and fully synchronous layers (bench/permission-layer-prototype.ts); about 5 minutes
 *   BENCH_NO_ALS=1     diagnosis only: AsyncLocalStorage.run becomes a plain call, so Node 20 never turns on
 *                      its promise hooks (MikroORM's flush, reached by every request's commit, turns them on);
 *                      shows what those hooks add to each variant. Not how the server runs.
 */

import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import { BREAKDOWN, DEFAULT_OPTIONS, permissionLayerBench, SYNC_RULES } from './permission-layer';
import { FULL_HOUSEHOLDS } from './read-path-data';
import { batchSyncBench, SECTORS } from './batch-sync';
import { readPathBench } from './read-path';

const USAGE = 'usage: npm run bench [-- read-path | batch-sync | permission-layer]';

/** A mistake in the command line or the environment; printed as one line without a stack. */
class UsageError extends Error {}

function wholeNumbers(variable: string, fallback: number[], min = 0): number[] {
  const raw = process.env[variable];
  if (raw === undefined || raw === '') return fallback;
  const values = raw.split(',').map((part) => Number(part.trim()));
  if (values.some((v) => !Number.isInteger(v) || v < min)) throw new UsageError(`${variable} must be whole numbers ≥ ${min}, separated by commas, got ${JSON.stringify(raw)}`);
  return values;
}

async function readPath(): Promise<void> {
  const sizes = wholeNumbers('BENCH_HOUSEHOLDS', [FULL_HOUSEHOLDS, 3_200], 1);
  const [fullRounds, otherRounds = fullRounds] = wholeNumbers('BENCH_ROUNDS', [5, 3], 1);
  await readPathBench({
    sizes,
    rounds: [fullRounds, otherRounds],
    roundSeconds: wholeNumbers('BENCH_ROUND_SECONDS', [3], 1)[0],
    warmupSeconds: 2,
    output: path.resolve(process.env.BENCH_OUTPUT ?? path.join(__dirname, 'results.md')),
    log: (line) => console.log(line),
  });
}

function sectors(): typeof SECTORS {
  const raw = process.env.BENCH_SECTORS;
  if (raw === undefined || raw === '') return SECTORS;
  const names = raw.split(',').map((part) => part.trim());
  const unknown = names.filter((name) => !SECTORS.some((s) => s.sector === name));
  if (unknown.length > 0) throw new UsageError(`BENCH_SECTORS: no sector ${unknown.map((n) => JSON.stringify(n)).join(', ')}; the sectors are ${SECTORS.map((s) => s.sector).join(', ')}`);
  return SECTORS.filter((s) => names.includes(s.sector));
}

async function batchSync(): Promise<void> {
  await batchSyncBench({
    batches: wholeNumbers('BENCH_BATCHES', [20], 1)[0],
    clients: wholeNumbers('BENCH_CLIENTS', [1, 4], 1),
    sectors: sectors(),
    output: path.resolve(process.env.BENCH_OUTPUT ?? path.join(__dirname, 'sync-results.md')),
    log: (line) => console.log(line),
  });
}

async function permissionLayer(): Promise<void> {
  if (process.env.BENCH_NO_ALS === '1') {
    AsyncLocalStorage.prototype.run = function run<R, A extends unknown[]>(_store: unknown, callback: (...args: A) => R, ...args: A): R {
      return callback(...args);
    };
    console.log('BENCH_NO_ALS=1: AsyncLocalStorage.run is a plain call (diagnosis only)');
  }
  const [households] = wholeNumbers('BENCH_HOUSEHOLDS', [DEFAULT_OPTIONS.households]);
  const breakdown = process.env.BENCH_BREAKDOWN === '1';
  await permissionLayerBench({
    households,
    extraVariants: breakdown ? [SYNC_RULES, ...BREAKDOWN] : [],
    // Nine variants instead of two: fewer rounds each, to stay near five minutes.
    rounds: breakdown ? 3 : DEFAULT_OPTIONS.rounds,
  });
}

const BENCHES: Record<string, () => Promise<void>> = { 'read-path': readPath, 'batch-sync': batchSync, 'permission-layer': permissionLayer };

async function main(): Promise<void> {
  const name = process.argv[2] ?? 'read-path';
  const bench = BENCHES[name];
  if (!bench || process.argv.length > 3) throw new UsageError(`unknown bench ${JSON.stringify(process.argv.slice(2).join(' '))}; ${USAGE}`);
  await bench();
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof UsageError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
