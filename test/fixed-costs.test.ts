import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { parse } from 'graphql';
import request from 'supertest';
import { loadConfig } from '../src/config/config';
import { perDocument } from '../src/graphql/per-document';
import { createServer, type Server } from '../src/http/app';
import { createLogger } from '../src/observability/logger';
import { startTestApp, type TestApp } from './harness';

/** The server's log lines, kept in memory. */
class MemoryLog extends Writable {
  lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  entries(): Record<string, any>[] {
    return this.lines.map((line) => JSON.parse(line));
  }
}

let t: TestApp;
let server: Server;
let log: MemoryLog;
beforeAll(async () => {
  t = await startTestApp({ households: 150 });
  log = new MemoryLog();
  server = await createServer(loadConfig({ NODE_ENV: 'test' }), t.db, createLogger({ logLevel: 'info' }, log));
});
afterAll(async () => {
  await server.stop();
  await t.close();
});

function post(body: Record<string, unknown>, key = 'demo-poverty-office') {
  return request(server.app).post('/graphql').set('Content-Type', 'application/json').set('Authorization', `Bearer ${key}`).send(body);
}

describe('estimates kept per document', () => {
  const NESTED = `query Nested($villages: Int, $households: Int, $withMembers: Boolean!) {
    villages(first: $villages) { edges { node { households(first: $households) { edges { node { number
      members @include(if: $withMembers) { name idNumber sex birthDate } } } } } } } }`;

  it('computes once per document and key, and not at all for a key it has', () => {
    let computed = 0;
    const document = parse('{ __typename }');
    const schema = {} as never;
    expect(perDocument(schema, document, 'k', () => ++computed)).toBe(1);
    expect(perDocument(schema, document, 'k', () => ++computed)).toBe(1);
    expect(perDocument(schema, document, 'other', () => ++computed)).toBe(2);
    expect(perDocument(schema, parse('{ __typename }'), 'k', () => ++computed)).toBe(3);
  });

  it('follows the page sizes and @include conditions of each request’s variables, on the same document', async () => {
    const small = await post({ query: NESTED, variables: { villages: 2, households: 2, withMembers: true } });
    expect(small.body.errors).toBeUndefined();
    const big = await post({ query: NESTED, variables: { villages: 100, households: 100, withMembers: true } });
    expect(big.body.errors?.[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    const bigWithoutMembers = await post({ query: NESTED, variables: { villages: 100, households: 100, withMembers: false } });
    expect(bigWithoutMembers.body.errors).toBeUndefined();
    expect((await post({ query: NESTED, variables: { villages: 100, households: 100, withMembers: true } })).body.errors?.[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('counts each batch of ID numbers by its own size, on the same document', async () => {
    const BATCH = 'query($ids: [String!]!) { loanEligibilities(idNumbers: $ids, purpose: "批量贷款审查") { eligible } }';
    const [{ id_number: idNumber }] = await t.sql<{ id_number: string }>('select id_number from member order by id limit 1');
    const few = await post({ query: BATCH, variables: { ids: [idNumber] } }, 'demo-finance');
    expect(few.body.errors).toBeUndefined();
    const tooMany = await post({ query: BATCH, variables: { ids: Array.from({ length: 101 }, () => idNumber) } }, 'demo-finance');
    expect(tooMany.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idNumbers' });
  });

  it('still checks every request’s argument values, on a document it has seen', async () => {
    const QUERY = 'query($code: String!) { village(code: $code) { code } }';
    expect((await post({ query: QUERY, variables: { code: '430923101201' } })).body.errors).toBeUndefined();
    const bad = await post({ query: QUERY, variables: { code: '4309\u0000' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('per-request HTTP costs', () => {
  it('sends no ETag with a GraphQL answer', async () => {
    const res = await post({ query: '{ me { role } }' });
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBeUndefined();
  });

  it('logs one compact line a request: id, method, path, status, duration and operation name', async () => {
    log.lines = [];
    await post({ query: 'query WhoAmI { me { role } }', operationName: 'WhoAmI' }).set('X-Request-Id', 'compact-1');
    await post({ query: '{ me { role } }', operationName: 'not a name; drop table' }).set('X-Request-Id', 'compact-2');
    const [line] = log.entries().filter((e) => e.req?.id === 'compact-1');
    expect(line).toEqual({
      level: 30,
      time: expect.any(Number),
      service: 'jingzhun',
      req: { id: 'compact-1', method: 'POST', path: '/graphql' },
      res: { statusCode: 200 },
      responseTime: expect.any(Number),
      operation: 'WhoAmI',
      msg: 'request completed',
    });
    expect(log.entries().find((e) => e.req?.id === 'compact-2')?.operation).toBeUndefined();
    expect(JSON.stringify(log.lines)).not.toMatch(/authorization|user-agent|demo-poverty-office/i);
  });
});

describe('clients that go away mid-request', () => {
  const SLOW = JSON.stringify({
    query: `{ villages(first: 50) { edges { node { households(first: 50) { edges { node { number members { name idNumber } } } } } } } }`,
  });

  /** Sends the request and destroys the socket after `afterMs`, before the answer. */
  function abandon(port: number, afterMs: number): Promise<void> {
    return new Promise((resolve) => {
      const req = http.request({ port, host: '127.0.0.1', path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer demo-poverty-office' } });
      req.on('error', () => resolve());
      req.on('response', () => resolve());
      req.end(SLOW);
      setTimeout(() => {
        req.destroy();
        resolve();
      }, afterMs);
    });
  }

  it('leave no "Transaction query already complete", no error line, and every connection back in the pool', async () => {
    await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
    const { port } = server.httpServer.address() as AddressInfo;
    try {
      log.lines = [];
      for (let round = 0; round < 4; round += 1) {
        await Promise.all([2, 5, 10, 20, 40].map((ms) => abandon(port, ms + round)));
      }
      // The abandoned requests' resolvers still run to their end; on a loaded machine that takes a while.
      const pool = (t.db.orm.em.getConnection().getKnex().client as { pool: { numUsed(): number } }).pool;
      for (let waited = 0; pool.numUsed() > 0 && waited < 15_000; waited += 100) await sleep(100);
      await sleep(200);
      // Most of them went away before their answer: the case under test did happen.
      expect(log.entries().filter((e) => e.msg === 'request aborted').length).toBeGreaterThan(10);
      const text = log.lines.join('\n');
      expect(text).not.toContain('Transaction query already complete');
      expect(log.entries().filter((e) => e.level >= 50)).toEqual([]);
      expect(pool.numUsed()).toBe(0);
      const [{ n }] = await t.sql<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`);
      expect(n).toBe(0);
      const answers = await Promise.all(Array.from({ length: 10 }, () => post({ query: '{ me { role } }' })));
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    } finally {
      await new Promise((resolve) => server.httpServer.close(resolve));
    }
  }, 30_000);
});
