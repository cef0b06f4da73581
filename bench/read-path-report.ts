/** bench/results.md from the read-path bench's figures: the tables and the goals of issue 10, each met or missed. */

import type { Subjects } from './read-path-queries';

export type SideFigures = {
  /** Medians over the measured rounds. */
  perSecond: number;
  p50: number;
  p99: number;
  /** The server process's CPU (user + system) per request, ms. */
  cpuMs: number;
  /** CPU of the PostgreSQL backends serving it, per request, ms. */
  dbCpuMs: number;
  statements: number;
  roundsPerSecond: number[];
  requests: number;
};

export type QueryFigures = {
  name: string;
  label: string;
  households: number;
  members: number;
  bytes: { api: number; baseline: number };
  api: SideFigures;
  baseline: SideFigures;
};

export type SizeFigures = {
  database: string;
  households: number;
  members: number;
  how: string;
  subjects: Subjects;
  rounds: number;
  queries: QueryFigures[];
  apiRssMb: number;
  apiPeakRssMb: number;
  baselinePeakRssMb: number;
  apiLogLines: number;
  apiLogSample: string[];
  seconds: number;
};

export type BenchFigures = {
  date: string;
  commit: string;
  node: string;
  postgres: string;
  cpus: number;
  connections: number;
  roundSeconds: number;
  warmupSeconds: number;
  load: { before: number; after: number };
  /** Share of the machine's CPU that was busy during the whole bench, its own processes included. */
  machineBusy: number;
  sizes: SizeFigures[];
  seconds: number;
};

export const GOALS = { ratio: 0.4, statements: 3, householdP99Ms: 20, sizeLatencyRatio: 1.5, rssMb: 400 } as const;

const n = (value: number, digits = 0) =>
  Number.isFinite(value) ? value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '—';
const ms = (value: number) => n(value, value < 10 ? 2 : 1);
const ratio = (value: number) => n(value, value < 0.1 ? 3 : 2);
const verdict = (met: boolean) => (met ? '**met**' : '**missed**');
const plural = (count: number, noun: string) => `${n(count)} ${noun}${count === 1 ? '' : 's'}`;
const sizeName = (s: SizeFigures) => `${n(s.households)} households, ${n(s.members)} members`;

function throughputTable(size: SizeFigures): string[] {
  return [
    '| query | API req/s | baseline req/s | API / baseline | API p50 | API p99 | baseline p50 | baseline p99 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...size.queries.map((q) =>
      `| ${q.label} | ${n(q.api.perSecond)} | ${n(q.baseline.perSecond)} | ${ratio(q.api.perSecond / q.baseline.perSecond)} | ` +
        `${ms(q.api.p50)} ms | ${ms(q.api.p99)} ms | ${ms(q.baseline.p50)} ms | ${ms(q.baseline.p99)} ms |`,
    ),
  ];
}

function costTable(size: SizeFigures): string[] {
  return [
    '| query | SQL statements / request (API; baseline 1) | Node CPU ms / request, API | baseline | API / baseline | PostgreSQL CPU ms / request, API | baseline | answer |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    ...size.queries.map((q) =>
      `| ${q.label} | ${n(q.api.statements, Number.isInteger(q.api.statements) ? 0 : 2)} | ${ms(q.api.cpuMs)} | ${ms(q.baseline.cpuMs)} | ` +
        `${n(q.api.cpuMs / q.baseline.cpuMs, 1)} | ${ms(q.api.dbCpuMs)} | ${ms(q.baseline.dbCpuMs)} | ` +
        `${q.name === 'loanEligibility' ? 'one verdict' : `${plural(q.households, 'household')}, ${plural(q.members, 'member')}`}, ${n(q.bytes.api)} bytes |`,
    ),
  ];
}

type Goal = { goal: string; figures: string; met: boolean };

function goals(figures: BenchFigures): Goal[] {
  const [full, ...others] = figures.sizes;
  const list: Goal[] = [
    {
      goal: `each query at ≥ ${GOALS.ratio}× the baseline's req/s (${n(full.members)} members)`,
      figures: full.queries.map((q) => `${q.name} ${ratio(q.api.perSecond / q.baseline.perSecond)}`).join(', '),
      met: full.queries.every((q) => q.api.perSecond / q.baseline.perSecond >= GOALS.ratio),
    },
    {
      goal: `≤ ${GOALS.statements} SQL statements per request, not growing with the data`,
      figures: figures.sizes.map((s) => `${n(s.members)} members: ${s.queries.map((q) => `${q.name} ${n(q.api.statements, 1)}`).join(', ')}`).join('; '),
      met: figures.sizes.every((s) => s.queries.every((q) => q.api.statements <= GOALS.statements)),
    },
  ];
  const household = full.queries.find((q) => q.name === 'household');
  if (household) {
    list.push({
      goal: `p99 of the household detail < ${GOALS.householdP99Ms} ms (${n(full.members)} members, ${figures.connections} connections)`,
      figures: `${ms(household.api.p99)} ms`,
      met: household.api.p99 < GOALS.householdP99Ms,
    });
  }
  for (const small of others) {
    // The village list is compared only when both sizes return as many households: fewer rows is less work, not a faster path.
    const comparable = full.queries.filter((q) => small.queries.find((s) => s.name === q.name)?.households === q.households);
    const skipped = full.queries.filter((q) => !comparable.includes(q));
    const against = (q: QueryFigures) => small.queries.find((s) => s.name === q.name)!;
    list.push({
      goal: `API latency at ${n(full.members)} members within ${GOALS.sizeLatencyRatio}× of ${n(small.members)} (p50 / p99)`,
      figures:
        comparable.map((q) => `${q.name} ${n(q.api.p50 / against(q).api.p50, 2)} / ${n(q.api.p99 / against(q).api.p99, 2)}`).join(', ') +
        (skipped.length ? `; not compared: ${skipped.map((q) => `${q.name} (${q.households} vs ${against(q).households} households)`).join(', ')}` : ''),
      met: comparable.every((q) => q.api.p50 / against(q).api.p50 <= GOALS.sizeLatencyRatio && q.api.p99 / against(q).api.p99 <= GOALS.sizeLatencyRatio),
    });
  }
  const peak = Math.max(...figures.sizes.map((s) => s.apiPeakRssMb));
  list.push({ goal: `API RSS < ${GOALS.rssMb} MB under the whole bench (peak, VmHWM)`, figures: `${n(peak)} MB`, met: peak < GOALS.rssMb });
  return list;
}

export function renderResults(figures: BenchFigures): string {
  const lines = [
    '# Read-path bench results',
    '',
    '<!-- Generated by `npm run bench` (bench/read-path.ts); the method is in docs/benchmarks.md. -->',
    '',
    `${figures.date.slice(0, 16).replace('T', ' ')} UTC, commit ${figures.commit}; Node ${figures.node} (the API compiled, as its image runs it), PostgreSQL ${figures.postgres}, ${figures.cpus} CPUs. ` +
      `autocannon, ${figures.connections} connections, ${figures.warmupSeconds} s warm-up, then rounds of ${figures.roundSeconds} s alternating API and baseline; medians over the rounds. ` +
      `Machine load: 1-minute load average ${n(figures.load.before, 2)} before, ${n(figures.load.after, 2)} after; the CPUs were ${n(figures.machineBusy * 100)} % busy during the run, the bench's own processes included. ` +
      `The whole run took ${n(figures.seconds)} s.`,
    '',
    '## Goals (issue 10)',
    '',
    '| goal | figures | |',
    '|---|---|---|',
    ...goals(figures).map((g) => `| ${g.goal} | ${g.figures} | ${verdict(g.met)} |`),
  ];
  for (const size of figures.sizes) {
    const s = size.subjects;
    lines.push(
      '',
      `## ${sizeName(size)}`,
      '',
      `Database \`${size.database}\` (${size.how}); ${plural(size.rounds, 'round')} per query and side; village ${s.village} (${n(s.villageHouseholds)} households), ` +
        `household ${s.householdId}, applicant ${s.idNumber.slice(0, 6)}…; API peak RSS ${n(size.apiPeakRssMb)} MB (${n(size.apiRssMb)} MB at the end), ` +
        `baseline ${n(size.baselinePeakRssMb)} MB; ${size.apiLogLines} API log lines at warn or above.`,
      '',
      ...throughputTable(size),
      '',
      ...costTable(size),
    );
    if (size.apiLogSample.length) lines.push('', 'First API log lines:', '', '```', ...size.apiLogSample.map((l) => l.slice(0, 300)), '```');
  }
  lines.push(
    '',
    'Per-round req/s (API | baseline), first size:',
    '',
    ...figures.sizes[0].queries.map((q) => `- ${q.name}: ${q.api.roundsPerSecond.map((v) => n(v)).join(', ')} | ${q.baseline.roundsPerSecond.map((v) => n(v)).join(', ')}`),
    '',
  );
  return lines.join('\n');
}
