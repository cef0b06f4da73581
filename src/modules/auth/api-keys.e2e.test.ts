import { startTestApp, type TestApp } from '../../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ households: 20 });
});
afterAll(() => t.close());

const ME = '{ me { organisationName role scopes } }';

describe('API keys', () => {
  it('makes a key that works at once, is shown once, and is listed only by its prefix', async () => {
    const expiresAt = new Date(Date.now() + 365 * 86_400_000).toISOString();
    const { body } = await t.gql('demo-finance', `mutation { createApiKey(name: "loan system", expiresAt: "${expiresAt}") { key apiKey { id prefix name expiresAt } } }`);
    const { key, apiKey } = body.data!.createApiKey;
    expect(key).toMatch(/^jz_[\w-]{43}$/);
    expect(apiKey).toMatchObject({ prefix: key.slice(0, 8), name: 'loan system', expiresAt });
    expect((await t.gql(key, ME)).body.data!.me.role).toBe('FINANCE');
    const listed = await t.gql('demo-finance', '{ apiKeys { id prefix name revokedAt } }');
    expect(listed.body.data!.apiKeys).toContainEqual({ id: apiKey.id, prefix: key.slice(0, 8), name: 'loan system', revokedAt: null });
    expect(JSON.stringify(listed.body)).not.toContain(key);
    const [stored] = await t.sql<{ key_hash: string }>('select key_hash from api_key where id = ?', [apiKey.id]);
    expect(stored.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.key_hash).not.toContain(key);
  });

  it('rotates a key: the old one stops, the new one works with the same name', async () => {
    const created = (await t.gql('demo-housing', 'mutation { createApiKey(name: "renovation sync") { key apiKey { id } } }')).body.data!.createApiKey;
    const rotated = await t.gql(created.key, `mutation { rotateApiKey(id: "${created.apiKey.id}") { key apiKey { name } } }`);
    const fresh = rotated.body.data!.rotateApiKey;
    expect(fresh.apiKey.name).toBe('renovation sync');
    expect((await t.gql(created.key, ME)).status).toBe(401);
    expect((await t.gql(fresh.key, ME)).body.data!.me.role).toBe('HOUSING');
  });

  it('gives an expired key a successor only with a new expiry, never an expired one', async () => {
    const created = (await t.gql('demo-housing', 'mutation { createApiKey(name: "old sync") { key apiKey { id } } }')).body.data!.createApiKey;
    await t.sql(`update api_key set expires_at = now() - interval '1 day' where id = ?`, [created.apiKey.id]);
    const refused = await t.gql('demo-housing', `mutation { rotateApiKey(id: "${created.apiKey.id}") { key } }`);
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresAt' });
    const [kept] = await t.sql<{ revoked_at: Date | null }>('select revoked_at from api_key where id = ?', [created.apiKey.id]);
    expect(kept.revoked_at).toBeNull();
    const until = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const rotated = await t.gql('demo-housing', `mutation { rotateApiKey(id: "${created.apiKey.id}", expiresAt: "${until}") { key apiKey { name expiresAt } } }`);
    expect(rotated.body.data!.rotateApiKey.apiKey).toEqual({ name: 'old sync', expiresAt: until });
    expect((await t.gql(rotated.body.data!.rotateApiKey.key, ME)).body.data!.me.role).toBe('HOUSING');
  });

  it('revokes a key: UNAUTHENTICATED from then on; revoking twice is refused', async () => {
    const created = (await t.gql('demo-health', 'mutation { createApiKey(name: "temp") { key apiKey { id } } }')).body.data!.createApiKey;
    const revoked = await t.gql('demo-health', `mutation { revokeApiKey(id: "${created.apiKey.id}") { revokedAt } }`);
    expect(revoked.body.data!.revokeApiKey.revokedAt).toEqual(expect.any(String));
    const after = await t.gql(created.key, ME);
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const again = await t.gql('demo-health', `mutation { revokeApiKey(id: "${created.apiKey.id}") { revokedAt } }`);
    expect(again.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it("cannot touch another organisation's key: NOT_FOUND, and the key keeps working", async () => {
    const created = (await t.gql('demo-education', 'mutation { createApiKey(name: "school") { key apiKey { id } } }')).body.data!.createApiKey;
    for (const op of ['revokeApiKey', 'rotateApiKey']) {
      const { body } = await t.gql('demo-health', `mutation { ${op}(id: "${created.apiKey.id}") { __typename } }`);
      expect(body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    expect((await t.gql(created.key, ME)).body.data!.me.role).toBe('EDUCATION');
  });

  it.each([
    ['an expiry in the past', 'mutation { createApiKey(name: "old", expiresAt: "2020-01-01T00:00:00Z") { key } }', 'expiresAt'],
    ['an empty name', 'mutation { createApiKey(name: "  ") { key } }', 'name'],
    ['an expiry of 9999-12-31', 'mutation { createApiKey(name: "forever", expiresAt: "9999-12-31T00:00:00Z") { key } }', 'expiresAt'],
    ['an expiry more than two years ahead', `mutation { createApiKey(name: "long", expiresAt: "${new Date(Date.now() + 800 * 86_400_000).toISOString()}") { key } }`, 'expiresAt'],
  ])('refuses %s with BAD_USER_INPUT', async (_what, mutation, field) => {
    const { body } = await t.gql('demo-finance', mutation);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

describe('organisations', () => {
  const REGISTER = `mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { key organisation { id name role scopes } } }`;

  it('lets the poverty office register a partner in its region, whose first key works with that role and scope', async () => {
    const [township] = await t.sql<{ code: string }>(`select code from region where level = 'TOWNSHIP' and code like '430923%' order by code limit 1`);
    const scope = township.code.slice(0, 9);
    const { body } = await t.gql('demo-poverty-office', REGISTER, { input: { name: '东坪镇中心学校', role: 'EDUCATION', scopes: [scope] } });
    const { key, organisation } = body.data!.registerOrganisation;
    expect(organisation).toMatchObject({ name: '东坪镇中心学校', role: 'EDUCATION', scopes: [scope] });
    expect((await t.gql(key, ME)).body.data!.me).toEqual({ organisationName: '东坪镇中心学校', role: 'EDUCATION', scopes: [scope] });
    const listed = await t.gql('demo-poverty-office', '{ organisations { id name } }');
    expect(listed.body.data!.organisations).toContainEqual({ id: organisation.id, name: '东坪镇中心学校' });
    const elsewhere = await t.gql('demo-poverty-office-2', '{ organisations { id } }');
    expect(elsewhere.body.data!.organisations).not.toContainEqual({ id: organisation.id });
    const traces = await t.sql<{ entity: string }>(`select entity from audit_entry where operation = 'registerOrganisation' and (entity, entity_id) = ('Organisation', ?)`, [
      organisation.id,
    ]);
    expect(traces).toEqual([{ entity: 'Organisation' }]);
  });

  it.each([
    ['a scope outside its own', { name: '外县银行', role: 'FINANCE', scopes: ['430981'] }, 'FORBIDDEN'],
    ['an auditor', { name: '审计组', role: 'AUDITOR', scopes: ['430923'] }, 'FORBIDDEN'],
    ['a malformed scope', { name: '某单位', role: 'HEALTH', scopes: ['43x'] }, 'BAD_USER_INPUT'],
    ['an unknown region', { name: '某单位', role: 'HEALTH', scopes: ['430923999'] }, 'BAD_USER_INPUT'],
    ['no scope', { name: '某单位', role: 'HEALTH', scopes: [] }, 'BAD_USER_INPUT'],
  ])('refuses %s and keeps nothing', async (_what, input, code) => {
    const before = await t.sql<{ n: number }>('select count(*)::int as n from organisation');
    const { body } = await t.gql('demo-poverty-office', REGISTER, { input });
    expect(body.errors?.[0].extensions?.code).toBe(code);
    expect(await t.sql('select count(*)::int as n from organisation')).toEqual(before);
  });
});
