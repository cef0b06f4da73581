import { firstListedBy, startTestApp, type TestApp } from '../../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const HOUSEHOLDS = `query($first: Int, $after: String, $filter: HouseholdFilter) {
  households(first: $first, after: $after, filter: $filter) {
    totalCount
    edges { node { id number status category causes } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function count(where: string, params: unknown[] = []): Promise<number> {
  const [row] = await t.sql<{ n: number }>(`select count(*)::int as n from household h where ${where}`, params);
  return row.n;
}

describe('households', () => {
  it('filters by status, category and cause exactly as SQL does', async () => {
    const expected = await count(
      `village_code like '430923%' and status in ('EXITED','MONITORED_UNSTABLE') and category = 'GENERAL' and causes && array['ILLNESS','DISABILITY']`,
    );
    expect(expected).toBeGreaterThan(0);
    const { body } = await t.gql('demo-poverty-office', HOUSEHOLDS, {
      first: 100,
      filter: { status: ['EXITED', 'MONITORED_UNSTABLE'], category: ['GENERAL'], cause: ['ILLNESS', 'DISABILITY'] },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data!.households.totalCount).toBe(expected);
    for (const { node } of body.data!.households.edges) {
      expect(['EXITED', 'MONITORED_UNSTABLE']).toContain(node.status);
      expect(node.causes.some((c: string) => c === 'ILLNESS' || c === 'DISABILITY')).toBe(true);
    }
  });

  it('reads a household with its village, head and members as stored', async () => {
    const [row] = await t.sql<{ id: number; village_code: string; fen: number }>(
      `select id, village_code, income_per_capita_fen as fen from household where village_code like '430923%' order by id limit 1`,
    );
    const members = await t.sql<{ name: string; id_number: string; relation: string }>(
      `select name, id_number, relation from member where household_id = ? order by id`,
      [row.id],
    );
    const { body } = await t.gql(
      'demo-poverty-office',
      `query($id: ID!) { household(id: $id) { id incomePerCapita village { code } head { name relation } members { name idNumber relation birthDate } } }`,
      { id: String(row.id) },
    );
    expect(body.errors).toBeUndefined();
    const household = body.data!.household;
    expect(household.village.code).toBe(row.village_code);
    expect(household.incomePerCapita).toBe((row.fen / 100).toFixed(2));
    expect(household.members.map((m: any) => [m.name, m.idNumber, m.relation])).toEqual(members.map((m) => [m.name, m.id_number, m.relation]));
    expect(household.head).toEqual({ name: members.find((m) => m.relation === 'HEAD')!.name, relation: 'HEAD' });
    for (const m of household.members) expect(m.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('answers a forbidden field with FORBIDDEN at its path and still returns the rest', async () => {
    // The bank's borrower's household: the bank sees no other.
    const { householdId } = await firstListedBy(t, 'demo-finance');
    const { body } = await t.gql('demo-finance', `query($id: ID!) { household(id: $id) { number members { name labourCapacity health } } }`, {
      id: String(householdId),
    });
    expect(body.data!.household.number).toEqual(expect.any(String));
    expect(body.data!.household.members[0].name).toEqual(expect.any(String));
    expect(body.data!.household.members[0].labourCapacity).toEqual(expect.any(String));
    const denied = body.errors!.filter((e) => e.extensions?.code === 'FORBIDDEN');
    expect(denied.length).toBeGreaterThan(0);
    expect(denied[0].path).toEqual(['household', 'members', 0, 'health']);
    expect(body.errors!.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
  });

  it('keeps individual households from donors: FORBIDDEN on the list, villages still answered', async () => {
    const { body } = await t.gql('demo-cppcc', '{ villages(first: 1) { totalCount } households(first: 1) { totalCount } }');
    expect(body.data!.villages.totalCount).toBeGreaterThan(0);
    expect(body.data!.households).toBeNull();
    expect(body.errors).toEqual([expect.objectContaining({ path: ['households'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
  });

  it('hides another county’s households from lists, counts, lookups and nested paths', async () => {
    const [foreign] = await t.sql<{ id: number; village_code: string }>(`select id, village_code from household where village_code like '430923%' limit 1`);
    const expected = await count(`village_code like '430981%'`);
    const { body } = await t.gql(
      'demo-poverty-office-2',
      `query($id: ID!, $village: String!) {
        households(first: 100) { totalCount edges { node { village { code } } } }
        household(id: $id) { id }
        village(code: $village) { households(first: 5) { totalCount } }
      }`,
      { id: String(foreign.id), village: foreign.village_code },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.households.totalCount).toBe(expected);
    expect(body.data!.households.edges.every((e: any) => e.node.village.code.startsWith('430981'))).toBe(true);
    expect(body.data!.household).toBeNull();
    expect(body.data!.village).toBeNull();
  });

  it('pages village.households by cursor, with the village’s own count', async () => {
    const [village] = await t.sql<{ code: string; n: number }>(
      `select village_code as code, count(*)::int as n from household where village_code like '430923%' group by village_code having count(*) >= 3 order by village_code limit 1`,
    );
    const query = `query($code: String!, $after: String) { village(code: $code) { households(first: 2, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } } }`;
    const first = (await t.gql('demo-poverty-office', query, { code: village.code })).body.data!.village.households;
    const second = (await t.gql('demo-poverty-office', query, { code: village.code, after: first.pageInfo.endCursor })).body.data!.village.households;
    const ids = await t.sql<{ id: number }>(`select id from household where village_code = ? order by id limit 4`, [village.code]);
    expect(first.totalCount).toBe(village.n);
    expect([...first.edges, ...second.edges].map((e: any) => Number(e.node.id))).toEqual(ids.map((r) => r.id));
    expect(first.pageInfo.hasNextPage).toBe(true);
  });

  it('refuses a malformed household id', async () => {
    const { body } = await t.gql('demo-poverty-office', '{ household(id: "abc") { id } }');
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});
