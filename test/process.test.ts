import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { startTestApp, type TestApp } from './harness';

const ROOT = path.resolve(__dirname, '..');

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs `npm start`'s command as a child process, as a user would, with the given environment. */
function startProcess(env: Record<string, string>, onStdout?: (text: string, child: ReturnType<typeof spawn>) => void): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      onStdout?.(stdout, child);
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

type Answer = { status: number; connection?: string; body: string };

const QUERY = JSON.stringify({ query: '{ villages(first: 1) { totalCount } }' });

/**
 * A POST whose body arrives in two parts: the server has the request in hand (headers read, body
 * incomplete) until `finish()` sends the rest, as with a slow client or a large upload.
 */
function slowRequest(base: string, agent: http.Agent | false = false): { finish(): void; answer: Promise<Answer> } {
  const body = Buffer.from(QUERY);
  const req = http.request(`${base}/graphql`, {
    method: 'POST',
    agent,
    headers: { 'Content-Type': 'application/json', 'Content-Length': body.length, Authorization: 'Bearer demo-poverty-office' },
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: text }));
      res.on('error', reject);
    });
  });
  req.write(body.subarray(0, 10));
  return { finish: () => req.end(body.subarray(10)), answer };
}

const settle = (answer: Promise<Answer>) => answer.then((a) => a, (error: NodeJS.ErrnoException) => ({ status: 0, connection: undefined, body: error.code ?? String(error) }));

describe('the server process', () => {
  it('stops on a bad setting with one line naming the variable', async () => {
    const run = await startProcess({ PORT: 'abc' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^jingzhun: Invalid PORT="abc"/)]);
  });

  describe('against a database', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ households: 10 });
    });
    afterAll(() => t.close());

    it('starts on DATABASE_URL, answers, and on SIGTERM drains and exits cleanly', async () => {
      let answered: Promise<Response> | undefined;
      const run = await startProcess({ DATABASE_URL: t.db.url, PORT: '0', DB_POOL_SIZE: '2' }, (stdout, child) => {
        const url = /listening on (http:\/\/\S+)\/graphql/.exec(stdout)?.[1];
        if (url && !answered) {
          answered = fetch(`${url}/graphql`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: 'Bearer demo-poverty-office' },
            body: JSON.stringify({ query: '{ villages(first: 1) { totalCount } }' }),
          });
          void answered.finally(() => child.kill('SIGTERM'));
        }
      });
      const response = await answered!;
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data: { villages: { totalCount: number } } };
      expect(body.data.villages.totalCount).toBeGreaterThan(0);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/"msg":"stopped"/);
    });

    it('on SIGTERM answers every request in flight, slow or just sent or on an idle keep-alive connection, then refuses new connections and exits 0', async () => {
      const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });
      let child: ReturnType<typeof spawn> | undefined;
      let listening: (base: string) => void;
      let draining: () => void;
      const base = new Promise<string>((resolve) => (listening = resolve));
      const drained = new Promise<void>((resolve) => (draining = resolve));
      const run = startProcess({ DATABASE_URL: t.db.url, PORT: '0', DB_POOL_SIZE: '2' }, (stdout, process) => {
        child = process;
        const url = /listening on http:\/\/localhost(:\d+)\/graphql/.exec(stdout)?.[1];
        if (url) listening(`http://127.0.0.1${url}`);
        if (stdout.includes('draining in-flight requests')) draining();
      });
      const url = await base;

      // A connection the client keeps idle in its pool from before the signal.
      const earlier = slowRequest(url, keepAlive);
      earlier.finish();
      expect((await earlier.answer).status).toBe(200);
      const slow = Array.from({ length: 20 }, () => slowRequest(url));
      await new Promise((resolve) => setTimeout(resolve, 500));
      // Sent a moment before the signal: some are still in the kernel's queues when it arrives.
      const justSent = Array.from({ length: 20 }, () => slowRequest(url));
      for (const request of justSent) request.finish();
      child!.kill('SIGTERM');
      await drained;

      const onIdleConnection = slowRequest(url, keepAlive);
      onIdleConnection.finish();
      // After the second in which connections are still accepted.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const refused = await settle(slowRequest(url).answer);
      for (const request of slow) request.finish();
      const answers = await Promise.all([...slow, ...justSent, onIdleConnection].map((request) => settle(request.answer)));
      keepAlive.destroy();

      expect(refused).toMatchObject({ status: 0, body: 'ECONNREFUSED' });
      expect(answers.map((a) => `${a.status} ${a.status === 200 ? '' : a.body}`.trim())).toEqual(Array(41).fill('200'));
      for (const answer of answers) {
        expect(answer.connection).toBe('close');
        expect(JSON.parse(answer.body).data.villages.totalCount).toBeGreaterThan(0);
      }
      const { code, stdout } = await run;
      expect(code).toBe(0);
      expect(stdout).toMatch(/"msg":"stopped"/);
    });
  });
});
