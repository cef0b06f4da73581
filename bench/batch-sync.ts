/**
 * The batch-sync engine against PostgreSQL's own bulk load (issue 11): the education bureau's
 * `syncStudentAid` through the API (validation, people matched by ID number, the upsert and one
 * audit entry per record on the hash chain, all in the request's transaction), next to `COPY` of
 * the same rows into the same table by the owner, in the same run on the kept 1M database.
 * Writes bench/sync-results.md; docs/benchmarks.md explains the method.
 */

import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { chinaToday } from '../src/config/clock';
import { fenToYuan } from '../src/graphql/money.scalar';
import { codeRange } from '../src/policy/row-scope';
import { backendCpu, backendCpuSpent, buildApi, cpuMsOf, memoryOf, startApi, type Child } from './processes';
import { ensureReadPathData, FULL_HOUSEHOLDS } from './read-path-data';
import { markdownTable } from './lib';

const COUNTY = '430923';
const BATCH = 1_000;
const API_ROLE = 'jingzhun_api';
const SYNC = `mutation($records: [StudentAidRecord!]!) { syncStudentAid(records: $records) { created updated unchanged rejected { index field code message } } }`;
/** 营养改善计划 at 4 yuan a school day: a kind every pupil aged 5 to 17 may receive. */
const AID = { kind: 'NUTRITION_MEALS', school: '城关镇中心小学', term: 'AUTUMN', days: 100, amountFen: 40_000 };

export type BatchSyncOptions = { batches: number; clients: number[]; output: string; log: (line: string) => void };

type Pupil = { idNumber: string; memberId: number; householdId: number; villageCode: string };
type Run = { label: string; records: number; seconds: number; apiCpuMs?: number; dbCpuMs?: number };

/** Registered pupils of the county aged 8 to 14 today, whom the education bureau may write aid for. */
async function pupils(owner: Client, today: string): Promise<Pupil[]> {
  const { rows } = await owner.query<Pupil>(
    `select m.id_number as "idNumber", m.id as "memberId", h.id as "householdId", h.village_code as "villageCode"
       from member m join household h on h.id = m.household_id
      where h.village_code between $1 and $2 and h.status <> 'REMOVED'
        and m.birth_date > ($3::date - interval '15 years') and m.birth_date <= ($3::date - interval '8 years')
      order by m.id limit $4`,
    [codeRange(COUNTY).from, codeRange(COUNTY).to, today, BATCH],
  );
  if (rows.length < BATCH) throw new Error(`only ${rows.length} pupils aged 8 to 14 in county ${COUNTY}; the bench needs ${BATCH}`);
  return rows;
}

const academicYear = (today: string) => {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) >= 9 ? `${year}-${year + 1}` : `${year - 1}-${year}`;
};

async function syncBatch(api: Child, records: unknown[]): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${api.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer demo-education' },
    body: JSON.stringify({ query: SYNC, variables: { records } }),
  });
  const body = (await res.json()) as { data?: { syncStudentAid: { created: number; rejected: unknown[] } }; errors?: unknown };
  const result = body.data?.syncStudentAid;
  // A faster wrong answer measures nothing: every record must be created.
  if (!result || result.created !== records.length || result.rejected.length > 0) {
    throw new Error(`syncStudentAid answered ${res.status}: ${JSON.stringify(body).slice(0, 600)}`);
  }
}

/** `batches` batches of new records, by `clients` callers at once; CPU of the API and of its backends per record. */
async function apiRun(api: Child, owner: Client, pupils: Pupil[], tag: string, batches: number, clients: number, today: string): Promise<Run> {
  const records = (b: number) =>
    pupils.map((p, i) => ({
      externalId: `${tag}-${b}-${i}`, idNumber: p.idNumber, kind: AID.kind, school: AID.school, academicYear: academicYear(today),
      term: AID.term, days: AID.days, amount: fenToYuan(AID.amountFen), paidOn: today,
    }));
  const bodies = Array.from({ length: batches }, (_, b) => records(b));
  const [cpu0, db0, t0] = [cpuMsOf(api.pid), await backendCpu(owner, API_ROLE), performance.now()];
  let next = 0;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < bodies.length) await syncBatch(api, bodies[next++]);
  }));
  const seconds = (performance.now() - t0) / 1000;
  const total = batches * BATCH;
  return {
    label: `API, ${clients} ${clients === 1 ? 'caller' : 'callers at once'}`,
    records: total,
    seconds,
    apiCpuMs: (cpuMsOf(api.pid) - cpu0) / total,
    dbCpuMs: backendCpuSpent(db0, await backendCpu(owner, API_ROLE)) / total,
  };
}

/** The same rows as the API stores them, by the owner with COPY, one COPY of a batch at a time. */
async function copyRun(owner: Client, pupils: Pupil[], tag: string, batches: number, today: string, organisationId: number, apiKeyId: number): Promise<Run> {
  const line = (p: Pupil, b: number, i: number) =>
    [organisationId, apiKeyId, `${tag}-${b}-${i}`, p.memberId, p.householdId, p.villageCode, today, AID.amountFen, AID.kind, AID.school, academicYear(today), AID.term, AID.days].join('\t') + '\n';
  const t0 = performance.now();
  for (let b = 0; b < batches; b++) {
    const copy = owner.query(copyFrom(`copy student_aid (organisation_id, api_key_id, external_id, member_id, household_id, village_code, date, amount_fen, kind, school, academic_year, term, days) from stdin`));
    await pipeline(Readable.from(pupils.map((p, i) => line(p, b, i))), copy);
  }
  return { label: 'COPY (owner, no validation, no audit)', records: batches * BATCH, seconds: (performance.now() - t0) / 1000 };
}

export async function batchSyncBench(options: BatchSyncOptions): Promise<void> {
  const started = performance.now();
  buildApi(options.log);
  const data = await ensureReadPathData({ households: FULL_HOUSEHOLDS, log: options.log });
  const owner = new Client({ connectionString: data.ownerUrl });
  await owner.connect();
  const api = await startApi(data.apiUrl, 4);
  const tag = `bench-${Date.now().toString(36)}`;
  try {
    const today = chinaToday();
    const who = await pupils(owner, today);
    const [{ organisationId }] = (await owner.query<{ organisationId: number }>(`select id as "organisationId" from organisation where role = 'EDUCATION' and scopes = $1`, [[COUNTY]])).rows;
    await apiRun(api, owner, who, `${tag}-warm`, 2, 1, today);
    const runs: Run[] = [];
    for (const clients of options.clients) {
      runs.push(await apiRun(api, owner, who, `${tag}-api${clients}`, options.batches, clients, today));
      options.log(`  API, ${clients} at once: ${Math.round(runs.at(-1)!.records / runs.at(-1)!.seconds)} records/s`);
    }
    const [{ apiKeyId }] = (await owner.query<{ apiKeyId: number }>(`select api_key_id as "apiKeyId" from student_aid where external_id like $1 limit 1`, [`${tag}-%`])).rows;
    const copy = await copyRun(owner, who, `${tag}-copy`, options.batches, today, organisationId, apiKeyId);
    options.log(`  COPY: ${Math.round(copy.records / copy.seconds)} records/s`);
    const peakMb = memoryOf(api.pid).peakMb;
    writeFileSync(options.output, report(data.members, runs, copy, peakMb, (performance.now() - started) / 1000));
    options.log(`wrote ${options.output}`);
  } finally {
    // The kept database stays as it was: the bench's own records go (their audit entries stay, as the audit log's do).
    await owner.query(`delete from student_aid where external_id like $1`, [`${tag}-%`]).catch(() => undefined);
    await api.stop();
    await owner.end();
  }
}

function report(members: number, runs: Run[], copy: Run, peakMb: number, seconds: number): string {
  const perSecond = (r: Run) => r.records / r.seconds;
  const best = Math.max(...runs.map(perSecond));
  const rows = [...runs, copy].map((r) => [
    r.label,
    r.records.toLocaleString('en'),
    `${r.seconds.toFixed(2)} s`,
    Math.round(perSecond(r)).toLocaleString('en'),
    r === copy ? '1' : (perSecond(r) / perSecond(copy)).toFixed(2),
    r.apiCpuMs === undefined ? '' : (r.apiCpuMs * 1000).toFixed(0),
    r.dbCpuMs === undefined ? '' : (r.dbCpuMs * 1000).toFixed(0),
  ]);
  const met = (ok: boolean) => (ok ? 'met' : '**missed**');
  return `# Batch-sync bench results

<!-- Generated by \`npm run bench -- batch-sync\` (bench/batch-sync.ts); the method is in docs/benchmarks.md. -->

${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; Node ${process.version}, ${os.cpus().length} CPUs, 1-minute load average ${os.loadavg()[0].toFixed(2)} at the end. ${members.toLocaleString('en')} members; batches of ${BATCH.toLocaleString('en')} new \`syncStudentAid\` records (${AID.kind}) for the county's pupils, every one created; the whole run took ${seconds.toFixed(0)} s. API peak RSS ${peakMb.toFixed(0)} MB.

| goal (issue 11) | figure | |
|---|---|---|
| ≥ 5,000 records/s in 1,000-record batches, validation and audit on | ${Math.round(best).toLocaleString('en')} records/s | ${met(best >= 5000)} |
| ≥ 0.2× a raw COPY of the same rows | ${(best / perSecond(copy)).toFixed(2)}× | ${met(best / perSecond(copy) >= 0.2)} |

${markdownTable(['run', 'records', 'time', 'records/s', '× COPY', 'API CPU µs / record', 'PostgreSQL CPU µs / record'], rows)}
`;
}
