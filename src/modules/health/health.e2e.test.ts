import { composeIdNumber } from '../../kernel/id-number';
import { describeBatchSync, fen, sectorPeople, syncClient, type Person, type SyncCase, type SyncWorld } from '../../../test/batch-sync-cases';
import { firstListedBy, startTestApp, statementsOf, type TestApp } from '../../../test/harness';

/**
 * The health sector's three batch mutations over HTTP on real PostgreSQL: what the engine does
 * for every sector is run for each (test/batch-sync-cases.ts), then each kind's own rules, who
 * reads what, the demo data and the exit test's basic-medical item.
 */
let t: TestApp;
let people: Person[];
let removed: Person;
let elsewhere: Person;
let hospitalKey: string;

const BUREAU = 'demo-health';

beforeAll(async () => {
  t = await startTestApp({ households: 200 });
  ({ people, removed, elsewhere, sameCounty: hospitalKey } = await sectorPeople(t, 'HEALTH', '测试县人民医院'));
  expect(people.length).toBeGreaterThan(100);
}, 120_000);
afterAll(() => t.close());


const KINDS: SyncCase[] = [
  {
    sync: 'recordInsuranceEnrolments',
    retract: 'retractInsuranceEnrolments',
    input: 'InsuranceEnrolmentRecord',
    table: 'insurance_enrolment',
    entity: 'InsuranceEnrolment',
    dateField: 'enrolledOn',
    valid: (externalId, p, change = 0) => ({ externalId, idNumber: p.idNumber, year: 2026, scheme: 'BASIC', premium: `${380 + change}.00`, governmentPaid: '200.00', enrolledOn: '2025-11-20' }),
    amount: (r) => fen(r.premium),
  },
  {
    sync: 'postMedicalClaims',
    retract: 'retractMedicalClaims',
    input: 'MedicalClaimRecord',
    table: 'medical_claim',
    entity: 'MedicalClaim',
    dateField: 'dischargedOn',
    valid: (externalId, p, change = 0) => ({
      externalId, idNumber: p.idNumber, hospital: '测试县人民医院', setting: 'INPATIENT', admittedOn: '2026-03-01', dischargedOn: '2026-03-08',
      totalCost: `${5000 + change}.00`, eligibleCost: '4500.00', basicInsurance: '3200.00', criticalIllnessInsurance: '600.00', medicalAssistance: '500.00',
      supplementaryInsurance: '300.00', outOfPocket: `${400 + change}.00`, oneStopSettlement: true,
    }),
    amount: (r) => fen(r.totalCost),
  },
  {
    sync: 'recordFamilyDoctorContracts',
    retract: 'retractFamilyDoctorContracts',
    input: 'FamilyDoctorContractRecord',
    table: 'family_doctor_contract',
    entity: 'FamilyDoctorContract',
    dateField: 'signedOn',
    valid: (externalId, p, change = 0) => ({ externalId, idNumber: p.idNumber, team: '测试乡卫生院第一团队', signedOn: '2026-01-10', validUntil: `2026-12-${30 + change}` }),
    amount: () => 0,
  },
];

const world = (): SyncWorld => ({
  t, people, removed, elsewhere, unknownIdNumber: composeIdNumber('430923', '1965-05-05', 997),
  key: BUREAU, sameCounty: hospitalKey, otherCounty: 'demo-health-2', forbidden: ['demo-education', 'demo-poverty-office', 'demo-auditor'],
});
const { sync, retract } = syncClient(world);

describeBatchSync(world, KINDS);

const [enrolment, claim, contract] = KINDS;

describe('the health sector’s rules', () => {
  it('recordInsuranceEnrolments refuses a government part above the premium and a year the enrolment is not for', async () => {
    const { result } = await sync(enrolment, [
      { ...enrolment.valid('rule-gov', people[16]), governmentPaid: '380.01' },
      { ...enrolment.valid('rule-year', people[16]), year: 2024 },
    ]);
    expect(result.rejected.map((r: any) => [r.externalId, r.code, r.field])).toEqual([
      ['rule-gov', 'INVALID', 'governmentPaid'],
      ['rule-year', 'INVALID', 'year'],
    ]);
  });

  it('postMedicalClaims refuses parts that do not add up to the total, eligible above total and a discharge before admission', async () => {
    const { result } = await sync(claim, [
      { ...claim.valid('rule-sum', people[16]), outOfPocket: '400.01' },
      { ...claim.valid('rule-eligible', people[16]), eligibleCost: '5000.01' },
      { ...claim.valid('rule-dates', people[16]), admittedOn: '2026-03-09' },
    ]);
    expect(result.rejected.map((r: any) => [r.externalId, r.code, r.field])).toEqual([
      ['rule-sum', 'INVALID', 'totalCost'],
      ['rule-eligible', 'INVALID', 'eligibleCost'],
      ['rule-dates', 'INVALID', 'dischargedOn'],
    ]);
    expect(result.rejected[0].message).toContain('add up to 5000.01, not the total 5000.00');
  });

  it('recordFamilyDoctorContracts refuses a contract valid until before it was signed', async () => {
    const { result } = await sync(contract, [{ ...contract.valid('rule-until', people[16]), validUntil: '2026-01-09' }]);
    expect(result.rejected.map((r: any) => [r.externalId, r.code, r.field])).toEqual([['rule-until', 'INVALID', 'validUntil']]);
  });
});

describe('reading the records', () => {
  const MEMBER = (idNumber: string) => `{ member(idNumber: "${idNumber}", purpose: "health record check") {
    insuranceEnrolments { __typename sector kind year scheme premium governmentPaid externalId recordedBy { name } member { name } }
    medicalClaims { __typename sector kind externalId amount hospital totalCost outOfPocket outOfPocketShare outOfPocketAboveLimit oneStopSettlement dischargedOn admittedOn household { number } }
    familyDoctorContracts { __typename kind team signedOn validUntil }
  } }`;
  const person = () => people[17];
  const read = async (key: string): Promise<any> => (await t.gql(key, MEMBER(person().idNumber))).body;

  beforeAll(async () => {
    await sync(enrolment, [enrolment.valid('read-ins', person())]);
    await sync(claim, [claim.valid('read-claim-bureau', person())]);
    await sync(contract, [contract.valid('read-fd', person())]);
    // The hospital's own claim: 600 out of pocket of 4,500 eligible, above the 10 % limit.
    const own = { ...claim.valid('read-claim-hospital', person()), outOfPocket: '600.00', supplementaryInsurance: '100.00' };
    expect((await sync(claim, [own], {}, hospitalKey)).result.created).toBe(1);
  });

  const claimsOf = (body: any) => body.data.member.medicalClaims.map((c: any) => c.externalId).filter((id: string) => id.startsWith('read-')).sort();

  it('shows a hospital and the bureau only the claims each posted, the poverty office and audit all of their region', async () => {
    expect(claimsOf(await read(BUREAU))).toEqual(['read-claim-bureau']);
    expect(claimsOf(await read(hospitalKey))).toEqual(['read-claim-hospital']);
    expect(claimsOf(await read('demo-poverty-office'))).toEqual(['read-claim-bureau', 'read-claim-hospital']);
    expect(claimsOf(await read('demo-auditor'))).toEqual(['read-claim-bureau', 'read-claim-hospital']);
  });

  it('shows every health organisation of the region the member’s insurance and family-doctor contracts, whoever recorded them', async () => {
    const body = await read(hospitalKey);
    expect(body.errors).toBeUndefined();
    expect(body.data.member.insuranceEnrolments).toContainEqual(expect.objectContaining({
      __typename: 'InsuranceEnrolment', sector: 'HEALTH', kind: 'BASIC', year: 2026, premium: '380.00', governmentPaid: '200.00', externalId: 'read-ins',
      recordedBy: { name: expect.stringContaining('医疗保障局') },
    }));
    expect(body.data.member.familyDoctorContracts).toContainEqual({ __typename: 'FamilyDoctorContract', kind: 'FAMILY_DOCTOR', team: '测试乡卫生院第一团队', signedOn: '2026-01-10', validUntil: '2026-12-30' });
  });

  it('computes the out-of-pocket share of eligible cost and flags it above 10 %', async () => {
    const claims = (await read('demo-poverty-office')).data.member.medicalClaims;
    expect(claims.find((c: any) => c.externalId === 'read-claim-bureau')).toMatchObject({
      __typename: 'MedicalClaim', sector: 'HEALTH', kind: 'INPATIENT', amount: '5000.00', outOfPocketShare: 400 / 4500, outOfPocketAboveLimit: false, oneStopSettlement: true, dischargedOn: '2026-03-08', admittedOn: '2026-03-01',
    });
    expect(claims.find((c: any) => c.externalId === 'read-claim-hospital')).toMatchObject({ outOfPocketShare: 600 / 4500, outOfPocketAboveLimit: true });
  });

  it('is FORBIDDEN to roles outside health, the poverty office and audit', async () => {
    // A child, whom the education bureau sees (its row rule on members is school age).
    const [child] = await t.sql<{ idNumber: string }>(
      `select m.id_number as "idNumber" from member m join household h on h.id = m.household_id
        where h.village_code like '430923%' and h.status <> 'REMOVED' and m.birth_date between current_date - interval '15 years' and current_date - interval '8 years' order by m.id limit 1`,
    );
    // A bank sees only its borrowers: one of them.
    const borrower = await firstListedBy(t, 'demo-finance');
    for (const [key, idNumber] of [['demo-education', child.idNumber], ['demo-finance', borrower.idNumber]]) {
      const { body } = await t.gql(key, MEMBER(idNumber));
      expect(body.errors?.map((e: any) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    }
  });

  it('lists the records in member.measures and household.measures beside education’s, each under its own type’s row rule', async () => {
    const measures = async (key: string, args = '') => {
      const { body } = await t.gql(key, `{ member(idNumber: "${person().idNumber}", purpose: "health record check") { measures${args} { __typename externalId } }
        household(id: "${person().householdId}") { measures${args} { __typename externalId } } }`);
      expect(body.errors).toBeUndefined();
      const ours = (list: any[]) => list.filter((m) => m.externalId.startsWith('read-')).map((m) => m.externalId).sort();
      expect(ours(body.data!.household.measures)).toEqual(ours(body.data!.member.measures));
      return ours(body.data!.member.measures);
    };
    // The hospital lists the insurance and contract every health organisation reads, and only its own claim.
    expect(await measures(hospitalKey)).toEqual(['read-claim-hospital', 'read-fd', 'read-ins']);
    expect(await measures(BUREAU)).toEqual(['read-claim-bureau', 'read-fd', 'read-ins']);
    expect(await measures('demo-poverty-office')).toEqual(['read-claim-bureau', 'read-claim-hospital', 'read-fd', 'read-ins']);
    expect(await measures('demo-poverty-office', '(sector: HEALTH, from: "2026-01-01", to: "2026-01-31")')).toEqual(['read-fd']);
    // A household with the demo bureau's enrolments: the health bureau lists none of them (it may not read their type), the poverty office does.
    const [pupil] = await t.sql<{ household_id: number }>(`select household_id from enrolment where village_code like '430923%' order by id limit 1`);
    const sectors = async (key: string) => {
      const { body } = await t.gql(key, `{ household(id: "${pupil.household_id}") { measures { sector } } }`);
      expect(body.errors).toBeUndefined();
      return [...new Set(body.data!.household.measures.map((m: any) => m.sector))];
    };
    expect(await sectors(BUREAU)).not.toContain('EDUCATION');
    expect(await sectors('demo-poverty-office')).toContain('EDUCATION');
    expect(await sectors('demo-education')).toEqual(['EDUCATION']);
  });

  // Every role that reads households now reads some sector's records (a bank its own loans), so none is refused the field.
  it('lists to a bank its own loans only, none of the health records', async () => {
    // The bank's borrowers' households, some of them with health records.
    const { body } = await t.gql('demo-finance', '{ households(first: 50) { edges { node { id measures { sector } } } } }');
    expect(body.errors).toBeUndefined();
    const households = body.data!.households.edges.map((e: any) => e.node);
    const [insured] = await t.sql<{ n: number }>('select count(*)::int as n from insurance_enrolment where household_id = any(?::int[])', [`{${households.map((h: any) => h.id).join(',')}}`]);
    expect(insured.n).toBeGreaterThan(0);
    expect(households.flatMap((h: any) => h.measures).filter((m: any) => m.sector !== 'FINANCE')).toEqual([]);
  });

  it('is NOT_FOUND for the other county’s health bureau: the member is not in its region', async () => {
    const body = await read('demo-health-2');
    expect(body.data?.member ?? null).toBeNull();
  });

  it('reads the records of a page of households’ members in statements that do not grow with the page', async () => {
    const query = (n: number) => `{ households(first: ${n}) { edges { node { members { insuranceEnrolments { id } medicalClaims { id } familyDoctorContracts { id } } } } } }`;
    const counted = async (n: number) => (await statementsOf(t, 'demo-poverty-office', query(n))).statements;
    expect(await counted(50)).toBe(await counted(5));
  });
});

describe('the demo data', () => {
  const yuan = (column: string) => `(${column} / 100.0)::numeric(12, 2)::text`;
  const demo = (from: string, select: string) =>
    t.sql<Record<string, unknown>>(`select r.external_id as "externalId", m.id_number as "idNumber", ${select}
      from ${from} r join member m on m.id = r.member_id join household h on h.id = r.household_id
      where r.external_id like 'DEMO-%' and r.village_code like '430923%' and h.status <> 'REMOVED' order by r.id limit 500`);

  it('holds the bureau’s enrolments, claims and contracts, which its own rules accept sent again unchanged', async () => {
    const sent: [SyncCase, Record<string, unknown>[]][] = [
      [enrolment, await demo('insurance_enrolment', `r.year, r.scheme, ${yuan('r.amount_fen')} as premium, ${yuan('r.government_paid_fen')} as "governmentPaid", r.date::text as "enrolledOn"`)],
      [claim, await demo('medical_claim', `r.hospital, r.setting, r.admitted_on::text as "admittedOn", r.date::text as "dischargedOn", ${yuan('r.amount_fen')} as "totalCost",
        ${yuan('r.eligible_fen')} as "eligibleCost", ${yuan('r.basic_fen')} as "basicInsurance", ${yuan('r.critical_illness_fen')} as "criticalIllnessInsurance",
        ${yuan('r.assistance_fen')} as "medicalAssistance", ${yuan('r.supplementary_fen')} as "supplementaryInsurance", ${yuan('r.out_of_pocket_fen')} as "outOfPocket", r.one_stop as "oneStopSettlement"`)],
      [contract, await demo('family_doctor_contract', `r.team, r.date::text as "signedOn", r.valid_until::text as "validUntil"`)],
    ];
    for (const [kind, records] of sent) {
      expect(records.length).toBeGreaterThan(5);
      const { result, errors } = await sync(kind, records);
      expect(errors).toBeUndefined();
      expect(result).toMatchObject({ created: 0, updated: 0, unchanged: records.length, rejected: [] });
    }
    const [{ flagged }] = await t.sql<{ flagged: number }>(`select count(*)::int as flagged from medical_claim where external_id like 'DEMO-%' and out_of_pocket_fen * 10 > eligible_fen`);
    expect(flagged).toBeGreaterThan(0);
  });
});

describe('household.assurance: basic medical insurance rests on insurance enrolments', () => {
  it('takes a member’s BASIC enrolment for the year tested as the evidence, with the record and department, over the registry’s flag', async () => {
    const person = people[30];
    const [{ name }] = await t.sql<{ name: string }>('select name from member where id = ?', [person.memberId]);
    await t.sql('delete from insurance_enrolment where household_id = ?', [person.householdId]);
    await t.sql('update member set medical_insurance = (id <> ?) where household_id = ?', [person.memberId, person.householdId]);
    const item = async (year: number) => {
      const { body } = await t.gql('demo-poverty-office', `{ household(id: "${person.householdId}") { assurance(year: ${year}) { items { item verdict evidence { source department detail } } } } }`);
      expect(body.errors).toBeUndefined();
      return body.data!.household.assurance.items.find((i: any) => i.item === 'MEDICAL_INSURANCE');
    };
    expect((await item(2026)).verdict).toBe('NOT_MET');

    const basic = { ...enrolment.valid('assurance-basic', person), governmentPaid: '380.00' };
    await sync(enrolment, [basic, { ...enrolment.valid('assurance-critical', person), scheme: 'CRITICAL_ILLNESS' }], {}, hospitalKey);
    const insured = await item(2026);
    expect(insured.verdict).toBe('MET');
    expect(insured.evidence[0].detail).toMatch(/insurance enrolments for the others$/);
    expect(insured.evidence.slice(1)).toEqual([{ source: expect.stringContaining('(assurance-basic)'), department: '测试县人民医院 (医保 health)', detail: `${name}: in basic medical insurance for 2026` }]);
    // Another year's test does not take this year's enrolment.
    expect((await item(2025)).verdict).toBe('NOT_MET');

    await retract(enrolment, ['assurance-basic'], '错录 recorded in error', hospitalKey);
    expect((await item(2026)).verdict).toBe('NOT_MET');
  });
});
