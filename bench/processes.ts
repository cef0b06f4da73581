/**
 * Child processes of a bench and what Linux says about them: CPU time and resident memory from
 * /proc, for the servers (children of the bench) and for PostgreSQL's backends serving them.
 */

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from 'pg';

/** Linux's USER_HZ: /proc's CPU times are in these ticks; 100 on every mainstream architecture. */
export const TICKS_PER_SECOND = 100;

export type Child = {
  pid: number;
  port: number;
  /** Its log: lines on stderr, and JSON lines (pino's) on stdout after it was ready. */
  logLines(): string[];
  stop(): Promise<void>;
};

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * The API runs as its image runs it (Dockerfile): compiled by `npm run build`, started with
 * `node dist/src/main.js`. Run through @swc-node/register instead, its peak RSS was 450-480 MB
 * against 320 MB compiled, at the same CPU per request. Built afresh by every bench run.
 */
export function buildApi(log: (line: string) => void): void {
  log('building the API (npm run build)');
  execFileSync('npm', ['run', 'build'], { cwd: path.resolve(__dirname, '..'), stdio: 'ignore' });
}

/** The built API on `databaseUrl`, with the highest budgets the settings allow, so that a bench measures the API, not its limiter. */
export function startApi(databaseUrl: string, poolSize: number): Promise<Child> {
  return startChild('the API', 'dist/src/main.js', {
    DATABASE_URL: databaseUrl,
    PORT: '0',
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DB_POOL_SIZE: String(poolSize),
    DEMO_HOUSEHOLDS: '0',
    RATE_LIMIT_REQUESTS_PER_MINUTE: '60000',
    RATE_LIMIT_LOOKUPS_PER_HOUR: '100000',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '60000',
  }, /listening on http:\/\/localhost:(\d+)\//);
}

/**
 * Starts `node <file>` (through @swc-node/register for TypeScript) with exactly `env` (plus PATH),
 * and waits until a line of its stdout matches `ready`, whose first group is the port it listens on.
 */
export async function startChild(name: string, file: string, env: Record<string, string>, ready: RegExp): Promise<Child> {
  const root = path.resolve(__dirname, '..');
  const script = path.join(root, file);
  const child = spawn(process.execPath, file.endsWith('.ts') ? ['-r', '@swc-node/register', script] : [script], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const lines: string[] = [];
  let port: number | undefined;
  const port$ = new Promise<number>((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) {
        const match = port === undefined ? ready.exec(line) : null;
        if (match) {
          port = Number(match[1]);
          resolve(port);
        } else if (port !== undefined && line.startsWith('{')) lines.push(line);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter((l) => l.trim())));
    child.once('exit', (code, signal) => {
      running.delete(child);
      if (port === undefined) reject(new Error(`${name} exited before it was ready (${signal ?? code}):\n${lines.slice(-20).join('\n')}`));
    });
  });
  const timeout = setTimeout(() => child.kill('SIGKILL'), 60_000);
  try {
    port = await port$;
  } finally {
    clearTimeout(timeout);
  }
  return {
    pid: child.pid!,
    port,
    logLines: () => [...lines],
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(forced);
    },
  };
}

/** SQL statements the API has sent since it started, by its /metrics counter (open outside production without METRICS_TOKEN, as startApi runs it). */
export async function sqlStatementsSoFar(api: Child): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${api.port}/metrics`)).text();
  const match = /^jingzhun_sql_statements_total (\d+)/m.exec(text);
  if (!match) throw new Error('the API\'s /metrics has no jingzhun_sql_statements_total');
  return Number(match[1]);
}

/** User + system CPU milliseconds a process has used so far; 0 when it is gone. */
export function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Resident memory now and at its peak (VmRSS, VmHWM), in MB. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** Busy and total CPU ticks of the whole machine (/proc/stat), for the share other jobs took. */
export function machineTicks(): { busy: number; total: number } {
  const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
  const ticks = cpu.split(/\s+/).slice(1).map(Number);
  const idle = ticks[3] + (ticks[4] ?? 0);
  const total = ticks.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/**
 * CPU of the PostgreSQL backends that `user` has open on this database (other than `observer`'s
 * own), per backend pid: PostgreSQL runs on the same machine, so /proc has them.
 */
export async function backendCpu(observer: Client, user: string): Promise<Map<number, number>> {
  const { rows } = await observer.query<{ pid: number }>(
    `select pid from pg_stat_activity where datname = current_database() and usename = $1 and pid <> pg_backend_pid()`,
    [user],
  );
  return new Map(rows.map((r) => [r.pid, cpuMsOf(r.pid)]));
}

/** CPU the backends spent between two `backendCpu` readings (a backend opened in between counts from zero). */
export function backendCpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let spent = 0;
  for (const [pid, ms] of after) spent += ms - (before.get(pid) ?? 0);
  return spent;
}
