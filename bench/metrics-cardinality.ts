/**
 * Sends requests without a key, each with an operation name never seen before, to the server as
 * `npm start` runs it, then reports the size of /metrics and the process's resident memory.
 *
 *   node -r @swc-node/register bench/metrics-cardinality.ts <DATABASE_URL> [requests=40000]
 *
 * The address budget for callers without a key is lifted for the run: with it in force the server
 * refuses all but 60 a minute before they reach the metrics, which would measure the limiter instead.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [databaseUrl, requestsArg = '40000'] = process.argv.slice(2);
if (!databaseUrl) throw new Error('usage: bench/metrics-cardinality.ts <DATABASE_URL> [requests]');
const total = Number(requestsArg);
const CONCURRENCY = 16;

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

async function main(): Promise<void> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: path.resolve(__dirname, '..'),
    env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? '', DATABASE_URL: databaseUrl, PORT: '0', LOG_LEVEL: 'warn', DEMO_HOUSEHOLDS: '0', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '60000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const base = await new Promise<string>((resolve) =>
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const url = /listening on http:\/\/localhost(:\d+)\/graphql/.exec(out)?.[1];
      if (url) resolve(`http://127.0.0.1${url}`);
    }),
  );
  const metricsBytes = async () => (await (await fetch(`${base}/metrics`)).arrayBuffer()).byteLength;
  console.log(`before: /metrics ${(await metricsBytes()) / 1024} KiB, RSS ${rssMb(child.pid!).toFixed(0)} MB`);
  const started = Date.now();
  let next = 0;
  const statuses = new Map<number, number>();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) {
        const name = `Harvest${next++}`;
        const res = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ query: `query ${name} { villages(first: 1) { totalCount } }`, operationName: name }),
        });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  global.gc?.();
  console.log(`after ${total} requests in ${seconds.toFixed(0)} s (statuses ${JSON.stringify(Object.fromEntries(statuses))}): /metrics ${((await metricsBytes()) / 1024).toFixed(1)} KiB, RSS ${rssMb(child.pid!).toFixed(0)} MB`);
  child.kill('SIGTERM');
}

void main();
