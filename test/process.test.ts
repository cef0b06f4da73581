import { spawn } from 'node:child_process';
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
  });
});
