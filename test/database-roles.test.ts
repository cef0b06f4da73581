import { apiUrlFor, derivedApiPassword } from '../src/db/database-role';
import { hashApiKey } from '../src/modules/auth/api-key-hash';
import { startTestApp, type TestApp } from './harness';

/**
 * The database defends itself: the API logs in as jingzhun_api, which owns nothing and cannot
 * become the owner; key hashes are out of its reach but for the authentication look-up; it sees
 * organisations and keys only of the counties its request is scoped to; its statements and idle
 * transactions are ended by PostgreSQL. PGlite makes every connection its superuser, so what
 * rests on the login role is checked on a PostgreSQL server only (docs/security.md).
 */
const onServer = process.env.JZ_TEST_DB_MODE !== 'embedded';
const serverIt = onServer ? it : it.skip;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ households: 20, env: { DB_STATEMENT_TIMEOUT_MS: '400', DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '600' } });
});
afterAll(() => t.close());

type Sql = (text: string, params?: unknown[]) => Promise<any[]>;

/** Statements on the API's own connection inside one transaction scoped as a request of `patterns` is; always rolled back. */
async function asApi<T>(patterns: string | null, work: (sql: Sql) => Promise<T>, organisationId?: number): Promise<T> {
  const em = t.db.orm.em.fork();
  await em.begin();
  try {
    if (t.db.role.embedded) await em.execute(`select set_config('role', 'jingzhun_api', true)`);
    if (patterns !== null) {
      await em.execute(`select set_config('jingzhun.scope_patterns', ?, true), set_config('jingzhun.organisation_id', ?, true)`, [patterns, String(organisationId ?? '')]);
    }
    return await work((text, params = []) => em.execute(text, params));
  } finally {
    await em.rollback();
  }
}

const organisationOf = async (role: string, county: string) =>
  (await t.sql<{ id: number }>(`select id from organisation where role = ? and scopes = ?`, [role, `{${county}}`]))[0].id;

describe('the API’s login role', () => {
  serverIt('is jingzhun_api, with no power beyond logging in', () => {
    expect(t.db.role).toEqual({ name: 'jingzhun_api', embedded: false, powers: [], privileged: false });
  });

  serverIt('cannot become the owner, nor any other role but its own', async () => {
    const api = t.db.orm.em.fork().getConnection();
    await expect(api.execute(`select set_config('role', 'postgres', true)`)).rejects.toThrow(/permission denied to set role "postgres"/);
    await expect(api.execute(`set session authorization postgres`)).rejects.toThrow(/permission denied/);
    const [owner] = await t.sql<{ owner: string }>(`select tableowner as owner from pg_tables where tablename = 'household'`);
    await expect(api.execute(`set role ${owner.owner}`)).rejects.toThrow(/permission denied/);
    await expect(api.execute(`alter table household disable row level security`)).rejects.toThrow(/must be owner/);
    expect((await api.execute(`select current_user as me`))[0].me).toBe('jingzhun_api');
  });

  serverIt('sees nothing scoped outside a request’s transaction', async () => {
    const [row] = await t.db.orm.em.fork().getConnection().execute(`select (select count(*) from household)::int + (select count(*) from organisation)::int + (select count(*) from api_key)::int as n`);
    expect(row.n).toBe(0);
  });
});

describe('api_key and organisation under row-level security', () => {
  it('never lets the API role select a key hash', async () => {
    await expect(asApi('430923%', (sql) => sql('select key_hash from api_key'))).rejects.toThrow(/permission denied/);
    await expect(asApi('430923%', (sql) => sql('select * from api_key'))).rejects.toThrow(/permission denied/);
    await expect(asApi('430923%', (sql) => sql(`select id from api_key where key_hash = ?`, [hashApiKey('demo-education')]))).rejects.toThrow(/permission denied/);
  });

  it('shows the organisations and keys of the request’s counties only', async () => {
    const seen = await asApi('430981%', async (sql) => ({
      organisations: (await sql('select scopes from organisation')).map((o) => o.scopes as string[]),
      keys: (await sql('select k.id, o.scopes from api_key k join organisation o on o.id = k.organisation_id')).length,
    }));
    const [expected] = await t.sql<{ organisations: number; keys: number }>(
      `select (select count(*)::int from organisation where scopes && '{430981}') as organisations,
              (select count(*)::int from api_key k join organisation o on o.id = k.organisation_id where o.scopes && '{430981}') as keys`,
    );
    expect(seen.organisations.length).toBe(expected.organisations);
    expect(seen.organisations.every((scopes) => scopes.every((s) => s.startsWith('430981')))).toBe(true);
    expect(seen.keys).toBe(expected.keys);
    expect(expected.keys).toBeGreaterThan(0);
  });

  it('revokes only its own organisation’s keys, and writes keys and organisations only inside its scopes', async () => {
    const own = await organisationOf('EDUCATION', '430923');
    const neighbour = await organisationOf('HEALTH', '430923');
    const foreign = await organisationOf('HEALTH', '430981');
    const revoked = await asApi('430923%', (sql) => sql(`update api_key set revoked_at = now() where organisation_id in (?, ?, ?) returning organisation_id`, [own, neighbour, foreign]), own);
    expect(new Set(revoked.map((r) => r.organisation_id))).toEqual(new Set([own]));
    const insertKey = (organisationId: number) =>
      asApi('430923%', (sql) => sql(`insert into api_key (organisation_id, prefix, key_hash, name) values (?, 'jz_forge', ?, 'forged') returning id`, [organisationId, hashApiKey(`forged-${organisationId}`)]), own);
    await expect(insertKey(neighbour)).resolves.toHaveLength(1);
    await expect(insertKey(foreign)).rejects.toThrow(/row-level security/);
    await expect(asApi('430923%', (sql) => sql(`insert into organisation (name, role, scopes) values ('越界', 'CPPCC', '{430981}')`), own)).rejects.toThrow(/row-level security/);
    await expect(asApi('430923%', (sql) => sql(`delete from organisation where id = ?`, [own]), own)).rejects.toThrow(/permission denied/);
  });

  it('authenticates through jingzhun_authenticate only: the key’s organisation whole, as JSON, and its pairings', async () => {
    const [expected] = await t.sql<{ organisation: Record<string, unknown> }>(
      `select to_jsonb(o) as organisation from organisation o join api_key k on k.organisation_id = o.id where k.key_hash = ?`,
      [hashApiKey('demo-cppcc')],
    );
    const [row] = await t.db.orm.em.fork().getConnection().execute(`select * from jingzhun_authenticate(?)`, [hashApiKey('demo-cppcc')]);
    expect(row.organisation).toEqual(expected.organisation);
    expect(row.paired_villages.length).toBeGreaterThan(0);
    expect(Object.keys(row)).not.toContain('key_hash');
    expect(await t.db.orm.em.fork().getConnection().execute(`select * from jingzhun_authenticate(?)`, [hashApiKey('no such key')])).toEqual([]);
  });
});

describe('the API’s URL derived from the owner’s', () => {
  it('swaps the user for jingzhun_api and never carries the owner’s password', () => {
    const derived = new URL(apiUrlFor('postgres://owner:s3cret%2F@db.example:5433/jingzhun?sslmode=require'));
    expect(derived.username).toBe('jingzhun_api');
    expect(decodeURIComponent(derived.password)).toBe(derivedApiPassword('s3cret/'));
    expect(derived.password).not.toContain('s3cret');
    expect([derived.host, derived.pathname, derived.search]).toEqual(['db.example:5433', '/jingzhun', '?sslmode=require']);
    expect(new URL(apiUrlFor('postgres://postgres@127.0.0.1:5432/x')).password).toBe('');
  });
});

describe('timeouts on the API’s connections (PostgreSQL server; PGlite has no timer to end a statement)', () => {
  serverIt('ends a statement that runs past DB_STATEMENT_TIMEOUT_MS', async () => {
    const started = Date.now();
    await expect(t.db.orm.em.fork().getConnection().execute('select pg_sleep(5)')).rejects.toThrow(/statement timeout/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  serverIt('ends a transaction left idle past DB_IDLE_IN_TRANSACTION_TIMEOUT_MS, and the pool goes on', async () => {
    // knex reports the connection the server ended on the console; the assertions below are what matter.
    const quiet = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const em = t.db.orm.em.fork();
    await em.begin();
    await em.execute('select 1');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await expect(em.execute('select 1')).rejects.toThrow(/idle-in-transaction|terminat|Connection/i);
    await em.rollback().catch(() => undefined);
    expect(await t.db.orm.em.fork().getConnection().execute('select 1 as ok')).toEqual([{ ok: 1 }]);
    quiet.mockRestore();
  });

  serverIt('answers a request whose statement waits past the limit with an error, not a hang', async () => {
    const created = (await t.gql('demo-housing', 'mutation { createApiKey(name: "locked") { apiKey { id } } }')).body.data!.createApiKey;
    const locker = t.owner.orm.em.fork();
    await locker.begin();
    try {
      await locker.execute('select id from api_key where id = ? for update', [created.apiKey.id]);
      const started = Date.now();
      const { body } = await t.gql('demo-housing', `mutation { revokeApiKey(id: "${created.apiKey.id}") { revokedAt } }`);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(body.errors?.[0].extensions?.code).toEqual(expect.any(String));
      expect(body.data).toEqual({ revokeApiKey: null });
      expect(JSON.stringify(body)).not.toMatch(/api_key|statement timeout|select|update/i);
    } finally {
      await locker.rollback();
    }
    const again = await t.gql('demo-housing', `mutation { revokeApiKey(id: "${created.apiKey.id}") { revokedAt } }`);
    expect(again.body.data!.revokeApiKey.revokedAt).toEqual(expect.any(String));
  });
});
