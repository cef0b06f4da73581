/**
 * Shared helpers for the benchmarks: a scratch database, HTTP load generation, statistics and tables.
 * Benchmarks report figures; they never fail on them.
 */

import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Client } from 'pg';
import { migrate, openDatabase, type Database } from '../src/db/database';
import { loadDemoData } from '../seeds/demo';

export const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export type BenchDatabase = {
  db: Database;
  url: string;
  /** True when the bench made the database itself (and drops it in `close`). */
  scratch: boolean;
  /** Households in the database, whoever loaded them. */
  households: number;
  close(): Promise<void>;
};

async function adminStatement(serverUrl: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * `DATABASE_URL` when set (used as it is: migrated and seeded beforehand, never written to);
 * otherwise a scratch database `jz_bench_<random>` on the local server, migrated and seeded with
 * `households` demo households, and dropped again by `close` (also after a failure or Ctrl-C).
 */
export async function openBenchDatabase(options: { households: number; log: (line: string) => void }): Promise<BenchDatabase> {
  const given = process.env.DATABASE_URL;
  if (given) {
    const db = await openDatabase({ url: given, poolSize: 5 });
    const [row] = await db.orm.em.fork().getConnection().execute<{ n: string }[]>('select count(*) as n from household');
    const households = Number(row.n);
    options.log(`using DATABASE_URL as it is (${households} households)`);
    return { db, url: given, scratch: false, households, close: () => db.close() };
  }

  const serverUrl = process.env.BENCH_SERVER_URL ?? DEFAULT_SERVER_URL;
  const name = `jz_bench_${randomBytes(4).toString('hex')}`;
  await adminStatement(serverUrl, `create database ${name}`);
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await adminStatement(serverUrl, `drop database if exists ${name} with (force)`);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    drop().finally(() => process.kill(process.pid, signal));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;

  let db: Database | undefined;
  try {
    db = await openDatabase({ url: url.toString(), poolSize: 5 });
    await migrate(db.orm);
    const stats = await loadDemoData(db.orm, { households: options.households, demoKeys: true });
    await db.orm.em.fork().getConnection().execute('analyze');
    options.log(
      `scratch database ${name}: ${stats.households} households, ${stats.members} members, ` +
        `${stats.villages} villages, seeded in ${stats.seconds.toFixed(1)} s`,
    );
    const opened = db;
    return {
      db: opened,
      url: url.toString(),
      scratch: true,
      households: stats.households,
      async close() {
        try {
          await opened.close();
        } finally {
          await drop();
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
        }
      },
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    await drop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    throw error;
  }
}

/** Starts listening on 127.0.0.1 on a free port, keeping idle connections a minute; returns the base URL. */
export async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Clients of a bench sit idle while other variants run; the default 5 s would close their sockets mid-bench.
  server.keepAliveTimeout = 60_000;
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

export type Response = { status: number; body: Buffer };

/**
 * A keep-alive HTTP client for POST /graphql. node:http rather than fetch: the client shares the
 * process (and its two cores) with the servers, so it should cost as little as possible.
 */
export class GraphQLClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  private readonly url: URL;

  constructor(baseUrl: string, private readonly key: string) {
    this.url = new URL('/graphql', baseUrl);
  }

  /** A kept-alive socket the server closed while idle fails the request; it is sent once more on a fresh socket. */
  async post(payload: string): Promise<Response> {
    try {
      return await this.send(payload);
    } catch (error) {
      if ((error as { reusedSocket?: boolean }).reusedSocket && (error as NodeJS.ErrnoException).code === 'ECONNRESET') return this.send(payload);
      throw error;
    }
  }

  private send(payload: string): Promise<Response> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        this.url,
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            authorization: `Bearer ${this.key}`,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      req.on('error', (error) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export type LoadResult = {
  requests: number;
  seconds: number;
  perSecond: number;
  /**
   * CPU time of this whole process (servers and client, user + system) per request. Unlike req/s it
   * barely moves when other processes compete for the cores, so it is the steadier figure on a shared machine.
   */
  cpuMsPerRequest: number;
};

/**
 * `concurrency` workers send `payload` back to back until `maxRequests` have been sent or
 * `maxSeconds` have passed, whichever comes first. Each response must have the status and
 * byte length of the checked reference response; anything else stops the bench.
 */
export async function runLoad(
  client: GraphQLClient,
  payload: string,
  options: { concurrency: number; maxRequests: number; maxSeconds: number; expectBytes: number },
): Promise<LoadResult> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const deadline = started + options.maxSeconds * 1000;
  let sent = 0;
  let done = 0;
  const worker = async () => {
    while (sent < options.maxRequests && performance.now() < deadline) {
      sent += 1;
      const res = await client.post(payload);
      if (res.status !== 200 || res.body.length !== options.expectBytes) {
        throw new Error(`unexpected response: status ${res.status}, ${res.body.length} bytes (expected ${options.expectBytes})`);
      }
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return { requests: done, seconds, perSecond: done / seconds, cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / done };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A plain-text table with right-aligned numbers. */
export function formatTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]?.length ?? 0)));
  const isNumber = (s: string) => /^[-+]?[\d.,×%]+$/.test(s);
  const line = (row: string[]) =>
    row.map((cell, i) => (isNumber(cell) && cells.indexOf(row) > 0 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** A Markdown table; every column but the first right-aligned (figures). */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

export const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

let collect: (() => void) | undefined | null;

/**
 * A full garbage collection, so that a round does not pay for the garbage of the one before it
 * (npm run bench cannot pass --expose-gc; the flag is set at run time instead).
 */
export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
