import { GraphQLError } from 'graphql';
import request from 'supertest';
import { CompiledLane } from '../src/graphql/compiled-lane';
import type { Server } from '../src/http/app';
import { DEMO_KEYS } from '../seeds/demo';
import { startTestApp, startWithReference, type TestApp } from './harness';

/**
 * The compiled lane (src/graphql/compiled-lane.ts) answers a text Apollo has answered with a
 * compiled read, without Apollo's pipeline. Whatever it answers must be what Apollo answers, and
 * whatever it may not answer must reach Apollo: a second server on the same database with SQL
 * reads off (no lane, every query through the resolvers) is the reference.
 */
let t: TestApp;
let reference: Server;
let household: number;
let village: string;

beforeAll(async () => {
  ({ t, reference: reference, household, village } = await startWithReference());
}, 120_000);
afterAll(async () => {
  await reference.stop();
  await t.close();
});

const keyOf = (role: string) => DEMO_KEYS.find((k) => k.role === role && k.county === '430923')!.key;

type Sent = { key?: string; body: unknown; accept?: string };

function post(app: Server['app'], { key, body, accept }: Sent) {
  const req = request(app).post('/graphql').set('Content-Type', 'application/json');
  if (key) req.set('Authorization', `Bearer ${key}`);
  if (accept) req.set('Accept', accept);
  return req.send(body as object);
}

/** The request sent to both servers, and whether the lane answered it (rather than handing it to Apollo). */
async function bothWays(sent: Sent) {
  const answer = jest.spyOn(CompiledLane.prototype, 'answer');
  try {
    const lane = await post(t.server.app, sent);
    const byLane = answer.mock.results.length > 0 && (await answer.mock.results[0].value) !== undefined;
    const apollo = await post(reference.app, sent);
    return { lane, apollo, byLane };
  } finally {
    answer.mockRestore();
  }
}

/** The same status, content type and JSON (the compiled answer's text has PostgreSQL's spacing). */
const same = (a: request.Response, b: request.Response) => {
  expect([a.status, a.headers['content-type']]).toEqual([b.status, b.headers['content-type']]);
  expect(a.body).toEqual(b.body);
};

const HOUSEHOLD = 'query H($id: ID!) { household(id: $id) { id number status incomePerCapita members { id name idNumber health } } }';
const VILLAGE = 'query V($code: String!, $first: Int) { village(code: $code) { name households(first: $first) { edges { cursor node { id number } } pageInfo { hasNextPage endCursor } } } }';

describe('the compiled lane', () => {
  it('answers a text Apollo answered with a compiled read, as Apollo answers it, for each request’s own variables', async () => {
    const key = keyOf('POVERTY_OFFICE');
    const [second] = await t.sql<{ id: number }>(`select id from household where village_code like '430923%' and id > ? order by id limit 1`, [household]);
    const first = await bothWays({ key, body: { query: HOUSEHOLD, variables: { id: String(household) } } });
    expect(first.byLane).toBe(false);
    same(first.lane, first.apollo);
    for (const id of [household, second.id, 999_999_999]) {
      const next = await bothWays({ key, body: { query: HOUSEHOLD, variables: { id: String(id) } } });
      expect(next.byLane).toBe(true);
      same(next.lane, next.apollo);
    }
    await bothWays({ key, body: { query: VILLAGE, variables: { code: village, first: 2 } } });
    for (const first of [2, 5, 1]) {
      const page = await bothWays({ key, body: { query: VILLAGE, variables: { code: village, first } } });
      expect(page.byLane).toBe(true);
      same(page.lane, page.apollo);
    }
  });

  it('hands Apollo what it may not answer, and Apollo’s answer is given', async () => {
    const key = keyOf('POVERTY_OFFICE');
    await bothWays({ key, body: { query: HOUSEHOLD, variables: { id: String(household) } } });
    const cases: [string, Sent][] = [
      ['a bad id', { key, body: { query: HOUSEHOLD, variables: { id: 'x1' } } }],
      ['a variable of the wrong type', { key, body: { query: HOUSEHOLD, variables: { id: { no: 1 } } } }],
      ['a page too large', { key, body: { query: VILLAGE, variables: { code: village, first: 500 } } }],
      ['a caller who may not read a field of it', { key: keyOf('EDUCATION'), body: { query: HOUSEHOLD, variables: { id: String(household) } } }],
      ['no key', { body: { query: HOUSEHOLD, variables: { id: String(household) } } }],
      ['a made-up key', { key: 'not-a-key', body: { query: HOUSEHOLD, variables: { id: String(household) } } }],
      ['another answer format', { key, accept: 'application/graphql-response+json', body: { query: HOUSEHOLD, variables: { id: String(household) } } }],
      ['a persisted query', { key, body: { query: HOUSEHOLD, variables: { id: String(household) }, extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } } } }],
      ['an operation the text does not hold', { key, body: { query: HOUSEHOLD, operationName: 'Other', variables: { id: String(household) } } }],
      ['variables as text', { key, body: { query: HOUSEHOLD, variables: JSON.stringify({ id: String(household) }) } }],
    ];
    for (const [name, sent] of cases) {
      const { lane, apollo, byLane } = await bothWays(sent);
      expect([name, byLane]).toEqual([name, false]);
      expect([name, lane.status, lane.headers['content-type']]).toEqual([name, apollo.status, apollo.headers['content-type']]);
      expect(lane.body).toEqual(apollo.body);
    }
  });

  it('runs the operation checks and hands Apollo a request one of them refuses', async () => {
    const check = jest.fn(() => {
      throw new GraphQLError('refused');
    });
    const refusing = new CompiledLane({} as never, () => ({ statement: { sql: 'select 1', text: 'select 1', name: '' }, bindings: [] }), [check], () => undefined);
    refusing.accept('{ a }', { kind: 'Document', definitions: [] } as never);
    const body = refusing.candidate({ query: '{ a }' })!;
    expect(body).toBeDefined();
    expect(await refusing.answer(body, { viewer: { role: 'POVERTY_OFFICE' } } as never)).toBeUndefined();
    expect(check).toHaveBeenCalledTimes(1);
    expect(refusing.candidate({ query: '{ b }' })).toBeUndefined();
  });

  it('counts what it answers in the metrics, under the operation’s name', async () => {
    const key = keyOf('POVERTY_OFFICE');
    const counted = async () => {
      const text = (await request(t.server.app).get('/metrics')).text;
      return Number(/jingzhun_graphql_requests_total\{operation="H",outcome="success"\} (\d+)/.exec(text)?.[1] ?? 0);
    };
    await bothWays({ key, body: { query: HOUSEHOLD, variables: { id: String(household) } } });
    const before = await counted();
    const { byLane } = await bothWays({ key, body: { query: HOUSEHOLD, variables: { id: String(household) } } });
    expect(byLane).toBe(true);
    expect(await counted()).toBe(before + 1);
  });

  it('sends one statement for a request it answers', async () => {
    const key = keyOf('POVERTY_OFFICE');
    await bothWays({ key, body: { query: HOUSEHOLD, variables: { id: String(household) } } });
    const answer = jest.spyOn(CompiledLane.prototype, 'answer');
    const before = t.db.sqlCounter.total;
    const { status } = await post(t.server.app, { key, body: { query: HOUSEHOLD, variables: { id: String(household) } } });
    const statements = t.db.sqlCounter.total - before;
    expect(await answer.mock.results[0].value).toBeDefined();
    answer.mockRestore();
    expect([status, statements]).toEqual([200, 1]);
  });
});

describe('the compiled lane and the request budget', () => {
  let small: TestApp;
  beforeAll(async () => {
    small = await startTestApp({ env: { RATE_LIMIT_REQUESTS_PER_MINUTE: '5' } });
  }, 120_000);
  afterAll(() => small.close());

  it('charges each request it answers, and a spent budget gets Apollo’s 429', async () => {
    const [{ id }] = await small.sql<{ id: number }>(`select min(id) as id from household where village_code like '430923%'`);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await small.gql('demo-poverty-office', HOUSEHOLD, { id: String(id) })).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
  });
});
