import { Client } from 'pg';
import { chinaToday } from '../src/config/clock';
import { startTestApp, type TestApp } from './harness';
import { moduleTestParts } from './module-files';
import type { ModulePlans, PlanLandmarks, ReadPath } from './module-plans';

/**
 * Every list and look-up statement the API sends on its main read paths, planned by PostgreSQL as
 * the API role under row-level security with the request's own scope, on a data set large enough
 * that indexes pay: none may scan a registry table sequentially, and no plan node may read and
 * discard more than ten rows for each row it returns. This is what keeps the scope predicates of
 * the policies and of the application index conditions (LIKE is not leakproof, so under row-level
 * security it never is one; see migration 2026-12-01 20 and src/policy/row-scope.ts).
 */

/** Each module's reads and tables, from its `<name>.plans.ts` (found through the module list). */
const parts = moduleTestParts<ModulePlans>('plans').map(({ part }) => part);

/** Reads of more than one module's records at once: household.measures and member.measures (the sync engine's), and one page of two sectors. */
const SHARED_READS: ReadPath[] = [
  ['measures of a household and its members', 'demo-poverty-office', (l) => `{ household(id: "${l.householdId}") { measures(sector: EDUCATION) { id } members { measures { id } } } }`],
  ['measures of a page of households', 'demo-auditor', () => `{ households(first: 50) { edges { node { measures { id } } } } }`],
  ['every sector’s measures of a member (insurer)', 'demo-health', (l) => `{ member(idNumber: "${l.idNumber}", purpose: "query plan test") { measures { id sector } } }`],
  ['measure totals of a page of households', 'demo-poverty-office', () => `{ households(first: 50) { edges { node { measureTotals(year: 2026) { sector amount count } } } } }`],
  ['employment and industry support of a page of households’ members', 'demo-auditor', () => `{ households(first: 50) { edges { node { members { employmentSupport { id } industrySupport { id } } } } } }`],
];

const READ_PATHS = [...parts.flatMap((p) => p.reads), ...SHARED_READS];
const REGISTRY_TABLES = new Set(parts.flatMap((p) => p.tables ?? []));
const REMOVED_PER_ROW = 10;
/** Below this a node's discarded rows cost nothing worth a failure (a parameter table has a dozen). */
const REMOVED_AT_LEAST = 100;

type Statement = { sql: string; bindings: unknown[] };
type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Actual Rows': number; 'Actual Loops': number; Plans?: PlanNode[] } & Record<string, unknown>;

let t: TestApp;
let landmarks: PlanLandmarks;

beforeAll(async () => {
  t = await startTestApp({ households: 8000 });
  // Visibility map and statistics as a live database has them; the planner's choices depend on both.
  await t.sql('vacuum analyze');
  const [{ village_code: village, id: householdId }] = await t.sql<{ village_code: string; id: number }>(
    `select village_code, max(id) as id from household where village_code like '430923%' group by village_code order by count(*) desc limit 1`,
  );
  const [{ id_number: idNumber }] = await t.sql<{ id_number: string }>(`select id_number from member where household_id = ? order by id limit 1`, [householdId]);
  // The demo data's gifts are this year's (seeds/demo/donations.ts).
  landmarks = { village, township: village.slice(0, 9), householdId, idNumber, thisYear: Number(chinaToday().slice(0, 4)) };
  // Traces to look at: a person looked up, and the audit entries a write leaves.
  await t.gql('demo-poverty-office', `{ member(idNumber: "${idNumber}", purpose: "query plan test") { id } }`);
}, 120_000);
afterAll(() => t.close());

/** The statements one GraphQL request sends, in order, with their bindings. */
async function statementsOf(key: string, query: string): Promise<Statement[]> {
  const statements: Statement[] = [];
  const knex = t.db.orm.em.getConnection().getKnex();
  const capture = (q: { sql: string; bindings?: unknown[] }) => statements.push({ sql: q.sql, bindings: q.bindings ?? [] });
  knex.on('query', capture);
  try {
    const { body } = await t.gql(key, query);
    expect(body.errors).toBeUndefined();
  } finally {
    knex.off('query', capture);
  }
  return statements;
}

function* nodes(plan: PlanNode): Generator<PlanNode> {
  yield plan;
  for (const child of plan.Plans ?? []) yield* nodes(child);
}

/** What is wrong with a plan, one line a node; empty when nothing is. */
function problems(plan: PlanNode): string[] {
  const found: string[] = [];
  for (const node of nodes(plan)) {
    const table = node['Relation Name'];
    if (node['Node Type'] === 'Seq Scan' && table && REGISTRY_TABLES.has(table)) found.push(`Seq Scan on ${table}`);
    for (const removed of ['Rows Removed by Filter', 'Rows Removed by Join Filter', 'Rows Removed by Index Recheck'] as const) {
      const n = Number(node[removed] ?? 0);
      if (n > REMOVED_AT_LEAST && n > REMOVED_PER_ROW * Math.max(node['Actual Rows'], 1)) {
        found.push(`${node['Node Type']}${table ? ` on ${table}` : ''}: ${removed} ${n} for ${node['Actual Rows']} rows returned`);
      }
    }
  }
  return found;
}

const isRead = (sql: string) => /^\s*(select|with)\b/i.test(sql) && !/set_config\(/.test(sql);

/**
 * Plans each read of the request in a transaction of the API role opened exactly as the request
 * opened its own (its opening statement replayed), then rolled back: EXPLAIN ANALYZE runs the statement.
 */
async function explainRequest(statements: Statement[]): Promise<{ sql: string; plan: PlanNode; problems: string[] }[]> {
  const scope = statements.find((s) => /set_config\('jingzhun\.scope_patterns'/.test(s.sql));
  expect(scope).toBeDefined();
  const reads = statements.filter((s) => isRead(s.sql));
  expect(reads.length).toBeGreaterThan(0);
  // A connection of its own as the API role, speaking PostgreSQL's placeholders: MikroORM splices
  // values into its text, plain-row reads send $1, $2 … with their bindings.
  const client = new Client({ connectionString: t.db.url });
  await client.connect();
  try {
    // The request's opening message, replayed: BEGIN and the caller's scope.
    await client.query(scope!.sql, scope!.bindings);
    // The fixed tables (regions, traces) are small here, where a sequential scan is the planner's
    // right choice. With it priced out, a Seq Scan left in a plan means no index can serve the
    // statement: the predicate itself is at fault, whatever the table's size.
    await client.query('set local enable_seqscan = off');
    const explained = [];
    for (const read of reads) {
      const { rows } = await client.query(`explain (analyze, format json) ${read.sql}`, read.bindings);
      const plan = (rows[0]['QUERY PLAN'] as { Plan: PlanNode }[])[0].Plan;
      explained.push({ sql: read.sql, plan, problems: problems(plan) });
    }
    return explained;
  } finally {
    await client.query('rollback').catch(() => undefined);
    await client.end();
  }
}


describe('query plans under row-level security', () => {
  it.each(READ_PATHS)('%s: no sequential scan of a registry table, no node discarding over 10 rows a row', async (_name, key, query) => {
    const explained = await explainRequest(await statementsOf(key, query(landmarks)));
    const failures = explained.filter((e) => e.problems.length > 0).map((e) => `${e.problems.join('; ')}\n  in: ${e.sql}`);
    expect(failures).toEqual([]);
  });
});

describe('the policies’ ranges', () => {
  it('show exactly the rows that start with a scope, for one scope or several, at any level', async () => {
    const { village, township } = landmarks;
    const patternSets = ['430923%', '430981%', '430923%,430981%', `${township}%`, `${village}%`, `${township}%,430981%`, `${village}%,${township}%`];
    const tables = parts.flatMap((p) => p.ranges ?? []);
    expect(tables.length).toBeGreaterThan(5);
    const count = (table: string, where: string) => `(select count(*)::int from ${table} where ${where}) as ${table}`;
    for (const patterns of patternSets) {
      const like = tables.map(([table, column]) => count(table, `${column} like any (string_to_array('${patterns}', ','))`)).join(', ');
      const [expected] = await t.sql(`select ${like}`);
      const client = new Client({ connectionString: t.db.url });
      await client.connect();
      try {
        await client.query('begin');
        await client.query(`select set_config('jingzhun.scope_patterns', $1, true)`, [patterns]);
        const { rows } = await client.query(`select ${tables.map(([table]) => count(table, 'true')).join(', ')}`);
        expect({ patterns, ...rows[0] }).toEqual({ patterns, ...expected });
      } finally {
        await client.query('rollback');
        await client.end();
      }
    }
    const [all] = await t.sql<{ n: number }>(`select count(*)::int as n from household where village_code like '430923%'`);
    expect(all.n).toBeGreaterThan(1000);
  });
});
