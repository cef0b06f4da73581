import { startTestApp, type TestApp } from './harness';

/**
 * Rows outside a caller's scope do not exist for it: absent from lists and counts, null from
 * look-ups, unreachable through nested paths. Each case reads county 1's rows as county 2's
 * organisations (demo-<role>-2) and the reverse.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ households: 120 });
});
afterAll(() => t.close());

const one = async <T = any>(sql: string, params: unknown[] = []) => (await t.sql<T>(sql, params))[0];
const count = async (sql: string, params: unknown[] = []) => (await one<{ n: number }>(`select count(*)::int as n from ${sql}`, params)).n;

describe('cross-county isolation', () => {
  it('every root query of county 2 sees nothing of county 1', async () => {
    const household = await one<{ id: number; village_code: string }>(`select id, village_code from household where village_code like '430923%' order by id limit 1`);
    const person = await one<{ id_number: string }>(`select id_number from member where household_id = ?`, [household.id]);
    await t.gql('demo-poverty-office', `{ member(idNumber: "${person.id_number}", purpose: "isolation test set-up") { id } }`);
    await t.gql('demo-poverty-office', 'mutation { createApiKey(name: "isolation") { key } }');
    const { body } = await t.gql(
      'demo-auditor-2',
      `query($village: String!, $household: ID!, $person: String!) {
        me { scopes }
        region(code: "430923000000") { code }
        village(code: $village) { code }
        villages(first: 100) { totalCount edges { node { code } } }
        households(first: 100) { totalCount edges { node { village { code } } } }
        household(id: $household) { id }
        member(idNumber: $person, purpose: "isolation test") { id }
        organisations { scopes }
        auditLog(first: 100) { totalCount edges { node { regionCode } } }
        accessHistory(idNumber: $person) { purpose }
        apiKeys { prefix }
        loanEligibility(idNumber: $person, purpose: "isolation test") { eligible ceiling }
      }`,
      { village: household.village_code, household: String(household.id), person: person.id_number },
    );
    expect(body.errors).toBeUndefined();
    const d = body.data!;
    expect(d.me.scopes).toEqual(['430981']);
    expect([d.region, d.village, d.household, d.member]).toEqual([null, null, null, null]);
    expect(d.villages.totalCount).toBe(await count(`region where level = 'VILLAGE' and code like '430981%'`));
    expect(d.villages.edges.every((e: any) => e.node.code.startsWith('430981'))).toBe(true);
    expect(d.households.totalCount).toBe(await count(`household where village_code like '430981%'`));
    expect(d.households.edges.every((e: any) => e.node.village.code.startsWith('430981'))).toBe(true);
    expect(d.organisations.every((o: any) => o.scopes.every((s: string) => s.startsWith('430981')))).toBe(true);
    expect(d.auditLog.totalCount).toBe(await count(`audit_entry where region_code like '430981%'`));
    expect(d.auditLog.edges.every((e: any) => e.node.regionCode.startsWith('430981'))).toBe(true);
    // County 1's look-ups of the person stay hidden; this request's own (member, loanEligibility) are
    // logged under county 2 and may already be there, depending on which statement ran first.
    expect(d.accessHistory.length).toBeLessThanOrEqual(2);
    expect(d.accessHistory.every((e: any) => e.purpose === 'isolation test')).toBe(true);
    expect(d.apiKeys).toEqual([{ prefix: 'demo-aud' }]);
    expect(d.loanEligibility).toEqual({ eligible: false, ceiling: null });
  });

  it('nested paths stay inside the county: household → village → households, member → household, region → children', async () => {
    const { body } = await t.gql(
      'demo-poverty-office-2',
      `{
        households(first: 5) { edges { node { village { households(first: 100) { totalCount edges { node { village { code } members { household { village { code } } } } } } } } } }
        region(code: "430981000000") { children { code children { code } } }
      }`,
    );
    expect(body.errors).toBeUndefined();
    const codes = JSON.stringify(body.data).match(/"code":"\d+"/g)!;
    expect(codes.length).toBeGreaterThan(10);
    expect(codes.every((c) => c.includes('"430981'))).toBe(true);
  });

  it('an organisation with two scopes sees their union and nothing more', async () => {
    const [a, b] = await t.sql<{ code: string }>(
      `(select code from region where level = 'TOWNSHIP' and code like '430923%' order by code limit 1)
       union all (select code from region where level = 'TOWNSHIP' and code like '430981%' order by code limit 1)`,
    );
    const scopes = [a.code.slice(0, 9), b.code.slice(0, 9)];
    const register = await t.gql('demo-poverty-office', `mutation { registerOrganisation(input: { name: "跨县测试", role: EDUCATION, scopes: ["${scopes[0]}"] }) { key organisation { id } } }`);
    const { key, organisation } = register.body.data!.registerOrganisation;
    await t.sql(`update organisation set scopes = ?::text[] where id = ?`, [`{${scopes.join(',')}}`, organisation.id]);
    const { body } = await t.gql(key, '{ villages(first: 100) { totalCount edges { node { code } } } households(first: 100) { totalCount } }');
    const inUnion = (code: string) => scopes.some((s) => code.startsWith(s));
    expect(body.data!.villages.totalCount).toBe(await count(`region where level = 'VILLAGE' and (code like ? or code like ?)`, scopes.map((s) => `${s}%`)));
    expect(body.data!.villages.edges.every((e: any) => inUnion(e.node.code))).toBe(true);
    expect(new Set(body.data!.villages.edges.map((e: any) => e.node.code.slice(0, 6)))).toEqual(new Set(['430923', '430981']));
    expect(body.data!.households.totalCount).toBe(await count(`household where village_code like ? or village_code like ?`, scopes.map((s) => `${s}%`)));
  });
});

describe('filters, masks and donors', () => {
  it('refuses a filter on a field the caller may not read (Keystone #7710), and allows one it may', async () => {
    const hidden = await t.gql('demo-education', '{ households(first: 5, filter: { cause: [ILLNESS] }) { totalCount } }');
    expect(hidden.body.data!.households).toBeNull();
    expect(hidden.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN', field: 'Household.causes' }) })]);
    const allowed = await t.gql('demo-education', '{ households(first: 5, filter: { status: [EXITED] }) { totalCount } }');
    expect(allowed.body.data!.households.totalCount).toBe(await count(`household where village_code like '430923%' and status = 'EXITED'`));
  });

  it('shows housing a masked ID number: county and last four only', async () => {
    const { body } = await t.gql('demo-housing', '{ households(first: 1) { edges { node { members { idNumber } } } } }');
    const shown = body.data!.households.edges[0].node.members.map((m: any) => m.idNumber);
    const ids = (await t.sql<{ id_number: string }>(
      `select id_number from member where household_id = (select min(id) from household where village_code like '430923%') order by id`,
    )).map((r) => r.id_number);
    expect(shown).toEqual(ids.map((id) => `${id.slice(0, 6)}********${id.slice(14)}`));
    expect(JSON.stringify(body)).not.toContain(ids[0]);
  });

  it('shows donors only the villages they are paired with, and a new pairing at once', async () => {
    const donor = await one<{ id: number }>(`select id from organisation where role = 'CPPCC' and scopes = '{430923}'`);
    const paired = (await t.sql<{ village_code: string }>('select village_code from organisation_pairing where organisation_id = ? order by 1', [donor.id])).map((r) => r.village_code);
    const before = await t.gql('demo-cppcc', '{ villages(first: 100) { totalCount edges { node { code } } } }');
    expect(before.body.data!.villages.edges.map((e: any) => e.node.code)).toEqual(paired);
    expect(before.body.data!.villages.totalCount).toBe(paired.length);

    const other = await one<{ code: string }>(`select code from region where level = 'VILLAGE' and code like '430923%' and code <> all(?::text[]) order by code limit 1`, [`{${paired.join(',')}}`]);
    expect((await t.gql('demo-cppcc', `{ village(code: "${other.code}") { code } }`)).body.data!.village).toBeNull();
    const pairing = await t.gql('demo-poverty-office', `mutation { pairOrganisation(organisationId: "${donor.id}", villageCode: "${other.code}") { since village { code } } }`);
    expect(pairing.body.data!.pairOrganisation.village.code).toBe(other.code);
    expect((await t.gql('demo-cppcc', `{ village(code: "${other.code}") { code } }`)).body.data!.village).toEqual({ code: other.code });
  });

  it('refuses a pairing of a village outside the office’s scope, or of a non-donor', async () => {
    const donor = await one<{ id: number }>(`select id from organisation where role = 'CPPCC' and scopes = '{430923}'`);
    const bank = await one<{ id: number }>(`select id from organisation where role = 'FINANCE' and scopes = '{430923}'`);
    const foreign = await one<{ code: string }>(`select code from region where level = 'VILLAGE' and code like '430981%' limit 1`);
    const inScope = await one<{ code: string }>(`select code from region where level = 'VILLAGE' and code like '430923%' limit 1`);
    const outside = await t.gql('demo-poverty-office', `mutation { pairOrganisation(organisationId: "${donor.id}", villageCode: "${foreign.code}") { since } }`);
    expect(outside.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const notDonor = await t.gql('demo-poverty-office', `mutation { pairOrganisation(organisationId: "${bank.id}", villageCode: "${inScope.code}") { since } }`);
    expect(notDonor.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organisationId' });
  });
});
