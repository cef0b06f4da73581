import { startTestApp, type TestApp } from '../../../test/harness';
import { DEMO_KEYS } from '../../../seeds/demo';
import { Role } from '../../kernel/role';
import { ParameterName } from './parameter.enums';
import { resolveParameter } from './parameter.service';

let t: TestApp;
let anhuaVillage: string;
let yuanjiangVillage: string;
beforeAll(async () => {
  t = await startTestApp({ households: 20 });
  [{ code: anhuaVillage }] = await t.sql<{ code: string }>(`select code from region where level = 'VILLAGE' and code like '430923%' order by code limit 1`);
  [{ code: yuanjiangVillage }] = await t.sql<{ code: string }>(`select code from region where level = 'VILLAGE' and code like '430981%' order by code limit 1`);
});
afterAll(() => t.close());

const PO = 'demo-poverty-office';
const FIELDS = 'id name unit value regionPrefix fromYear toYear source';
const IN_FORCE = `query($name: ParameterName!, $code: String!, $year: Int!) { policyParameter(name: $name, regionCode: $code, year: $year) { ${FIELDS} } }`;
const SET = `mutation($input: SetPolicyParameterInput!) { setPolicyParameter(input: $input) { ${FIELDS} } }`;

async function inForce(name: string, code: string, year: number, key = PO) {
  const { body } = await t.gql(key, IN_FORCE, { name, code, year });
  expect(body.errors).toBeUndefined();
  return body.data!.policyParameter;
}

async function addRow(name: string, prefix: string, from: number, to: number | null, value: number) {
  await t.sql(`insert into policy_parameter (name, region_prefix, from_year, to_year, value, source) values (?, ?, ?, ?, ?, 'test row')`, [name, prefix, from, to, value]);
}

const auditEntries = (entityId: string) =>
  t.sql<{ organisation_id: number; region_code: string; before: any; after: any }>(
    `select organisation_id, region_code, before, after from audit_entry where operation = 'setPolicyParameter' and entity = 'PolicyParameter' and entity_id = ? order by id`,
    [entityId],
  );

describe('seeded parameters', () => {
  it('are readable by every role, with the document they come from', async () => {
    for (const { key, county } of DEMO_KEYS) {
      const village = county === '430923' ? anhuaVillage : yuanjiangVillage;
      const line = await inForce('POVERTY_LINE', village, 2018, key);
      expect(line).toMatchObject({ name: 'POVERTY_LINE', unit: 'FEN', value: '3430.00', regionPrefix: '43', fromYear: 2018, toYear: null });
      expect(line.source).toContain('3430元');
      const { body } = await t.gql(key, `{ policyParameters(regionCode: "430923") { name value regionPrefix } }`);
      expect(body.errors).toBeUndefined();
      expect(body.data!.policyParameters).toEqual(
        expect.arrayContaining([
          { name: 'DONATION_AWARD_COMMITTEE_GROUP', value: '50000.00', regionPrefix: '430923' },
          { name: 'DONATION_AWARD_ASSOCIATION', value: '200000.00', regionPrefix: '430923' },
          { name: 'PAIRING_LIMIT', value: '5', regionPrefix: '43' },
        ]),
      );
    }
  });

  it('hold the figures of the seed documents, in their units', async () => {
    const expected: [string, string, number, string, string][] = [
      ['POVERTY_LINE', anhuaVillage, 2018, 'FEN', '3430.00'],
      ['LOAN_CEILING', anhuaVillage, 2018, 'FEN', '50000.00'],
      ['LOAN_TERM_MONTHS', anhuaVillage, 2018, 'MONTHS', '36'],
      ['PAIRING_LIMIT', anhuaVillage, 2018, 'COUNT', '5'],
      ['TOWNSHIP_INCIDENCE_TARGET', '430624', 2018, 'BASIS_POINTS', '1.2'],
      ['VILLAGE_EXIT_INCIDENCE_TARGET', anhuaVillage, 2020, 'BASIS_POINTS', '3'],
      ['DONATION_AWARD_COMMITTEE_GROUP', anhuaVillage, 2018, 'FEN', '50000.00'],
      ['DONATION_AWARD_ASSOCIATION', anhuaVillage, 2018, 'FEN', '200000.00'],
      ['VILLAGE_COLLECTIVE_INCOME_MIN', '350500000000', 2018, 'FEN', '10000.00'],
      ['VILLAGE_COLLECTIVE_INCOME_MIN', '350500000000', 2019, 'FEN', '30000.00'],
      ['COMPULSORY_SCHOOL_AGE_FROM', anhuaVillage, 2018, 'YEARS_OF_AGE', '6'],
      ['COMPULSORY_SCHOOL_AGE_TO', anhuaVillage, 2018, 'YEARS_OF_AGE', '15'],
    ];
    for (const [name, code, year, unit, value] of expected) {
      expect(await inForce(name, code, year)).toMatchObject({ name, unit, value });
    }
    // A place or year no document covers has no value: unknown, not zero.
    expect(await inForce('DONATION_AWARD_ASSOCIATION', yuanjiangVillage, 2018)).toBeNull();
    expect(await inForce('POVERTY_LINE', anhuaVillage, 2017)).toBeNull();
    expect(await inForce('VILLAGE_COLLECTIVE_INCOME_MIN', anhuaVillage, 2020)).toBeNull();
  });
});

describe('resolution: longest prefix, then latest from_year, within the years', () => {
  beforeAll(async () => {
    // Seeded: LOAN_TERM_MONTHS '43' from 2018 = 36.
    await addRow('LOAN_TERM_MONTHS', '430923', 2016, 2017, 12); // county, closed
    await addRow('LOAN_TERM_MONTHS', '4309', 2019, null, 24); // city
    await addRow('LOAN_TERM_MONTHS', '430923', 2020, null, 30); // county
    await addRow('LOAN_TERM_MONTHS', '430923', 2022, null, 18); // county, later
    await addRow('LOAN_TERM_MONTHS', anhuaVillage.slice(0, 9), 2023, 2023, 6); // township, one year
  });

  it.each([
    [2015, null],
    [2016, '12'],
    [2017, '12'],
    [2018, '36'], // the closed county row ended in 2017; the province applies
    [2019, '24'], // city beats province; the county row of 2020 does not reach back to 2019
    [2020, '30'], // county beats city
    [2021, '30'],
    [2022, '18'], // equal prefixes: the latest from_year
    [2025, '18'],
  ])('in %d a village of 安化县 gets %s', async (year, value) => {
    const row = await inForce('LOAN_TERM_MONTHS', anhuaVillage, year);
    expect(row?.value ?? null).toBe(value);
  });

  it('applies a township row only inside the township and only in its years', async () => {
    const township = anhuaVillage.slice(0, 9);
    const [inside] = await t.sql<{ code: string }>(`select code from region where level = 'VILLAGE' and code like ? order by code desc limit 1`, [`${township}%`]);
    const [outside] = await t.sql<{ code: string }>(`select code from region where level = 'VILLAGE' and code like '430923%' and code not like ? order by code limit 1`, [`${township}%`]);
    expect((await inForce('LOAN_TERM_MONTHS', inside.code, 2023)).value).toBe('6');
    expect((await inForce('LOAN_TERM_MONTHS', inside.code, 2024)).value).toBe('18');
    expect((await inForce('LOAN_TERM_MONTHS', outside.code, 2023)).value).toBe('18');
  });

  it('resolves a prefix as well as a full code, and another county of the same city gets the city row', async () => {
    expect((await inForce('LOAN_TERM_MONTHS', '430923', 2021)).value).toBe('30');
    expect((await inForce('LOAN_TERM_MONTHS', '4309', 2021)).value).toBe('24');
    expect((await inForce('LOAN_TERM_MONTHS', yuanjiangVillage, 2021)).value).toBe('24');
    expect((await inForce('LOAN_TERM_MONTHS', '43', 2021)).value).toBe('36');
    expect(await inForce('LOAN_TERM_MONTHS', '44', 2021)).toBeNull();
  });

  it('is the same through resolveParameter, as services call it', async () => {
    const em = t.db.orm.em.fork();
    const row = await resolveParameter(em, ParameterName.LOAN_TERM_MONTHS, anhuaVillage, 2019);
    expect(row).toMatchObject({ name: 'LOAN_TERM_MONTHS', unit: 'MONTHS', value: 24, regionPrefix: '4309', fromYear: 2019, toYear: null, source: 'test row' });
    expect(row!.id).toEqual(expect.any(Number));
    expect(await resolveParameter(em, ParameterName.LOAN_TERM_MONTHS, anhuaVillage, 2015)).toBeNull();
  });

  it('are read once a request through ctx.loaders, whichever module asks: the poverty line a query and a household’s exit test both want, once', async () => {
    const [{ id, village_code: village }] = await t.sql<{ id: number; village_code: string }>(`select id, village_code from household where village_code like '430923%' order by id limit 1`);
    const reads: string[] = [];
    const knex = t.db.orm.em.getConnection().getKnex();
    const capture = (q: { sql: string }) => {
      if (/\bpolicy_parameter\b/.test(q.sql)) reads.push(q.sql);
    };
    knex.on('query', capture);
    try {
      const { body } = await t.gql(
        PO,
        `{ line: policyParameter(name: POVERTY_LINE, regionCode: "${village}", year: 2026) { value }
           household(id: "${id}") { assurance(year: 2026) { items { item verdict } } } }`,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.line.value).toBeDefined();
      expect(body.data!.household.assurance.items.length).toBeGreaterThan(0);
    } finally {
      knex.off('query', capture);
    }
    const all = reads.join('\n');
    expect(all).toContain('COMPULSORY_SCHOOL_AGE_FROM');
    expect(all.match(/POVERTY_LINE/g)).toHaveLength(1);
  });

  it('lists the rows that apply to a code and those under it', async () => {
    const { body } = await t.gql(PO, `{ policyParameters(name: LOAN_TERM_MONTHS, regionCode: "430923") { regionPrefix fromYear toYear value } }`);
    expect(body.data!.policyParameters).toEqual([
      { regionPrefix: '43', fromYear: 2018, toYear: null, value: '36' },
      { regionPrefix: '4309', fromYear: 2019, toYear: null, value: '24' },
      { regionPrefix: '430923', fromYear: 2016, toYear: 2017, value: '12' },
      { regionPrefix: '430923', fromYear: 2020, toYear: null, value: '30' },
      { regionPrefix: '430923', fromYear: 2022, toYear: null, value: '18' },
      { regionPrefix: anhuaVillage.slice(0, 9), fromYear: 2023, toYear: 2023, value: '6' },
    ]);
    const yuanjiang = await t.gql(PO, `{ policyParameters(name: LOAN_TERM_MONTHS, regionCode: "430981") { regionPrefix } }`);
    expect(yuanjiang.body.data!.policyParameters.map((p: any) => p.regionPrefix)).toEqual(['43', '4309']);
  });

  it('refuses a malformed code or year with BAD_USER_INPUT naming the argument', async () => {
    for (const [variables, field] of [
      [{ name: 'POVERTY_LINE', code: '43%', year: 2020 }, 'regionCode'],
      [{ name: 'POVERTY_LINE', code: '4', year: 2020 }, 'regionCode'],
      [{ name: 'POVERTY_LINE', code: '43', year: 1999 }, 'year'],
      [{ name: 'NO_SUCH_NAME', code: '43', year: 2020 }, undefined],
    ] as const) {
      const { body } = await t.gql(PO, IN_FORCE, variables);
      expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      if (field) expect(body.errors?.[0].extensions?.field).toBe(field);
    }
  });
});

describe('setPolicyParameter', () => {
  it('lets the poverty office set a value in its county, in force at once, audited with before and after', async () => {
    const input = { name: 'PAIRING_LIMIT', regionPrefix: '430923', fromYear: 2024, value: '4', source: '安化县扶贫办测试文件: 结对不超过4户' };
    const created = await t.gql(PO, SET, { input });
    expect(created.body.errors).toBeUndefined();
    const row = created.body.data!.setPolicyParameter;
    expect(row).toMatchObject({ name: 'PAIRING_LIMIT', unit: 'COUNT', value: '4', regionPrefix: '430923', fromYear: 2024, toYear: null });
    expect((await inForce('PAIRING_LIMIT', anhuaVillage, 2024)).value).toBe('4');
    expect((await inForce('PAIRING_LIMIT', anhuaVillage, 2023)).value).toBe('5');

    const updated = await t.gql(PO, SET, { input: { ...input, toYear: 2025, value: '3' } });
    expect(updated.body.data!.setPolicyParameter).toMatchObject({ id: row.id, value: '3', toYear: 2025 });
    expect((await inForce('PAIRING_LIMIT', anhuaVillage, 2026)).value).toBe('5');

    const [po] = await t.sql<{ id: number }>(`select id from organisation where role = 'POVERTY_OFFICE' and scopes = '{430923}'`);
    const entries = await auditEntries(row.id);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ organisation_id: po.id, region_code: '430923', before: null });
    expect(entries[0].after).toMatchObject({ name: 'PAIRING_LIMIT', regionPrefix: '430923', fromYear: 2024, toYear: null, value: 4, unit: 'COUNT' });
    expect(entries[1].before).toMatchObject({ value: 4, toYear: null });
    expect(entries[1].after).toMatchObject({ value: 3, toYear: 2025 });

    // The same values again change nothing and leave no entry.
    await t.gql(PO, SET, { input: { ...input, toYear: 2025, value: '3' } });
    expect(await auditEntries(row.id)).toHaveLength(2);
  });

  it('writes money in yuan and percentages as percentages', async () => {
    const money = await t.gql(PO, SET, { input: { name: 'POVERTY_LINE', regionPrefix: '430923', fromYear: 2019, value: '3660.5', source: '测试: 2019年扶贫标准' } });
    expect(money.body.data!.setPolicyParameter.value).toBe('3660.50');
    const [stored] = await t.sql<{ value: string }>(`select value from policy_parameter where id = ?`, [money.body.data!.setPolicyParameter.id]);
    expect(Number(stored.value)).toBe(366050);
    const percent = await t.gql(PO, SET, { input: { name: 'VILLAGE_EXIT_INCIDENCE_TARGET', regionPrefix: '430923', fromYear: 2016, toYear: 2019, value: '2.5', source: '测试' } });
    expect(percent.body.data!.setPolicyParameter.value).toBe('2.5');
    const [bp] = await t.sql<{ value: string }>(`select value from policy_parameter where id = ?`, [percent.body.data!.setPolicyParameter.id]);
    expect(Number(bp.value)).toBe(250);
  });

  it.each([Role.EDUCATION, Role.HEALTH, Role.FINANCE, Role.CIVIL_AFFAIRS, Role.HOUSING, Role.EMPLOYMENT, Role.CPPCC, Role.BUSINESS_ASSOCIATION, Role.AUDITOR])(
    'is FORBIDDEN to %s and writes nothing',
    async (role) => {
      const key = DEMO_KEYS.find((k) => k.role === role && k.county === '430923')!.key;
      const before = await t.sql('select count(*)::int as n from policy_parameter');
      const { body } = await t.gql(key, SET, { input: { name: 'PAIRING_LIMIT', regionPrefix: '430923', fromYear: 2030, value: '9', source: 'x' } });
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Mutation.setPolicyParameter' });
      expect(body.data?.setPolicyParameter ?? null).toBeNull();
      expect(await t.sql('select count(*)::int as n from policy_parameter')).toEqual(before);
    },
  );

  it.each([
    ['the province, from a county office', PO, '43'],
    ['the city, from a county office', PO, '4309'],
    ['another county', PO, '430981'],
    ['another county, from that county’s office', 'demo-poverty-office-2', '430923'],
  ])('refuses %s: FORBIDDEN, nothing written', async (_what, key, regionPrefix) => {
    const before = await t.sql('select count(*)::int as n from policy_parameter');
    const { body } = await t.gql(key, SET, { input: { name: 'POVERTY_LINE', regionPrefix, fromYear: 2030, value: '1.00', source: 'x' } });
    expect(body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await t.sql('select count(*)::int as n from policy_parameter')).toEqual(before);
  });

  const base = { name: 'POVERTY_LINE', regionPrefix: '430923', fromYear: 2031, value: '4000.00', source: '测试' };
  it.each([
    ['a FEN value with three places', { value: '3430.001' }, 'input.value'],
    ['a FEN value that is not a number', { value: 'three thousand' }, 'input.value'],
    ['a negative amount', { value: '-1.00' }, 'input.value'],
    ['a percentage with three places', { name: 'VILLAGE_EXIT_INCIDENCE_TARGET', value: '1.234' }, 'input.value'],
    ['a percentage over 100', { name: 'VILLAGE_EXIT_INCIDENCE_TARGET', value: '120' }, 'input.value'],
    ['a percentage with its sign', { name: 'VILLAGE_EXIT_INCIDENCE_TARGET', value: '3%' }, 'input.value'],
    ['a fractional count', { name: 'PAIRING_LIMIT', value: '4.5' }, 'input.value'],
    ['a fractional age', { name: 'COMPULSORY_SCHOOL_AGE_FROM', value: '6.5' }, 'input.value'],
    ['a year before 2010', { fromYear: 2009 }, 'input.fromYear'],
    ['a year after 2100', { fromYear: 2101 }, 'input.fromYear'],
    ['toYear before fromYear', { toYear: 2030 }, 'input.toYear'],
    ['toYear after 2100', { toYear: 2101 }, 'input.toYear'],
    ['a prefix that is not digits', { regionPrefix: '4309ab' }, 'input.regionPrefix'],
    ['a prefix of no region level', { regionPrefix: '4309231' }, 'input.regionPrefix'],
    ['an unknown region', { regionPrefix: '430923999' }, 'input.regionPrefix'],
    ['an empty source', { source: '   ' }, 'input.source'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_what, change, field) => {
    const before = await t.sql('select count(*)::int as n from policy_parameter');
    const { body } = await t.gql(PO, SET, { input: { ...base, ...change } });
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await t.sql('select count(*)::int as n from policy_parameter')).toEqual(before);
  });
});

describe('row-level security on policy_parameter', () => {
  /** Runs a statement as the application role with the given scopes; always rolled back. */
  async function asApplication(patterns: string, text: string, params: unknown[] = []) {
    const em = t.db.orm.em.fork();
    await em.begin();
    try {
      await em.execute(`select set_config('role', 'jingzhun_app', true), set_config('jingzhun.scope_patterns', ?, true)`, [patterns]);
      return await em.execute(text, params);
    } finally {
      await em.rollback();
    }
  }

  it('lets the application read every row but write only inside the request’s scopes', async () => {
    const [{ n }] = await t.sql<{ n: number }>('select count(*)::int as n from policy_parameter');
    expect((await asApplication('430981%', 'select count(*)::int as n from policy_parameter'))[0].n).toBe(n);
    const insert = `insert into policy_parameter (name, region_prefix, from_year, value, source) values ('PAIRING_LIMIT', ?, 2040, 1, 'rls') returning id`;
    await expect(asApplication('430923%', insert, ['430923'])).resolves.toHaveLength(1);
    await expect(asApplication('430923%', insert, ['43'])).rejects.toThrow(/row-level security/);
    await expect(asApplication('430923%', `update policy_parameter set value = 1 where region_prefix = '43' returning id`)).resolves.toHaveLength(0);
    await expect(asApplication('430923%', `delete from policy_parameter returning id`)).resolves.toHaveLength(0);
  });
});
