import { Client } from 'pg';
import { chinaToday } from '../src/config/clock';
import { startTestApp, type TestApp } from './harness';

/**
 * Every list and look-up statement the API sends on its main read paths, planned by PostgreSQL as
 * the API role under row-level security with the request's own scope, on a data set large enough
 * that indexes pay: none may scan a registry table sequentially, and no plan node may read and
 * discard more than ten rows for each row it returns. This is what keeps the scope predicates of
 * the policies and of the application index conditions (LIKE is not leakproof, so under row-level
 * security it never is one; see migration 2026-12-01 20 and src/policy/row-scope.ts).
 */
const REGISTRY_TABLES = new Set(['household', 'member', 'region', 'household_status_change', 'household_identification', 'audit_entry', 'access_log', 'organisation_pairing', 'student_aid', 'enrolment', 'insurance_enrolment', 'medical_claim', 'family_doctor_contract', 'social_assistance', 'housing_measure', 'employment_support', 'industry_support', 'donation', 'micro_loan', 'cadre', 'cadre_pairing', 'pairing_visit', 'work_team']);
const REMOVED_PER_ROW = 10;
/** The demo data's gifts are this year's (seeds/demo/donations.ts). */
const THIS_YEAR = Number(chinaToday().slice(0, 4));
/** Below this a node's discarded rows cost nothing worth a failure (a parameter table has a dozen). */
const REMOVED_AT_LEAST = 100;

type Statement = { sql: string; bindings: unknown[] };
type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Actual Rows': number; 'Actual Loops': number; Plans?: PlanNode[] } & Record<string, unknown>;

let t: TestApp;
let village: string;
let township: string;
let idNumber: string;
let householdId: number;

beforeAll(async () => {
  t = await startTestApp({ households: 8000 });
  // Visibility map and statistics as a live database has them; the planner's choices depend on both.
  await t.sql('vacuum analyze');
  [{ village_code: village, id: householdId }] = await t.sql<{ village_code: string; id: number }>(
    `select village_code, max(id) as id from household where village_code like '430923%' group by village_code order by count(*) desc limit 1`,
  );
  township = village.slice(0, 9);
  [{ id_number: idNumber }] = await t.sql<{ id_number: string }>(`select id_number from member where household_id = ? order by id limit 1`, [householdId]);
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

const READ_PATHS: [name: string, key: string, query: () => string][] = [
  ['villages list', 'demo-poverty-office', () => `{ villages(first: 20) { totalCount edges { node { code name township { name } } } } }`],
  ['villages of a township', 'demo-poverty-office', () => `{ villages(first: 20, filter: { regionCode: "${township}" }) { totalCount edges { node { code } } } }`],
  [
    'households of villages, with members',
    'demo-poverty-office',
    () => `{ villages(first: 3) { edges { node { code households(first: 50) { totalCount edges { node { number status head { name } members { name idNumber birthDate } } } } } } } }`,
  ],
  ['village by code, its households', 'demo-poverty-office', () => `{ village(code: "${village}") { name households(first: 50) { edges { node { number members { name } } } } } }`],
  [
    'household detail',
    'demo-poverty-office',
    () => `{ household(id: "${householdId}") { number village { name } members { name idNumber relation } head { name } statusHistory { toStatus } identification { excludedBy } } }`,
  ],
  ['households list (bank): its borrowers', 'demo-finance', () => `{ households(first: 100) { totalCount edges { node { number members { name idNumber } } } } }`],
  ['households of a township (bank): its borrowers', 'demo-finance', () => `{ households(first: 50, filter: { regionCode: "${township}" }) { totalCount edges { node { number head { name } } } } }`],
  ['households list (employment bureau): members of working age', 'demo-employment', () => `{ households(first: 50) { totalCount edges { node { number members { name labourCapacity employment } } } } }`],
  [
    'households list with filters',
    'demo-poverty-office',
    () => `{ households(first: 50, filter: { regionCode: "${township}", status: [NOT_EXITED, EXITED], category: [GENERAL] }) { totalCount edges { node { number } } } }`,
  ],
  ['households by priority', 'demo-poverty-office', () => `{ households(first: 50, orderBy: PRIORITY) { edges { node { number priorityScore } } } }`],
  ['member by ID number', 'demo-health', () => `{ member(idNumber: "${idNumber}", purpose: "query plan test") { name household { number village { name } } } }`],
  ['loanEligibility', 'demo-finance', () => `{ loanEligibility(idNumber: "${idNumber}", purpose: "query plan test") { eligible reasons } }`],
  ['auditLog', 'demo-auditor', () => `{ auditLog(first: 50) { totalCount edges { node { operation entity regionCode } } } }`],
  ['auditLog of a region', 'demo-auditor', () => `{ auditLog(first: 50, filter: { regionCode: "${township}" }) { totalCount edges { node { operation } } } }`],
  ['accessHistory', 'demo-auditor', () => `{ accessHistory(idNumber: "${idNumber}") { at purpose organisation { name } } }`],
  ['region children', 'demo-poverty-office', () => `{ region(code: "430923000000") { name children { code name children { code } } } }`],
  ['measures of a member (education bureau)', 'demo-education', () => `{ member(idNumber: "${idNumber}", purpose: "query plan test") { measures { id date } studentAid { amount } enrolments { status } } }`],
  ['measures of a household and its members', 'demo-poverty-office', () => `{ household(id: "${householdId}") { measures(sector: EDUCATION) { id } members { measures { id } } } }`],
  ['assurance, its schooling, insurance and housing from partners’ records', 'demo-poverty-office', () => `{ household(id: "${householdId}") { assurance(year: 2026) { items { item verdict evidence { source } } } } }`],
  ['measures of a page of households', 'demo-auditor', () => `{ households(first: 50) { edges { node { measures { id } } } } }`],
  ['every sector’s measures of a member (insurer)', 'demo-health', () => `{ member(idNumber: "${idNumber}", purpose: "query plan test") { measures { id sector } } }`],
  ['控辍保学: out-of-school children (education bureau)', 'demo-education', () => `{ outOfSchoolChildren(first: 50) { totalCount edges { cursor node { name birthDate } } } }`],
  ['控辍保学: out-of-school children of a township (poverty office)', 'demo-poverty-office', () => `{ outOfSchoolChildren(first: 50, regionCode: "${township}") { totalCount edges { node { name } } } }`],
  ['应助尽助: students without aid (education bureau)', 'demo-education', () => `{ studentsWithoutAid(first: 50) { totalCount edges { cursor node { name } } } }`],
  ['应助尽助: students without aid of a township (poverty office)', 'demo-poverty-office', () => `{ studentsWithoutAid(first: 50, regionCode: "${township}") { totalCount edges { node { name } } } }`],
  ['health records of a member (insurer)', 'demo-health', () => `{ member(idNumber: "${idNumber}", purpose: "query plan test") { insuranceEnrolments { year } medicalClaims { outOfPocketShare } familyDoctorContracts { team } } }`],
  ['health records of a page of households’ members', 'demo-auditor', () => `{ households(first: 50) { edges { node { members { insuranceEnrolments { id } medicalClaims { id } } } } } }`],
  ['social assistance of a member (civil affairs)', 'demo-civil-affairs', () => `{ member(idNumber: "${idNumber}", purpose: "query plan test") { socialAssistance { amount from to } } }`],
  ['低保 mismatches (poverty office)', 'demo-poverty-office', () => `{ socialAssistanceMismatches(first: 50) { totalCount edges { cursor node { amount household { number } } } } }`],
  ['低保 mismatches of a township (auditor)', 'demo-auditor', () => `{ socialAssistanceMismatches(first: 50, regionCode: "${township}") { totalCount edges { node { id } } } }`],
  ['housing of a page of households (housing bureau)', 'demo-housing', () => `{ households(first: 50) { edges { node { latestHousingAssessment { grade } housingRenovations { subsidy } relocations { site } } } } }`],
  ['measure totals of a page of households', 'demo-poverty-office', () => `{ households(first: 50) { edges { node { measureTotals(year: 2026) { sector amount count } } } } }`],
  ['employment support of a member (human resources bureau)', 'demo-employment', () => `{ member(idNumber: "${idNumber}", purpose: "query plan test") { employmentSupport { employment } measures { id } } }`],
  ['employment and industry support of a page of households’ members', 'demo-auditor', () => `{ households(first: 50) { edges { node { members { employmentSupport { id } industrySupport { id } } } } } }`],
  ['a donor’s gifts of the year (CPPCC)', 'demo-cppcc', () => `{ donations(year: ${THIS_YEAR}) { externalId amount householdNumber } }`],
  ['the gifts of the county (poverty office)', 'demo-poverty-office', () => `{ donations(year: ${THIS_YEAR}) { externalId amount } }`],
  ['donors’ totals against the thresholds (poverty office)', 'demo-poverty-office', () => `{ donationTotals(year: ${THIS_YEAR}) { donor amount threshold met } }`],
  ['a village’s public notice of gifts (business association)', 'demo-business-association', () => `{ donationNotice(villageCode: "${village}", year: ${THIS_YEAR}) { csv entries { amount withheld } } }`],
  ['households without a small loan 应贷尽贷 (poverty office)', 'demo-poverty-office', () => `{ householdsWithoutLoans(first: 50) { totalCount edges { cursor node { number } } } }`],
  ['households without a small loan of a township (auditor)', 'demo-auditor', () => `{ householdsWithoutLoans(first: 50, regionCode: "${township}") { totalCount edges { node { id } } } }`],
  ['overdue loans (poverty office)', 'demo-poverty-office', () => `{ overdueLoans(first: 50) { totalCount edges { cursor node { amount ... on MicroLoan { overdueDays loanNumber } recordedBy { name } } } } }`],
  ['loans of exited or removed households (poverty office)', 'demo-poverty-office', () => `{ loansOfDepartedHouseholds(first: 50) { totalCount edges { node { amount household { status } } } } }`],
  ['a member’s loans (bank)', 'demo-finance', () => `{ member(idNumber: "${idNumber}", purpose: "query plan test") { microLoans { loanNumber } measures { id } } }`],
  ['industry support of a household (poverty office)', 'demo-poverty-office', () => `{ household(id: "${householdId}") { measures(sector: INDUSTRY) { id amount } members { industrySupport { project } } } }`],
  ['a backing unit’s households, their pairings and visits', 'demo-backing-unit', () => `{ households(first: 50) { totalCount edges { node { number members { name relation } cadrePairings { since cadre { name } visits { date } } } } } }`],
  ['全覆盖: households without a cadre (poverty office)', 'demo-poverty-office', () => `{ uncoveredHouseholds(first: 50) { totalCount edges { cursor node { number } } } }`],
  ['全覆盖 of a township (auditor)', 'demo-auditor', () => `{ uncoveredHouseholds(first: 50, regionCode: "${township}") { totalCount edges { node { number } } } }`],
  ['每月走访: pairings without a visit in the last month', 'demo-poverty-office', () => `{ pairingsWithoutRecentVisit(first: 50) { totalCount edges { cursor node { since cadre { name } household { number } visits { date } } } } }`],
  ['work teams whose unit head has not come this quarter', 'demo-poverty-office', () => `{ workTeamsWithoutUnitHeadVisit(first: 50) { totalCount edges { node { since village { name } firstSecretary { name } } } } }`],
  ['cadres over the pairing limit', 'demo-auditor', () => `{ cadresOverLimit(first: 50, regionCode: "430923") { totalCount edges { node { name activePairings } } } }`],
];

describe('query plans under row-level security', () => {
  it.each(READ_PATHS)('%s: no sequential scan of a registry table, no node discarding over 10 rows a row', async (_name, key, query) => {
    const explained = await explainRequest(await statementsOf(key, query()));
    const failures = explained.filter((e) => e.problems.length > 0).map((e) => `${e.problems.join('; ')}\n  in: ${e.sql}`);
    expect(failures).toEqual([]);
  });
});

describe('the policies’ ranges', () => {
  it('show exactly the rows that start with a scope, for one scope or several, at any level', async () => {
    const patternSets = ['430923%', '430981%', '430923%,430981%', `${township}%`, `${village}%`, `${township}%,430981%`, `${village}%,${township}%`];
    const tables: [table: string, column: string][] = [
      ['household', 'village_code'],
      ['region', 'code'],
      ['audit_entry', 'region_code'],
      ['access_log', 'region_code'],
      ['organisation_pairing', 'village_code'],
      ['social_assistance', 'village_code'],
      ['housing_measure', 'village_code'],
      ['cadre_pairing', 'village_code'],
      ['pairing_visit', 'village_code'],
      ['donation', 'village_code'],
    ];
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
