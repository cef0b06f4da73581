import { composeIdNumber } from '../../kernel/id-number';
import { Role } from '../../kernel/role';
import { describeBatchSync, fen, sectorPeople, syncClient, type Person, type SyncCase, type SyncWorld } from '../../../test/batch-sync-cases';
import { startTestApp, statementsOf, type TestApp } from '../../../test/harness';

/**
 * The human resources bureau's batch mutation over HTTP on real PostgreSQL: what the engine does
 * for every sector (test/batch-sync-cases.ts), then the sector's own rules, who reads what, the
 * employment a record shows, and the demo data.
 */
let t: TestApp;
let world: Omit<SyncWorld, 't' | 'unknownIdNumber' | 'key' | 'otherCounty' | 'forbidden'>;
let child: Person;

const BUREAU = 'demo-employment';
/** Of working age (16 to 65) on every date the tests write. */
const WORKING_AGE = `m.birth_date between '1963-01-01' and '2008-01-01'`;

beforeAll(async () => {
  t = await startTestApp({ households: 200 });
  world = await sectorPeople(t, Role.EMPLOYMENT, '测试县就业服务中心', WORKING_AGE);
  [child] = await t.sql<Person>(`select m.id_number as "idNumber", m.id as "memberId", m.household_id as "householdId" from member m join household h on h.id = m.household_id
    where h.village_code like '430923%' and h.status <> 'REMOVED' and m.birth_date > '2012-01-01' order by m.id limit 1`);
  expect(world.people.length).toBeGreaterThan(100);
}, 120_000);
afterAll(() => t.close());


const SUPPORT: SyncCase = {
  sync: 'recordEmploymentSupport',
  retract: 'retractEmploymentSupport',
  input: 'EmploymentSupportRecord',
  table: 'employment_support',
  entity: 'EmploymentSupport',
  dateField: 'date',
  valid: (externalId, p, change = 0) => ({ externalId, idNumber: p.idNumber, kind: 'PUBLIC_WELFARE_POST', title: '生态护林员', amount: `${360 + change}.00`, date: '2026-01-01', until: '2026-12-31' }),
  amount: (r) => fen(r.amount),
};

const syncWorld = (): SyncWorld => ({
  t, ...world, unknownIdNumber: composeIdNumber('430923', '1975-05-05', 997),
  key: BUREAU, otherCounty: 'demo-employment-2', forbidden: ['demo-education', 'demo-poverty-office', 'demo-auditor', 'demo-civil-affairs'],
});
const { sync } = syncClient(syncWorld);

describeBatchSync(syncWorld, [SUPPORT]);

const person = (i: number) => world.people[i];
const record = (externalId: string, i: number, fields: Record<string, unknown>) => ({ externalId, idNumber: person(i).idNumber, date: '2026-03-01', ...fields });

/** One valid record of each kind for a person. */
const everyKind = (prefix: string, i: number) => [
  record(`${prefix}-post`, i, { kind: 'PUBLIC_WELFARE_POST', title: '巡河员', amount: '340.00', until: '2026-12-31' }),
  record(`${prefix}-travel`, i, { kind: 'TRANSFER_TRAVEL_SUBSIDY', title: '广东省东莞市', amount: '500.00', outOfProvince: true }),
  record(`${prefix}-workshop`, i, { kind: 'WORKSHOP_JOB', title: '扶贫车间(竹编)', amount: '2200.00' }),
  record(`${prefix}-training`, i, { kind: 'SKILLS_TRAINING', title: '家政服务培训', hours: 80, certificate: '培训合格证', date: '2026-04-15' }),
  record(`${prefix}-startup`, i, { kind: 'START_UP_SUBSIDY', title: '农家乐', amount: '5000.00', date: '2026-05-20' }),
];

describe('the employment sector’s rules', () => {
  it('takes one record of each kind within its rules', async () => {
    const { result } = await sync(SUPPORT, everyKind('rule-ok', 16));
    expect(result).toMatchObject({ created: 5, rejected: [] });
  });

  it('refuses a subsidy above its ceiling, a worker below working age, and each kind’s fields where it has none or lacks them', async () => {
    const { result } = await sync(SUPPORT, [
      record('rule-startup', 17, { kind: 'START_UP_SUBSIDY', title: '网店', amount: '5000.01' }),
      record('rule-post-pay', 17, { kind: 'PUBLIC_WELFARE_POST', title: '护林员', amount: '1000.01' }),
      { ...record('rule-child', 0, { kind: 'PUBLIC_WELFARE_POST', title: '护林员', amount: '300.00' }), idNumber: child.idNumber },
      record('rule-travel', 17, { kind: 'TRANSFER_TRAVEL_SUBSIDY', title: '长沙市', amount: '300.00' }),
      record('rule-hours', 17, { kind: 'SKILLS_TRAINING', title: '电工培训' }),
      record('rule-until', 17, { kind: 'PUBLIC_WELFARE_POST', title: '护林员', amount: '300.00', until: '2026-02-28' }),
      record('rule-until-kind', 17, { kind: 'START_UP_SUBSIDY', title: '网店', amount: '3000.00', until: '2026-12-31' }),
      record('rule-amount', 17, { kind: 'WORKSHOP_JOB', title: '扶贫车间' }),
      record('rule-cert', 17, { kind: 'WORKSHOP_JOB', title: '扶贫车间', amount: '1800.00', certificate: '证书' }),
    ]);
    expect(result.created).toBe(0);
    expect(result.rejected.map((r: any) => [r.externalId, r.code, r.field])).toEqual([
      ['rule-startup', 'ABOVE_CEILING', 'amount'],
      ['rule-post-pay', 'ABOVE_CEILING', 'amount'],
      ['rule-child', 'IMPLAUSIBLE_AGE', 'idNumber'],
      ['rule-travel', 'INVALID', 'outOfProvince'],
      ['rule-hours', 'INVALID', 'hours'],
      ['rule-until', 'INVALID', 'until'],
      ['rule-until-kind', 'INVALID', 'until'],
      ['rule-amount', 'INVALID', 'amount'],
      ['rule-cert', 'INVALID', 'certificate'],
    ]);
    expect(result.rejected[0].message).toBe('5000.01 is above the ceiling of 5000.00 for START_UP_SUBSIDY');
  });
});

describe('reading the records', () => {
  const MEMBER = (idNumber: string) => `{ member(idNumber: "${idNumber}", purpose: "employment record check") {
    employment employmentSupport { __typename sector kind supportKind title amount date until outOfProvince hours certificate employment externalId recordedBy { name } member { name } } } }`;
  const reader = () => person(18);
  const read = async (key: string): Promise<any> => (await t.gql(key, MEMBER(reader().idNumber))).body;
  const ours = (body: any) => body.data.member.employmentSupport.map((c: any) => c.externalId).filter((id: string) => id.startsWith('read-')).sort();

  beforeAll(async () => {
    expect((await sync(SUPPORT, everyKind('read', 18))).result.created).toBe(5);
    const centre = { ...record('read-centre', 18, { kind: 'WORKSHOP_JOB', title: '就业扶贫基地', amount: '1900.00', date: '2026-06-01' }) };
    expect((await sync(SUPPORT, [centre], {}, world.sameCounty)).result.created).toBe(1);
  });

  it('shows each employment organisation only what it recorded, the poverty office and audit all of their region', async () => {
    const bureau = ['read-post', 'read-startup', 'read-training', 'read-travel', 'read-workshop'];
    expect(ours(await read(BUREAU))).toEqual(bureau);
    expect(ours(await read(world.sameCounty))).toEqual(['read-centre']);
    expect(ours(await read('demo-poverty-office'))).toEqual(['read-centre', ...bureau]);
    expect(ours(await read('demo-auditor'))).toEqual(['read-centre', ...bureau]);
  });

  it('gives each record the employment it places the member in, in the registry’s terms, training none', async () => {
    const body = await read('demo-poverty-office');
    expect(body.errors).toBeUndefined();
    const byId = new Map(body.data.member.employmentSupport.map((r: any) => [r.externalId, r]));
    expect(byId.get('read-post')).toMatchObject({ __typename: 'EmploymentSupport', sector: 'EMPLOYMENT', kind: 'PUBLIC_WELFARE_POST', amount: '340.00', until: '2026-12-31', employment: 'PUBLIC_WELFARE_POST', recordedBy: { name: expect.stringContaining('人力资源') } });
    expect(byId.get('read-travel')).toMatchObject({ outOfProvince: true, employment: 'OUT_OF_PROVINCE' });
    expect(byId.get('read-workshop')).toMatchObject({ employment: 'LOCAL_WORK', amount: '2200.00' });
    expect(byId.get('read-training')).toMatchObject({ hours: 80, certificate: '培训合格证', amount: null, employment: null });
    expect(byId.get('read-startup')).toMatchObject({ employment: 'LOCAL_WORK', amount: '5000.00' });
    // Oldest first: the latest with an employment is the member's current one.
    const dated = body.data.member.employmentSupport.filter((r: any) => r.externalId.startsWith('read-') && r.employment);
    expect(dated.at(-1)).toMatchObject({ externalId: 'read-centre', employment: 'LOCAL_WORK' });
  });

  it('is FORBIDDEN to roles outside employment, the poverty office and audit', async () => {
    for (const key of ['demo-civil-affairs', 'demo-health']) {
      const { body } = await t.gql(key, `{ member(idNumber: "${reader().idNumber}", purpose: "employment record check") { employmentSupport { id } } }`);
      expect(body.errors?.map((e: any) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });

  it('lists the records in member.measures and household.measures under the type’s row rule', async () => {
    const measures = async (key: string) => {
      const { body } = await t.gql(key, `{ member(idNumber: "${reader().idNumber}", purpose: "employment record check") { measures(sector: EMPLOYMENT) { __typename externalId } }
        household(id: "${reader().householdId}") { measures(sector: EMPLOYMENT) { externalId } } }`);
      expect(body.errors).toBeUndefined();
      const list = (l: any[]) => l.map((m) => m.externalId).filter((id: string) => id.startsWith('read-')).sort();
      expect(list(body.data!.household.measures)).toEqual(list(body.data!.member.measures));
      return list(body.data!.member.measures);
    };
    expect(await measures(world.sameCounty)).toEqual(['read-centre']);
    expect(await measures('demo-poverty-office')).toHaveLength(6);
  });

  it('is not there for the other county’s bureau: the member is not in its region', async () => {
    expect((await read('demo-employment-2')).data?.member ?? null).toBeNull();
  });

  it('reads the records of a page of households’ members in statements that do not grow with the page', async () => {
    const query = (n: number) => `{ households(first: ${n}) { edges { node { members { employmentSupport { id employment } } } } } }`;
    const counted = async (n: number) => (await statementsOf(t, 'demo-poverty-office', query(n))).statements;
    expect(await counted(50)).toBe(await counted(5));
  });
});

describe('the demo data', () => {
  it('holds the bureau’s records of every kind, which its own rules accept sent again unchanged', async () => {
    const yuan = (column: string) => `case when ${column} is null then null else (${column} / 100.0)::numeric(12, 2)::text end`;
    const records = await t.sql<Record<string, unknown>>(`select r.external_id as "externalId", m.id_number as "idNumber", r.kind, r.title, ${yuan('r.amount_fen')} as amount,
        r.date::text as date, r.until::text as until, r.out_of_province as "outOfProvince", r.hours, r.certificate
      from employment_support r join member m on m.id = r.member_id join household h on h.id = r.household_id
      where r.external_id like 'DEMO-%' and r.village_code like '430923%' and h.status <> 'REMOVED' order by r.id limit 1000`);
    expect(new Set(records.map((r) => r.kind))).toEqual(new Set(['PUBLIC_WELFARE_POST', 'TRANSFER_TRAVEL_SUBSIDY', 'WORKSHOP_JOB', 'SKILLS_TRAINING', 'START_UP_SUBSIDY']));
    const sent = records.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)));
    const { result, errors } = await sync(SUPPORT, sent);
    expect(errors).toBeUndefined();
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: records.length, rejected: [] });
  });
});
