import { composeIdNumber } from '../../kernel/id-number';
import { Role } from '../../kernel/role';
import { describeBatchSync, fen, sectorPeople, syncClient, type Person, type SyncCase, type SyncWorld } from '../../../test/batch-sync-cases';
import { firstListedBy, startTestApp, statementsOf, type TestApp } from '../../../test/harness';

/**
 * The poverty office's industry-support batch over HTTP on real PostgreSQL: what the engine does
 * for every sector (test/batch-sync-cases.ts), then the sector's own rules, who reads what, and
 * the demo data.
 */
let t: TestApp;
let world: Omit<SyncWorld, 't' | 'unknownIdNumber' | 'key' | 'otherCounty' | 'forbidden'>;
let child: Person;

const OFFICE = 'demo-poverty-office';

beforeAll(async () => {
  t = await startTestApp({ households: 200 });
  world = await sectorPeople(t, Role.POVERTY_OFFICE, '测试县扶贫开发办公室(产业股)');
  [child] = await t.sql<Person>(`select m.id_number as "idNumber", m.id as "memberId", m.household_id as "householdId" from member m join household h on h.id = m.household_id
    where h.village_code like '430923%' and h.status <> 'REMOVED' and m.birth_date > '2012-01-01' order by m.id limit 1`);
  expect(world.people.length).toBeGreaterThan(100);
}, 120_000);
afterAll(() => t.close());


const SUPPORT: SyncCase = {
  sync: 'recordIndustrySupport',
  retract: 'retractIndustrySupport',
  input: 'IndustrySupportRecord',
  table: 'industry_support',
  entity: 'IndustrySupport',
  dateField: 'paidOn',
  valid: (externalId, p, change = 0) => ({ externalId, idNumber: p.idNumber, kind: 'SPECIALTY_FARMING_SUBSIDY', project: '特色种养(茶叶)', amount: `${2000 + change}.00`, paidOn: '2026-04-01' }),
  amount: (r) => fen(r.amount),
};

const syncWorld = (): SyncWorld => ({
  t, ...world, unknownIdNumber: composeIdNumber('430923', '1975-05-05', 997),
  key: OFFICE, otherCounty: 'demo-poverty-office-2', forbidden: ['demo-employment', 'demo-education', 'demo-auditor', 'demo-business-association'],
});
const { sync } = syncClient(syncWorld);

describeBatchSync(syncWorld, [SUPPORT]);

const adult = (i: number) => world.people.filter((p) => p.idNumber.slice(6, 10) < '2000')[i];
const record = (externalId: string, p: Person, kind: string, amount: string, project = '黑茶种植专业合作社') => ({ externalId, idNumber: p.idNumber, kind, project, amount, paidOn: '2026-06-30' });

/** One valid record of each kind for a person. */
const everyKind = (prefix: string, p: Person) => [
  record(`${prefix}-farming`, p, 'SPECIALTY_FARMING_SUBSIDY', '1953.00', '特色种养(生猪)'),
  record(`${prefix}-share`, p, 'COOPERATIVE_SHARE', '3000.00'),
  record(`${prefix}-dividend`, p, 'COOPERATIVE_DIVIDEND', '300.00'),
  record(`${prefix}-pv`, p, 'PHOTOVOLTAIC_INCOME', '1000.00', '村级光伏电站'),
  record(`${prefix}-shop`, p, 'E_COMMERCE_INCOME', '1200.00', '村电商服务站网店'),
  record(`${prefix}-tourism`, p, 'TOURISM_INCOME', '200.00', '旅游扶贫到户'),
];

describe('the industry sector’s rules', () => {
  it('takes one record of each kind within its rules', async () => {
    expect((await sync(SUPPORT, everyKind('rule-ok', adult(1)))).result).toMatchObject({ created: 6, rejected: [] });
  });

  it('refuses a farming subsidy above its ceiling, a child’s cooperative share and an amount of nothing', async () => {
    const { result } = await sync(SUPPORT, [
      record('rule-ceiling', adult(2), 'SPECIALTY_FARMING_SUBSIDY', '5000.01'),
      record('rule-child', child, 'COOPERATIVE_SHARE', '3000.00'),
      record('rule-zero', adult(2), 'PHOTOVOLTAIC_INCOME', '0.00'),
    ]);
    expect(result.rejected.map((r: any) => [r.externalId, r.code, r.field])).toEqual([
      ['rule-ceiling', 'ABOVE_CEILING', 'amount'],
      ['rule-child', 'IMPLAUSIBLE_AGE', 'idNumber'],
      ['rule-zero', 'INVALID', 'amount'],
    ]);
    // A child may be the one paid for the household otherwise.
    expect((await sync(SUPPORT, [record('rule-child-pv', child, 'PHOTOVOLTAIC_INCOME', '500.00')])).result.created).toBe(1);
  });
});

describe('reading the records', () => {
  const reader = () => adult(3);
  const MEMBER = () => `{ member(idNumber: "${reader().idNumber}", purpose: "industry record check") {
    industrySupport { __typename sector kind supportKind project amount date externalId recordedBy { name } household { number } } } }`;
  const read = async (key: string): Promise<any> => (await t.gql(key, MEMBER())).body;
  const ours = (body: any) => body.data.member.industrySupport.map((c: any) => c.externalId).filter((id: string) => id.startsWith('read-')).sort();

  beforeAll(async () => {
    expect((await sync(SUPPORT, everyKind('read', reader()))).result.created).toBe(6);
    expect((await sync(SUPPORT, [record('read-other', reader(), 'COOPERATIVE_DIVIDEND', '150.00')], {}, world.sameCounty)).result.created).toBe(1);
  });

  it('shows the poverty office and audit every record of their region, whichever office recorded it', async () => {
    const all = ['read-dividend', 'read-farming', 'read-other', 'read-pv', 'read-share', 'read-shop', 'read-tourism'];
    expect(ours(await read(OFFICE))).toEqual(all);
    expect(ours(await read(world.sameCounty))).toEqual(all);
    expect(ours(await read('demo-auditor'))).toEqual(all);
    const body = await read('demo-auditor');
    expect(body.data.member.industrySupport.find((r: any) => r.externalId === 'read-pv')).toMatchObject({
      __typename: 'IndustrySupport', sector: 'INDUSTRY', kind: 'PHOTOVOLTAIC_INCOME', supportKind: 'PHOTOVOLTAIC_INCOME', project: '村级光伏电站', amount: '1000.00', date: '2026-06-30',
      recordedBy: { name: expect.stringContaining('扶贫') },
    });
  });

  it('is FORBIDDEN to every other role: it is household income', async () => {
    // A bank sees only its borrowers: one of them.
    const borrower = await firstListedBy(t, 'demo-finance');
    const asked = [...['demo-employment', 'demo-civil-affairs', 'demo-health'].map((key) => [key, reader().idNumber]), ['demo-finance', borrower.idNumber]];
    for (const [key, idNumber] of asked) {
      const { body } = await t.gql(key, `{ member(idNumber: "${idNumber}", purpose: "industry record check") { industrySupport { id } } }`);
      expect(body.errors?.map((e: any) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });

  it('lists the records in household.measures, and not to a department that may not read them', async () => {
    const measures = async (key: string) => {
      const { body } = await t.gql(key, `{ household(id: "${reader().householdId}") { measures { sector externalId } } }`);
      expect(body.errors).toBeUndefined();
      return body.data!.household.measures.filter((m: any) => m.externalId.startsWith('read-')).map((m: any) => m.sector);
    };
    expect(await measures(OFFICE)).toEqual(Array(7).fill('INDUSTRY'));
    expect(await measures('demo-employment')).toEqual([]);
  });

  it('is not there for the other county’s office: the member is not in its region', async () => {
    expect((await read('demo-poverty-office-2')).data?.member ?? null).toBeNull();
  });

  it('reads the records of a page of households in statements that do not grow with the page', async () => {
    const query = (n: number) => `{ households(first: ${n}) { edges { node { measures(sector: INDUSTRY) { id amount } members { industrySupport { id } } } } } }`;
    const counted = async (n: number) => (await statementsOf(t, 'demo-auditor', query(n))).statements;
    expect(await counted(50)).toBe(await counted(5));
  });
});

describe('the demo data', () => {
  it('holds the poverty office’s records of every kind, which its own rules accept sent again unchanged', async () => {
    const records = await t.sql<Record<string, unknown>>(`select r.external_id as "externalId", m.id_number as "idNumber", r.kind, r.project,
        (r.amount_fen / 100.0)::numeric(12, 2)::text as amount, r.date::text as "paidOn"
      from industry_support r join member m on m.id = r.member_id join household h on h.id = r.household_id
      where r.external_id like 'DEMO-%' and r.village_code like '430923%' and h.status <> 'REMOVED' order by r.id limit 1000`);
    expect(new Set(records.map((r) => r.kind))).toEqual(new Set(['SPECIALTY_FARMING_SUBSIDY', 'COOPERATIVE_SHARE', 'COOPERATIVE_DIVIDEND', 'PHOTOVOLTAIC_INCOME', 'E_COMMERCE_INCOME', 'TOURISM_INCOME']));
    const { result, errors } = await sync(SUPPORT, records);
    expect(errors).toBeUndefined();
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: records.length, rejected: [] });
  });
});
