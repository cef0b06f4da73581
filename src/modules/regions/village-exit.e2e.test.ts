import { startTestApp, type TestApp } from '../../../test/harness';
import { DEMO_KEYS } from '../../../seeds/demo';
import { Role } from '../../kernel/role';
import { chinaYear } from '../../config/clock';

let t: TestApp;
/** Villages of 安化县 with at least six households, one per test that rearranges a village. */
let villages: string[];
let collectiveMinId: number;
beforeAll(async () => {
  t = await startTestApp({ households: 2000 });
  villages = (
    await t.sql<{ code: string }>(
      `select village_code as code from household where village_code like '430923%' group by village_code having count(*) >= 6 order by village_code`,
    )
  ).map((r) => r.code);
  // Hunan has no sourced collective-income minimum; the tests set one for 安化县 from 2020.
  [{ id: collectiveMinId }] = await t.sql<{ id: number }>(
    `insert into policy_parameter (name, region_prefix, from_year, value, source) values ('VILLAGE_COLLECTIVE_INCOME_MIN', '430923', 2020, 1000000, '测试: 村集体经营性收入1万元') returning id`,
  );
});
afterAll(() => t.close());

const PO = 'demo-poverty-office';
const keyOf = (role: Role, county = '430923') => DEMO_KEYS.find((k) => k.role === role && k.county === county)!.key;
let next = 0;
const takeVillage = () => villages[next++];

type Arrangement = {
  status?: 'POOR' | 'EXITED' | 'NON_POOR';
  population?: number | null;
  facilities?: boolean | null;
  clinic?: boolean | null;
  incomeFen?: number | null;
  /** How many households (in id order) are NOT_EXITED; the rest EXITED. */
  poorHouseholds?: number;
};

/** Sets a village's facts and its households' statuses; returns the persons of its poor households. */
async function arrange(code: string, a: Arrangement): Promise<number> {
  const status = a.status ?? 'POOR';
  const facilities = a.facilities === undefined ? true : a.facilities;
  await t.sql(
    `update region set poverty_status = ?, exit_year = ?, agricultural_population = ?, has_culture_room = ?, has_clinic = ?, has_telecom = ?,
       has_hardened_road = ?, collective_income_fen = ? where code = ?`,
    [
      status, status === 'EXITED' ? 2019 : null, a.population === undefined ? 10_000 : a.population, facilities,
      a.clinic === undefined ? facilities : a.clinic, facilities, facilities, a.incomeFen === undefined ? 5_000_000 : a.incomeFen, code,
    ],
  );
  await t.sql(`update household set status = 'EXITED', exit_year = 2019 where village_code = ?`, [code]);
  await t.sql(
    `update household set status = 'NOT_EXITED', exit_year = null where id in (select id from household where village_code = ? order by id limit ?)`,
    [code, a.poorHouseholds ?? 2],
  );
  const [{ n }] = await t.sql<{ n: number }>(
    `select count(*)::int as n from member m join household h on h.id = m.household_id where h.village_code = ? and h.status = 'NOT_EXITED'`,
    [code],
  );
  return n;
}

const READINESS = `query($code: String!, $year: Int) { village(code: $code) { code agriculturalPopulation exitReadiness(year: $year) {
  year ready items { item verdict evidence poorPersons agriculturalPopulation incidence collectiveIncome threshold { id name value regionPrefix fromYear source } }
} } }`;

async function readiness(code: string, year?: number, key = PO) {
  const { body } = await t.gql(key, READINESS, { code, year });
  expect(body.errors).toBeUndefined();
  return body.data!.village.exitReadiness;
}
const itemOf = (r: any, kind: string) => r.items.find((i: any) => i.item === kind);
const verdicts = (r: any) => Object.fromEntries(r.items.map((i: any) => [i.item, i.verdict]));

describe('village.exitReadiness', () => {
  it('is ready when every item is met, with the figures and parameter rows it rests on', async () => {
    const code = takeVillage();
    const poor = await arrange(code, { population: 10_000 });
    const r = await readiness(code, 2024);
    expect(r).toMatchObject({ year: 2024, ready: true });
    expect(verdicts(r)).toEqual({ INCIDENCE: 'MET', CULTURE_ROOM: 'MET', CLINIC: 'MET', TELECOM: 'MET', HARDENED_ROAD: 'MET', COLLECTIVE_ECONOMY: 'MET' });
    const [target] = await t.sql<{ id: number }>(`select id from policy_parameter where name = 'VILLAGE_EXIT_INCIDENCE_TARGET' and region_prefix = '43'`);
    const incidence = itemOf(r, 'INCIDENCE');
    expect(incidence).toMatchObject({ poorPersons: poor, agriculturalPopulation: 10_000, incidence: (poor / 100).toFixed(2) });
    expect(incidence.threshold).toMatchObject({ id: String(target.id), name: 'VILLAGE_EXIT_INCIDENCE_TARGET', value: '3', regionPrefix: '43' });
    expect(incidence.evidence).toContain(`= ${poor} / 10000`);
    expect(incidence.evidence).toContain(`policy parameter #${target.id}`);
    expect(incidence.evidence).toContain('贫困村退出的贫困发生率要低于3%');
    const collective = itemOf(r, 'COLLECTIVE_ECONOMY');
    expect(collective).toMatchObject({ collectiveIncome: '50000.00', threshold: { id: String(collectiveMinId), value: '10000.00' } });
    expect(collective.evidence).toContain(`policy parameter #${collectiveMinId}`);
  });

  it('counts the persons of not-exited, rolled-back and returned households, and no others', async () => {
    const code = takeVillage();
    await arrange(code, { poorHouseholds: 0 });
    const ids = (await t.sql<{ id: number }>(`select id from household where village_code = ? order by id limit 5`, [code])).map((r) => r.id);
    const statuses = ['NOT_EXITED', 'ROLLED_BACK', 'RETURNED', 'MONITORED_UNSTABLE', 'REMOVED'];
    for (const [i, id] of ids.entries()) await t.sql(`update household set status = ?, exit_year = null where id = ?`, [statuses[i], id]);
    const [{ n }] = await t.sql<{ n: number }>(`select count(*)::int as n from member where household_id in (?, ?, ?)`, ids.slice(0, 3));
    expect(itemOf(await readiness(code, 2024), 'INCIDENCE').poorPersons).toBe(n);
  });

  it('is NOT_MET on incidence at or above the target', async () => {
    const code = takeVillage();
    const poor = await arrange(code, { poorHouseholds: 3 });
    // 10 %; the boundary (exactly at the target is not below it) is in village-exit.test.ts.
    await t.sql(`update region set agricultural_population = ? where code = ?`, [poor * 10, code]);
    const r = await readiness(code, 2024);
    expect(itemOf(r, 'INCIDENCE')).toMatchObject({ verdict: 'NOT_MET', incidence: '10.00' });
    expect(itemOf(r, 'INCIDENCE').evidence).toContain('not below the target 3%');
    expect(r.ready).toBe(false);
  });

  it('is NOT_MET on each facility recorded absent, and on income below the minimum', async () => {
    const code = takeVillage();
    await arrange(code, { facilities: false, incomeFen: 999_999 });
    const r = await readiness(code, 2024);
    expect(verdicts(r)).toEqual({ INCIDENCE: 'MET', CULTURE_ROOM: 'NOT_MET', CLINIC: 'NOT_MET', TELECOM: 'NOT_MET', HARDENED_ROAD: 'NOT_MET', COLLECTIVE_ECONOMY: 'NOT_MET' });
    expect(itemOf(r, 'COLLECTIVE_ECONOMY').evidence).toContain('9999.99 yuan a year, as last recorded; below the minimum 10000.00 yuan');
    expect(r.ready).toBe(false);
  });

  it('is UNKNOWN without a record: population, facilities or income not recorded', async () => {
    const code = takeVillage();
    await arrange(code, { population: null, facilities: null, incomeFen: null });
    const r = await readiness(code, 2024);
    expect(verdicts(r)).toEqual({ INCIDENCE: 'UNKNOWN', CULTURE_ROOM: 'UNKNOWN', CLINIC: 'UNKNOWN', TELECOM: 'UNKNOWN', HARDENED_ROAD: 'UNKNOWN', COLLECTIVE_ECONOMY: 'UNKNOWN' });
    expect(itemOf(r, 'INCIDENCE')).toMatchObject({ agriculturalPopulation: null, incidence: null });
    expect(itemOf(r, 'INCIDENCE').evidence).toContain('农业户籍人口');
    expect(r.ready).toBe(false);
  });

  it('is UNKNOWN without a parameter for the year: no target or minimum applies to 2019', async () => {
    const code = takeVillage();
    await arrange(code, {});
    const r = await readiness(code, 2019);
    expect(verdicts(r)).toMatchObject({ INCIDENCE: 'UNKNOWN', COLLECTIVE_ECONOMY: 'UNKNOWN', CLINIC: 'MET' });
    expect(itemOf(r, 'INCIDENCE').threshold).toBeNull();
    expect(itemOf(r, 'INCIDENCE').evidence).toContain(`no VILLAGE_EXIT_INCIDENCE_TARGET is set for ${code} in 2019`);
    // A county row set later applies at once, and beats the province's.
    await t.sql(`insert into policy_parameter (name, region_prefix, from_year, value, source) values ('VILLAGE_EXIT_INCIDENCE_TARGET', '430923', 2016, 200, '测试: 2%')`);
    await t.sql(`insert into policy_parameter (name, region_prefix, from_year, value, source) values ('VILLAGE_COLLECTIVE_INCOME_MIN', '430923', 2016, 500000, '测试: 5000元')`);
    const later = await readiness(code, 2019);
    expect(itemOf(later, 'INCIDENCE').threshold).toMatchObject({ regionPrefix: '430923', value: '2' });
    expect(later.ready).toBe(true);
    expect(itemOf(await readiness(code, 2024), 'INCIDENCE').threshold).toMatchObject({ regionPrefix: '430923', value: '2' });
  });

  it('takes this year by default and refuses a year out of range', async () => {
    const code = villages[0];
    expect((await readiness(code)).year).toBe(chinaYear());
    const { body } = await t.gql(PO, READINESS, { code, year: 1990 });
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });

  it('is readable by every role on the villages it sees, donors on their paired villages', async () => {
    const pairedWith = async (role: Role) =>
      (
        await t.sql<{ village_code: string }>(
          `select p.village_code from organisation_pairing p join organisation o on o.id = p.organisation_id where o.role = ? and o.scopes = '{430923}' order by 1 limit 1`,
          [role],
        )
      )[0].village_code;
    const paired = await pairedWith(Role.CPPCC);
    for (const role of Object.values(Role)) {
      const code = role === Role.BUSINESS_ASSOCIATION ? await pairedWith(role) : paired;
      const { body } = await t.gql(keyOf(role), READINESS, { code, year: 2024 });
      expect(body.errors).toBeUndefined();
      expect(body.data!.village.exitReadiness.items).toHaveLength(6);
    }
    const [{ code: unpaired }] = await t.sql<{ code: string }>(
      `select code from region r where level = 'VILLAGE' and code like '430923%' and not exists (
         select 1 from organisation_pairing p join organisation o on o.id = p.organisation_id where p.village_code = r.code and o.role = 'CPPCC') limit 1`,
    );
    const { body } = await t.gql(keyOf(Role.CPPCC), READINESS, { code: unpaired, year: 2024 });
    expect(body.data!.village).toBeNull();
  });

  it('costs the same number of SQL statements for 5 villages as for 50', async () => {
    const LIST = `query($n: Int!) { villages(first: $n) { edges { node { code agriculturalPopulation exitReadiness { ready items { verdict threshold { id } } } } } } }`;
    const statementsFor = async (n: number) => {
      const before = t.db.sqlCounter.total;
      const { body } = await t.gql(PO, LIST, { n });
      expect(body.errors).toBeUndefined();
      expect(body.data!.villages.edges).toHaveLength(n);
      expect(body.data!.villages.edges.every((e: any) => e.node.exitReadiness.items.length === 6)).toBe(true);
      return t.db.sqlCounter.total - before;
    };
    const small = await statementsFor(5);
    const large = await statementsFor(50);
    expect(large).toBe(small);
    // key look-up, begin + scope settings + commit, the villages page, their readiness
    expect(large).toBeLessThanOrEqual(6);
  });
});

describe('changeVillageStatus', () => {
  const CHANGE = `mutation($code: String!, $to: VillagePovertyStatus!, $year: Int!, $reason: String!, $override: OverrideInput) {
    changeVillageStatus(code: $code, to: $to, year: $year, reason: $reason, override: $override) { code povertyStatus exitYear }
  }`;
  const change = (vars: Record<string, unknown>, key = PO) => t.gql(key, CHANGE, { year: 2024, reason: '年度退出验收', ...vars });
  const trail = (code: string) =>
    t.sql<{ before: any; after: any; organisation_id: number }>(
      `select before, after, organisation_id from audit_entry where operation = 'changeVillageStatus' and entity = 'Village' and entity_id = ? order by id`,
      [code],
    );
  const statusOf = async (code: string) => (await t.sql(`select poverty_status, exit_year from region where code = ?`, [code]))[0];

  it('exits a ready village, sets its exit year and records the test it passed', async () => {
    const code = takeVillage();
    await arrange(code, { status: 'POOR' });
    const { body } = await change({ code, to: 'EXITED' });
    expect(body.errors).toBeUndefined();
    expect(body.data!.changeVillageStatus).toEqual({ code, povertyStatus: 'EXITED', exitYear: 2024 });
    expect(await statusOf(code)).toEqual({ poverty_status: 'EXITED', exit_year: 2024 });
    const [po] = await t.sql<{ id: number }>(`select id from organisation where role = 'POVERTY_OFFICE' and scopes = '{430923}'`);
    const [entry] = await trail(code);
    expect(entry.organisation_id).toBe(po.id);
    expect(entry.before).toEqual({ povertyStatus: 'POOR', exitYear: null });
    expect(entry.after).toMatchObject({ povertyStatus: 'EXITED', exitYear: 2024, year: 2024, reason: '年度退出验收', override: null });
    expect(entry.after.exitTest).toMatchObject({ year: 2024, ready: true, items: { INCIDENCE: 'MET', COLLECTIVE_ECONOMY: 'MET' } });
  });

  it('refuses to exit a village that fails the test, listing each failing item, and changes nothing', async () => {
    const code = takeVillage();
    await arrange(code, { status: 'POOR', clinic: false, incomeFen: null });
    const { body } = await change({ code, to: 'EXITED' });
    const error = body.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect((error?.extensions?.failedItems as any[]).map((f) => [f.item, f.verdict])).toEqual([['CLINIC', 'NOT_MET'], ['COLLECTIVE_ECONOMY', 'UNKNOWN']]);
    expect((error?.extensions?.failedItems as any[])[0].evidence).toContain('recorded as absent');
    expect(await statusOf(code)).toEqual({ poverty_status: 'POOR', exit_year: null });
    expect(await trail(code)).toEqual([]);
  });

  it('exits it anyway with a written override, which the audit entry keeps with the items it overrode', async () => {
    const code = takeVillage();
    await arrange(code, { status: 'POOR', clinic: false });
    const short = await change({ code, to: 'EXITED', override: { justification: '太短了' } });
    expect(short.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'override.justification' });
    const justification = '卫生室已建成, 待验收补录; 县扶贫办主任签字同意退出';
    const { body } = await change({ code, to: 'EXITED', override: { justification } });
    expect(body.errors).toBeUndefined();
    expect(body.data!.changeVillageStatus).toMatchObject({ povertyStatus: 'EXITED', exitYear: 2024 });
    const [entry] = await trail(code);
    expect(entry.after.override).toEqual({ justification, failedItems: [expect.objectContaining({ item: 'CLINIC', verdict: 'NOT_MET' })] });
    expect(entry.after.exitTest).toMatchObject({ ready: false, items: { CLINIC: 'NOT_MET' } });
  });

  it('rolls an exited village back (回退), clearing its exit year, and identifies and un-identifies poor villages', async () => {
    const code = takeVillage();
    await arrange(code, { status: 'EXITED' });
    const back = await change({ code, to: 'POOR', reason: '退出后核查发现贫困发生率不实, 回退' });
    expect(back.body.data!.changeVillageStatus).toEqual({ code, povertyStatus: 'POOR', exitYear: null });
    const off = await change({ code, to: 'NON_POOR', reason: '识别有误' });
    expect(off.body.data!.changeVillageStatus).toMatchObject({ povertyStatus: 'NON_POOR', exitYear: null });
    const on = await change({ code, to: 'POOR', reason: '新识别为贫困村' });
    expect(on.body.data!.changeVillageStatus).toMatchObject({ povertyStatus: 'POOR' });
    const entries = await trail(code);
    expect(entries.map((e) => [e.before.povertyStatus, e.after.povertyStatus])).toEqual([['EXITED', 'POOR'], ['POOR', 'NON_POOR'], ['NON_POOR', 'POOR']]);
    expect(entries[0].before).toEqual({ povertyStatus: 'EXITED', exitYear: 2019 });
    expect(entries[0].after).toMatchObject({ exitYear: null, reason: '退出后核查发现贫困发生率不实, 回退', exitTest: null });
  });

  it.each([
    ['the same status', 'POOR', { to: 'POOR' }, 'to'],
    ['EXITED → NON_POOR', 'EXITED', { to: 'NON_POOR' }, 'to'],
    ['NON_POOR → EXITED', 'NON_POOR', { to: 'EXITED' }, 'to'],
    ['an override on a change that is not an exit', 'EXITED', { to: 'POOR', override: { justification: '这不是退出, 不需要例外说明' } }, 'override'],
    ['an empty reason', 'POOR', { to: 'NON_POOR', reason: '  ' }, 'reason'],
    ['a year to come', 'POOR', { to: 'EXITED', year: chinaYear() + 1 }, 'year'],
    ['a year before 2010', 'POOR', { to: 'EXITED', year: 2009 }, 'year'],
    ['a malformed code', 'POOR', { to: 'EXITED', code: '4309231' }, 'code'],
  ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_what, status, vars, field) => {
    const code = villages[villages.length - 1];
    await arrange(code, { status: status as Arrangement['status'] });
    const before = await trail(code);
    const { body } = await change({ code, ...vars });
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect((await statusOf(code)).poverty_status).toBe(status);
    expect(await trail(code)).toEqual(before);
  });

  it('is NOT_FOUND for a village outside the office’s county, and changes nothing', async () => {
    const code = villages[villages.length - 1];
    await arrange(code, { status: 'POOR' });
    const { body } = await change({ code, to: 'NON_POOR' }, 'demo-poverty-office-2');
    expect(body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await statusOf(code)).poverty_status).toBe('POOR');
  });

  it.each([Role.EDUCATION, Role.HEALTH, Role.FINANCE, Role.CIVIL_AFFAIRS, Role.HOUSING, Role.EMPLOYMENT, Role.CPPCC, Role.BUSINESS_ASSOCIATION, Role.AUDITOR])(
    'is FORBIDDEN to %s',
    async (role) => {
      const code = villages[villages.length - 1];
      await arrange(code, { status: 'POOR' });
      const { body } = await change({ code, to: 'NON_POOR' }, keyOf(role));
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Mutation.changeVillageStatus' });
      expect((await statusOf(code)).poverty_status).toBe('POOR');
    },
  );
});
