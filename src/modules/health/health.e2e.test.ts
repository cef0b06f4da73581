import { arrayLiteral } from '../../db/array-literal';
import { composeIdNumber } from '../../kernel/id-number';
import { startTestApp, type TestApp } from '../../../test/harness';
import { PERSON_NOT_FOUND } from '../../sync/sync.engine';

/**
 * The health sector's three batch mutations over HTTP on real PostgreSQL: what the engine does
 * for every sector is run for each (describe.each), then each kind's own rules and who reads what.
 */
let t: TestApp;
type Person = { idNumber: string; memberId: number; householdId: number };
let people: Person[];
let removed: Person;
let elsewhere: Person;
let hospitalKey: string;

const RESULT = 'created updated unchanged retracted discarded replayed rejected { index externalId field code message }';
const BUREAU = 'demo-health';

const peopleSql = (where: string) => `select m.id_number as "idNumber", m.id as "memberId", m.household_id as "householdId"
  from member m join household h on h.id = m.household_id where ${where} order by m.id`;

beforeAll(async () => {
  t = await startTestApp({ households: 200 });
  people = await t.sql<Person>(peopleSql(`h.village_code like '430923%' and h.status <> 'REMOVED'`));
  [elsewhere] = await t.sql<Person>(peopleSql(`h.village_code not like '430923%'`));
  removed = people.pop()!;
  await t.sql(`update household set status = 'REMOVED' where id = ?`, [removed.householdId]);
  people = people.filter((p) => p.householdId !== removed.householdId);
  const { body } = await t.gql('demo-poverty-office', `mutation { registerOrganisation(input: { name: "测试县人民医院", role: HEALTH, scopes: ["430923"] }) { key } }`);
  hospitalKey = body.data!.registerOrganisation.key;
  expect(people.length).toBeGreaterThan(100);
}, 120_000);
afterAll(() => t.close());

type Kind = {
  sync: string;
  retract: string;
  input: string;
  table: string;
  entity: string;
  dateField: string;
  valid: (externalId: string, person: Person, change?: number) => Record<string, unknown>;
  amount: (record: Record<string, unknown>) => number;
};

const fen = (yuan: unknown) => Math.round(Number(yuan) * 100);

const KINDS: Kind[] = [
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

const syncText = (k: Kind) => `mutation($records: [${k.input}!]!, $batchId: String, $atomic: Boolean, $dryRun: Boolean, $expectedCount: Int, $expectedAmount: Money) {
  ${k.sync}(records: $records, batchId: $batchId, atomic: $atomic, dryRun: $dryRun, expectedCount: $expectedCount, expectedAmount: $expectedAmount) { ${RESULT} } }`;

async function sync(k: Kind, records: Record<string, unknown>[], options: Record<string, unknown> = {}, key = BUREAU) {
  const { body } = await t.gql(key, syncText(k), { records, ...options });
  return { result: body.data?.[k.sync], errors: body.errors };
}

async function retract(k: Kind, externalIds: string[], reason = '冲正 reversed claim', key = BUREAU) {
  const { body } = await t.gql(key, `mutation($ids: [String!]!, $reason: String!) { ${k.retract}(externalIds: $ids, reason: $reason) { ${RESULT} } }`, { ids: externalIds, reason });
  return { result: body.data?.[k.retract], errors: body.errors };
}

const held = (k: Kind, externalIds: string[]) =>
  t.sql<{ external_id: string; retracted_at: string | null; retraction_reason: string | null }>(`select * from ${k.table} where external_id = any(?::text[]) order by external_id`, [arrayLiteral(externalIds)]);
const auditOf = (k: Kind, externalId: string) =>
  t.sql<{ operation: string; before: any; after: any }>(`select a.operation, a.before, a.after from audit_entry a join ${k.table} r on a.entity_id = r.id::text and a.entity = ? where r.external_id = ? order by a.id`, [k.entity, externalId]);

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
const counts = (r: any) => ({ created: r.created, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected.length });

describe.each(KINDS)('$sync: the batch-sync engine', (k) => {
  const p = k.table;

  it('creates, leaves an unchanged re-send alone, and updates a changed record with its audit before and after', async () => {
    const records = ids(`${p}-c`, 3).map((id, i) => k.valid(id, people[i]));
    expect(counts((await sync(k, records)).result)).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect(await held(k, ids(`${p}-c`, 3))).toHaveLength(3);
    expect((await auditOf(k, `${p}-c-0`))[0]).toMatchObject({ operation: k.sync, before: null });
    expect(counts((await sync(k, records)).result)).toEqual({ created: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(await auditOf(k, `${p}-c-0`)).toHaveLength(1);
    const changed = [k.valid(`${p}-c-0`, people[0], 1), ...records.slice(1)];
    expect(counts((await sync(k, changed)).result)).toEqual({ created: 0, updated: 1, unchanged: 2, rejected: 0 });
    const [, update] = await auditOf(k, `${p}-c-0`);
    expect(update.operation).toBe(k.sync);
    expect(update.before).not.toEqual(update.after);
    expect(update.before.id).toBe(update.after.id);
  });

  it('answers NOT_FOUND in the same words for an unknown, a removed and an out-of-county person, and keeps the valid records', async () => {
    const unknown = { ...people[0], idNumber: composeIdNumber('430923', '1965-05-05', 997) };
    const records = [k.valid(`${p}-nf-0`, unknown), k.valid(`${p}-nf-1`, removed), k.valid(`${p}-nf-2`, elsewhere), k.valid(`${p}-nf-3`, people[3])];
    const { result } = await sync(k, records);
    expect(result.created).toBe(1);
    expect(result.rejected.map((r: any) => [r.index, r.code, r.field, r.message])).toEqual([0, 1, 2].map((i) => [i, 'NOT_FOUND', 'idNumber', PERSON_NOT_FOUND]));
    const { result: other } = await sync(k, [k.valid(`${p}-nf-x`, people[3])], {}, 'demo-health-2');
    expect(other.rejected).toEqual([{ index: 0, externalId: `${p}-nf-x`, field: 'idNumber', code: 'NOT_FOUND', message: PERSON_NOT_FOUND }]);
  });

  it('refuses a duplicate externalId, a failing ID number and a date in the future, each by its field', async () => {
    const last = people[4].idNumber.at(-1) === '0' ? '1' : '0';
    const bad = { ...k.valid(`${p}-r-1`, people[4]), idNumber: people[4].idNumber.slice(0, 17) + last };
    const future = { ...k.valid(`${p}-r-2`, people[5]), [k.dateField]: '2099-01-01' };
    const { result } = await sync(k, [k.valid(`${p}-r-0`, people[4]), k.valid(`${p}-r-0`, people[6]), bad, future]);
    expect(result.created).toBe(1);
    expect(result.rejected.map((r: any) => [r.index, r.code, r.field])).toEqual([[1, 'DUPLICATE', 'externalId'], [2, 'INVALID', 'idNumber'], [3, 'INVALID', k.dateField]]);
  });

  it('keeps nothing of an atomic batch with a refused record', async () => {
    const { result } = await sync(k, [k.valid(`${p}-a-0`, people[7]), k.valid(`${p}-a-1`, removed)], { atomic: true });
    expect(result).toMatchObject({ created: 0, discarded: true });
    expect(result.rejected).toHaveLength(1);
    expect(await held(k, [`${p}-a-0`])).toHaveLength(0);
  });

  it('reports a dry run as if written and writes nothing, audit included', async () => {
    await sync(k, [k.valid(`${p}-d-0`, people[8])]);
    const [{ n: entries }] = await t.sql<{ n: number }>('select count(*)::int as n from audit_entry');
    const { result } = await sync(k, [k.valid(`${p}-d-0`, people[8], 1), k.valid(`${p}-d-1`, people[9])], { dryRun: true });
    expect(result).toMatchObject({ created: 1, updated: 1, discarded: true });
    expect(await held(k, [`${p}-d-1`])).toHaveLength(0);
    expect((await t.sql<{ n: number }>('select count(*)::int as n from audit_entry'))[0].n).toBe(entries);
  });

  it('answers a batchId sent again with the first run’s stored result and writes nothing', async () => {
    const batchId = `${p}-batch-1`;
    const first = await sync(k, [k.valid(`${p}-b-0`, people[10])], { batchId });
    expect(first.result).toMatchObject({ created: 1, replayed: false });
    const again = await sync(k, [k.valid(`${p}-b-0`, people[10], 1), k.valid(`${p}-b-1`, people[11])], { batchId });
    expect(again.result).toEqual({ ...first.result, replayed: true });
    expect(await held(k, [`${p}-b-1`])).toHaveLength(0);
    const other = KINDS.find((o) => o !== k)!;
    expect((await sync(other, [other.valid(`${p}-b-2`, people[11])], { batchId })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses the whole batch when a control total disagrees, or it holds over 1,000 records or a malformed one', async () => {
    const records = [k.valid(`${p}-t-0`, people[12]), k.valid(`${p}-t-1`, people[13])];
    const total = records.reduce((sum, r) => sum + k.amount(r), 0);
    const refusals = [
      await sync(k, records, { expectedCount: 3 }),
      await sync(k, records, { expectedAmount: `${(total + 1) / 100}` }),
      await sync(k, ids(`${p}-big`, 1001).map((id) => k.valid(id, people[0]))),
      await sync(k, [...records, { ...k.valid(`${p}-t-2`, people[0]), externalId: 'bad id, with "quotes"' }]),
    ];
    for (const r of refusals) expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await held(k, [`${p}-t-0`, `${p}-t-1`])).toHaveLength(0);
    expect((await sync(k, records, { expectedCount: 2, expectedAmount: (total / 100).toFixed(2) })).result.created).toBe(2);
  });

  it('retracts records with a reason, audited; again is unchanged, an unknown id NOT_FOUND; sent again, a record is restored', async () => {
    await sync(k, [k.valid(`${p}-x-0`, people[14])]);
    const { result } = await retract(k, [`${p}-x-0`, `${p}-x-unknown`]);
    expect(result).toMatchObject({ retracted: 1, unchanged: 0 });
    expect(result.rejected).toEqual([{ index: 1, externalId: `${p}-x-unknown`, field: 'externalIds', code: 'NOT_FOUND', message: 'You hold no record with this externalId' }]);
    const [row] = await held(k, [`${p}-x-0`]);
    expect(row.retraction_reason).toBe('冲正 reversed claim');
    expect((await auditOf(k, `${p}-x-0`)).at(-1)).toMatchObject({ operation: k.retract, before: { retracted_at: null }, after: { retraction_reason: '冲正 reversed claim' } });
    expect((await retract(k, [`${p}-x-0`])).result).toMatchObject({ retracted: 0, unchanged: 1 });
    // Another organisation of the same county cannot retract the bureau's record: it holds none by that id.
    expect((await retract(k, [`${p}-c-1`], 'not ours', hospitalKey)).result.rejected[0].code).toBe('NOT_FOUND');
    expect((await sync(k, [k.valid(`${p}-x-0`, people[14])])).result).toMatchObject({ updated: 1 });
    expect((await held(k, [`${p}-x-0`]))[0].retracted_at).toBeNull();
  });

  it('is refused to a role that may not write it', async () => {
    for (const key of ['demo-education', 'demo-poverty-office', 'demo-auditor']) {
      expect((await sync(k, [k.valid(`${p}-f-0`, people[15])], {}, key)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await retract(k, [`${p}-c-0`], 'not mine to retract', key)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await held(k, [`${p}-f-0`])).toHaveLength(0);
  });

  it('loses nothing and duplicates nothing when two batches overlap', async () => {
    const first = ids(`${p}-cc`, 60).map((id, i) => k.valid(id, people[i % people.length]));
    const second = ids(`${p}-cc`, 90).slice(30).map((id, i) => k.valid(id, people[(i + 30) % people.length]));
    const [a, b] = await Promise.all([sync(k, first), sync(k, second)]);
    expect(a.errors ?? b.errors).toBeUndefined();
    expect(a.result.created + b.result.created).toBe(90);
    expect(a.result.unchanged + b.result.unchanged).toBe(30);
    const rows = await held(k, ids(`${p}-cc`, 90));
    expect(new Set(rows.map((r) => r.external_id)).size).toBe(90);
  });

  it('sends as many statements for 1,000 records as for 10', async () => {
    await t.gql(BUREAU, '{ me { role } }');
    const statements = async (prefix: string, n: number) => {
      const records = ids(prefix, n).map((id, i) => k.valid(id, people[i % people.length]));
      const before = t.db.sqlCounter.total;
      const { result, errors } = await sync(k, records, { batchId: prefix });
      expect(errors).toBeUndefined();
      expect(result.created).toBe(n);
      return t.db.sqlCounter.total - before;
    };
    const small = await statements(`${p}-n10`, 10);
    const large = await statements(`${p}-n1000`, 1000);
    console.log(`${k.sync}: ${small} statements for 10 records, ${large} for 1,000`);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(10);
  }, 60_000);
});

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
    for (const key of ['demo-education', 'demo-finance']) {
      const body = await read(key);
      expect(body.errors?.map((e: any) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    }
  });

  it('is NOT_FOUND for the other county’s health bureau: the member is not in its region', async () => {
    const body = await read('demo-health-2');
    expect(body.data?.member ?? null).toBeNull();
  });

  it('reads the records of a page of households’ members in statements that do not grow with the page', async () => {
    const query = (n: number) => `{ households(first: ${n}) { edges { node { members { insuranceEnrolments { id } medicalClaims { id } familyDoctorContracts { id } } } } } }`;
    await t.gql('demo-poverty-office', '{ me { role } }');
    const counted = async (n: number) => {
      const before = t.db.sqlCounter.total;
      const { body } = await t.gql('demo-poverty-office', query(n));
      expect(body.errors).toBeUndefined();
      return t.db.sqlCounter.total - before;
    };
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
    const sent: [Kind, Record<string, unknown>[]][] = [
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
