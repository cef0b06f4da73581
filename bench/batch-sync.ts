/**
 * The batch-sync engine against PostgreSQL's own bulk load (issue 11), for one representative
 * mutation per sector (issue 12): each through the API (validation, people matched by ID number,
 * the sector's rules, the upsert and one audit entry per record on the hash chain, all in the
 * request's transaction), next to `COPY` of the same rows into the same table by the owner, in the
 * same run on the kept 1M database. Writes bench/sync-results.md; docs/benchmarks.md explains the method.
 */

// The sectors' declarations bring their decorated GraphQL types with them.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { chinaToday } from '../src/config/clock';
import { codeRange } from '../src/policy/row-scope';
import { academicYearOn } from '../src/modules/education/education.rules';
import { STUDENT_AID } from '../src/modules/education/education.sync';
import { MEDICAL_CLAIM } from '../src/modules/health/health.sync';
import { SOCIAL_ASSISTANCE } from '../src/modules/civil-affairs/civil-affairs.sync';
import { HOUSING_MEASURE } from '../src/modules/housing/housing.sync';
import { EMPLOYMENT_SUPPORT } from '../src/modules/employment/employment.sync';
import { INDUSTRY_SUPPORT } from '../src/modules/industry/industry.sync';
import type { AnyKind, Person } from '../src/sync/sync-kind';
import { RECORD_COLUMNS } from '../src/sync/sync.sql';
import { backendCpu, backendCpuSpent, buildApi, cpuMsOf, machineTicks, memoryOf, sqlStatementsSoFar, startApi, TICKS_PER_SECOND, type Child } from './processes';
import { ensureReadPathData, FULL_HOUSEHOLDS } from './read-path-data';
import { markdownTable } from './lib';

const COUNTY = '430923';
const BATCH = 1_000;
const API_ROLE = 'jingzhun_api';

/** One sector's batch mutation as the bench drives it. */
export type SectorBench = {
  sector: string;
  /** The sector's own declaration: the mutation, and the table and columns the COPY comparison loads. */
  kind: AnyKind;
  /** The GraphQL input type of its records. */
  input: string;
  /** The demo key of the sector's organisation in county 430923. */
  key: string;
  /** Full years today of the people its records fit, both included. */
  ages: readonly [number, number];
  /** A record valid under the sector's rules for `person` (any of those `ages` admits), as a partner sends it, but its externalId. */
  record: (person: Person, today: string) => Record<string, unknown>;
};

const daysBefore = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/**
 * One representative mutation per sector: the kind each sector sends most of, with amounts within
 * its ceilings. Adding a sector to the bench is one entry here.
 */
export const SECTORS: readonly SectorBench[] = [
  {
    sector: 'education', kind: STUDENT_AID, input: 'StudentAidRecord', key: 'demo-education', ages: [8, 14],
    // 营养改善计划 at 4 yuan a school day: a kind every pupil aged 5 to 17 may receive.
    record: (p, today) => ({ idNumber: p.idNumber, kind: 'NUTRITION_MEALS', school: '城关镇中心小学', academicYear: academicYearOn(today), term: 'AUTUMN', days: 100, amount: '400.00', paidOn: today }),
  },
  {
    sector: 'health', kind: MEDICAL_CLAIM, input: 'MedicalClaimRecord', key: 'demo-health', ages: [18, 80],
    // A week in hospital whose five parts add up to the total, as claimProblems demands.
    record: (p, today) => ({
      idNumber: p.idNumber, hospital: '安化县人民医院', setting: 'INPATIENT', admittedOn: daysBefore(today, 7), dischargedOn: today,
      totalCost: '5000.00', eligibleCost: '4500.00', basicInsurance: '3200.00', criticalIllnessInsurance: '600.00', medicalAssistance: '500.00',
      supplementaryInsurance: '300.00', outOfPocket: '400.00', oneStopSettlement: true,
    }),
  },
  {
    sector: 'civil-affairs', kind: SOCIAL_ASSISTANCE, input: 'SocialAssistanceRecord', key: 'demo-civil-affairs', ages: [18, 80],
    // 低保, the kind whose check reads the region's standard (286 yuan a month in Hunan since 2018, migration 2026-12-04 00): the sector's rules statement runs.
    record: (p, today) => ({ idNumber: p.idNumber, kind: 'SUBSISTENCE_ALLOWANCE', amount: '280.00', from: today, to: null }),
  },
  {
    sector: 'housing', kind: HOUSING_MEASURE, input: 'HousingMeasureRecord', key: 'demo-housing', ages: [18, 80],
    record: (p, today) => ({ idNumber: p.idNumber, kind: 'RENOVATION', date: daysBefore(today, 90), subsidy: '8000.00', completedOn: today }),
  },
  {
    sector: 'employment', kind: EMPLOYMENT_SUPPORT, input: 'EmploymentSupportRecord', key: 'demo-employment', ages: [20, 55],
    record: (p, today) => ({ idNumber: p.idNumber, kind: 'PUBLIC_WELFARE_POST', title: '生态护林员', amount: '360.00', date: today, until: `${today.slice(0, 4)}-12-31` }),
  },
  {
    // The poverty office records industry support: there is no agriculture role.
    sector: 'industry', kind: INDUSTRY_SUPPORT, input: 'IndustrySupportRecord', key: 'demo-poverty-office', ages: [18, 80],
    record: (p, today) => ({ idNumber: p.idNumber, kind: 'SPECIALTY_FARMING_SUBSIDY', project: '特色种养(茶叶)', amount: '2000.00', paidOn: today }),
  },
];

export type BatchSyncOptions = { batches: number; clients: number[]; sectors: readonly SectorBench[]; output: string; log: (line: string) => void };

type Run = {
  label: string; records: number; seconds: number; apiCpuMs?: number; dbCpuMs?: number; statements?: number;
  /** The machine's CPU that neither the API, its backends nor the bench took, as a share of all of it: the other engineer's jobs. */
  othersShare?: number;
};
type SectorResult = { sector: SectorBench; load: number; runs: Run[]; copy: Run };

/** Registered people of the county of the sector's ages today, whom its organisation may write for. */
async function peopleOf(owner: Client, sector: SectorBench, today: string): Promise<Person[]> {
  const [youngest, oldest] = sector.ages;
  const { rows } = await owner.query<Person>(
    `select m.id_number as "idNumber", m.id as "memberId", h.id as "householdId", h.village_code as "villageCode", m.birth_date::text as "birthDate"
       from member m join household h on h.id = m.household_id
      where h.village_code between $1 and $2 and h.status <> 'REMOVED'
        and m.birth_date > ($3::date - make_interval(years => $4)) and m.birth_date <= ($3::date - make_interval(years => $5))
      order by m.id limit $6`,
    [codeRange(COUNTY).from, codeRange(COUNTY).to, today, oldest + 1, youngest, BATCH],
  );
  if (rows.length < BATCH) throw new Error(`only ${rows.length} people aged ${youngest} to ${oldest} in county ${COUNTY}; ${sector.sector} needs ${BATCH}`);
  return rows;
}

async function syncBatch(api: Child, sector: SectorBench, records: unknown[]): Promise<void> {
  const operation = sector.kind.operation;
  const res = await fetch(`http://127.0.0.1:${api.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${sector.key}` },
    body: JSON.stringify({ query: `mutation($records: [${sector.input}!]!) { ${operation}(records: $records) { created rejected { index field code message } } }`, variables: { records } }),
  });
  const body = (await res.json()) as { data?: Record<string, { created: number; rejected: unknown[] } | undefined>; errors?: unknown };
  const result = body.data?.[operation];
  // A faster wrong answer measures nothing: every record must be created.
  if (!result || result.created !== records.length || result.rejected.length > 0) {
    throw new Error(`${operation} answered ${res.status}: ${JSON.stringify(body).slice(0, 600)}`);
  }
}

/** `batches` batches of new records, by `clients` callers at once; CPU of the API and of its backends, and statements, per record and batch. */
async function apiRun(api: Child, owner: Client, sector: SectorBench, people: Person[], tag: string, batches: number, clients: number, today: string): Promise<Run> {
  const bodies = Array.from({ length: batches }, (_, b) => people.map((p, i) => ({ externalId: `${tag}-${b}-${i}`, ...sector.record(p, today) })));
  const [statements0, cpu0, db0, machine0, bench0, t0] = [await sqlStatementsSoFar(api), cpuMsOf(api.pid), await backendCpu(owner, API_ROLE), machineTicks(), process.cpuUsage(), performance.now()];
  let next = 0;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < bodies.length) await syncBatch(api, sector, bodies[next++]);
  }));
  const seconds = (performance.now() - t0) / 1000;
  const [apiMs, dbMs, machine, bench] = [cpuMsOf(api.pid) - cpu0, backendCpuSpent(db0, await backendCpu(owner, API_ROLE)), machineTicks(), process.cpuUsage(bench0)];
  const total = batches * BATCH;
  const tickMs = 1000 / TICKS_PER_SECOND;
  const othersMs = (machine.busy - machine0.busy) * tickMs - apiMs - dbMs - (bench.user + bench.system) / 1000;
  return {
    label: `API, ${clients} ${clients === 1 ? 'caller' : 'callers at once'}`,
    records: total,
    seconds,
    apiCpuMs: apiMs / total,
    dbCpuMs: dbMs / total,
    statements: ((await sqlStatementsSoFar(api)) - statements0) / batches,
    othersShare: Math.max(0, othersMs) / ((machine.total - machine0.total) * tickMs),
  };
}

/**
 * The rows an API run stored, loaded again under new externalIds by the owner with COPY, one COPY
 * of a batch at a time: the same column values in the same table, from the sector's declaration,
 * so a new sector needs no COPY of its own. Read before the clock starts.
 */
async function copyRun(owner: Client, sector: SectorBench, stored: string, tag: string, batches: number): Promise<Run> {
  const { table, columns } = sector.kind;
  // externalId first, so that each line's own is the text before its first tab.
  const names = ['external_id', 'organisation_id', 'api_key_id', ...[...RECORD_COLUMNS, ...columns].map((c) => c.name).filter((n) => n !== 'external_id')];
  const chunks: Buffer[] = [];
  // COPY … TO takes no bound values; the tag is the bench's own text, without quotes.
  const out = owner.query(copyTo(`copy (select ${names.join(', ')} from ${table} where external_id like '${stored}-%' order by id) to stdout`));
  for await (const chunk of out) chunks.push(chunk as Buffer);
  const rests = Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean).map((line) => line.slice(line.indexOf('\t')));
  if (rests.length !== batches * BATCH) throw new Error(`${table} holds ${rests.length} rows of ${stored}, not ${batches * BATCH}`);
  const t0 = performance.now();
  for (let b = 0; b < batches; b++) {
    const copy = owner.query(copyFrom(`copy ${table} (${names.join(', ')}) from stdin`));
    await pipeline(Readable.from(rests.slice(b * BATCH, (b + 1) * BATCH).map((rest, i) => `${tag}-${b}-${i}${rest}\n`)), copy);
  }
  return { label: 'COPY (owner, no validation, no audit)', records: batches * BATCH, seconds: (performance.now() - t0) / 1000 };
}

async function benchSector(api: Child, owner: Client, sector: SectorBench, tag: string, options: BatchSyncOptions, today: string): Promise<SectorResult> {
  const load = os.loadavg()[0];
  const people = await peopleOf(owner, sector, today);
  await apiRun(api, owner, sector, people, `${tag}-warm`, 2, 1, today);
  const runs: Run[] = [];
  for (const clients of options.clients) {
    runs.push(await apiRun(api, owner, sector, people, `${tag}-api${clients}`, options.batches, clients, today));
    options.log(`  ${sector.sector}, ${clients} at once: ${Math.round(perSecond(runs.at(-1)!))} records/s, ${runs.at(-1)!.statements} statements a batch`);
  }
  const copy = await copyRun(owner, sector, `${tag}-api${options.clients[0]}`, `${tag}-copy`, options.batches);
  options.log(`  ${sector.sector}, COPY: ${Math.round(perSecond(copy))} records/s`);
  return { sector, load, runs, copy };
}

export async function batchSyncBench(options: BatchSyncOptions): Promise<void> {
  const started = performance.now();
  const loadBefore = os.loadavg()[0];
  buildApi(options.log);
  const data = await ensureReadPathData({ households: FULL_HOUSEHOLDS, log: options.log });
  const owner = new Client({ connectionString: data.ownerUrl });
  await owner.connect();
  const api = await startApi(data.apiUrl, 4);
  const tag = `bench-${Date.now().toString(36)}`;
  const tagOf = (sector: SectorBench) => `${tag}-${sector.sector.replace(/\W+/g, '-')}`;
  try {
    const today = chinaToday();
    const results: SectorResult[] = [];
    for (const sector of options.sectors) results.push(await benchSector(api, owner, sector, tagOf(sector), options, today));
    const peakMb = memoryOf(api.pid).peakMb;
    writeFileSync(options.output, report(data.members, results, options.clients, loadBefore, peakMb, (performance.now() - started) / 1000));
    options.log(`wrote ${options.output}`);
  } finally {
    // The kept database stays as it was: the bench's own records go (their audit entries stay, as the audit log's do).
    for (const sector of options.sectors) await owner.query(`delete from ${sector.kind.table} where external_id like $1`, [`${tagOf(sector)}-%`]).catch(() => undefined);
    await api.stop();
    await owner.end();
  }
}

const perSecond = (r: Run) => r.records / r.seconds;
const µs = (ms: number | undefined) => (ms === undefined ? '' : (ms * 1000).toFixed(0));
const statements = (n: number | undefined) => (n === undefined ? '' : Number.isInteger(n) ? String(n) : n.toFixed(2));
const share = (n: number | undefined) => (n === undefined ? '' : `${Math.round(n * 100)} %`);

function report(members: number, results: SectorResult[], clients: number[], loadBefore: number, peakMb: number, seconds: number): string {
  const ratio = (r: Run, copy: Run) => (perSecond(r) / perSecond(copy)).toFixed(2);
  const met = (ok: boolean) => (ok ? 'met' : '**missed**');
  const bySector = results.map(({ sector, load, runs, copy }) => {
    const best = runs.reduce((a, b) => (perSecond(a) >= perSecond(b) ? a : b));
    const [first] = runs;
    return [
      sector.sector,
      `\`${sector.kind.operation}\``,
      ...runs.flatMap((r) => [Math.round(perSecond(r)).toLocaleString('en'), ratio(r, copy)]),
      Math.round(perSecond(copy)).toLocaleString('en'),
      µs(first.apiCpuMs),
      µs(first.dbCpuMs),
      statements(first.statements),
      load.toFixed(1),
      share(first.othersShare),
      `${met(perSecond(best) >= 5000)} / ${met(perSecond(best) / perSecond(copy) >= 0.2)}`,
    ];
  });
  const everyRun = results.flatMap(({ sector, runs, copy }) =>
    [...runs, copy].map((r) => [
      sector.sector,
      r.label,
      r.records.toLocaleString('en'),
      `${r.seconds.toFixed(2)} s`,
      Math.round(perSecond(r)).toLocaleString('en'),
      r === copy ? '1' : ratio(r, copy),
      µs(r.apiCpuMs),
      µs(r.dbCpuMs),
      statements(r.statements),
      share(r.othersShare),
    ]),
  );
  const callers = (n: number) => `${n} ${n === 1 ? 'caller' : 'callers'}`;
  return `# Batch-sync bench results

<!-- Generated by \`npm run bench -- batch-sync\` (bench/batch-sync.ts); the method is in docs/benchmarks.md. -->

${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; Node ${process.version}, ${os.cpus().length} CPUs, 1-minute load average ${loadBefore.toFixed(2)} at the start and ${os.loadavg()[0].toFixed(2)} at the end (and at each sector's start, below). ${members.toLocaleString('en')} members; for each sector, batches of ${BATCH.toLocaleString('en')} new records of one representative mutation for 1,000 of the county's people, every one created; the whole run took ${seconds.toFixed(0)} s. API peak RSS ${peakMb.toFixed(0)} MB.

Goals (issue 11): ≥ 5,000 records/s in 1,000-record batches with validation and audit on, and ≥ 0.2× a raw \`COPY\` of the same rows, each judged on the sector's best run. CPU and statements are those of the ${callers(clients[0])} run; batches carry no batchId (one adds its look-up and its storing, 2 statements), and a fraction of a statement is the API key's look-up once its cache has expired (every 5 s). "Others' CPU" is the share of the machine's CPU that neither the API, its PostgreSQL backends nor the bench took during the run.

${markdownTable(
  [
    'sector', 'mutation',
    ...clients.flatMap((n) => [`records/s, ${callers(n)}`, '× COPY']),
    'COPY records/s', 'API CPU µs / record', 'PostgreSQL CPU µs / record', 'statements / batch', 'load (1 min)', "others' CPU", 'goals: records/s / × COPY',
  ],
  bySector,
)}

Every run:

${markdownTable(['sector', 'run', 'records', 'time', 'records/s', '× COPY', 'API CPU µs / record', 'PostgreSQL CPU µs / record', 'statements / batch', "others' CPU"], everyRun)}
`;
}
