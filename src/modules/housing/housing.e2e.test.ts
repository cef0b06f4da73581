import { composeIdNumber } from '../../kernel/id-number';
import { describeBatchSync, fen, sectorPeople, syncClient, type Person, type SyncCase, type SyncWorld } from '../../../test/batch-sync-cases';
import { firstListedBy, startTestApp, statementsOf, type TestApp } from '../../../test/harness';

/**
 * The housing bureau's batch mutation over HTTP on real PostgreSQL: what the engine does for every
 * sector (test/batch-sync-cases.ts, with renovations, the kind that moves money), then each kind's
 * own fields, who reads what, and the exit test's safe-housing item resting on the latest assessment.
 */
let t: TestApp;
let people: Person[];
let removed: Person;
let elsewhere: Person;
let townKey: string;

const BUREAU = 'demo-housing';

beforeAll(async () => {
  t = await startTestApp({ households: 200 });
  ({ people, removed, elsewhere, sameCounty: townKey } = await sectorPeople(t, 'HOUSING', '测试镇住建所'));
  expect(people.length).toBeGreaterThan(100);
}, 120_000);
afterAll(() => t.close());


const RENOVATION: SyncCase = {
  sync: 'recordHousingMeasures',
  retract: 'retractHousingMeasures',
  input: 'HousingMeasureRecord',
  table: 'housing_measure',
  entity: 'HousingMeasure',
  dateField: 'date',
  valid: (externalId, p, change = 0) => ({ externalId, idNumber: p.idNumber, kind: 'RENOVATION', date: '2026-03-01', subsidy: `${8000 + change}.00`, completedOn: '2026-09-30' }),
  amount: (r) => fen(r.subsidy),
};
const assessment = (externalId: string, p: Person, grade = 'D', date = '2026-02-01') => ({ externalId, idNumber: p.idNumber, kind: 'ASSESSMENT', date, grade, assessor: '测试县房屋安全鉴定站' });
const relocation = (externalId: string, p: Person) => ({ externalId, idNumber: p.idNumber, kind: 'RELOCATION', date: '2026-05-20', site: '测试镇易地扶贫搬迁安置点' });

const world = (): SyncWorld => ({
  t, people, removed, elsewhere, unknownIdNumber: composeIdNumber('430923', '1965-05-05', 997),
  key: BUREAU, sameCounty: townKey, otherCounty: 'demo-housing-2', forbidden: ['demo-education', 'demo-poverty-office', 'demo-civil-affairs'],
});
const { sync, retract } = syncClient(world);

describeBatchSync(world, [RENOVATION]);

const outcome = (result: any) => result.rejected.map((r: any) => [r.externalId, r.code, r.field]);

describe('the housing bureau’s rules', () => {
  it('takes each kind with its own fields', async () => {
    const { result } = await sync(RENOVATION, [assessment('kind-a', people[16]), { ...RENOVATION.valid('kind-r', people[16]), completedOn: null }, relocation('kind-m', people[16])]);
    expect(result).toMatchObject({ created: 3, rejected: [] });
  });

  it('refuses a kind without its fields or with another kind’s, a completion before the start or in the future, and a zero subsidy', async () => {
    const p = people[17];
    const { result } = await sync(RENOVATION, [
      { ...assessment('rule-grade', p), grade: null },
      { ...assessment('rule-other', p), subsidy: '100.00' },
      { ...relocation('rule-site', p), site: null },
      { ...RENOVATION.valid('rule-before', p), completedOn: '2026-02-28' },
      { ...RENOVATION.valid('rule-future', p), completedOn: '2099-01-01' },
      { ...RENOVATION.valid('rule-zero', p), subsidy: '0.00' },
      { ...RENOVATION.valid('rule-none', p), subsidy: null },
    ]);
    expect(outcome(result)).toEqual([
      ['rule-grade', 'INVALID', 'grade'],
      ['rule-other', 'INVALID', 'subsidy'],
      ['rule-site', 'INVALID', 'site'],
      ['rule-before', 'INVALID', 'completedOn'],
      ['rule-future', 'INVALID', 'completedOn'],
      ['rule-zero', 'INVALID', 'subsidy'],
      ['rule-none', 'INVALID', 'subsidy'],
    ]);
  });
});

describe('reading the records', () => {
  const person = () => people[20];
  const HOUSEHOLD = (id: number) => `{ household(id: "${id}") {
    housingAssessments { __typename sector kind externalId grade assessor assessedOn amount recordedBy { name } member { id } }
    latestHousingAssessment { externalId grade }
    housingRenovations { __typename kind externalId subsidy amount startedOn completedOn }
    relocations { __typename kind externalId site movedInOn amount } } }`;

  beforeAll(async () => {
    // The demo bureau's records of the household would be its latest.
    await t.sql(`delete from housing_measure where household_id = ? and external_id like 'DEMO-%'`, [person().householdId]);
    await sync(RENOVATION, [assessment('read-d', person(), 'D', '2026-01-05'), RENOVATION.valid('read-r', person()), relocation('read-m', person())]);
    await sync(RENOVATION, [assessment('read-town-b', person(), 'B', '2026-10-01')], {}, townKey);
  });

  const ids = (list: any[]) => list.map((r) => r.externalId).filter((id: string) => id.startsWith('read-'));

  it('gives each kind its own type and fields, and the latest assessment by date', async () => {
    const { body } = await t.gql('demo-poverty-office', HOUSEHOLD(person().householdId));
    expect(body.errors).toBeUndefined();
    const h = body.data!.household;
    expect(h.housingAssessments).toEqual([
      { __typename: 'HousingAssessment', sector: 'HOUSING', kind: 'ASSESSMENT', externalId: 'read-d', grade: 'D', assessor: '测试县房屋安全鉴定站', assessedOn: '2026-01-05', amount: null,
        recordedBy: { name: expect.stringContaining('住房和城乡建设局') }, member: { id: String(person().memberId) } },
      expect.objectContaining({ externalId: 'read-town-b', grade: 'B' }),
    ]);
    expect(h.latestHousingAssessment).toEqual({ externalId: 'read-town-b', grade: 'B' });
    const ours = (list: any[]) => list.filter((r) => r.externalId.startsWith('read-'));
    expect(ours(h.housingRenovations)).toEqual([{ __typename: 'HousingRenovation', kind: 'RENOVATION', externalId: 'read-r', subsidy: '8000.00', amount: '8000.00', startedOn: '2026-03-01', completedOn: '2026-09-30' }]);
    expect(ours(h.relocations)).toEqual([{ __typename: 'Relocation', kind: 'RELOCATION', externalId: 'read-m', site: '测试镇易地扶贫搬迁安置点', movedInOn: '2026-05-20', amount: null }]);
  });

  it('shows a housing bureau only what it recorded, the poverty office and audit all of their region', async () => {
    const read = async (key: string) => (await t.gql(key, HOUSEHOLD(person().householdId))).body.data!.household;
    expect(ids((await read(BUREAU)).housingAssessments)).toEqual(['read-d']);
    expect((await read(BUREAU)).latestHousingAssessment.externalId).toBe('read-d');
    expect(ids((await read(townKey)).housingAssessments)).toEqual(['read-town-b']);
    expect(ids((await read(townKey)).housingRenovations)).toEqual([]);
    expect(ids((await read('demo-auditor')).housingAssessments)).toEqual(['read-d', 'read-town-b']);
  });

  it('is FORBIDDEN to roles outside housing, the poverty office and audit', async () => {
    // A bank sees only its borrowers' households: one of them.
    const borrowing = await firstListedBy(t, 'demo-finance');
    for (const [key, householdId] of [['demo-civil-affairs', person().householdId], ['demo-health', person().householdId], ['demo-finance', borrowing.householdId]] as const) {
      const { body } = await t.gql(key, HOUSEHOLD(householdId));
      expect(body.errors?.map((e: any) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    }
  });

  it('lists the three types in household.measures under the sector HOUSING', async () => {
    const { body } = await t.gql('demo-poverty-office', `{ household(id: "${person().householdId}") { measures(sector: HOUSING) { __typename externalId } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.household.measures.filter((m: any) => m.externalId.startsWith('read-')).map((m: any) => m.__typename)).toEqual([
      'HousingAssessment', 'HousingRenovation', 'Relocation', 'HousingAssessment',
    ]);
  });

  it('is NOT_FOUND for the other county’s bureau: the household is not in its region', async () => {
    const { body } = await t.gql('demo-housing-2', HOUSEHOLD(person().householdId));
    expect(body.data?.household ?? null).toBeNull();
  });

  it('reads a page of households’ housing in statements that do not grow with the page', async () => {
    const query = (n: number) => `{ households(first: ${n}) { edges { node { latestHousingAssessment { grade } housingRenovations { subsidy } relocations { site } } } } }`;
    const counted = async (n: number) => (await statementsOf(t, 'demo-poverty-office', query(n))).statements;
    expect(await counted(50)).toBe(await counted(5));
  });
});

describe('household.assurance: safe housing rests on the latest assessment', () => {
  it('takes the latest assessment up to the day tested as the evidence, the registry’s grade only where there is none', async () => {
    const person = people[30];
    await t.sql(`delete from housing_measure where household_id = ?`, [person.householdId]);
    await t.sql(`update household set housing_grade = 'B' where id = ?`, [person.householdId]);
    const item = async (year: number) => {
      const { body } = await t.gql('demo-poverty-office', `{ household(id: "${person.householdId}") { assurance(year: ${year}) { items { item verdict evidence { source department detail } } } } }`);
      expect(body.errors).toBeUndefined();
      return body.data!.household.assurance.items.find((i: any) => i.item === 'SAFE_HOUSING');
    };
    const registry = await item(2026);
    expect(registry.verdict).toBe('MET');
    expect(registry.evidence).toEqual([expect.objectContaining({ detail: "house safety grade B (the registry's; no assessment recorded)" })]);

    await sync(RENOVATION, [assessment('assurance-d', person, 'D', '2026-02-01')]);
    const dangerous = await item(2026);
    expect(dangerous.verdict).toBe('NOT_MET');
    expect(dangerous.evidence).toEqual([{
      source: expect.stringContaining('(assurance-d)'), department: expect.stringMatching(/住房和城乡建设局 \(住建 housing\)$/), detail: 'house safety grade D, assessed by 测试县房屋安全鉴定站 on 2026-02-01',
    }]);
    // A year before any assessment: the registry's grade.
    expect((await item(2025)).verdict).toBe('MET');

    // Renovated and assessed again by another organisation: the latest assessment, whoever recorded it, is the household's grade.
    await sync(RENOVATION, [assessment('assurance-a', person, 'A', '2026-11-01')], {}, townKey);
    const renovated = await item(2026);
    expect(renovated.verdict).toBe('MET');
    expect(renovated.evidence[0].source).toContain('(assurance-a)');

    await retract(RENOVATION, ['assurance-a'], '错录 recorded in error', townKey);
    expect((await item(2026)).verdict).toBe('NOT_MET');
  });
});

describe('the demo data', () => {
  it('holds the bureau’s assessments, renovations and relocations, which its own rules accept sent again unchanged', async () => {
    const records = await t.sql<Record<string, unknown>>(`select r.external_id as "externalId", m.id_number as "idNumber", r.kind, r.date::text as date, r.grade, r.assessor,
        (r.amount_fen / 100.0)::numeric(12, 2)::text as subsidy, r.completed_on::text as "completedOn", r.site
      from housing_measure r join member m on m.id = r.member_id join household h on h.id = r.household_id
      where r.external_id like 'DEMO-%' and r.village_code like '430923%' and h.status <> 'REMOVED' order by r.id limit 1000`);
    expect(new Set(records.map((r) => r.kind))).toEqual(new Set(['ASSESSMENT', 'RENOVATION', 'RELOCATION']));
    const { result, errors } = await sync(RENOVATION, records);
    expect(errors).toBeUndefined();
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: records.length, rejected: [] });
  });
});
