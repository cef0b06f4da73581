import { Writable } from 'node:stream';
import request from 'supertest';
import { loadConfig } from '../src/config/config';
import { createServer, type Server } from '../src/http/app';
import { hashApiKey } from '../src/modules/auth/api-key-hash';
import { createLogger, scrubLine, withoutSql } from '../src/observability/logger';
import { startTestApp, type TestApp } from './harness';

/** The server's log, kept in memory as the lines it would have written to stdout. */
class MemoryLog extends Writable {
  lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  get text(): string {
    return this.lines.join('\n');
  }
  entries(): Record<string, any>[] {
    return this.lines.map((line) => JSON.parse(line));
  }
}

let t: TestApp;
let server: Server;
let log: MemoryLog;
let idNumber: string;
beforeAll(async () => {
  t = await startTestApp({ households: 5 });
  log = new MemoryLog();
  server = await createServer(loadConfig({ NODE_ENV: 'development' }), t.db, createLogger({ logLevel: 'info' }, log));
  [{ id_number: idNumber }] = await t.sql<{ id_number: string }>('select id_number from member order by id limit 1');
});
afterAll(async () => {
  await server.stop();
  await t.close();
});

function lookUp(key: string) {
  return request(server.app)
    .post('/graphql')
    .set('Authorization', `Bearer ${key}`)
    .set('Content-Type', 'application/json')
    .send({ query: 'query($id: String!) { member(idNumber: $id, purpose: "school grant check") { name } }', variables: { id: idNumber } });
}

/** What must never be in the log, whatever failed. */
function expectNothingPersonalOrSecret(text: string, key: string): void {
  expect(text).not.toContain(idNumber);
  expect(text).not.toContain(hashApiKey(key));
  expect(text).not.toContain(key);
  expect(text).not.toMatch(/Bearer/i);
  expect(text).not.toMatch(/\bselect\b|\bfrom\s+"?member\b|from jingzhun_authenticate/i);
}

describe('logs of failing requests', () => {
  it('keep the request id, error class and SQLSTATE of a database failure, and no SQL, ID number, key hash or authorization header', async () => {
    await t.sql('alter table member rename to member_moved');
    try {
      const res = await lookUp('demo-education').set('X-Request-Id', 'log-test-1');
      expect(res.body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await t.sql('alter table member_moved rename to member');
    }
    const failure = log.entries().find((e) => e.msg === 'unexpected error in a GraphQL request');
    expect(failure).toBeDefined();
    expect(failure!.req.id).toBe('log-test-1');
    expect(failure!.err).toMatchObject({ type: 'DatabaseError', code: '42P01' });
    expect(failure!.err.message).toMatch(/^\[SQL redacted\] - relation "member" does not exist$/);
    // One compact line a request: no headers at all, so no Authorization to redact.
    expect(log.entries().find((e) => e.msg === 'request completed' && e.req.id === 'log-test-1')?.req).toEqual({ id: 'log-test-1', method: 'POST', path: '/graphql' });
    expectNothingPersonalOrSecret(log.text, 'demo-education');
  });

  it('log an authentication that fails inside the database without the key or its hash', async () => {
    log.lines = [];
    await t.sql('alter function jingzhun_authenticate(text) rename to jingzhun_authenticate_moved');
    try {
      const res = await lookUp('demo-health');
      expect(res.status).toBe(500);
      expect(res.body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await t.sql('alter function jingzhun_authenticate_moved(text) rename to jingzhun_authenticate');
    }
    const failure = log.entries().find((e) => e.msg === 'unexpected error while authenticating a request');
    expect(failure?.err).toMatchObject({ code: '42883' });
    expectNothingPersonalOrSecret(log.text, 'demo-health');
  });
});

describe('the log scrubber', () => {
  it('masks ID numbers as the housing mask does, and removes key hashes, keys and credentials from any line', () => {
    const hash = hashApiKey('jz_secret');
    const line = JSON.stringify({ msg: `looked up 43092319850101123X and 430923198501011234 with ${hash}`, url: '/graphql?key=jz_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg', h: 'Bearer abc.def' });
    const scrubbed = scrubLine(line);
    expect(scrubbed).toContain('430923********123X');
    expect(scrubbed).toContain('430923********1234');
    expect(scrubbed).not.toContain(hash);
    expect(scrubbed).not.toContain('AbCdEf');
    expect(scrubbed).not.toContain('abc.def');
    expect(JSON.parse(scrubbed)).toBeTruthy();
    // Region codes (12 digits) and request ids are kept.
    expect(scrubLine('village 430923101201 request 0f9e6c52-3a41-4d7e-9a55-6a1c1d1e2f3a')).toBe('village 430923101201 request 0f9e6c52-3a41-4d7e-9a55-6a1c1d1e2f3a');
  });

  it("keeps only the server's message of a failed statement, never the statement, detail or hint", () => {
    const message = `insert into "member" ("name", "id_number") values ('张三', '430923198501011234') - duplicate key value violates unique constraint "member_id_number_unique"\n - detail: Key (id_number)=(430923198501011234) already exists.`;
    expect(withoutSql(message)).toBe('[SQL redacted] - duplicate key value violates unique constraint "member_id_number_unique"');
    expect(withoutSql('with x as (select 1)\nselect * from x - boom')).toBe('[SQL redacted] - boom');
    expect(withoutSql('Connection terminated unexpectedly')).toBe('Connection terminated unexpectedly');
  });
});
