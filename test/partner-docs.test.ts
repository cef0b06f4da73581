import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { startTestApp, type TestApp } from './harness';

/**
 * The examples of docs/partners/*.md, run as a partner would run them: each `bash` block with curl
 * against a listening test server (after the document's first block, which sets the server, the
 * key and the person, or for donors the village and household number), each `ts` block compiled and run by node. None may fail or answer errors.
 */
const run = promisify(execFile);
const DOCS = path.resolve(__dirname, '../docs/partners');
const documents = readdirSync(DOCS).filter((f) => f.endsWith('.md'));

function blocks(markdown: string, language: string): string[] {
  return [...markdown.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
}

let t: TestApp;
let listening: http.Server;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  t = await startTestApp();
  listening = http.createServer(t.server.app);
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  env = { ...process.env, JINGZHUN_API: `http://127.0.0.1:${(listening.address() as AddressInfo).port}/graphql` };
}, 120_000);
afterAll(async () => {
  await new Promise((resolve) => listening.close(resolve));
  await t.close();
});

/** Every JSON answer in a block's output, one a line as curl prints them. */
const answers = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));

describe.each(documents)('docs/partners/%s', (document) => {
  const markdown = readFileSync(path.join(DOCS, document), 'utf8');
  const [settings, ...examples] = blocks(markdown, 'bash');

  it('sets up what the examples write for: a person, or a household by its number (donors), or a pairing (backing units)', async () => {
    const { stdout } = await run('bash', ['-c', `set -e\n${settings}`], { env });
    expect(stdout).toMatch(/^\w+: (\d{17}[\dX]|\d{1,20})$/m);
  });

  it.each(examples.map((example, i) => [i + 1, example]))('runs curl example %i without errors', async (_i, example) => {
    const { stdout } = await run('bash', ['-c', `set -e\n${settings}\n${example}`], { env });
    const found = answers(stdout);
    expect(found.length).toBeGreaterThan(0);
    for (const answer of found) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toBeDefined();
    }
  });

  it.each(blocks(markdown, 'ts').map((example, i) => [i + 1, example]))('runs TypeScript example %i', async (_i, example) => {
    const { stdout: person } = await run('bash', ['-c', `${settings}\necho "$ID_NUMBER"`], { env });
    const program = ts.transpileModule(example, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    const { stdout } = await run(process.execPath, ['-e', program], { env: { ...env, ID_NUMBER: person.trim().split('\n').at(-1) } });
    expect(stdout).toMatch(/created \d+, updated \d+, unchanged \d+/);
  });
});
