import { composeIdNumber } from '../../kernel/id-number';
import { describeBatchSync, fen, peopleSql, sectorPeople, syncClient, type Person, type SyncCase, type SyncWorld } from '../../../test/batch-sync-cases';
import { startTestApp, statementsOf, type TestApp } from '../../../test/harness';

/**
 * The civil-affairs sector's batch mutation over HTTP on real PostgreSQL: what the engine does
 * for every sector (test/batch-sync-cases.ts), then its own rules (the 低保 standard of the
 * region and year), who reads what, and the 低保 paid to households registered as GENERAL.
 */
let t: TestApp;
let people: Person[];
let removed: Person;
let elsewhere: Person;
let officeKey: string;

const OFFICE = 'demo-civil-affairs';

beforeAll(async () => {
  t = await startTestApp({ households: 200 });
  ({ people, removed, elsewhere, sameCounty: officeKey } = await sectorPeople(t, 'CIVIL_AFFAIRS', '测试乡民政办'));
  expect(people.length).toBeGreaterThan(100);
}, 120_000);
afterAll(() => t.close());


const ASSISTANCE: SyncCase = {
  sync: 'recordSocialAssistance',
  retract: 'retractSocialAssistance',
  input: 'SocialAssistanceRecord',
  table: 'social_assistance',
  entity: 'SocialAssistance',
  dateField: 'from',
  valid: (externalId, p, change = 0) => ({ externalId, idNumber: p.idNumber, kind: 'SUBSISTENCE_ALLOWANCE', amount: `${200 + change}.00`, from: '2026-01-01', to: null }),
  amount: (r) => fen(r.amount),
};

const world = (): SyncWorld => ({
  t, people, removed, elsewhere, unknownIdNumber: composeIdNumber('430923', '1965-05-05', 997),
  key: OFFICE, sameCounty: officeKey, otherCounty: 'demo-civil-affairs-2', forbidden: ['demo-education', 'demo-poverty-office', 'demo-housing'],
});
const { sync, retract } = syncClient(world);

describeBatchSync(world, [ASSISTANCE]);

const outcome = (result: any) => result.rejected.map((r: any) => [r.externalId, r.code, r.field]);

describe('the civil-affairs sector’s rules', () => {
  it('refuses a 低保 above the standard of the person’s region for the year it starts, citing the parameter', async () => {
    const { result } = await sync(ASSISTANCE, [
      { ...ASSISTANCE.valid('rule-at', people[16]), amount: '286.00' },
      { ...ASSISTANCE.valid('rule-above', people[16]), amount: '286.01' },
    ]);
    expect(outcome(result)).toEqual([['rule-above', 'ABOVE_CEILING', 'amount']]);
    expect(result.rejected[0].message).toMatch(/above the 低保 standard of 286\.00 per person for 2026 \(policy parameter #\d+: 种子文件/);
  });

  it('follows the parameter the poverty office sets for its county from a year on, not before it', async () => {
    const { body } = await t.gql('demo-poverty-office', `mutation { setPolicyParameter(input: { name: SUBSISTENCE_ALLOWANCE_STANDARD, regionPrefix: "430923", fromYear: 2026,
      value: "350.00", source: "测试: 安化县2026年农村低保标准每人每月350元" }) { value } }`);
    expect(body.errors).toBeUndefined();
    const { result } = await sync(ASSISTANCE, [
      { ...ASSISTANCE.valid('param-2026', people[17]), amount: '350.00' },
      { ...ASSISTANCE.valid('param-2025', people[17]), amount: '350.00', from: '2025-06-01' },
    ]);
    expect(outcome(result)).toEqual([['param-2025', 'ABOVE_CEILING', 'amount']]);
    // The other county keeps the province's standard.
    const [other] = await t.sql<Person>(peopleSql(`h.village_code like '430981%' and h.status <> 'REMOVED'`));
    const { result: there } = await sync(ASSISTANCE, [{ ...ASSISTANCE.valid('param-other', other), amount: '350.00' }], {}, 'demo-civil-affairs-2');
    expect(outcome(there)).toEqual([['param-other', 'ABOVE_CEILING', 'amount']]);
  });

  it('refuses a 低保 starting in a year no standard covers, a last day before the first, a last day for temporary assistance and a zero amount', async () => {
    const { result } = await sync(ASSISTANCE, [
      { ...ASSISTANCE.valid('rule-no-standard', people[18]), from: '2017-03-01' },
      { ...ASSISTANCE.valid('rule-to', people[18]), to: '2025-12-31' },
      { ...ASSISTANCE.valid('rule-temporary', people[18]), kind: 'TEMPORARY_ASSISTANCE', amount: '2000.00', to: '2026-02-01' },
      { ...ASSISTANCE.valid('rule-zero', people[18]), kind: 'DISABILITY_LIVING_SUBSIDY', amount: '0.00' },
    ]);
    expect(outcome(result)).toEqual([
      ['rule-no-standard', 'INVALID', 'amount'],
      ['rule-to', 'INVALID', 'to'],
      ['rule-temporary', 'INVALID', 'to'],
      ['rule-zero', 'INVALID', 'amount'],
    ]);
  });

  it('takes every other kind without the 低保 standard: 特困供养, temporary assistance and the two disability subsidies', async () => {
    const kinds = [
      ['EXTREME_POVERTY_SUPPORT', '600.00', null],
      ['TEMPORARY_ASSISTANCE', '3000.00', null],
      ['DISABILITY_LIVING_SUBSIDY', '70.00', '2026-12-31'],
      ['SEVERE_DISABILITY_CARE_SUBSIDY', '70.00', null],
    ];
    const { result } = await sync(ASSISTANCE, kinds.map(([kind, amount, to]) => ({ ...ASSISTANCE.valid(`kind-${kind}`, people[19]), kind, amount, to })));
    expect(result).toMatchObject({ created: 4, rejected: [] });
  });
});

describe('reading the records', () => {
  const person = () => people[20];
  const MEMBER = (idNumber: string) => `{ member(idNumber: "${idNumber}", purpose: "civil affairs check") {
    socialAssistance { __typename sector kind assistanceKind amount from to externalId recordedBy { name } household { id } } } }`;
  const ours = (body: any) => body.data.member.socialAssistance.map((s: any) => s.externalId).filter((id: string) => id.startsWith('read-')).sort();

  beforeAll(async () => {
    await sync(ASSISTANCE, [ASSISTANCE.valid('read-office', person())]);
    await sync(ASSISTANCE, [{ ...ASSISTANCE.valid('read-township', person()), kind: 'TEMPORARY_ASSISTANCE', amount: '1500.00', from: '2026-05-04' }], {}, officeKey);
  });

  it('shows a civil-affairs office only what it recorded, the poverty office and audit all of their region', async () => {
    expect(ours((await t.gql(OFFICE, MEMBER(person().idNumber))).body)).toEqual(['read-office']);
    expect(ours((await t.gql(officeKey, MEMBER(person().idNumber))).body)).toEqual(['read-township']);
    expect(ours((await t.gql('demo-poverty-office', MEMBER(person().idNumber))).body)).toEqual(['read-office', 'read-township']);
    expect(ours((await t.gql('demo-auditor', MEMBER(person().idNumber))).body)).toEqual(['read-office', 'read-township']);
    const { body } = await t.gql(OFFICE, MEMBER(person().idNumber));
    expect(body.data!.member.socialAssistance).toContainEqual({
      __typename: 'SocialAssistance', sector: 'CIVIL_AFFAIRS', kind: 'SUBSISTENCE_ALLOWANCE', assistanceKind: 'SUBSISTENCE_ALLOWANCE', amount: '200.00',
      from: '2026-01-01', to: null, externalId: 'read-office', recordedBy: { name: expect.stringContaining('民政局') }, household: { id: String(person().householdId) },
    });
  });

  it('is FORBIDDEN to roles outside civil affairs, the poverty office and audit', async () => {
    const [child] = await t.sql<{ idNumber: string }>(
      `select m.id_number as "idNumber" from member m join household h on h.id = m.household_id
        where h.village_code like '430923%' and h.status <> 'REMOVED' and m.birth_date between current_date - interval '15 years' and current_date - interval '8 years' order by m.id limit 1`,
    );
    for (const key of ['demo-education', 'demo-health', 'demo-housing']) {
      const { body } = await t.gql(key, MEMBER(child.idNumber));
      expect(body.errors?.map((e: any) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });

  it('lists the records in household.measures and member.measures, under the type’s row rule', async () => {
    const measures = async (key: string) => {
      const { body } = await t.gql(key, `{ household(id: "${person().householdId}") { measures(sector: CIVIL_AFFAIRS) { __typename externalId } } }`);
      expect(body.errors).toBeUndefined();
      return body.data!.household.measures.map((m: any) => m.externalId).filter((id: string) => id.startsWith('read-')).sort();
    };
    expect(await measures(OFFICE)).toEqual(['read-office']);
    expect(await measures('demo-poverty-office')).toEqual(['read-office', 'read-township']);
  });

  it('is NOT_FOUND for the other county’s office: the member is not in its region', async () => {
    const { body } = await t.gql('demo-civil-affairs-2', MEMBER(person().idNumber));
    expect(body.data?.member ?? null).toBeNull();
  });
});

describe('socialAssistanceMismatches: 低保 for households registered as GENERAL', () => {
  const LIST = `query($after: String) { socialAssistanceMismatches(first: 100, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { externalId assistanceKind household { id category } } } } }`;
  // Every page: the engine's cases above left many 低保 records of GENERAL households.
  const listed = async (key = 'demo-poverty-office') => {
    const edges: any[] = [];
    let after: string | null = null;
    let totalCount = 0;
    do {
      const { body } = await t.gql(key, LIST, { after });
      expect(body.errors).toBeUndefined();
      const page: any = body.data!.socialAssistanceMismatches;
      edges.push(...page.edges);
      totalCount = page.totalCount;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return { edges, totalCount };
  };
  const ours = (list: any) => list.edges.map((e: any) => e.node.externalId).filter((id: string) => id.startsWith('mm-')).sort();

  it('lists a 低保 in force for a GENERAL household, not one for a 低保 household, ended, retracted or of another kind', async () => {
    const [general, allowance] = await Promise.all(
      ['GENERAL', 'SUBSISTENCE_ALLOWANCE'].map(async (category) => {
        const [p] = await t.sql<Person>(peopleSql(`h.village_code like '430923%' and h.status <> 'REMOVED' and h.category = '${category}'`));
        return p;
      }),
    );
    const { result } = await sync(ASSISTANCE, [
      ASSISTANCE.valid('mm-general', general),
      ASSISTANCE.valid('mm-allowance', allowance),
      { ...ASSISTANCE.valid('mm-ended', general), from: '2025-01-01', to: '2025-12-31' },
      ASSISTANCE.valid('mm-retracted', general),
      { ...ASSISTANCE.valid('mm-temporary', general), kind: 'TEMPORARY_ASSISTANCE', amount: '900.00' },
    ]);
    expect(result.rejected).toEqual([]);
    await retract(ASSISTANCE, ['mm-retracted']);
    const list = await listed();
    expect(ours(list)).toEqual(['mm-general']);
    expect(list.edges.find((e: any) => e.node.externalId === 'mm-general').node).toMatchObject({ assistanceKind: 'SUBSISTENCE_ALLOWANCE', household: { category: 'GENERAL' } });
    expect(list.totalCount).toBe(list.edges.length);
    expect(ours(await listed('demo-auditor'))).toEqual(['mm-general']);
    expect(ours(await listed('demo-poverty-office-2'))).toEqual([]);
  });

  it('is FORBIDDEN to civil affairs and every other partner', async () => {
    for (const key of [OFFICE, 'demo-housing', 'demo-finance']) {
      const { body } = await t.gql(key, LIST, { after: null });
      expect(body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('pages in statements that do not grow with the page', async () => {
    const counted = async (n: number) => (await statementsOf(t, 'demo-poverty-office', `{ socialAssistanceMismatches(first: ${n}) { edges { node { id household { id } member { name } } } } }`)).statements;
    expect(await counted(50)).toBe(await counted(2));
  });
});

describe('the demo data', () => {
  it('holds the office’s records of every kind, which its own rules accept sent again unchanged, and 低保 mismatches', async () => {
    const records = await t.sql<Record<string, unknown>>(`select r.external_id as "externalId", m.id_number as "idNumber", r.kind, (r.amount_fen / 100.0)::numeric(12, 2)::text as amount,
        r.date::text as "from", r.valid_until::text as "to"
      from social_assistance r join member m on m.id = r.member_id join household h on h.id = r.household_id
      where r.external_id like 'DEMO-%' and r.village_code like '430923%' and h.status <> 'REMOVED' order by r.id limit 1000`);
    expect(new Set(records.map((r) => r.kind))).toEqual(new Set(['SUBSISTENCE_ALLOWANCE', 'EXTREME_POVERTY_SUPPORT', 'TEMPORARY_ASSISTANCE', 'DISABILITY_LIVING_SUBSIDY', 'SEVERE_DISABILITY_CARE_SUBSIDY']));
    const { result, errors } = await sync(ASSISTANCE, records);
    expect(errors).toBeUndefined();
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: records.length, rejected: [] });
    const [{ n }] = await t.sql<{ n: number }>(`select count(*)::int as n from social_assistance s join household h on h.id = s.household_id
      where s.external_id like 'DEMO-%' and s.kind = 'SUBSISTENCE_ALLOWANCE' and h.category = 'GENERAL'`);
    expect(n).toBeGreaterThan(0);
  });
});
