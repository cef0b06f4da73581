import pino from 'pino';
import request from 'supertest';
import { loadConfig } from '../../config/config';
import { createServer } from '../../http/app';
import { startTestApp, type TestApp } from '../../../test/harness';
import { apiKeyPrefix, hashApiKey } from './api-key-hash';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ households: 20 });
});
afterAll(() => t.close());

const VILLAGES = '{ villages(first: 5) { totalCount edges { node { code name } } } }';

async function addKey(key: string, columns: { revoked_at?: string; expires_at?: string }): Promise<void> {
  const [org] = await t.sql<{ id: number }>(`select id from organisation where role = 'POVERTY_OFFICE' order by id limit 1`);
  await t.sql(`insert into api_key (organisation_id, prefix, key_hash, name, revoked_at, expires_at) values (?, ?, ?, 'test', ?, ?)`, [
    org.id,
    apiKeyPrefix(key),
    hashApiKey(key),
    columns.revoked_at ?? null,
    columns.expires_at ?? null,
  ]);
}

describe('authentication', () => {
  it('answers the demo key with its organisation, role and scope', async () => {
    const { status, body } = await t.gql('demo-poverty-office', '{ me { organisationName role scopes apiKeyPrefix } }');
    expect(status).toBe(200);
    const [org] = await t.sql<{ name: string }>(`select name from organisation where role = 'POVERTY_OFFICE' and '430923' = any(scopes)`);
    expect(body.data!.me).toEqual({ organisationName: org.name, role: 'POVERTY_OFFICE', scopes: ['430923'], apiKeyPrefix: 'demo-pov' });
  });

  it('refuses data without a key: UNAUTHENTICATED, HTTP 401, no data', async () => {
    const { status, body } = await t.gql(undefined, VILLAGES);
    expect(status).toBe(401);
    expect(body.data).toBeNull();
    expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['an unknown key', 'no-such-key-0123456789', {}],
    ['a revoked key', 'revoked-key-0123456789', { revoked_at: '2026-01-01T00:00:00Z' }],
    ['an expired key', 'expired-key-0123456789', { expires_at: '2026-01-01T00:00:00Z' }],
  ])('refuses %s with UNAUTHENTICATED', async (_what, key, columns) => {
    if (Object.keys(columns).length) await addKey(key, columns);
    const { status, body } = await t.gql(key, VILLAGES);
    expect(status).toBe(401);
    expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.data ?? null).toBeNull();
  });

  it('accepts a live key that expires in the future', async () => {
    await addKey('future-key-0123456789', { expires_at: '2999-01-01T00:00:00Z' });
    const { body } = await t.gql('future-key-0123456789', '{ me { role } }');
    expect(body.data!.me.role).toBe('POVERTY_OFFICE');
  });

  it('refuses a malformed Authorization header', async () => {
    const res = await request(t.server.app).post('/graphql').set('Authorization', 'Basic abc').send({ query: '{ me { role } }' });
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('allows introspection without a key outside production', async () => {
    const { status, body } = await t.gql(undefined, '{ __schema { queryType { name } } }');
    expect(status).toBe(200);
    expect(body.data!.__schema.queryType.name).toBe('Query');
  });

  it('in production refuses demo keys and introspection', async () => {
    const production = await createServer(loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' }), t.db, pino({ level: 'silent' }));
    try {
      const demo = await request(production.app).post('/graphql').set('Authorization', 'Bearer demo-poverty-office').send({ query: VILLAGES });
      expect(demo.status).toBe(401);
      expect(demo.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const introspection = await request(production.app).post('/graphql').send({ query: '{ __schema { queryType { name } } }' });
      expect(introspection.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    } finally {
      await production.stop();
    }
  });
});
