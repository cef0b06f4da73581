import { firstListedBy, startTestApp, statementsOf, type TestApp } from '../../test/harness';

/**
 * household.measureTotals (src/sync/measures.ts): per household, by sector and year, the records
 * each role may read added up under each type's own row rule, for every sector the modules
 * declare; one statement per list level. And AssistanceMeasure.id, unique across the sectors.
 */
let t: TestApp;
let household: number;
let idNumber: string;
let townshipOffice: string;

/** Every sector's record tables the demo data fills, emptied for the household tested so that its totals are this file's. */
const RECORD_TABLES = ['student_aid', 'enrolment', 'insurance_enrolment', 'medical_claim', 'family_doctor_contract', 'social_assistance', 'housing_measure', 'micro_loan'];

beforeAll(async () => {
  t = await startTestApp({ households: 60 });
  [{ household_id: household, id_number: idNumber }] = await t.sql<{ household_id: number; id_number: string }>(
    `select m.household_id, m.id_number from member m join household h on h.id = m.household_id
      where h.village_code like '430923%' and h.status <> 'REMOVED' order by m.id limit 1`,
  );
  for (const table of RECORD_TABLES) await t.sql(`delete from ${table} where household_id = ?`, [household]);
  const { body } = await t.gql('demo-poverty-office', `mutation { registerOrganisation(input: { name: "测试乡民政办", role: CIVIL_AFFAIRS, scopes: ["430923"] }) { key } }`);
  townshipOffice = body.data!.registerOrganisation.key;
  const assistance = (externalId: string, kind: string, amount: string, from: string) => `{ externalId: "${externalId}", idNumber: "${idNumber}", kind: ${kind}, amount: "${amount}", from: "${from}" }`;
  const writes: [string, string][] = [
    ['demo-civil-affairs', `recordSocialAssistance(records: [${assistance('t-1', 'SUBSISTENCE_ALLOWANCE', '200.00', '2026-01-01')}, ${assistance('t-2', 'TEMPORARY_ASSISTANCE', '1500.50', '2026-03-01')},
      ${assistance('t-3', 'SUBSISTENCE_ALLOWANCE', '180.00', '2025-01-01')}, ${assistance('t-retracted', 'TEMPORARY_ASSISTANCE', '999.00', '2026-04-01')}])`],
    [townshipOffice, `recordSocialAssistance(records: [${assistance('t-4', 'TEMPORARY_ASSISTANCE', '300.00', '2026-06-01')}])`],
    ['demo-health', `recordInsuranceEnrolments(records: [{ externalId: "t-5", idNumber: "${idNumber}", year: 2026, scheme: BASIC, premium: "380.00", governmentPaid: "380.00", enrolledOn: "2025-11-20" }])
      recordFamilyDoctorContracts(records: [{ externalId: "t-6", idNumber: "${idNumber}", team: "测试团队", signedOn: "2026-01-10", validUntil: "2026-12-31" }])`],
    ['demo-civil-affairs', `retractSocialAssistance(externalIds: ["t-retracted"], reason: "错录 recorded in error")`],
  ];
  for (const [key, mutation] of writes) {
    const { body: written } = await t.gql(key, `mutation { ${mutation.includes('retract') ? mutation.replace(')', ') { retracted }') : mutation.replace(/\]\)/g, ']) { created }')} }`);
    expect(written.errors).toBeUndefined();
  }
}, 120_000);
afterAll(() => t.close());

const totals = async (key: string, args = '', of = household) => {
  const { body } = await t.gql(key, `{ household(id: "${of}") { measureTotals${args} { sector year amount count } } }`);
  expect(body.errors).toBeUndefined();
  return body.data!.household?.measureTotals;
};

describe('household.measureTotals', () => {
  it('adds up every sector’s records by year for the poverty office and audit, retracted ones left out', async () => {
    const expected = [
      // Earliest year first, then by sector; the insurance enrolment is dated by enrolment (2025), the contract has no amount and counts.
      { sector: 'CIVIL_AFFAIRS', year: 2025, amount: '180.00', count: 1 },
      { sector: 'HEALTH', year: 2025, amount: '380.00', count: 1 },
      { sector: 'CIVIL_AFFAIRS', year: 2026, amount: '2000.50', count: 3 },
      { sector: 'HEALTH', year: 2026, amount: '0.00', count: 1 },
    ];
    expect(await totals('demo-poverty-office')).toEqual(expected);
    expect(await totals('demo-auditor')).toEqual(expected);
    expect(await totals('demo-poverty-office', '(year: 2026)')).toEqual(expected.filter((e) => e.year === 2026));
  });

  it('adds for a partner only what it may read: its own records of its own sector’s types', async () => {
    expect(await totals('demo-civil-affairs')).toEqual([
      { sector: 'CIVIL_AFFAIRS', year: 2025, amount: '180.00', count: 1 },
      { sector: 'CIVIL_AFFAIRS', year: 2026, amount: '1700.50', count: 2 },
    ]);
    expect(await totals(townshipOffice)).toEqual([{ sector: 'CIVIL_AFFAIRS', year: 2026, amount: '300.00', count: 1 }]);
    // Insurance and contracts are every health organisation's of the region (their row rule), so the bureau's totals hold them.
    expect(await totals('demo-health')).toEqual([
      { sector: 'HEALTH', year: 2025, amount: '380.00', count: 1 },
      { sector: 'HEALTH', year: 2026, amount: '0.00', count: 1 },
    ]);
    expect(await totals('demo-education')).toEqual([]);
  });

  // Every role that reads households now reads some sector's records (banks their own loans), so none is refused the field.
  it('adds for a bank only its own loans: none of the other sectors’ records', async () => {
    // Not its borrower: the household is not there for the bank at all.
    expect(await totals('demo-finance')).toBeUndefined();
    const { householdId } = await firstListedBy(t, 'demo-finance');
    const own = await totals('demo-finance', '', householdId);
    expect(own.length).toBeGreaterThan(0);
    expect(own.filter((total: { sector: string }) => total.sector !== 'FINANCE')).toEqual([]);
  });

  it('reads a page of households’ totals in statements that do not grow with the page', async () => {
    const counted = async (n: number) => (await statementsOf(t, 'demo-poverty-office', `{ households(first: ${n}) { edges { node { measureTotals(year: 2026) { sector amount } } } } }`)).statements;
    expect(await counted(40)).toBe(await counted(3));
  });
});

describe('AssistanceMeasure.id', () => {
  it('is unique across sectors: two records of one key in their own tables have two ids, each naming its type, the same wherever they are read', async () => {
    // Each table's keys are its own serial, so two sectors' records come to share one; here at once.
    const [{ key }] = await t.sql<{ key: number }>(`select greatest((select max(id) from social_assistance), (select max(id) from insurance_enrolment)) + 1 as key`);
    await t.sql(`update social_assistance set id = ? where household_id = ? and external_id = 't-1'`, [key, household]);
    await t.sql(`update insurance_enrolment set id = ? where household_id = ? and external_id = 't-5'`, [key, household]);
    const { body } = await t.gql('demo-poverty-office', `{ household(id: "${household}") {
      measures { __typename id externalId }
      members { measures { id } socialAssistance { id } insuranceEnrolments { id } }
      assurance(year: 2026) { items { item evidence { source } } } } }`);
    expect(body.errors).toBeUndefined();
    const { measures, members, assurance } = body.data!.household;
    expect(measures).toContainEqual({ __typename: 'SocialAssistance', id: `SocialAssistance:${key}`, externalId: 't-1' });
    expect(measures).toContainEqual({ __typename: 'InsuranceEnrolment', id: `InsuranceEnrolment:${key}`, externalId: 't-5' });
    expect(new Set(measures.map((m: any) => m.id)).size).toBe(measures.length);
    for (const m of measures) expect(m.id).toMatch(new RegExp(`^${m.__typename}:[1-9]\\d*$`));
    // A sector's own fields and the member's measures answer the same ids, and the exit test cites the record by it.
    const ids = new Set(measures.map((m: any) => m.id));
    const own = members.flatMap((m: any) => [...m.measures, ...m.socialAssistance, ...m.insuranceEnrolments].map((r: any) => r.id));
    expect(own).toContain(`SocialAssistance:${key}`);
    expect(own.filter((id: string) => !ids.has(id))).toEqual([]);
    const medical = assurance.items.find((i: any) => i.item === 'MEDICAL_INSURANCE');
    expect(medical.evidence.map((e: any) => e.source)).toContain(`InsuranceEnrolment:${key} (t-5)`);
  });
});
