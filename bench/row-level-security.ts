/**
 * The cost of PostgreSQL row-level security on API requests: the same server and query, with the
 * policies enabled and disabled (ALTER TABLE … DISABLE ROW LEVEL SECURITY) in interleaved rounds,
 * plus the fixed cost of the request transaction that carries the scope (BEGIN, set_config, COMMIT).
 */
import pino from 'pino';
import { loadConfig } from '../src/config/config';
import { createServer } from '../src/http/app';
import { fixed, formatTable, GraphQLClient, listen, median, openBenchDatabase, runLoad } from './lib';

const TABLES = ['region', 'household', 'member', 'organisation_pairing', 'audit_entry', 'access_log'];
const ROUNDS = 5;
const QUERY = `{ villages(first: 20) { edges { node { code households(first: 50) { edges { node { number status members { name idNumber birthDate } } } } } } } }`;

export type RowSecurityFigures = { enabled: number; disabled: number; ratio: number; transactionMs: number; plainMs: number };

async function setPolicies(execute: (sql: string) => Promise<unknown>, on: boolean): Promise<void> {
  for (const table of TABLES) await execute(`alter table ${table} ${on ? 'enable' : 'disable'} row level security`);
}

/** Milliseconds per repetition of `statements` on one connection, over many repetitions. */
async function timeStatements(execute: (sql: string) => Promise<unknown>, statements: string[], repetitions: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < repetitions; i += 1) for (const sql of statements) await execute(sql);
  return (performance.now() - started) / repetitions;
}

export async function rowLevelSecurityBench(log: (line: string) => void = console.log): Promise<RowSecurityFigures> {
  const bench = await openBenchDatabase({ households: 20_000, log });
  const owner = bench.db.orm.em.fork();
  const execute = (sql: string) => owner.execute(sql);
  // The highest request budget the settings allow: the benchmark measures row-level security, not the rate limit.
  const server = await createServer(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', RATE_LIMIT_REQUESTS_PER_MINUTE: '60000' }), bench.db, pino({ level: 'silent' }));
  const client = new GraphQLClient(await listen(server.httpServer), 'demo-poverty-office');
  try {
    const payload = JSON.stringify({ query: QUERY });
    const reference = await client.post(payload);
    const nodes = (reference.body.toString().match(/"number"/g) ?? []).length;
    log(`query returns ${nodes} households; ${reference.body.length} bytes`);
    const load = () => runLoad(client, payload, { concurrency: 2, maxRequests: 200, maxSeconds: 8, expectBytes: reference.body.length });
    await load();
    const enabled: number[] = [];
    const disabled: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      enabled.push((await load()).perSecond);
      await setPolicies(execute, false);
      disabled.push((await load()).perSecond);
      await setPolicies(execute, true);
    }
    const transactionMs = await timeStatements(
      (sql) => bench.db.orm.em.getConnection().execute(sql),
      ['begin', `select set_config('role', 'jingzhun_app', true), set_config('jingzhun.scope_patterns', '430923%', true)`, 'commit'],
      500,
    );
    const plainMs = await timeStatements((sql) => bench.db.orm.em.getConnection().execute(sql), ['select 1'], 500);
    const figures = { enabled: median(enabled), disabled: median(disabled), ratio: median(enabled) / median(disabled), transactionMs, plainMs };
    log(
      formatTable(
        ['variant', 'req/s (median of 5)'],
        [
          ['policies enabled', fixed(figures.enabled)],
          ['policies disabled', fixed(figures.disabled)],
          ['ratio enabled / disabled', fixed(figures.ratio, 3)],
        ],
      ),
    );
    log(`request transaction (begin + set_config + commit): ${fixed(transactionMs, 3)} ms per request; one trivial statement: ${fixed(plainMs, 3)} ms`);
    return figures;
  } finally {
    await setPolicies(execute, true).catch(() => undefined);
    client.close();
    await server.stop();
    await bench.close();
  }
}

if (require.main === module) {
  rowLevelSecurityBench().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
