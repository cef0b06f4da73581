import { startTestApp, type TestApp } from '../../../test/harness';
import { HouseholdStatus } from './household.enums';
import { composeIdNumber } from '../../kernel/id-number';
import { TRANSITIONS } from './registry-rules';
import { ExclusionRule } from './registry.enums';

let t: TestApp;
let village: { code: string; group_count: number };
beforeAll(async () => {
  t = await startTestApp({ households: 30 });
  [village] = await t.sql(`select code, group_count from region where level = 'VILLAGE' and code like '430923%' order by code limit 1`);
});
afterAll(() => t.close());

const PO = 'demo-poverty-office';
let sequence = 0;
/** A fresh valid ID number: sequences 9xx are above what the demo generator hands out for a day. */
function idNumber(birthDate: string, sex: 'MALE' | 'FEMALE'): string {
  sequence += 1;
  const seq = 900 + ((sequence * 2) % 98) + (sex === 'MALE' ? 1 : 0);
  const day = String(1 + Math.floor(sequence / 49)).padStart(2, '0');
  return composeIdNumber('430923', `${birthDate.slice(0, 8)}${day}`, seq);
}

function person(relation: string, birthDate: string, sex: 'MALE' | 'FEMALE', extra: Record<string, unknown> = {}) {
  const id = idNumber(birthDate, sex);
  const born = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  return {
    name: `测试${sequence}`, idNumber: id, relation, sex, birthDate: born, education: 'PRIMARY', schoolStage: 'NOT_IN_SCHOOL',
    health: 'HEALTHY', labourCapacity: 'ORDINARY', employment: 'FARMING', medicalInsurance: true, ...extra,
  };
}

const NO_EXCLUSION = { motorVehicle: false, newlyBuiltHouse: false, urbanCommercialHousing: false, publicServantMember: false, registeredBusiness: false, disasterVictim: false };

function registration(overrides: Record<string, unknown> = {}) {
  return {
    villageCode: village.code, groupNo: 1, registrationYear: 2019, category: 'GENERAL', causes: ['ILLNESS'], incomePerCapita: '2800.00',
    foodAndClothingSecure: true, safeDrinkingWater: true, housingGrade: 'B', identification: NO_EXCLUSION,
    members: [person('HEAD', '1970-03-01', 'MALE'), person('SPOUSE', '1972-05-01', 'FEMALE')],
    ...overrides,
  };
}

const REGISTER = `mutation($input: RegisterHouseholdInput!) {
  registerHousehold(input: $input) { id number status version priorityScore members { idNumber relation } head { name } identification { excludedBy overrideJustification priorityScore durableGoods }
    statusHistory { kind fromStatus toStatus reason organisation { role } } }
}`;
const CHANGE = `mutation($id: ID!, $version: Int!, $change: StatusChangeInput!) {
  changeHouseholdStatus(id: $id, version: $version, change: $change) { status exitYear version statusHistory { kind fromStatus toStatus reason effectiveDate overrideJustification failedItems } }
}`;

async function register(overrides: Record<string, unknown> = {}) {
  const { body } = await t.gql(PO, REGISTER, { input: registration(overrides) });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!.registerHousehold;
}

/** A household passing every exit-test item, in the given status, written straight to the database. */
async function householdIn(status: HouseholdStatus, facts: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
  const h = await register();
  const f = { income: 600000, food: true, water: true, grade: 'A', ...facts };
  await t.sql(
    `update household set status = ?, exit_year = ?, income_per_capita_fen = ?, food_and_clothing_secure = ?, safe_drinking_water = ?, housing_grade = ? where id = ?`,
    [status, status === 'EXITED' ? 2019 : null, f.income, f.food, f.water, f.grade, h.id],
  );
  return { id: h.id, version: h.version };
}

describe('registration 新识别', () => {
  it('registers a household with its members, number, history, identification and audit entry', async () => {
    const h = await register({ members: [person('HEAD', '1960-01-01', 'MALE', { health: 'SERIOUS_ILLNESS', labourCapacity: 'LOST', employment: 'NONE' }), person('SON', '2010-09-01', 'MALE', { schoolStage: 'PRIMARY', labourCapacity: 'NONE', employment: 'NONE', education: 'PRIMARY' })], identification: { ...NO_EXCLUSION, disasterVictim: true, durableGoods: false } });
    expect(h.status).toBe('NOT_EXITED');
    expect(h.number).toMatch(new RegExp(`^${village.code}\\d{4}$`));
    expect(h.members.map((m: any) => m.relation)).toEqual(['HEAD', 'SON']);
    // serious illness, a student, no able-bodied labour, disaster victims
    expect(h.priorityScore).toBe(4);
    expect(h.identification).toEqual({ excludedBy: [], overrideJustification: null, priorityScore: 4, durableGoods: false });
    expect(h.statusHistory).toEqual([{ kind: 'IDENTIFICATION', fromStatus: null, toStatus: 'NOT_EXITED', reason: expect.any(String), organisation: { role: 'POVERTY_OFFICE' } }]);
    const audit = await t.sql(`select operation, entity from audit_entry where entity_id = ? and entity = 'Household'`, [h.id]);
    expect(audit).toEqual([{ operation: 'registerHousehold', entity: 'Household' }]);
  });

  const FACT: Record<ExclusionRule, string> = {
    MOTOR_VEHICLE: 'motorVehicle', NEWLY_BUILT_HOUSE: 'newlyBuiltHouse', URBAN_COMMERCIAL_HOUSING: 'urbanCommercialHousing',
    PUBLIC_SERVANT_MEMBER: 'publicServantMember', REGISTERED_BUSINESS: 'registeredBusiness',
  };
  it.each(Object.values(ExclusionRule))('refuses a household that %s excludes (五不录), naming the rule in code and Chinese', async (rule) => {
    const before = await t.sql('select count(*)::int as n from household');
    const { body } = await t.gql(PO, REGISTER, { input: registration({ identification: { ...NO_EXCLUSION, [FACT[rule]]: true } }) });
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.identification' });
    expect(body.errors?.[0].message).toContain(rule);
    expect(body.errors?.[0].message).toMatch(/不录/);
    expect(await t.sql('select count(*)::int as n from household')).toEqual(before);
  });

  it('names every rule hit, and registers with a written override that it keeps, audits and shows', async () => {
    const identification = { ...NO_EXCLUSION, motorVehicle: true, registeredBusiness: true };
    const refused = await t.gql(PO, REGISTER, { input: registration({ identification }) });
    expect(refused.body.errors?.[0].message).toMatch(/MOTOR_VEHICLE.*REGISTERED_BUSINESS/);
    const justification = '车辆为务工用二手农用车,经村民代表大会评议同意纳入';
    const h = await register({ identification, override: { justification } });
    expect(h.identification).toMatchObject({ excludedBy: ['MOTOR_VEHICLE', 'REGISTERED_BUSINESS'], overrideJustification: justification });
    const [entry] = await t.sql<{ after: any }>(`select after from audit_entry where entity = 'Household' and entity_id = ?`, [h.id]);
    expect(entry.after).toMatchObject({ excludedBy: ['MOTOR_VEHICLE', 'REGISTERED_BUSINESS'], overrideJustification: justification });
  });

  const TWO_HEADS = () => [person('HEAD', '1970-01-01', 'MALE'), person('HEAD', '1971-01-01', 'FEMALE')];
  it.each([
    ['a malformed ID number', () => ({ members: [{ ...person('HEAD', '1970-01-01', 'MALE'), idNumber: '43092319700101001' }] }), 'input.members[0].idNumber'],
    ['a birth date the ID number contradicts', () => ({ members: [{ ...person('HEAD', '1970-01-01', 'MALE'), birthDate: '1970-02-02' }] }), 'input.members[0].birthDate'],
    ['a sex the ID number contradicts', () => ({ members: [{ ...person('HEAD', '1970-01-01', 'MALE'), sex: 'FEMALE' }] }), 'input.members[0].sex'],
    ['two heads', () => ({ members: TWO_HEADS() }), 'input.members'],
    ['no head', () => ({ members: [person('SPOUSE', '1970-01-01', 'FEMALE')] }), 'input.members'],
    ['a group the village does not have', () => ({ groupNo: 999 }), 'input.groupNo'],
    ['a registration year out of range', () => ({ registrationYear: 2001 }), 'input.registrationYear'],
    ['no cause of poverty', () => ({ causes: [] }), 'input.causes'],
    ['the same person twice', () => { const p = person('HEAD', '1970-01-01', 'MALE'); return { members: [p, { ...p, relation: 'SON' }] }; }, 'input.members[1].idNumber'],
    ['a disability without grade', () => ({ members: [person('HEAD', '1970-01-01', 'MALE', { health: 'DISABLED' })] }), 'input.members[0].disabilityGrade'],
    ['a grade without disability', () => ({ members: [person('HEAD', '1970-01-01', 'MALE', { disabilityGrade: 2 })] }), 'input.members[0].disabilityGrade'],
    ['a short override', () => ({ override: { justification: 'ok' } }), 'input.override.justification'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_what, overrides, field) => {
    const { body } = await t.gql(PO, REGISTER, { input: registration(overrides()) });
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses a person already registered, and a village outside scope', async () => {
    const [existing] = await t.sql<{ id_number: string; birth_date: string; sex: string }>(`select id_number, to_char(birth_date, 'YYYY-MM-DD') as birth_date, sex from member limit 1`);
    const duplicate = await t.gql(PO, REGISTER, { input: registration({ members: [{ ...person('HEAD', '1970-01-01', 'MALE'), idNumber: existing.id_number, birthDate: existing.birth_date, sex: existing.sex }] }) });
    expect(duplicate.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.members[0].idNumber' });
    const [foreign] = await t.sql<{ code: string }>(`select code from region where level = 'VILLAGE' and code like '430981%' limit 1`);
    const outside = await t.gql(PO, REGISTER, { input: registration({ villageCode: foreign.code }) });
    expect(outside.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('priority 六优先', () => {
  it('orders pending applications by priority score, then id, page by page', async () => {
    const ill = { health: 'SERIOUS_ILLNESS', labourCapacity: 'LOST', employment: 'NONE' };
    await register({ members: [person('HEAD', '1950-01-01', 'MALE', ill)], identification: { ...NO_EXCLUSION, disasterVictim: true }, housingGrade: 'D' });
    await register({ members: [person('HEAD', '1955-01-01', 'MALE', ill)] });
    const expected = await t.sql<{ id: number; priority_score: number }>(
      `select id, priority_score from household where village_code like '430923%' and status = 'NOT_EXITED' order by priority_score desc, id`,
    );
    const QUERY = `query($after: String) { households(first: 3, after: $after, orderBy: PRIORITY, filter: { status: [NOT_EXITED] }) { edges { node { id priorityScore } } pageInfo { hasNextPage endCursor } } }`;
    const seen: { id: number; priority_score: number }[] = [];
    let after: string | undefined;
    do {
      const { body } = await t.gql(PO, QUERY, { after });
      const page = body.data!.households;
      seen.push(...page.edges.map((e: any) => ({ id: Number(e.node.id), priority_score: e.node.priorityScore })));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
    } while (after);
    expect(seen).toEqual(expected);
    expect(seen[0].priority_score).toBeGreaterThanOrEqual(4);
  });

  it('refuses to sort by priority for a role that may not read it', async () => {
    const { body } = await t.gql('demo-education', '{ households(first: 3, orderBy: PRIORITY) { totalCount } }');
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Household.priorityScore' });
  });
});

describe('optimistic locking', () => {
  const UPDATE = `mutation($id: ID!, $version: Int!, $patch: HouseholdPatch!) { updateHousehold(id: $id, version: $version, patch: $patch) { version incomePerCapita groupNo } }`;

  it('applies a change at the current version and refuses a stale one with CONFLICT and the current version', async () => {
    const h = await register();
    const first = await t.gql(PO, UPDATE, { id: h.id, version: h.version, patch: { incomePerCapita: '3100.50' } });
    expect(first.body.data!.updateHousehold).toEqual({ version: h.version + 1, incomePerCapita: '3100.50', groupNo: 1 });
    const stale = await t.gql(PO, UPDATE, { id: h.id, version: h.version, patch: { incomePerCapita: '9999.00' } });
    expect(stale.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: h.version + 1 });
  });

  it('lets exactly one of two concurrent writers through; the other gets CONFLICT and nothing is lost', async () => {
    const h = await register();
    const results = await Promise.all(
      ['3300.00', '3400.00'].map((income) => t.gql(PO, UPDATE, { id: h.id, version: h.version, patch: { incomePerCapita: income } })),
    );
    const won = results.filter((r) => r.body.data?.updateHousehold);
    const lost = results.filter((r) => r.body.errors?.[0].extensions?.code === 'CONFLICT');
    expect([won.length, lost.length]).toEqual([1, 1]);
    const [row] = await t.sql<{ income_per_capita_fen: number; version: number }>('select income_per_capita_fen, version from household where id = ?', [h.id]);
    expect(row).toEqual({ income_per_capita_fen: Math.round(Number(won[0].body.data!.updateHousehold.incomePerCapita) * 100), version: h.version + 1 });
    const audits = await t.sql(`select 1 from audit_entry where operation = 'updateHousehold' and entity_id = ?`, [h.id]);
    expect(audits).toHaveLength(1);
  });
});

describe('status changes 动态调整', () => {
  const STATUSES = Object.values(HouseholdStatus);
  const pairs = STATUSES.flatMap((from) => STATUSES.map((to) => ({ from, to, legal: TRANSITIONS[from].includes(to) })));

  it.each(pairs)('$from → $to (allowed: $legal)', async ({ from, to, legal }) => {
    const h = await householdIn(from);
    const { body } = await t.gql(PO, CHANGE, { id: h.id, version: h.version, change: { to, reason: '年度动态调整', effectiveDate: '2024-06-30' } });
    if (legal) {
      expect(body.errors).toBeUndefined();
      const result = body.data!.changeHouseholdStatus;
      expect(result.status).toBe(to);
      expect(result.statusHistory.at(-1)).toMatchObject({ kind: 'STATUS', fromStatus: from, toStatus: to, reason: '年度动态调整', effectiveDate: '2024-06-30' });
      if (to === 'EXITED') expect(result.exitYear).toBe(2024);
    } else {
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'change.to' });
      const [row] = await t.sql<{ status: string }>('select status from household where id = ?', [h.id]);
      expect(row.status).toBe(from);
    }
  });

  it('refuses a change dated in the future, a missing reason, or a stale version', async () => {
    const h = await householdIn(HouseholdStatus.NOT_EXITED);
    const future = await t.gql(PO, CHANGE, { id: h.id, version: h.version, change: { to: 'EXITED', reason: '脱贫', effectiveDate: '2999-01-01' } });
    expect(future.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'change.effectiveDate' });
    const noReason = await t.gql(PO, CHANGE, { id: h.id, version: h.version, change: { to: 'EXITED', reason: ' ', effectiveDate: '2024-01-01' } });
    expect(noReason.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'change.reason' });
    const stale = await t.gql(PO, CHANGE, { id: h.id, version: h.version - 1, change: { to: 'EXITED', reason: '脱贫', effectiveDate: '2024-01-01' } });
    expect(stale.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: h.version });
  });
});

describe('the exit test 一超过两不愁三保障', () => {
  const FAILING: [string, () => Promise<{ id: string; version: number }>][] = [
    ['INCOME', () => householdIn(HouseholdStatus.NOT_EXITED, { income: 343000 })],
    ['FOOD_AND_CLOTHING', () => householdIn(HouseholdStatus.NOT_EXITED, { food: false })],
    ['DRINKING_WATER', () => householdIn(HouseholdStatus.NOT_EXITED, { water: null })],
    ['SAFE_HOUSING', () => householdIn(HouseholdStatus.NOT_EXITED, { grade: 'C' })],
    ['MEDICAL_INSURANCE', async () => {
      const h = await householdIn(HouseholdStatus.NOT_EXITED);
      await t.sql(`update member set medical_insurance = false where household_id = ? and relation = 'SPOUSE'`, [h.id]);
      return h;
    }],
    ['COMPULSORY_EDUCATION', async () => {
      const h = await householdIn(HouseholdStatus.NOT_EXITED);
      await t.sql(`update member set birth_date = '2014-03-01', school_stage = 'NOT_IN_SCHOOL' where household_id = ? and relation = 'SPOUSE'`, [h.id]);
      return h;
    }],
  ];

  it.each(FAILING)('refuses an exit when %s is not met, naming it; an override lets it through and is recorded', async (item, make) => {
    const h = await make();
    const refused = await t.gql(PO, CHANGE, { id: h.id, version: h.version, change: { to: 'EXITED', reason: '脱贫验收', effectiveDate: '2024-06-30' } });
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'change.to' });
    expect(refused.body.errors?.[0].message).toContain(item);
    const justification = '经乡镇核查组入户核实,已落实帮扶措施,同意脱贫';
    const { body } = await t.gql(PO, CHANGE, { id: h.id, version: h.version, change: { to: 'EXITED', reason: '脱贫验收', effectiveDate: '2024-06-30', override: { justification } } });
    expect(body.errors).toBeUndefined();
    expect(body.data!.changeHouseholdStatus.statusHistory.at(-1)).toMatchObject({ overrideJustification: justification, failedItems: [item] });
  });

  it('shows each item with its verdict and evidence, the same computation the exit uses', async () => {
    const h = await householdIn(HouseholdStatus.NOT_EXITED, { income: 250000, grade: null });
    const { body } = await t.gql(PO, `query($id: ID!) { household(id: $id) { assurance(year: 2024) { year passed items { item verdict evidence { source department detail } } } } }`, { id: h.id });
    const assurance = body.data!.household.assurance;
    const verdicts = Object.fromEntries(assurance.items.map((i: any) => [i.item, i.verdict]));
    expect(assurance.passed).toBe(false);
    expect(verdicts).toEqual({ INCOME: 'NOT_MET', FOOD_AND_CLOTHING: 'MET', DRINKING_WATER: 'MET', COMPULSORY_EDUCATION: 'MET', MEDICAL_INSURANCE: 'MET', SAFE_HOUSING: 'UNKNOWN' });
    const income = assurance.items.find((i: any) => i.item === 'INCOME');
    expect(income.evidence.map((e: any) => e.detail).join(' ')).toMatch(/2500\.00.*3430\.00/);
    expect(income.evidence[1].source).toMatch(/policy parameter #\d+/);
  });
});

describe('members 自然增减', () => {
  it('adds a newborn, updates a member at its version, removes one who died, each in the history', async () => {
    const h = await register();
    const added = await t.gql(PO, `mutation($id: ID!, $m: MemberInput!) { addMember(householdId: $id, member: $m, reason: BIRTH, effectiveDate: "2024-05-01") { id version relation } }`, {
      id: h.id, m: person('GRANDSON', '2024-04-01', 'MALE', { education: 'PRESCHOOL_AGE', labourCapacity: 'NONE', employment: 'NONE' }),
    });
    const member = added.body.data!.addMember;
    const updated = await t.gql(PO, `mutation($id: ID!, $v: Int!) { updateMember(id: $id, version: $v, patch: { medicalInsurance: false }) { version } }`, { id: member.id, v: member.version });
    expect(updated.body.data!.updateMember.version).toBe(member.version + 1);
    const stale = await t.gql(PO, `mutation($id: ID!, $v: Int!) { updateMember(id: $id, version: $v, patch: { medicalInsurance: true }) { version } }`, { id: member.id, v: member.version });
    expect(stale.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: member.version + 1 });
    const removed = await t.gql(PO, `mutation($id: ID!, $v: Int!) { removeMember(id: $id, version: $v, reason: DEATH, effectiveDate: "2024-06-01") { members { id } statusHistory { kind reason } } }`, { id: member.id, v: member.version + 1 });
    const household = removed.body.data!.removeMember;
    expect(household.members.map((m: any) => m.id)).not.toContain(member.id);
    expect(household.statusHistory.map((c: any) => c.kind)).toEqual(['IDENTIFICATION', 'MEMBER_ADDED', 'MEMBER_REMOVED']);
  });

  it('merges two households of a village (合户): members move, the merged one leaves as REMOVED, both histories say so', async () => {
    const into = await register();
    const from = await register();
    const MERGE = `mutation($into: ID!, $iv: Int!, $from: ID!, $fv: Int!) { mergeHouseholds(intoId: $into, intoVersion: $iv, fromId: $from, fromVersion: $fv, reason: "分户后重新合户", effectiveDate: "2024-03-01") { version members { relation } statusHistory { kind } } }`;
    const { body } = await t.gql(PO, MERGE, { into: into.id, iv: into.version, from: from.id, fv: from.version });
    const merged = body.data!.mergeHouseholds;
    expect(merged.members.map((m: any) => m.relation).sort()).toEqual(['HEAD', 'OTHER', 'SPOUSE', 'SPOUSE']);
    expect(merged.version).toBe(into.version + 1);
    expect(merged.statusHistory.at(-1).kind).toBe('MERGE');
    const [gone] = await t.sql<{ status: string; n: number }>(`select status, (select count(*)::int from member where household_id = h.id) as n from household h where id = ?`, [from.id]);
    expect(gone).toEqual({ status: 'REMOVED', n: 0 });
    const again = await t.gql(PO, MERGE, { into: into.id, iv: into.version, from: from.id, fv: from.version });
    expect(again.body.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('refuses to remove the head, and refuses a second head', async () => {
    const h = await register();
    const [head] = await t.sql<{ id: number; version: number }>(`select id, version from member where household_id = ? and relation = 'HEAD'`, [h.id]);
    const removal = await t.gql(PO, `mutation { removeMember(id: "${head.id}", version: ${head.version}, reason: DEATH, effectiveDate: "2024-01-01") { id } }`);
    expect(removal.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const second = await t.gql(PO, `mutation($id: ID!, $m: MemberInput!) { addMember(householdId: $id, member: $m, reason: MARRIAGE, effectiveDate: "2024-01-01") { id } }`, { id: h.id, m: person('HEAD', '1980-01-01', 'FEMALE') });
    expect(second.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'member.relation' });
  });
});
