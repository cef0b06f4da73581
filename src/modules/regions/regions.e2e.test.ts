import { startTestApp, type TestApp } from '../../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const VILLAGES = `query($first: Int, $after: String, $filter: VillageFilter) {
  villages(first: $first, after: $after, filter: $filter) {
    totalCount
    edges { cursor node { code name povertyStatus exitYear groupCount collectiveIncome facilities { clinic hardenedRoad } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await t.sql<{ n: number }>(`select count(*)::int as n from ${sql}`, params);
  return row.n;
}

describe('villages', () => {
  it('lists only villages of the caller’s county, counted as SQL counts them', async () => {
    const expected = await count(`region where level = 'VILLAGE' and code like '430923%'`);
    const { body } = await t.gql('demo-poverty-office', VILLAGES, { first: 5 });
    expect(body.errors).toBeUndefined();
    expect(body.data!.villages.totalCount).toBe(expected);
    expect(body.data!.villages.edges).toHaveLength(5);
    for (const { node } of body.data!.villages.edges) expect(node.code).toMatch(/^430923\d{6}$/);
  });

  it('pages through every village once, in code order, by cursor', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const { body } = await t.gql('demo-poverty-office', VILLAGES, { first: 7, after });
      const page = body.data!.villages;
      seen.push(...page.edges.map((e: any) => e.node.code));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const codes = await t.sql<{ code: string }>(`select code from region where level = 'VILLAGE' and code like '430923%' order by code`);
    expect(seen).toEqual(codes.map((r) => r.code));
  });

  it('filters by region prefix and poverty status, within scope', async () => {
    const [township] = await t.sql<{ code: string }>(`select code from region where level = 'TOWNSHIP' and code like '430923%' order by code limit 1`);
    const prefix = township.code.slice(0, 9);
    const expected = await count(`region where level = 'VILLAGE' and code like ? and poverty_status = 'EXITED'`, [`${prefix}%`]);
    const { body } = await t.gql('demo-poverty-office', VILLAGES, { first: 100, filter: { regionCode: prefix, povertyStatus: ['EXITED'] } });
    expect(body.data!.villages.totalCount).toBe(expected);
    for (const { node } of body.data!.villages.edges) {
      expect(node.code.startsWith(prefix)).toBe(true);
      expect(node.povertyStatus).toBe('EXITED');
      expect(node.exitYear).toEqual(expect.any(Number));
    }
  });

  it('shows collective income as a decimal string in yuan', async () => {
    const [village] = await t.sql<{ code: string; fen: number }>(
      `select code, collective_income_fen as fen from region where level = 'VILLAGE' and code like '430923%' and collective_income_fen > 0 order by code limit 1`,
    );
    const { body } = await t.gql('demo-poverty-office', '{ village(code: "' + village.code + '") { collectiveIncome } }');
    expect(body.data!.village.collectiveIncome).toBe((village.fen / 100).toFixed(2));
  });

  it('shows a facility never recorded as null, not as a missing facility', async () => {
    const [village] = await t.sql<{ code: string }>(`select code from region where level = 'VILLAGE' and code like '430923%' order by code limit 1`);
    await t.sql(`update region set has_clinic = null, has_telecom = true where code = ?`, [village.code]);
    const { body } = await t.gql('demo-poverty-office', `{ village(code: "${village.code}") { facilities { clinic telecom } } }`);
    expect(body.data!.village.facilities).toEqual({ clinic: null, telecom: true });
  });

  it('does not let another county’s organisation see these villages, in lists, counts or lookups', async () => {
    const [village] = await t.sql<{ code: string }>(`select code from region where level = 'VILLAGE' and code like '430923%' limit 1`);
    const expected = await count(`region where level = 'VILLAGE' and code like '430981%'`);
    const { body } = await t.gql('demo-poverty-office-2', `{ villages(first: 100) { totalCount edges { node { code } } } village(code: "${village.code}") { code } }`);
    expect(body.data!.villages.totalCount).toBe(expected);
    expect(body.data!.villages.edges.every((e: any) => e.node.code.startsWith('430981'))).toBe(true);
    expect(body.data!.village).toBeNull();
  });

  it('refuses bad paging and filter input with BAD_USER_INPUT naming the argument', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ first: 101 }, 'first'],
      [{ first: 0 }, 'first'],
      [{ first: 5, after: 'not-a-cursor' }, 'after'],
      [{ first: 5, filter: { regionCode: '43%' } }, 'filter.regionCode'],
    ];
    for (const [variables, field] of cases) {
      const { body } = await t.gql('demo-poverty-office', VILLAGES, variables);
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('refuses a household cursor on the village list', async () => {
    const households = await t.gql('demo-poverty-office', '{ households(first: 1) { pageInfo { endCursor } } }');
    const { body } = await t.gql('demo-poverty-office', VILLAGES, { first: 5, after: households.body.data!.households.pageInfo.endCursor });
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('regions', () => {
  it('walks county → townships → villages within scope, and stops at the scope’s edge', async () => {
    const townships = await count(`region where parent_code = '430923000000'`);
    const { body } = await t.gql('demo-education', `{ region(code: "430923000000") { name level parent { code } children { code level parent { code } } } }`);
    expect(body.errors).toBeUndefined();
    const county = body.data!.region;
    expect(county).toMatchObject({ name: '安化县', level: 'COUNTY', parent: null });
    expect(county.children).toHaveLength(townships);
    expect(county.children.every((c: any) => c.level === 'TOWNSHIP' && c.parent.code === '430923000000')).toBe(true);
  });

  it('returns null for a region outside scope and refuses a malformed code', async () => {
    const outside = await t.gql('demo-poverty-office', '{ region(code: "430981000000") { name } }');
    expect(outside.body).toEqual({ data: { region: null } });
    const malformed = await t.gql('demo-poverty-office', '{ region(code: "4309") { name } }');
    expect(malformed.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
  });
});
