import { composeIdNumber } from '../../kernel/id-number';
import { Role } from '../../kernel/role';
import { createOrganisationWithKey } from '../auth/create-organisation.command';
import { describeBatchSync, fen, sectorPeople, syncClient, type SyncCase, type SyncWorld } from '../../../test/batch-sync-cases';
import { startTestApp, type TestApp } from '../../../test/harness';
import { DONATION_TARGET_NOT_FOUND } from './donation.sync';

/**
 * Donations over HTTP on real PostgreSQL: what the engine does for every sector
 * (test/batch-sync-cases.ts, with a household by its number where a person is by ID number),
 * then the rules of gifts, the totals against both thresholds of the CPPCC plan, small-cell
 * suppression and its near miss, and who reads what.
 */
let t: TestApp;
let world: Omit<SyncWorld, 't' | 'unknownIdNumber' | 'key' | 'otherCounty' | 'forbidden'>;
/** Household numbers by ID number: the cases hand out people, a gift names their household. */
const numberOf = new Map<string, string>();
const UNKNOWN_ID = composeIdNumber('430923', '1975-05-05', 995);

beforeAll(async () => {
  t = await startTestApp({ households: 200 });
  world = await sectorPeople(t, Role.CPPCC, '测试县政协第二委组');
  const everyone = [...world.people, world.removed, world.elsewhere];
  const numbers = await t.sql<{ id: number; number: string }>(`select id, number from household where id = any(?::int[])`, [`{${everyone.map((p) => p.householdId).join(',')}}`]);
  const byId = new Map(numbers.map((h) => [h.id, h.number]));
  for (const p of everyone) numberOf.set(p.idNumber, byId.get(p.householdId)!);
  numberOf.set(UNKNOWN_ID, '99999999999999999');
}, 120_000);
afterAll(() => t.close());


const DONATION: SyncCase = {
  sync: 'recordDonations',
  retract: 'retractDonations',
  input: 'DonationRecord',
  table: 'donation',
  entity: 'Donation',
  dateField: 'date',
  valid: (externalId, p, change = 0) => ({
    externalId, target: 'HOUSEHOLD', householdNumber: numberOf.get(p.idNumber), kind: 'CASH', amount: `${1000 + change}.00`,
    purpose: '助学 school costs', date: '2026-03-01', receiptNumber: 'ZX-2026-001',
  }),
  amount: (r) => fen(r.amount),
  subject: { field: 'householdNumber', notFound: DONATION_TARGET_NOT_FOUND, malformed: ({ householdNumber: _n, ...r }) => r },
};

const syncWorld = (): SyncWorld => ({
  t, ...world, unknownIdNumber: UNKNOWN_ID,
  key: 'demo-cppcc', otherCounty: 'demo-cppcc-2', forbidden: ['demo-poverty-office', 'demo-education', 'demo-auditor'],
});
const { sync } = syncClient(syncWorld);

describeBatchSync(syncWorld, [DONATION]);

async function gql(key: string, query: string, variables?: Record<string, unknown>): Promise<{ data: any; errors?: any[] }> {
  const { body } = await t.gql(key, query, variables);
  return body as { data: any; errors?: any[] };
}

/** A batch of gifts from a donor's key, every one kept. */
async function give(key: string, records: object[]): Promise<void> {
  const { data } = await gql(key, `mutation($r: [DonationRecord!]!) { recordDonations(records: $r) { created updated unchanged rejected { message } } }`, { r: records });
  expect(data.recordDonations.rejected).toEqual([]);
}

/** A village of the county with at least `n` households on the register, each household's number. */
async function villageWith(n: number, skip: number): Promise<{ code: string; numbers: string[] }> {
  const [v] = await t.sql<{ code: string; numbers: string[] }>(
    `select village_code as code, array_agg(number order by id) as numbers from household where village_code like '430923%' and status <> 'REMOVED'
     group by village_code having count(*) >= ? order by village_code offset ? limit 1`,
    [n, skip],
  );
  return v;
}

async function donor(role: Role, name: string): Promise<string> {
  const { key } = await createOrganisationWithKey(t.owner.orm, { name, role, scopes: ['430923'], keyName: 'test', expiresAt: null });
  return key;
}

const gift = (externalId: string, fields: Record<string, unknown>) => ({ externalId, kind: 'CASH', purpose: '产业发展 industry', date: '2025-06-01', receiptNumber: `R-${externalId}`, ...fields });

describe('the rules of a gift', () => {
  it('takes cash and goods to a village, a household by its number and a project', async () => {
    const v = await villageWith(3, 0);
    const { result } = await sync(DONATION, [
      gift('rule-village', { target: 'VILLAGE', villageCode: v.code, amount: '20000.00' }),
      gift('rule-household', { target: 'HOUSEHOLD', householdNumber: v.numbers[0], kind: 'IN_KIND', description: '化肥 1 吨', amount: '3200.00' }),
      gift('rule-project', { target: 'PROJECT', villageCode: v.code, project: '村级光伏电站', amount: '50000.00' }),
    ]);
    expect(result).toMatchObject({ created: 3, rejected: [] });
    const [held] = await t.sql<{ household_id: number | null; village_code: string; member_id: number | null }>(`select household_id, village_code, member_id from donation where external_id = 'rule-household'`);
    expect(held).toMatchObject({ village_code: v.code, member_id: null });
  });

  it('refuses each target’s and kind’s fields where it has none or lacks them, a zero gift, and a village that is not one', async () => {
    const v = await villageWith(3, 0);
    const { result } = await sync(DONATION, [
      gift('bad-project', { target: 'PROJECT', villageCode: v.code, amount: '100.00' }),
      gift('bad-goods', { target: 'VILLAGE', villageCode: v.code, kind: 'IN_KIND', amount: '100.00' }),
      gift('bad-cash', { target: 'VILLAGE', villageCode: v.code, description: '大米', amount: '100.00' }),
      gift('bad-both', { target: 'HOUSEHOLD', householdNumber: v.numbers[0], villageCode: v.code, amount: '100.00' }),
      gift('bad-number', { target: 'VILLAGE', villageCode: v.code, householdNumber: v.numbers[0], amount: '100.00' }),
      gift('bad-zero', { target: 'VILLAGE', villageCode: v.code, amount: '0.00' }),
      gift('bad-county', { target: 'VILLAGE', villageCode: v.code.slice(0, 6) + '000000', amount: '100.00' }),
    ]);
    expect(result.created).toBe(0);
    expect(result.rejected.map((r: any) => [r.externalId, r.code, r.field])).toEqual([
      ['bad-project', 'INVALID', 'project'],
      ['bad-goods', 'INVALID', 'description'],
      ['bad-cash', 'INVALID', 'description'],
      ['bad-both', 'INVALID', 'villageCode'],
      ['bad-number', 'INVALID', 'householdNumber'],
      ['bad-zero', 'INVALID', 'amount'],
      ['bad-county', 'NOT_FOUND', 'villageCode'],
    ]);
  });
});

const TOTALS = `query($year: Int!) { donationTotals(year: $year) { donor role year count amount cash inKind threshold met } }`;

describe('totals against the CPPCC plan’s recognition thresholds', () => {
  it('meets 50,000 yuan for a committee group and 200,000 for an association at exactly the threshold, not a fen below', async () => {
    const v = await villageWith(3, 1);
    const group = await donor(Role.CPPCC, '测试县政协农业委组');
    const chamber = await donor(Role.BUSINESS_ASSOCIATION, '测试县湘商商会');
    const toVillage = (key: string, id: string, amount: string, kind = 'CASH') =>
      give(key, [gift(id, { target: 'VILLAGE', villageCode: v.code, amount, kind, description: kind === 'IN_KIND' ? '鸡苗 500 羽' : undefined })]);
    await toVillage(group, 'g-1', '30000.00');
    await toVillage(group, 'g-2', '19999.99', 'IN_KIND');
    await toVillage(chamber, 'c-1', '199999.99');
    const below = async (key: string) => (await gql(key, TOTALS, { year: 2025 })).data.donationTotals;
    expect(await below(group)).toEqual([{ donor: '测试县政协农业委组', role: 'CPPCC', year: 2025, count: 2, amount: '49999.99', cash: '30000.00', inKind: '19999.99', threshold: '50000.00', met: false }]);
    expect(await below(chamber)).toEqual([expect.objectContaining({ amount: '199999.99', threshold: '200000.00', met: false })]);
    await toVillage(group, 'g-3', '0.01');
    await toVillage(chamber, 'c-2', '0.01');
    expect((await below(group))[0]).toMatchObject({ amount: '50000.00', met: true });
    expect((await below(chamber))[0]).toMatchObject({ amount: '200000.00', met: true });
    // The poverty office reads every donor's, for recognition; each donor only its own.
    const office = (await gql('demo-poverty-office', TOTALS, { year: 2025 })).data.donationTotals.map((r: any) => r.donor);
    expect(office).toEqual(expect.arrayContaining(['测试县政协农业委组', '测试县湘商商会']));
  });
});

const NOTICE = `query($v: String!, $year: Int!) { donationNotice(villageCode: $v, year: $year) {
  villageCode villageName year minHouseholds csv entries { donor target project kind description households amount purpose date withheld } } }`;

describe('the public notice and small-cell suppression', () => {
  let v: { code: string; numbers: string[] };
  let few: string;
  let many: string;
  let lone: string;

  beforeAll(async () => {
    v = await villageWith(5, 2);
    few = await donor(Role.BUSINESS_ASSOCIATION, '测试县建材商会');
    many = await donor(Role.CPPCC, '测试县政协教科卫体委组');
    lone = await donor(Role.BUSINESS_ASSOCIATION, '测试县某农业企业');
    // Two households from one donor: under the minimum of 3. One of them is also given to by the other donor.
    await give(few, [
      gift('few-0', { target: 'HOUSEHOLD', householdNumber: v.numbers[0], amount: '1234.56', date: '2024-04-01' }),
      gift('few-1', { target: 'HOUSEHOLD', householdNumber: v.numbers[1], amount: '789.01', date: '2024-04-02' }),
    ]);
    // Exactly three households: shown; with a gift to the village and one to a project.
    await give(many, [
      gift('many-0', { target: 'HOUSEHOLD', householdNumber: v.numbers[1], amount: '111.11', date: '2024-05-01', purpose: '助学 school costs' }),
      gift('many-1', { target: 'HOUSEHOLD', householdNumber: v.numbers[2], amount: '222.22', date: '2024-05-02', purpose: '助学 school costs' }),
      gift('many-2', { target: 'HOUSEHOLD', householdNumber: v.numbers[3], amount: '333.33', date: '2024-05-03', purpose: '助医 medical costs' }),
      gift('many-3', { target: 'VILLAGE', villageCode: v.code, amount: '5000.00', date: '2024-06-01', purpose: '村部修缮' }),
      gift('many-4', { target: 'PROJECT', villageCode: v.code, project: '茶叶基地', kind: 'IN_KIND', description: '茶苗 2 万株', amount: '8000.00', date: '2024-07-01' }),
    ]);
    // One household alone: its line would be that household's figure.
    await give(lone, [gift('lone-0', { target: 'HOUSEHOLD', householdNumber: v.numbers[4], amount: '555.57', date: '2024-08-01' })]);
  });

  it('shows a households’ line from exactly the minimum of households and withholds one from fewer, in the entries and the CSV alike', async () => {
    const { data, errors } = await gql('demo-housing', NOTICE, { v: v.code, year: 2024 });
    expect(errors).toBeUndefined();
    const notice = data.donationNotice;
    expect(notice).toMatchObject({ villageCode: v.code, year: 2024, minHouseholds: 3 });
    const households = notice.entries.filter((e: any) => e.target === 'HOUSEHOLD');
    expect(households).toEqual(expect.arrayContaining([
      { donor: '测试县建材商会', target: 'HOUSEHOLD', project: null, kind: null, description: null, households: null, amount: null, purpose: null, date: null, withheld: true },
      { donor: '测试县政协教科卫体委组', target: 'HOUSEHOLD', project: null, kind: null, description: null, households: 3, amount: '666.66', purpose: '助医 medical costs; 助学 school costs', date: '2024-05-03', withheld: false },
    ]));
    expect(notice.entries).toEqual(expect.arrayContaining([
      expect.objectContaining({ donor: '测试县政协教科卫体委组', target: 'VILLAGE', amount: '5000.00', kind: 'CASH', purpose: '村部修缮', date: '2024-06-01' }),
      expect.objectContaining({ target: 'PROJECT', project: '茶叶基地', kind: 'IN_KIND', description: '茶苗 2 万株', amount: '8000.00' }),
    ]));
    expect(notice.csv).toContain('测试县建材商会,本村农户,,,,不予公示,不予公示,不予公示,不予公示');
    expect(notice.csv).toContain('666.66');
    for (const number of v.numbers) expect(JSON.stringify(notice)).not.toContain(number);
    expect(notice.csv).not.toMatch(/1234\.56|789\.01|2023\.57/);
  });

  it('follows the parameter in force: a village’s own minimum of 2 shows the line of two households', async () => {
    await t.sql(`insert into policy_parameter (name, region_prefix, from_year, to_year, value, source) values ('SMALL_CELL_MIN_HOUSEHOLDS', ?, 2024, 2024, 2, 'test')`, [v.code]);
    try {
      const notice = (await gql('demo-cppcc', NOTICE, { v: v.code, year: 2024 })).data.donationNotice;
      expect(notice.minHouseholds).toBe(2);
      expect(notice.entries).toEqual(expect.arrayContaining([expect.objectContaining({ donor: '测试县建材商会', households: 2, amount: '2023.57', withheld: false })]));
    } finally {
      await t.sql(`delete from policy_parameter where name = 'SMALL_CELL_MIN_HOUSEHOLDS' and region_prefix = ?`, [v.code]);
    }
  });

  /** Every sum and difference of the figures the donor reads (each taken +1, -1 or 0 times): the notice, its own gifts and totals. */
  async function derivable(key: string): Promise<Set<number>> {
    const notice = (await gql(key, NOTICE, { v: v.code, year: 2024 })).data.donationNotice;
    const own = (await gql(key, `{ donations(year: 2024) { amount } }`)).data.donations;
    const totals = (await gql(key, TOTALS, { year: 2024 })).data.donationTotals;
    const readable = [...notice.entries.map((e: any) => e.amount), ...own.map((d: any) => d.amount), ...totals.flatMap((r: any) => [r.amount, r.cash, r.inKind])]
      .filter((a) => a != null)
      .map(fen);
    let reachable = new Set([0]);
    for (const a of readable) reachable = new Set([...reachable].flatMap((s) => [s, s + a, -s, s - a].map(Math.abs)));
    return reachable;
  }

  /** What other donors gave single households: the figures no donor may learn (the other donors' lines being under the minimum). */
  const SECRETS = [123456, 78901, 55557];

  it('lets no combination of what a donor reads give one household’s figure (hasura#7660)', async () => {
    const reachable = await derivable(many);
    for (const secret of SECRETS) expect(reachable.has(secret)).toBe(false);
    // The control: with a minimum of 1 the lone household's gift is posted, and read.
    await t.sql(`insert into policy_parameter (name, region_prefix, from_year, to_year, value, source) values ('SMALL_CELL_MIN_HOUSEHOLDS', ?, 2024, 2024, 1, 'test')`, [v.code]);
    try {
      expect((await derivable(many)).has(55557)).toBe(true);
    } finally {
      await t.sql(`delete from policy_parameter where name = 'SMALL_CELL_MIN_HOUSEHOLDS' and region_prefix = ?`, [v.code]);
    }
  });

  it('is read by every role of the region', async () => {
    for (const role of Object.values(Role)) {
      const key = `demo-${role.toLowerCase().replaceAll('_', '-')}`;
      const { data, errors } = await gql(key, NOTICE, { v: v.code, year: 2024 });
      expect(errors).toBeUndefined();
      expect(data.donationNotice.entries.length).toBeGreaterThan(0);
    }
    // Another county's donor has no such village.
    expect((await gql('demo-cppcc-2', NOTICE, { v: v.code, year: 2024 })).data.donationNotice).toBeNull();
  });

  it('denies a donor the members, and another donor’s gifts', async () => {
    const member = await gql(many, `query($id: String!) { member(idNumber: $id, purpose: "核实捐赠对象") { name } }`, { id: world.people[0].idNumber });
    expect(member.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const mine = (await gql(many, `{ donations(year: 2024) { externalId donor householdNumber } }`)).data.donations;
    expect(mine.map((d: any) => d.externalId).sort()).toEqual(['many-0', 'many-1', 'many-2', 'many-3', 'many-4']);
    expect((await gql(few, `{ donations(year: 2024) { externalId } }`)).data.donations.map((d: any) => d.externalId).sort()).toEqual(['few-0', 'few-1']);
    expect((await gql(many, TOTALS, { year: 2024 })).data.donationTotals.map((r: any) => r.donor)).toEqual(['测试县政协教科卫体委组']);
    // Retracting by another donor's externalId finds nothing of its own.
    const retracted = await gql(many, `mutation { retractDonations(externalIds: ["few-0"], reason: "不是我们的") { retracted rejected { code } } }`);
    expect(retracted.data.retractDonations).toEqual({ retracted: 0, rejected: [{ code: 'NOT_FOUND' }] });
  });
});

describe('the demo data', () => {
  it('holds gifts of every target and kind from several donors, posted in their villages’ notices', async () => {
    const [demo] = await t.sql<{ donors: number; kinds: string[] }>(
      `select count(distinct organisation_id)::int as donors, array_agg(distinct target || ' ' || kind order by target || ' ' || kind) as kinds from donation where external_id like 'DEMO-DN-%'`,
    );
    expect(demo.donors).toBeGreaterThanOrEqual(3);
    expect(demo.kinds).toEqual(['HOUSEHOLD CASH', 'PROJECT IN_KIND', 'VILLAGE CASH']);
    const [{ code, year }] = await t.sql<{ code: string; year: number }>(
      `select d.village_code as code, extract(year from d.date)::int as year from donation d join organisation o on o.id = d.organisation_id
       where d.external_id like 'DEMO-DN-%' and o.role = 'CPPCC' and o.scopes = '{430923}' order by d.village_code limit 1`,
    );
    const notice = (await gql('demo-auditor', NOTICE, { v: code, year })).data.donationNotice;
    expect(notice.entries.map((e: any) => e.target)).toEqual(expect.arrayContaining(['VILLAGE', 'PROJECT']));
    expect(notice.csv.split('\r\n').length).toBeGreaterThan(3);
  });
});
