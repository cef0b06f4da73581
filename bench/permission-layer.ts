/**
 * The cost of the permission layer (graphql-shield read rules + filter-check and mask middlewares):
 * requests per second of the same query on the guarded schema ("on") and on the bare schema with
 * the same resolvers ("off"), in one process, on one database, over real HTTP, in interleaved rounds.
 * With BENCH_BREAKDOWN=1, variants from bench/permission-layer-prototype.ts run alongside: the
 * layer's parts alone, graphql-shield on every field, fully synchronous layers (each of the last
 * checked first to answer every demo role exactly as the served layer does).
 * The row scope is SQL in both variants; its own cost is timed separately on the statements a
 * request sends. See docs/benchmarks.md for the method and the figures.
 */

import os from 'node:os';
import type { GraphQLSchema } from 'graphql';
import { Client } from 'pg';
import pino from 'pino';
import { loadConfig } from '../src/config/config';
import { buildBareSchema } from '../src/graphql/schema';
import { createServer, type Server } from '../src/http/app';
import { DEMO_KEYS } from '../seeds/demo';
import { collectGarbage, fixed, formatTable, GraphQLClient, listen, median, openBenchDatabase, runLoad, type BenchDatabase } from './lib';
import { compiledSchema, servedPartsSchema, shieldEverywhereSchema, syncRulesSchema } from './permission-layer-prototype';

const KEY = 'demo-poverty-office';
/** The key's only scope; the row scope adds `<code column> like '430923%'` to every list statement. */
const SCOPE_PREFIX = '430923';
/** The database role and setting API requests run under (src/db/row-security.ts). */
const APP_ROLE = 'jingzhun_app';

const MEMBER_FIELDS = 'members { name idNumber sex birthDate labourCapacity }';
const HOUSEHOLD_FIELDS = `number status category registrationYear ${MEMBER_FIELDS}`;

type Shape = { name: string; query: string; tiny: string; roundSeconds: number };

const SHAPES: Shape[] = [
  {
    name: 'nested 20 villages × 50 households',
    query: `{ villages(first: 20) { edges { node { code name households(first: 50) { edges { node { ${HOUSEHOLD_FIELDS} } } } } } } }`,
    tiny: `{ villages(first: 2) { edges { node { code name households(first: 5) { edges { node { ${HOUSEHOLD_FIELDS} } } } } } } }`,
    roundSeconds: 2,
  },
  {
    name: 'flat 100 households',
    query: `{ households(first: 100) { edges { node { ${HOUSEHOLD_FIELDS} } } } }`,
    tiny: `{ households(first: 5) { edges { node { ${HOUSEHOLD_FIELDS} } } } }`,
    roundSeconds: 1,
  },
];

/** Queries on which a prototype must answer each demo role exactly as the served layer: reads, denials, masks, filter refusals. */
const SAME_ANSWER_QUERIES = [
  `{ me { organisationName role scopes } households(first: 3) { totalCount edges { node { id number groupNo registrationYear status exitYear
     category causes version incomePerCapita village { code name } head { name } members { id name idNumber relation sex birthDate
     education schoolStage health disabilityGrade labourCapacity employment medicalInsurance household { number } } } } } }`,
  `{ villages(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { code name povertyStatus exitYear groupCount
     collectiveIncome facilities { clinic telecom } township { code name parent { code } children { code } } households(first: 2) {
     totalCount edges { node { number members { idNumber labourCapacity } } } } } } } }`,
  `{ households(first: 2, filter: { cause: [ILLNESS], status: [EXITED] }) { totalCount } }`,
  `{ households(first: 2, orderBy: PRIORITY) { edges { node { number } } } }`,
  `{ villages(first: 1, filter: { povertyStatus: [POOR] }) { totalCount } }`,
  `{ organisations { name role } auditLog(first: 1) { totalCount } apiKeys { prefix } }`,
];

/** `equivalent`: must answer every demo role as the served layer does, or it is left out of the measurement. */
export type ExtraVariant = { name: string; equivalent: boolean; schema: () => Promise<GraphQLSchema> };

/** The served layer with its graphql-shield rules made synchronous middleware (the change proposed before a94ddb0 made the layer as fast). */
export const SYNC_RULES: ExtraVariant = { name: 'sync-rules', equivalent: true, schema: () => syncRulesSchema() };

/**
 * What each part costs (BENCH_BREAKDOWN=1): the served layer's parts alone; graphql-shield on every
 * field as before the layer dropped the wrappers that always pass, with its default cache and with
 * none; and the compiled prototype (no graphql-middleware either), wrapping every field or only the
 * fields that need a check.
 */
export const BREAKDOWN: ExtraVariant[] = [
  { name: 'compiled', equivalent: true, schema: () => compiledSchema() },
  { name: 'shield', equivalent: false, schema: () => servedPartsSchema({ shield: true }) },
  { name: 'masks+filters', equivalent: false, schema: () => servedPartsSchema({ filters: true, masks: true }) },
  { name: 'shield-all', equivalent: false, schema: () => shieldEverywhereSchema('contextual') },
  { name: 'shield-all-nocache', equivalent: false, schema: () => shieldEverywhereSchema('no_cache') },
  { name: 'compiled-skip', equivalent: true, schema: () => compiledSchema({ skipProven: true }) },
];

export type PermissionLayerBenchOptions = {
  /** Demo households seeded into the scratch database: 40,000 gives the first 20 villages of 430923 at least 50 each. */
  households: number;
  concurrencies: number[];
  /** Interleaved measured rounds per variant, after one warm-up round per variant. */
  rounds: number;
  roundMaxRequests: number;
  /** Variants measured next to on and off; each must first answer every demo role as "on" does. */
  extraVariants: ExtraVariant[];
  log: (line: string) => void;
};

export const DEFAULT_OPTIONS: PermissionLayerBenchOptions = {
  households: 40_000,
  concurrencies: [1, 4],
  rounds: 7,
  roundMaxRequests: 3_000,
  extraVariants: [],
  log: (line) => console.log(line),
};

type Variant = { name: string; equivalent: boolean; server: Server; client: GraphQLClient; baseUrl: string };

type Checked = { shape: Shape; payload: string; bytes: number; households: number; members: number; villages: number };

export type ShapeFigures = {
  shape: string;
  concurrency: number;
  /** Median req/s per variant name. */
  perSecond: Record<string, number>;
  /** Per-round req/s per variant name. */
  rounds: Record<string, number[]>;
  /** Median CPU ms of the process per request, per variant name. */
  cpuMs: Record<string, number>;
};

export type RowScopeFigures = {
  statement: string;
  rows: number;
  /** Median ms as the table owner (no row-level security): with and without the predicate. */
  ownerMs: { scoped: number; unscoped: number };
  /** Median ms as the API runs it (role jingzhun_app under row-level security), when the role exists. */
  appMs?: { scoped: number; unscoped: number };
  repetitions: number;
};

export type PermissionLayerFigures = {
  households: number;
  checked: { shape: string; villages: number; households: number; members: number; bytes: number }[];
  /** Equivalent variants checked against the served layer; `difference` says where one answered otherwise (it is then not measured). */
  sameAnswers: { variant: string; keys: number; queries: number; difference?: string }[];
  statements: { shape: string; variant: string; full: number; tiny: number }[];
  throughput: ShapeFigures[];
  rowScope: RowScopeFigures[];
  seconds: number;
  /** 1-minute load average when the measurements started and ended. */
  load: { before: string; after: string };
};

export async function permissionLayerBench(partial: Partial<PermissionLayerBenchOptions> = {}): Promise<PermissionLayerFigures> {
  const options = { ...DEFAULT_OPTIONS, ...partial };
  const log = options.log;
  const started = performance.now();
  const database = await openBenchDatabase({ households: options.households, log });
  const variants: Variant[] = [];
  try {
    // The highest budgets the settings allow: the benchmark measures the permission layer, not the rate limit.
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', RATE_LIMIT_REQUESTS_PER_MINUTE: '60000', RATE_LIMIT_LOOKUPS_PER_HOUR: '100000' });
    const logger = pino({ level: 'silent' });
    const schemas: { name: string; equivalent: boolean; schema?: GraphQLSchema }[] = [
      { name: 'on', equivalent: true, schema: undefined },
      { name: 'off', equivalent: false, schema: await buildBareSchema() },
    ];
    for (const extra of options.extraVariants) schemas.push({ name: extra.name, equivalent: extra.equivalent, schema: await extra.schema() });
    for (const { name, equivalent, schema } of schemas) {
      const server = await createServer(config, database.db, logger, schema ? { schema } : {});
      const baseUrl = await listen(server.httpServer);
      variants.push({ name, equivalent, server, baseUrl, client: new GraphQLClient(baseUrl, KEY) });
    }

    const loadBefore = fixed(os.loadavg()[0], 2);
    const sameAnswers = await checkSameAnswers(variants, log);
    for (const differing of sameAnswers.filter((a) => a.difference)) {
      const index = variants.findIndex((v) => v.name === differing.variant);
      const [variant] = variants.splice(index, 1);
      variant.client.close();
      await variant.server.stop();
    }
    const checked = await checkShapes(variants, log);
    const statements = await countStatements(database, variants);
    const throughput: ShapeFigures[] = [];
    for (const check of checked) {
      for (const concurrency of options.concurrencies) {
        const figures = await measure(variants, check, concurrency, options);
        throughput.push(figures);
        log(`  ${check.shape.name}, concurrency ${concurrency}: ${variants.map((v) => `${v.name} ${fixed(figures.perSecond[v.name])}`).join(', ')} req/s`);
      }
    }
    const rowScope = await timeRowScope(database, variants[0], checked, log);

    const figures: PermissionLayerFigures = {
      households: database.households,
      checked: checked.map((c) => ({ shape: c.shape.name, villages: c.villages, households: c.households, members: c.members, bytes: c.bytes })),
      sameAnswers,
      statements,
      throughput,
      rowScope,
      seconds: (performance.now() - started) / 1000,
      load: { before: loadBefore, after: fixed(os.loadavg()[0], 2) },
    };
    log('');
    log(report(figures, variants.map((v) => v.name)));
    return figures;
  } finally {
    for (const v of variants) {
      v.client.close();
      await v.server.stop();
    }
    await database.close();
  }
}

type Answer = { status: number; data: string; errors: string[] };

function normalise(res: { status: number; body: Buffer }): Answer {
  const parsed = JSON.parse(res.body.toString('utf8')) as { data?: unknown; errors?: { path?: unknown }[] };
  // Errors are compared as a set: their order follows resolution order, which a layer may change.
  return { status: res.status, data: JSON.stringify(parsed.data ?? null), errors: (parsed.errors ?? []).map((e) => JSON.stringify(e)).sort() };
}

/**
 * Every equivalent variant must give every demo key the same data and the same errors as "on" on
 * each probe query; one that does not (say, the served layer changed and the prototype did not
 * follow) is reported and left out, the rest of the bench goes on.
 */
async function checkSameAnswers(variants: Variant[], log: (line: string) => void): Promise<PermissionLayerFigures['sameAnswers']> {
  const reference = variants[0];
  const results: PermissionLayerFigures['sameAnswers'] = [];
  for (const candidate of variants.filter((v) => v.equivalent && v !== reference)) {
    let difference: string | undefined;
    let errors = 0;
    for (const { key } of DEMO_KEYS) {
      const expectedClient = new GraphQLClient(reference.baseUrl, key);
      const actualClient = new GraphQLClient(candidate.baseUrl, key);
      try {
        for (const query of SAME_ANSWER_QUERIES) {
          const payload = JSON.stringify({ query });
          const expected = normalise(await expectedClient.post(payload));
          const actual = normalise(await actualClient.post(payload));
          errors += expected.errors.length;
          if (!difference && JSON.stringify(expected) !== JSON.stringify(actual)) {
            difference = `${key} on ${query.replace(/\s+/g, ' ').slice(0, 70)}…: served ${JSON.stringify(expected).slice(0, 200)}, ${candidate.name} ${JSON.stringify(actual).slice(0, 200)}`;
          }
        }
      } finally {
        expectedClient.close();
        actualClient.close();
      }
    }
    results.push({ variant: candidate.name, keys: DEMO_KEYS.length, queries: SAME_ANSWER_QUERIES.length, difference });
    log(
      difference
        ? `${candidate.name} answers differently from the served layer, so it is not measured: ${difference}`
        : `${candidate.name}: same data and errors as the served layer for ${DEMO_KEYS.length} demo keys × ${SAME_ANSWER_QUERIES.length} queries (${errors} errors in all)`,
    );
  }
  return results;
}

/** Every variant must answer each shape without errors and with the same bytes; counts the nodes returned. */
async function checkShapes(variants: Variant[], log: (line: string) => void): Promise<Checked[]> {
  const checked: Checked[] = [];
  for (const shape of SHAPES) {
    const payload = JSON.stringify({ query: shape.query });
    const bodies: { status: number; body: Buffer }[] = [];
    for (const v of variants) bodies.push(await v.client.post(payload));
    const reference = bodies[0];
    const parsed = JSON.parse(reference.body.toString('utf8')) as { data?: any; errors?: { message: string }[] };
    if (reference.status !== 200 || parsed.errors?.length) {
      throw new Error(`${shape.name}: status ${reference.status}, errors ${JSON.stringify(parsed.errors)}`);
    }
    bodies.forEach((b, i) => {
      if (!b.body.equals(reference.body)) throw new Error(`${shape.name}: variant ${variants[i].name} answers differently from ${variants[0].name}`);
    });
    const connections: any[] = parsed.data.villages ? parsed.data.villages.edges.map((e: any) => e.node.households) : [parsed.data.households];
    const households = connections.flatMap((c) => c.edges.map((e: any) => e.node));
    const members = households.reduce((n: number, h: any) => n + h.members.length, 0);
    const villages = parsed.data.villages ? parsed.data.villages.edges.length : 0;
    checked.push({ shape, payload, bytes: reference.body.length, households: households.length, members, villages });
    log(`${shape.name}: ${households.length} households, ${members} members, ${reference.body.length} bytes, no errors, identical in every variant`);
    if (shape.name.startsWith('nested') && households.length < 1000) {
      log(`  note: only ${households.length} household nodes; seed more households per village (BENCH_HOUSEHOLDS)`);
    }
  }
  return checked;
}

/** SQL statements one request sends (authentication and the request transaction included), at full size and at a tiny size of the same shape. */
async function countStatements(database: BenchDatabase, variants: Variant[]): Promise<PermissionLayerFigures['statements']> {
  const counter = database.db.sqlCounter;
  const count = async (variant: Variant, query: string) => {
    const before = counter.total;
    const res = await variant.client.post(JSON.stringify({ query }));
    if (res.status !== 200) throw new Error(`status ${res.status}`);
    return counter.total - before;
  };
  const rows: PermissionLayerFigures['statements'] = [];
  for (const shape of SHAPES) {
    for (const variant of variants) {
      rows.push({ shape: shape.name, variant: variant.name, full: await count(variant, shape.query), tiny: await count(variant, shape.tiny) });
    }
  }
  return rows;
}

/**
 * One warm-up round per variant, then `rounds` rounds in which the variants take turns, the order
 * reversed every round, with a full garbage collection after each so no variant pays for another's garbage.
 */
async function measure(variants: Variant[], check: Checked, concurrency: number, options: PermissionLayerBenchOptions): Promise<ShapeFigures> {
  const load = { concurrency, maxRequests: options.roundMaxRequests, maxSeconds: check.shape.roundSeconds, expectBytes: check.bytes };
  for (const v of variants) await runLoad(v.client, check.payload, { ...load, maxSeconds: load.maxSeconds / 2 });
  collectGarbage();
  const rounds: Record<string, number[]> = Object.fromEntries(variants.map((v) => [v.name, []]));
  const cpu: Record<string, number[]> = Object.fromEntries(variants.map((v) => [v.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? variants : [...variants].reverse();
    for (const v of order) {
      const result = await runLoad(v.client, check.payload, load);
      rounds[v.name].push(result.perSecond);
      cpu[v.name].push(result.cpuMsPerRequest);
      collectGarbage();
    }
  }
  const medians = (values: Record<string, number[]>) => Object.fromEntries(Object.entries(values).map(([name, xs]) => [name, median(xs)]));
  return { shape: check.shape.name, concurrency, perSecond: medians(rounds), rounds, cpuMs: medians(cpu) };
}

/** The statement with its row-scope predicates replaced by `true`. */
export function withoutRowScope(sql: string): string {
  const column = String.raw`(?:"?\w+"?\.)?"?(?:village_code|code)"?`;
  const predicate = String.raw`${column} like '${SCOPE_PREFIX}%'`;
  return sql.replace(new RegExp(String.raw`\(${predicate}\)`, 'g'), 'true').replace(new RegExp(predicate, 'g'), 'true');
}

function describeStatement(sql: string): string {
  if (/from "region"/.test(sql)) return 'villages list (region)';
  if (/row_number\(\) over/.test(sql)) return 'households of 20 villages (window)';
  if (/from "member"/.test(sql)) return 'members of the households';
  if (/from "household"/.test(sql)) return 'households list';
  return sql.replace(/\s+/g, ' ').slice(0, 40);
}

/**
 * Captures the list statements of one request per shape (those carrying the row-scope predicate)
 * and times each with and without the predicate, alternating, median: as the table owner (the
 * predicate alone) and, when the role exists, as the API's role under row-level security.
 */
async function timeRowScope(database: BenchDatabase, variant: Variant, checked: Checked[], log: (line: string) => void): Promise<RowScopeFigures[]> {
  const knex = database.db.orm.em.getConnection().getKnex();
  const captured: string[] = [];
  const listener = (query: { sql: string; bindings?: unknown[] }) => {
    // MikroORM inlines values; hand-written statements may not, and are skipped rather than guessed.
    if (query.sql.includes(`like '${SCOPE_PREFIX}%'`) && !query.bindings?.length) captured.push(query.sql);
  };
  knex.on('query', listener);
  try {
    for (const check of checked) await variant.client.post(check.payload);
  } finally {
    knex.off('query', listener);
  }

  const owner = new Client({ connectionString: database.url });
  const app = new Client({ connectionString: database.url });
  await owner.connect();
  await app.connect();
  const results: RowScopeFigures[] = [];
  try {
    let asApp = true;
    try {
      await app.query(`set role ${APP_ROLE}`);
      await app.query(`select set_config('jingzhun.scope_patterns', $1, false)`, [`${SCOPE_PREFIX}%`]);
    } catch {
      asApp = false;
      log(`  role ${APP_ROLE} not available: row-scope statements timed as the owner only`);
    }
    for (const scoped of captured) {
      const unscoped = withoutRowScope(scoped);
      if (unscoped === scoped) continue;
      const runs: { key: string; client: Client; sql: string }[] = [
        { key: 'owner-scoped', client: owner, sql: scoped },
        { key: 'owner-unscoped', client: owner, sql: unscoped },
        ...(asApp
          ? [
              { key: 'app-scoped', client: app, sql: scoped },
              { key: 'app-unscoped', client: app, sql: unscoped },
            ]
          : []),
      ];
      const rows = (await owner.query(scoped)).rowCount ?? 0;
      for (const run of runs) {
        const n = (await run.client.query(run.sql)).rowCount ?? 0;
        if (n !== rows) log(`  note: ${describeStatement(scoped)} returns ${n} rows as ${run.key}, ${rows} as owner-scoped`);
      }
      const times: Record<string, number[]> = Object.fromEntries(runs.map((r) => [r.key, []]));
      const deadline = performance.now() + 2_000;
      let repetitions = 0;
      while (repetitions < 300 && performance.now() < deadline) {
        for (const run of repetitions % 2 ? [...runs].reverse() : runs) {
          const t = performance.now();
          await run.client.query(run.sql);
          times[run.key].push(performance.now() - t);
        }
        repetitions += 1;
      }
      results.push({
        statement: describeStatement(scoped),
        rows,
        ownerMs: { scoped: median(times['owner-scoped']), unscoped: median(times['owner-unscoped']) },
        appMs: asApp ? { scoped: median(times['app-scoped']), unscoped: median(times['app-unscoped']) } : undefined,
        repetitions,
      });
    }
  } finally {
    await owner.end();
    await app.end();
  }
  log(`timed ${results.length} list statements with and without the row-scope predicate`);
  return results;
}

export function report(figures: PermissionLayerFigures, variantNames: string[]): string {
  const out: string[] = [];
  out.push(`Permission layer, key ${KEY} (POVERTY_OFFICE, scope ${SCOPE_PREFIX}), ${figures.households} households in the database`);
  out.push(`${os.cpus().length} CPUs, Node ${process.version}; load average ${figures.load.before} before, ${figures.load.after} after (other work on the machine makes req/s noisy)`);
  out.push('');
  out.push(formatTable(['shape', 'villages', 'households', 'members', 'bytes'], figures.checked.map((c) => [c.shape, c.villages, c.households, c.members, c.bytes])));
  out.push('');
  out.push('On vs off: req/s, median of interleaved rounds; on/off = ratio of the medians; paired = median (range) of the per-round ratios;');
  out.push('CPU = off/on ratio of the CPU ms this process spends per request (steadier than req/s on a shared machine)');
  out.push(
    formatTable(
      ['shape', 'conc', 'on req/s', 'off req/s', 'on/off', 'paired on/off', 'CPU off/on'],
      figures.throughput.map((t) => {
        const pairs = t.rounds.on.map((on, i) => on / t.rounds.off[i]);
        return [
          t.shape,
          t.concurrency,
          fixed(t.perSecond.on),
          fixed(t.perSecond.off),
          fixed(t.perSecond.on / t.perSecond.off, 2),
          `${fixed(median(pairs), 2)} (${fixed(Math.min(...pairs), 2)}–${fixed(Math.max(...pairs), 2)})`,
          fixed(t.cpuMs.off / t.cpuMs.on, 2),
        ];
      }),
    ),
  );
  out.push('');
  out.push('Every variant: req/s and CPU ms per request (process: servers + client), medians; ×off = relative to off');
  out.push(
    formatTable(
      ['shape', 'conc', 'variant', 'req/s', 'req/s ×off', 'CPU ms/req', 'CPU off/variant'],
      figures.throughput.flatMap((t) =>
        variantNames.map((n) => [
          t.shape,
          t.concurrency,
          n,
          fixed(t.perSecond[n]),
          fixed(t.perSecond[n] / t.perSecond.off, 2),
          fixed(t.cpuMs[n]),
          fixed(t.cpuMs.off / t.cpuMs[n], 2),
        ]),
      ),
    ),
  );
  out.push('');
  out.push('SQL statements per request (authentication and the request transaction included)');
  out.push(formatTable(['shape', 'variant', 'full size', 'tiny size'], figures.statements.map((s) => [s.shape, s.variant, s.full, s.tiny])));
  out.push('');
  out.push(`Row-scope predicate (like '${SCOPE_PREFIX}%'): median ms per statement, with / without it`);
  out.push(
    formatTable(
      ['statement', 'rows', 'owner with', 'owner without', 'ratio', 'API role with', 'API role without', 'ratio', 'reps'],
      figures.rowScope.map((r) => [
        r.statement,
        r.rows,
        fixed(r.ownerMs.scoped, 2),
        fixed(r.ownerMs.unscoped, 2),
        fixed(r.ownerMs.scoped / r.ownerMs.unscoped, 2),
        r.appMs ? fixed(r.appMs.scoped, 2) : '—',
        r.appMs ? fixed(r.appMs.unscoped, 2) : '—',
        r.appMs ? fixed(r.appMs.scoped / r.appMs.unscoped, 2) : '—',
        r.repetitions,
      ]),
    ),
  );
  out.push('');
  out.push(`(${figures.seconds.toFixed(0)} s)`);
  return out.join('\n');
}
