import { buildBareSchema } from '../graphql/schema';
import { getNamedType, isListType, getNullableType } from 'graphql';
import { LOOKUP_FIELDS, NOT_LOOKUPS } from './person-lookups';
import { startTestApp, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  // A small look-up budget, so that a batch of 100 and what is left of the budget can be seen.
  // Limits are also set in SQL here, behind the API, which the API-key cache would see only after its time to live.
  t = await startTestApp({ households: 60, env: { RATE_LIMIT_LOOKUPS_PER_HOUR: '150', API_KEY_CACHE_TTL_MS: '0' } });
});
afterAll(() => t.close());

async function idNumbers(county: string, n: number): Promise<string[]> {
  const rows = await t.sql<{ id_number: string }>(
    `select m.id_number from member m join household h on h.id = m.household_id where h.village_code like ? order by m.id limit ?`,
    [`${county}%`, n],
  );
  return rows.map((r) => r.id_number);
}

const accessRows = async () => (await t.sql<{ n: number }>('select count(*)::int as n from access_log'))[0].n;

const BATCH = `query($ids: [String!]!) { loanEligibilities(idNumbers: $ids, purpose: "批量贷款申请 2024-11") { idNumber eligible } }`;

describe('look-up fields per operation', () => {
  it('refuses six aliased look-ups, fragments counted, before any is logged', async () => {
    const [id] = await idNumbers('430923', 1);
    const before = await accessRows();
    const aliased = Array.from({ length: 6 }, (_, i) => `a${i}: member(idNumber: "${id}", purpose: "harvest test") { id }`).join(' ');
    const six = await t.gql('demo-poverty-office', `{ ${aliased} }`);
    expect(six.status).toBe(400);
    expect(six.body.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', lookupFields: 6, maximum: 5 });
    const fragment = `fragment three on Query { a: loanEligibility(idNumber: "${id}", purpose: "harvest") { eligible } b: loanEligibility(idNumber: "${id}", purpose: "harvest") { eligible } c: member(idNumber: "${id}", purpose: "harvest") { id } }`;
    const twice = await t.gql('demo-poverty-office', `query { ...three x: __typename ... on Query { ...three } } ${fragment}`);
    expect(twice.body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(await accessRows()).toBe(before);
  });

  it('refuses 2,000 aliased eligibility checks at once, having sent no query about anyone', async () => {
    const [id] = await idNumbers('430923', 1);
    const aliased = Array.from({ length: 2000 }, (_, i) => `a${i}: loanEligibility(idNumber: "${id}", purpose: "harvest test") { eligible }`).join(' ');
    const before = { statements: t.db.sqlCounter.total, rows: await accessRows() };
    const { status, body } = await t.gql('demo-finance', `{ ${aliased} }`);
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', lookupFields: 2000 });
    // Authentication, the transaction's scope and its end: nothing for the 2,000.
    expect(t.db.sqlCounter.total - before.statements).toBeLessThanOrEqual(5);
    expect(await accessRows()).toBe(before.rows);
  });

  it('lets five through', async () => {
    const ids = await idNumbers('430923', 5);
    const five = ids.map((id, i) => `a${i}: member(idNumber: "${id}", purpose: "five checks") { id }`).join(' ');
    const { body } = await t.gql('demo-civil-affairs', `{ ${five} }`);
    expect(body.errors).toBeUndefined();
    expect(Object.values(body.data!).every((m) => m !== null)).toBe(true);
  });

  it('knows every root field that takes an ID number', async () => {
    const schema = await buildBareSchema();
    const taking = Object.values(schema.getQueryType()!.getFields())
      .filter((f) => f.args.some((a) => /^idNumbers?$/.test(a.name)))
      .map((f) => `Query.${f.name}`);
    expect(taking.filter((name) => !(name in NOT_LOOKUPS)).sort()).toEqual(Object.keys(LOOKUP_FIELDS).sort());
    // The batch form takes a list; its look-ups are counted by its length.
    const batch = schema.getQueryType()!.getFields().loanEligibilities.args.find((a) => a.name === 'idNumbers')!;
    expect(isListType(getNullableType(batch.type)) && getNamedType(batch.type).name).toBe('String');
  });
});

describe('loanEligibilities, the batch form', () => {
  it('checks up to 100 applicants in the order given, logs each in one insert, and refuses 101', async () => {
    const ids = [...(await idNumbers('430923', 99)), (await idNumbers('430981', 1))[0]];
    const before = t.db.sqlCounter.total;
    const { body } = await t.gql('demo-finance-2', BATCH, { ids });
    const statements = t.db.sqlCounter.total - before;
    expect(body.errors).toBeUndefined();
    expect(body.data!.loanEligibilities.map((c: { idNumber: string }) => c.idNumber)).toEqual(ids);
    // demo-finance-2 is the bank of 430981: 99 people outside its county are not found, one is.
    const logged = await t.sql<{ id_number: string; found: boolean; region_code: string }>(
      `select l.id_number, l.found, l.region_code from access_log l join organisation o on o.id = l.organisation_id
       where o.role = 'FINANCE' and o.scopes = '{430981}' and l.purpose = '批量贷款申请 2024-11'`,
    );
    expect(logged.map((l) => l.id_number).sort()).toEqual([...ids].sort());
    expect(logged.filter((l) => l.found)).toEqual([{ id_number: ids[99], found: true, region_code: expect.stringMatching(/^430981/) }]);
    // Authentication, scope, the people, parameters, one insert into the access log, commit: not a statement per person.
    expect(statements).toBeLessThanOrEqual(10);
    const tooMany = await t.gql('demo-finance-2', BATCH, { ids: [...ids, ids[0]] });
    expect(tooMany.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idNumbers' });
    const malformed = await t.gql('demo-finance-2', BATCH, { ids: [ids[0], '430923'] });
    expect(malformed.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idNumbers[1]' });
  });
});

describe('look-up budget per organisation', () => {
  it('counts each person looked up, shares it between the keys of an organisation, and answers 429 when spent', async () => {
    const ids = await idNumbers('430923', 100);
    const first = await t.gql('demo-finance', BATCH, { ids });
    expect(first.body.errors).toBeUndefined();
    // A few look-ups of the earlier tests, and these hundred, leave less than sixty.
    const spent = await t.gql('demo-finance', BATCH, { ids: ids.slice(0, 60) });
    expect(spent.status).toBe(429);
    expect(spent.body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    const newKey = await t.gql('demo-finance', 'mutation { createApiKey(name: "second") { key } }');
    const second = newKey.body.data!.createApiKey.key;
    const viaSecond = await t.gql(second, BATCH, { ids: ids.slice(0, 60) });
    expect(viaSecond.status).toBe(429);
    expect((await t.gql(second, '{ me { limits { lookupsPerHour lookupsPerHourIsDefault } } }')).body.data!.me.limits).toEqual({ lookupsPerHour: 150, lookupsPerHourIsDefault: true });
    // What is left can still be used, one look-up at a time.
    const single = await t.gql(second, `{ loanEligibility(idNumber: "${ids[0]}", purpose: "单笔贷款申请") { eligible } }`);
    expect(single.body.errors).toBeUndefined();
    // A batch above the whole budget can never pass: refused as too big, not "retry later".
    const [org] = await t.sql<{ id: number }>(`select id from organisation where role = 'FINANCE' and scopes = '{430923}'`);
    await t.sql('update organisation set lookups_per_hour = 50 where id = ?', [org.id]);
    const aboveBudget = await t.gql('demo-finance', BATCH, { ids: ids.slice(0, 60) });
    expect(aboveBudget.body.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', lookups: 60, maximum: 50 });
    await t.sql('update organisation set lookups_per_hour = null where id = ?', [org.id]);
  });
});

const SET_LIMITS = `mutation($id: ID!, $limits: RateLimitsInput!) { setOrganisationLimits(id: $id, limits: $limits) { id limits { requestsPerMinute requestsPerMinuteIsDefault lookupsPerHour lookupsPerHourIsDefault } } }`;

describe('limits set by the poverty office', () => {
  it('raises a bank’s look-up budget, audited, and puts the default back with null', async () => {
    const [bank] = await t.sql<{ id: number }>(`select id from organisation where role = 'FINANCE' and scopes = '{430923}'`);
    const ids = await idNumbers('430923', 100);
    expect((await t.gql('demo-finance', BATCH, { ids })).status).toBe(429);
    const set = await t.gql('demo-poverty-office', SET_LIMITS, { id: String(bank.id), limits: { lookupsPerHour: 1000 } });
    expect(set.body.data!.setOrganisationLimits.limits).toEqual({ requestsPerMinute: 600, requestsPerMinuteIsDefault: true, lookupsPerHour: 1000, lookupsPerHourIsDefault: false });
    // The bucket refills at the new rate from where it was; its ceiling is the new budget.
    const raised = await t.gql('demo-finance', BATCH, { ids: ids.slice(0, 1) });
    expect(raised.body.errors).toBeUndefined();
    const listed = await t.gql('demo-auditor', '{ organisations { id limits { lookupsPerHour } } }');
    expect(listed.body.data!.organisations.find((o: { id: string }) => o.id === String(bank.id)).limits.lookupsPerHour).toBe(1000);
    const [audit] = await t.sql(`select operation, before, after from audit_entry where operation = 'setOrganisationLimits' order by id desc limit 1`);
    expect(audit).toEqual({ operation: 'setOrganisationLimits', before: { requestsPerMinute: null, lookupsPerHour: null }, after: { requestsPerMinute: null, lookupsPerHour: 1000 } });
    const reset = await t.gql('demo-poverty-office', SET_LIMITS, { id: String(bank.id), limits: { lookupsPerHour: null } });
    expect(reset.body.data!.setOrganisationLimits.limits).toMatchObject({ lookupsPerHour: 150, lookupsPerHourIsDefault: true });
  });

  it('is refused to other roles, outside the office’s scopes, for overseers and peers, and for values out of range', async () => {
    const orgs = await t.sql<{ id: number; role: string; scopes: string[] }>(`select id, role, scopes from organisation`);
    const find = (role: string, county: string) => String(orgs.find((o) => o.role === role && o.scopes[0] === county)!.id);
    const bank = find('FINANCE', '430923');
    const bank2 = find('FINANCE', '430981');
    const bankItself = await t.gql('demo-finance', SET_LIMITS, { id: bank, limits: { lookupsPerHour: 100_000 } });
    expect(bankItself.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const auditor = await t.gql('demo-auditor', SET_LIMITS, { id: bank, limits: { lookupsPerHour: 1 } });
    expect(auditor.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const outside = await t.gql('demo-poverty-office', SET_LIMITS, { id: bank2, limits: { lookupsPerHour: 1 } });
    expect(outside.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const overseer = await t.gql('demo-poverty-office', SET_LIMITS, { id: find('AUDITOR', '430923'), limits: { lookupsPerHour: 1 } });
    expect(overseer.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const itself = await t.gql('demo-poverty-office', SET_LIMITS, { id: find('POVERTY_OFFICE', '430923'), limits: { lookupsPerHour: 100_000 } });
    expect(itself.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const zero = await t.gql('demo-poverty-office', SET_LIMITS, { id: bank, limits: { requestsPerMinute: 0 } });
    expect(zero.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limits.requestsPerMinute' });
    const huge = await t.gql('demo-poverty-office', SET_LIMITS, { id: bank, limits: { lookupsPerHour: 100_001 } });
    expect(huge.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limits.lookupsPerHour' });
    const [row] = await t.sql(`select requests_per_minute, lookups_per_hour from organisation where id = ?`, [Number(bank2)]);
    expect(row).toEqual({ requests_per_minute: null, lookups_per_hour: null });
  });
});

describe('registering a person registered in another county', () => {
  it('says only that the person is already registered, and leaves the attempt in the holder county’s access history', async () => {
    const [person] = await t.sql<{ id_number: string; name: string; number: string; village_code: string; birth_date: string; sex: string }>(
      `select m.id_number, m.name, h.number, h.village_code, to_char(m.birth_date, 'YYYY-MM-DD') as birth_date, m.sex
       from member m join household h on h.id = m.household_id where h.village_code like '430923%' order by m.id desc limit 1`,
    );
    const [target] = await t.sql<{ id: number }>(`select id from household where village_code like '430981%' order by id limit 1`);
    const member = {
      name: '重复', idNumber: person.id_number, relation: 'GRANDSON', sex: person.sex, birthDate: person.birth_date, education: 'PRIMARY',
      schoolStage: 'NOT_IN_SCHOOL', health: 'HEALTHY', labourCapacity: 'ORDINARY', employment: 'FARMING', medicalInsurance: true,
    };
    const { body } = await t.gql('demo-poverty-office-2', `mutation($id: ID!, $m: MemberInput!) { addMember(householdId: $id, member: $m, reason: BIRTH, effectiveDate: "2024-05-01") { id } }`, {
      id: String(target.id), m: member,
    });
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0].message).toBe('member.idNumber: This person is already registered 已建档立卡');
    expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'member.idNumber' });
    const said = JSON.stringify(body);
    for (const secret of [person.name, person.number, person.village_code, person.village_code.slice(0, 6), '安化']) expect(said).not.toContain(secret);
    expect(await t.sql(`select count(*)::int as n from member where household_id = ?`, [target.id])).toEqual([{ n: expect.any(Number) }]);

    const HISTORY = `query($id: String!) { accessHistory(idNumber: $id) { lookup purpose found organisation { name } } }`;
    const holder = await t.gql('demo-auditor', HISTORY, { id: person.id_number });
    expect(holder.body.errors).toBeUndefined();
    const [tryer] = await t.sql<{ name: string }>(`select name from organisation where role = 'POVERTY_OFFICE' and scopes = '{430981}'`);
    expect(holder.body.data!.accessHistory).toContainEqual({ lookup: 'REGISTRATION', purpose: 'addMember refused: already registered', found: true, organisation: { name: tryer.name } });
    const [logged] = await t.sql<{ region_code: string; by: string; key_prefix: string }>(
      `select l.region_code, o.name as by, k.prefix as key_prefix from access_log l join organisation o on o.id = l.organisation_id join api_key k on k.id = l.api_key_id where l.lookup = 'REGISTRATION'`,
    );
    expect(logged).toEqual({ region_code: person.village_code, by: tryer.name, key_prefix: expect.stringMatching(/^demo-pov/) });
    // The county that tried does not see the holder's trail.
    const caller = await t.gql('demo-auditor-2', HISTORY, { id: person.id_number });
    expect(caller.body.data!.accessHistory).toEqual([]);
    const stillOne = await t.sql<{ n: number }>(`select count(*)::int as n from member where id_number = ?`, [person.id_number]);
    expect(stillOne).toEqual([{ n: 1 }]);
  });
});
