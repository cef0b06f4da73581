import request from 'supertest';
import { startTestApp, type TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ households: 20 });
});
afterAll(() => t.close());

describe('HTTP surface', () => {
  it('reports liveness and readiness', async () => {
    expect((await request(t.server.app).get('/healthz')).status).toBe(200);
    const ready = await request(t.server.app).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready' });
  });

  it('counts requests by operation name and outcome in /metrics', async () => {
    await request(t.server.app)
      .post('/graphql')
      .set('Authorization', 'Bearer demo-auditor')
      .send({ query: 'query CountVillages { villages(first: 1) { totalCount } }', operationName: 'CountVillages' });
    const metrics = await request(t.server.app).get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toMatch(/jingzhun_graphql_requests_total\{operation="CountVillages",outcome="success"\} 1/);
    expect(metrics.text).toMatch(/jingzhun_graphql_request_duration_seconds_count\{operation="CountVillages",outcome="success"\} 1/);
    expect(metrics.text).toMatch(/jingzhun_sql_statements_total [1-9]/);
    expect(metrics.text).toMatch(/process_cpu_user_seconds_total/);
  });

  it('serves the GraphQL IDE and its assets from the installed package to a browser', async () => {
    const page = await request(t.server.app).get('/graphql').set('Accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/altair/i);
    expect(page.text).toContain('<base href="/ide/">');
    const script = /<script type="module" src="([^"]+\.js)">/.exec(page.text);
    expect(script).not.toBeNull();
    const asset = await request(t.server.app).get(`/ide/${script![1]}`);
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
  });

  it('echoes a request id, or makes one', async () => {
    const given = await request(t.server.app).get('/healthz').set('X-Request-Id', 'abc-123');
    expect(given.headers['x-request-id']).toBe('abc-123');
    const made = await request(t.server.app).get('/healthz');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('turns a malformed query into BAD_USER_INPUT', async () => {
    const { body } = await t.gql('demo-poverty-office', '{ villages(first: 1) { nope } }');
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a query that could return too much with QUERY_TOO_COMPLEX, before touching the database', async () => {
    const deep = `{ villages(first: 100) { edges { node { households(first: 100) { edges { node { village { households(first: 100) { edges { node { members { name } } } } } } } } } } } }`;
    const before = t.db.sqlCounter.total;
    const { status, body } = await t.gql('demo-poverty-office', deep);
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maximum: 250000 });
    expect(body.errors?.[0].extensions?.complexity).toBeGreaterThan(250000);
    // Only the key look-up and the request transaction ran.
    expect(t.db.sqlCounter.total - before).toBeLessThanOrEqual(4);
    const fine = await t.gql('demo-poverty-office', '{ villages(first: 100) { edges { node { households(first: 100) { edges { node { members { name } } } } } } } }');
    expect(fine.body.errors).toBeUndefined();
  });

  it('answers an internal failure as INTERNAL_SERVER_ERROR without stack, SQL or table names', async () => {
    await t.sql('alter table member rename to member_moved');
    try {
      const { body } = await t.gql('demo-poverty-office', '{ households(first: 2) { edges { node { members { name } } } } }');
      const error = body.errors!.find((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')!;
      expect(error.message).toBe('Internal server error');
      expect(JSON.stringify(body)).not.toMatch(/member_moved|relation|select|stack|at /i);
      expect(Object.keys(error.extensions!)).toEqual(['code']);
    } finally {
      await t.sql('alter table member_moved rename to member');
    }
  });
});
