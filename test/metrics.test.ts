import request from 'supertest';
import { loadConfig } from '../src/config/config';
import { createServer, type Server } from '../src/http/app';
import { createLogger } from '../src/observability/logger';
import { MAX_OPERATION_LABELS } from '../src/observability/metrics';
import { startTestApp, type TestApp } from './harness';

const TOKEN = 'metrics-token-0123456789';
// The address budget without a key would otherwise refuse most of these requests before they are counted.
const UNLIMITED = { RATE_LIMIT_ANONYMOUS_PER_MINUTE: '60000', RATE_LIMIT_REQUESTS_PER_MINUTE: '60000' };

let t: TestApp;
const started: Server[] = [];
async function serve(env: Record<string, string>): Promise<Server> {
  const server = await createServer(loadConfig({ ...UNLIMITED, ...env }), t.db, createLogger({ logLevel: 'silent' }));
  started.push(server);
  return server;
}
beforeAll(async () => {
  t = await startTestApp({ households: 5 });
});
afterAll(async () => {
  for (const server of started) await server.stop();
  await t.close();
});

function send(server: Server, operationName: string, key?: string, query = `query ${operationName} { villages(first: 1) { totalCount } }`) {
  const req = request(server.app).post('/graphql').set('Content-Type', 'application/json');
  if (key) req.set('Authorization', `Bearer ${key}`);
  return req.send({ query, operationName });
}

const operationLabels = (text: string) => new Set([...text.matchAll(/jingzhun_graphql_requests_total\{operation="([^"]*)"/g)].map((m) => m[1]));

describe('metric labels', () => {
  it('stay bounded whatever operation names callers send', async () => {
    const server = await serve({ NODE_ENV: 'development' });
    for (let i = 0; i < 300; i++) await send(server, `Harvest${i}`);
    for (let i = 0; i < 20; i++) await send(server, `Broken${i}`, 'demo-auditor', `query Broken${i} { villages(first: 1) { nope } }`);
    for (let i = 0; i < MAX_OPERATION_LABELS + 20; i++) await send(server, `Report${i}`, 'demo-auditor');
    await send(server, 'Report0', 'demo-auditor');

    const { text } = await request(server.app).get('/metrics');
    const labels = operationLabels(text);
    expect([...labels].filter((l) => l.startsWith('Harvest') || l.startsWith('Broken'))).toEqual([]);
    expect([...labels].filter((l) => l.startsWith('Report'))).toHaveLength(MAX_OPERATION_LABELS);
    expect(labels).toEqual(new Set([...Array.from({ length: MAX_OPERATION_LABELS }, (_, i) => `Report${i}`), 'unauthenticated', 'invalid', 'other']));
    expect(text).toMatch(/jingzhun_graphql_requests_total\{operation="unauthenticated",outcome="UNAUTHENTICATED"\} 300\n/);
    expect(text).toMatch(/jingzhun_graphql_requests_total\{operation="invalid",outcome="BAD_USER_INPUT"\} 20\n/);
    expect(text).toMatch(/jingzhun_graphql_requests_total\{operation="other",outcome="success"\} 20\n/);
    expect(text).toMatch(/jingzhun_graphql_requests_total\{operation="Report0",outcome="success"\} 2\n/);
  });
});

describe('/metrics access', () => {
  const scrape = (server: Server, token?: string) => {
    const req = request(server.app).get('/metrics');
    return token ? req.set('Authorization', `Bearer ${token}`) : req;
  };

  it('is not served on the API port in production without a token', async () => {
    const res = await scrape(await serve({ NODE_ENV: 'production' }));
    expect(res.status).toBe(404);
    expect(res.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it.each(['production', 'development'])('in %s with METRICS_TOKEN, needs the token', async (mode) => {
    const server = await serve({ NODE_ENV: mode, METRICS_TOKEN: TOKEN });
    for (const wrong of [undefined, 'demo-poverty-office', `${TOKEN}x`]) {
      const res = await scrape(server, wrong);
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(res.text).not.toContain('process_cpu');
    }
    const ok = await scrape(server, TOKEN);
    expect(ok.status).toBe(200);
    expect(ok.text).toMatch(/process_cpu_user_seconds_total/);
  });

  it('with METRICS_PORT, is served on 127.0.0.1 at that port only', async () => {
    const server = await serve({ NODE_ENV: 'production', METRICS_PORT: '0', METRICS_TOKEN: TOKEN });
    expect((await scrape(server, TOKEN)).status).toBe(404);
    const address = server.metricsServer!.address();
    expect(address).toMatchObject({ address: '127.0.0.1' });
    const base = `http://127.0.0.1:${(address as { port: number }).port}`;
    expect((await request(base).get('/metrics')).status).toBe(401);
    const ok = await request(base).get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.text).toMatch(/jingzhun_sql_statements_total/);
    expect((await request(base).post('/graphql')).status).toBe(404);
  });

  it('refuses a short token at start, without repeating it', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short-secret' })).toThrow(/^Invalid METRICS_TOKEN=\(hidden\): must be at least 16 characters$/);
  });
});
