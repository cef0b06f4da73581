import zlib from 'node:zlib';
import request from 'supertest';
import { loadConfig } from '../src/config/config';
import { createServer, type Server } from '../src/http/app';
import { createLogger } from '../src/observability/logger';
import { startTestApp, type TestApp } from './harness';

let t: TestApp;
const servers: Record<'development' | 'production', Server> = {} as never;
beforeAll(async () => {
  t = await startTestApp({ households: 5 });
  for (const mode of ['development', 'production'] as const) {
    servers[mode] = await createServer(loadConfig({ NODE_ENV: mode }), t.db, createLogger({ logLevel: 'silent' }));
    // A handler that throws, placed before the first route (after the request logger and the
    // headers), as a fault of ours anywhere in the chain would throw.
    servers[mode].routes.get('/__throws', () => {
      throw Object.assign(new Error('select * from member where id_number = $1'), { stack: 'Error: boom\n    at /work/main/node_modules/x.js:1:1' });
    });
    const stack = (servers[mode].routes as unknown as { router: { stack: { route?: unknown }[] } }).router.stack;
    stack.splice(stack.findIndex((layer) => layer.route), 0, stack.pop()!);
  }
});
afterAll(async () => {
  for (const server of Object.values(servers)) await server.stop();
  await t.close();
});

const post = (server: Server) => request(server.app).post('/graphql');

type Case = [name: string, send: (server: Server) => request.Test, status: number, code: string];

const CASES: Case[] = [
  ['malformed JSON', (s) => post(s).set('Content-Type', 'application/json').send('{"query": '), 400, 'BAD_USER_INPUT'],
  ['a JSON body that is not an object', (s) => post(s).set('Content-Type', 'application/json').send('"{ me { role } }"'), 400, 'BAD_USER_INPUT'],
  ['a body over the limit', (s) => post(s).set('Content-Type', 'application/json').send(JSON.stringify({ query: `{ me { role } } #${'x'.repeat(2_200_000)}` })), 413, 'BAD_USER_INPUT'],
  ['an unknown charset', (s) => post(s).set('Content-Type', 'application/json; charset=klingon').send('{}'), 415, 'BAD_USER_INPUT'],
  ['an unknown content encoding', (s) => post(s).set('Content-Type', 'application/json').set('Content-Encoding', 'snappy').send('{}'), 415, 'BAD_USER_INPUT'],
  ['a bad gzip body', (s) => post(s).set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send(zlib.gzipSync('{"query":"{ me { role } }"}').subarray(0, 12)), 400, 'BAD_USER_INPUT'],
  ['an unsupported content type', (s) => post(s).set('Content-Type', 'application/xml').send('<query/>'), 415, 'BAD_USER_INPUT'],
  ['a form post (CSRF-shaped)', (s) => post(s).set('Content-Type', 'application/x-www-form-urlencoded').send('query=%7B%20me%20%7B%20role%20%7D%20%7D'), 415, 'BAD_USER_INPUT'],
  ['no content type', (s) => post(s).send(Buffer.from('{"query":"{ me { role } }"}')), 415, 'BAD_USER_INPUT'],
  ['an unknown route', (s) => request(s.app).get('/wp-admin/setup.php'), 404, 'NOT_FOUND'],
  ['an unknown IDE asset', (s) => request(s.app).get('/ide/../../package.json'), 404, 'NOT_FOUND'],
  ['a method GraphQL does not take', (s) => request(s.app).put('/graphql').set('Content-Type', 'application/json').send('{}'), 405, 'BAD_USER_INPUT'],
  ['a persisted query with a bad hash', (s) => post(s).set('Content-Type', 'application/json').send({ query: '{ me { role } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'deadbeef' } } }), 400, 'BAD_USER_INPUT'],
  ['a persisted query of an unknown version', (s) => post(s).set('Content-Type', 'application/json').send({ query: '{ me { role } }', extensions: { persistedQuery: { version: 9, sha256Hash: 'x' } } }), 400, 'BAD_USER_INPUT'],
  ['a middleware that throws', (s) => request(s.app).get('/__throws'), 500, 'INTERNAL_SERVER_ERROR'],
];

describe.each(['development', 'production'] as const)('HTTP-level failures in %s', (mode) => {
  it.each(CASES)('answer %s as GraphQL-over-HTTP JSON with a code and no stack or path', async (_name, send, status, code) => {
    const res = await send(servers[mode]);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code } }] });
    expect(res.text).not.toMatch(/node_modules|\/work\/|\bat \w|<html|stack|select|KLINGON|snappy/i);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  });
});

describe('validation errors', () => {
  const typo = (server: Server) => post(server).set('Content-Type', 'application/json').send({ query: '{ membr { name } }' });

  it('suggest field names outside production, for those who may introspect anyway', async () => {
    const { body } = await typo(servers.development);
    expect(body.errors[0].message).toMatch(/Did you mean "member"/);
  });

  it('suggest nothing in production', async () => {
    const { status, body } = await typo(servers.production);
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({ message: 'Cannot query field "membr" on type "Query".', extensions: { code: 'BAD_USER_INPUT' } });
    expect(JSON.stringify(body)).not.toMatch(/Did you mean|"member"|"me"/);
  });
});

describe('security headers', () => {
  it('on API answers: nothing may be loaded, framed or sniffed', async () => {
    const res = await t.gql('demo-poverty-office', '{ me { role } }');
    expect(res.status).toBe(200);
    const headers = (await request(t.server.app).post('/graphql').set('Content-Type', 'application/json').send({ query: '{ me { role } }' })).headers;
    expect(headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'");
    expect(headers).toMatchObject({ 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
    expect(headers['x-powered-by']).toBeUndefined();
  });

  it('the same on the direct GraphQL path as helmet sets on every other route', async () => {
    const viaPath = (await request(t.server.app).post('/graphql').set('Content-Type', 'application/json').set('Authorization', 'Bearer demo-poverty-office').send({ query: '{ me { role } }' })).headers;
    const viaExpress = (await request(t.server.app).get('/healthz')).headers;
    const helmetSet = Object.keys(viaExpress).filter((name) => !['content-type', 'content-length', 'etag', 'date', 'connection', 'keep-alive', 'x-request-id'].includes(name));
    expect(helmetSet.length).toBeGreaterThan(8);
    for (const name of helmetSet) expect([name, viaPath[name]]).toEqual([name, viaExpress[name]]);
  });

  it('on the IDE page: scripts only from this server and the page\'s own inline script by hash, never framed', async () => {
    const page = await request(servers.production.app).get('/graphql').set('Accept', 'text/html');
    expect(page.status).toBe(200);
    const csp = page.headers['content-security-policy'];
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(page.headers['x-frame-options']).toBe('DENY');
    // The hash is that of the inline script the page actually holds.
    const inline = /<script type="module" nonce="">([\s\S]*?)<\/script>/.exec(page.text)![1];
    const { createHash } = await import('node:crypto');
    expect(csp).toContain(`'sha256-${createHash('sha256').update(inline).digest('base64')}'`);
  });
});

describe('the two ways a GraphQL POST is read', () => {
  const query = JSON.stringify({ query: '{ me { role scopes } }' });
  const send = (req: request.Test) => req.set('Authorization', 'Bearer demo-poverty-office').set('Content-Type', 'application/json; charset=UTF-8');

  it('answer alike: a plain body straight to Apollo, a gzip-compressed one through express', async () => {
    const plain = await send(post(servers.development)).send(query);
    const compressed = await post(servers.development).set('Authorization', 'Bearer demo-poverty-office').set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').serialize((raw) => raw as string).send(zlib.gzipSync(query));
    expect(plain.status).toBe(200);
    expect(plain.body).toEqual({ data: { me: { role: 'POVERTY_OFFICE', scopes: ['430923'] } } });
    expect(compressed.body).toEqual(plain.body);
    expect(plain.headers['content-security-policy']).toBe(compressed.headers['content-security-policy']);
    expect(plain.headers['x-request-id']).toEqual(expect.any(String));
  });

  it('read a body behind a byte-order mark, and an empty one as {} (refused by Apollo, not by the reader)', async () => {
    expect((await send(post(servers.development)).send(`\uFEFF${query}`)).body.data.me.role).toBe('POVERTY_OFFICE');
    const empty = await send(post(servers.development)).send('');
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
