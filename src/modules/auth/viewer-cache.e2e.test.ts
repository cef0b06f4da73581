import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createNetServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { loadConfig } from '../../config/config';
import { createServer, type Server } from '../../http/app';
import { createLogger } from '../../observability/logger';
import { startTestApp, type TestApp } from '../../../test/harness';
import { apiKeyPrefix, hashApiKey } from './api-key-hash';

const ME = '{ me { role limits { lookupsPerHour } } }';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ households: 20 });
});
afterAll(() => t.close());

async function serverWith(env: Record<string, string>): Promise<Server> {
  return createServer(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env }), t.db, createLogger({ logLevel: 'silent' }));
}

function gqlOn(server: Server, key: string, query: string) {
  return request(server.app).post('/graphql').set('Content-Type', 'application/json').set('Authorization', `Bearer ${key}`).send({ query });
}

async function newKey(holder: string, name: string): Promise<{ key: string; id: string }> {
  const { body } = await t.gql(holder, `mutation { createApiKey(name: "${name}") { key apiKey { id } } }`);
  return { key: body.data!.createApiKey.key, id: body.data!.createApiKey.apiKey.id };
}

/** Statements a request sends: one fewer when its key comes from the cache. */
async function statements(send: () => Promise<unknown>): Promise<number> {
  const before = t.db.sqlCounter.total;
  await send();
  return t.db.sqlCounter.total - before;
}

describe('the API-key cache, in one process', () => {
  it('looks a key up once, then answers from the cache without the look-up statement', async () => {
    const { key } = await newKey('demo-education', 'cache warm');
    const first = await statements(() => t.gql(key, ME));
    const second = await statements(() => t.gql(key, ME));
    expect(second).toBe(first - 1);
  });

  it('refuses a revoked key on the very next request', async () => {
    const { key, id } = await newKey('demo-education', 'cache revoke');
    expect((await t.gql(key, ME)).status).toBe(200);
    const revoked = await t.gql('demo-education', `mutation { revokeApiKey(id: "${id}") { revokedAt } }`);
    expect(revoked.body.errors).toBeUndefined();
    expect((await t.gql(key, ME)).status).toBe(401);
  });

  it('refuses a rotated key at once, including when it rotated itself', async () => {
    const { key, id } = await newKey('demo-health', 'cache rotate');
    expect((await t.gql(key, ME)).status).toBe(200);
    const rotated = await t.gql(key, `mutation { rotateApiKey(id: "${id}") { key } }`);
    expect(rotated.body.errors).toBeUndefined();
    expect((await t.gql(key, ME)).status).toBe(401);
    expect((await t.gql(rotated.body.data!.rotateApiKey.key, ME)).status).toBe(200);
  });

  it('shows new limits at once after setOrganisationLimits', async () => {
    const [bank] = await t.sql<{ id: number }>(`select id from organisation where role = 'FINANCE' and scopes = '{430923}'`);
    expect((await t.gql('demo-finance', ME)).body.data!.me.limits.lookupsPerHour).not.toBe(77);
    const set = await t.gql('demo-poverty-office', `mutation { setOrganisationLimits(id: "${bank.id}", limits: { lookupsPerHour: 77 }) { id } }`);
    expect(set.body.errors).toBeUndefined();
    expect((await t.gql('demo-finance', ME)).body.data!.me.limits.lookupsPerHour).toBe(77);
    await t.gql('demo-poverty-office', `mutation { setOrganisationLimits(id: "${bank.id}", limits: { lookupsPerHour: null }) { id } }`);
  });

  it('lets a donor see a village it was just paired with', async () => {
    const [donor] = await t.sql<{ id: number }>(`select id from organisation where role = 'CPPCC' and scopes = '{430923}'`);
    const [village] = await t.sql<{ code: string }>(
      `select code from region where level = 'VILLAGE' and code like '430923%'
         and code not in (select village_code from organisation_pairing where organisation_id = ?) order by code limit 1`,
      [donor.id],
    );
    const QUERY = `{ village(code: "${village.code}") { code } }`;
    expect((await t.gql('demo-cppcc', QUERY)).body.data?.village ?? null).toBeNull();
    const paired = await t.gql('demo-poverty-office', `mutation { pairOrganisation(organisationId: "${donor.id}", villageCode: "${village.code}") { since } }`);
    expect(paired.body.errors).toBeUndefined();
    expect((await t.gql('demo-cppcc', QUERY)).body.data!.village).toEqual({ code: village.code });
  });

  it('stops an expiring key at its expiry, not a time to live later', async () => {
    const key = 'jz_expiring_key_for_the_cache_test';
    const [org] = await t.sql<{ id: number }>(`select id from organisation where role = 'POVERTY_OFFICE' order by id limit 1`);
    await t.sql(`insert into api_key (organisation_id, prefix, key_hash, name, expires_at) values (?, ?, ?, 'expiring', now() + interval '3000 milliseconds')`, [
      org.id,
      apiKeyPrefix(key),
      hashApiKey(key),
    ]);
    expect((await t.gql(key, ME)).status).toBe(200);
    expect((await t.gql(key, ME)).status).toBe(200);
    await sleep(3100);
    expect((await t.gql(key, ME)).status).toBe(401);
  });

  it('trusts a key changed behind the API’s back (in SQL) for at most the time to live', async () => {
    // Times to live of seconds, not milliseconds: on a loaded machine two requests can be half a second apart.
    const server = await serverWith({ API_KEY_CACHE_TTL_MS: '3000' });
    try {
      const { key, id } = await newKey('demo-employment', 'cache ttl');
      expect((await gqlOn(server, key, ME)).status).toBe(200);
      await t.sql('update api_key set revoked_at = now() where id = ?', [Number(id)]);
      expect((await gqlOn(server, key, ME)).status).toBe(200);
      await sleep(3100);
      expect((await gqlOn(server, key, ME)).status).toBe(401);
    } finally {
      await server.stop();
    }
  });

  it('asks the database every time with API_KEY_CACHE_TTL_MS=0', async () => {
    const server = await serverWith({ API_KEY_CACHE_TTL_MS: '0' });
    try {
      const { key, id } = await newKey('demo-employment', 'no cache');
      expect((await gqlOn(server, key, ME)).status).toBe(200);
      await t.sql('update api_key set revoked_at = now() where id = ?', [Number(id)]);
      expect((await gqlOn(server, key, ME)).status).toBe(401);
    } finally {
      await server.stop();
    }
  });
});

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the API-key cache across processes, through Redis', () => {
  let redis: ChildProcess | undefined;
  let servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    servers = [];
    redis?.kill('SIGKILL');
  });

  /** Two API instances on one database and one Redis, each with its own cache. */
  async function twoInstances(): Promise<[Server, Server] | undefined> {
    const port = await freePort();
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const spawned = await new Promise<boolean>((resolve) => {
      redis!.once('error', () => resolve(false));
      redis!.once('spawn', () => resolve(true));
    });
    if (!spawned) {
      console.warn('Skipping the Redis tests of the API-key cache: no redis-server binary to start');
      return undefined;
    }
    await sleep(300);
    const env = { REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_KEY_PREFIX: 'viewer-cache-test:' };
    servers = [await serverWith(env), await serverWith(env)];
    await sleep(300);
    return servers as [Server, Server];
  }

  it('refuses in one instance a key revoked in the other as soon as Redis delivers the eviction', async () => {
    const instances = await twoInstances();
    if (!instances) return;
    const [a, b] = instances;
    const { key, id } = await newKey('demo-housing', 'two instances');
    expect((await gqlOn(b, key, ME)).status).toBe(200);
    const revoked = await gqlOn(a, key, `mutation { revokeApiKey(id: "${id}") { revokedAt } }`);
    expect(revoked.body.errors).toBeUndefined();
    // A published the eviction before it answered; B reads it from its subscription when its event
    // loop gets to it, usually before this request, on a loaded machine a moment after.
    const deadline = Date.now() + 500;
    let status = (await gqlOn(b, key, ME)).status;
    while (status === 200 && Date.now() < deadline) status = (await sleep(10), (await gqlOn(b, key, ME)).status);
    expect(status).toBe(401);
  });

  it('without Redis, the other instance trusts a key revoked elsewhere until its time to live ends', async () => {
    const [a, b] = (servers = [await serverWith({ API_KEY_CACHE_TTL_MS: '3000' }), await serverWith({ API_KEY_CACHE_TTL_MS: '3000' })]);
    const { key, id } = await newKey('demo-housing', 'no redis');
    expect((await gqlOn(b, key, ME)).status).toBe(200);
    expect((await gqlOn(a, key, `mutation { revokeApiKey(id: "${id}") { revokedAt } }`)).body.errors).toBeUndefined();
    expect((await gqlOn(a, key, ME)).status).toBe(401);
    expect((await gqlOn(b, key, ME)).status).toBe(200);
    await sleep(3100);
    expect((await gqlOn(b, key, ME)).status).toBe(401);
  });

  it('does not use the cache while the subscription to changes is down', async () => {
    const instances = await twoInstances();
    if (!instances) return;
    const [, b] = instances;
    const { key, id } = await newKey('demo-housing', 'redis down');
    expect((await gqlOn(b, key, ME)).status).toBe(200);
    redis!.kill('SIGKILL');
    await new Promise((resolve) => redis!.once('exit', resolve));
    // A revocation by a process that could not tell anyone: B must stop trusting its cache once it
    // sees its subscription closed, which it hears from the socket (allowed 2 s on a loaded machine).
    await t.sql('update api_key set revoked_at = now() where id = ?', [Number(id)]);
    const deadline = Date.now() + 2000;
    let status = (await gqlOn(b, key, ME)).status;
    while (status === 200 && Date.now() < deadline) status = (await sleep(20), (await gqlOn(b, key, ME)).status);
    expect(status).toBe(401);
  });
});
