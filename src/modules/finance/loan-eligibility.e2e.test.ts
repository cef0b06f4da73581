import { startTestApp, type TestApp } from '../../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ households: 60 });
});
afterAll(() => t.close());

const CHECK = `query($id: String!) { loanEligibility(idNumber: $id, purpose: "贷款申请 2024-031") { eligible reasons ceiling termMonths } }`;

async function personWhere(condition: string): Promise<{ id_number: string; household_id: number }> {
  const [row] = await t.sql<{ id_number: string; household_id: number }>(
    `select m.id_number, m.household_id from member m join household h on h.id = m.household_id
     where h.village_code like '430923%' and ${condition} and not exists (select from micro_loan l where l.household_id = h.id) order by m.id limit 1`,
  );
  return row;
}

describe('small-loan eligibility 扶贫小额信贷', () => {
  it('says yes for an adult with labour in a registered household, with the ceiling and term of the parameters', async () => {
    const person = await personWhere(`m.labour_capacity = 'ORDINARY' and m.birth_date < now() - interval '20 years' and h.status = 'EXITED'`);
    const { body } = await t.gql('demo-finance', CHECK, { id: person.id_number });
    expect(body.data!.loanEligibility).toMatchObject({ eligible: true, ceiling: '50000.00', termMonths: 36 });
    const [logged] = await t.sql(`select lookup, purpose, found from access_log where id_number = ?`, [person.id_number]);
    expect(logged).toEqual({ lookup: 'LOAN_ELIGIBILITY', purpose: '贷款申请 2024-031', found: true });
  });

  it.each([
    ['no labour capacity', `m.labour_capacity in ('LOST', 'NONE') and m.birth_date < now() - interval '20 years'`, /labour capacity/],
    ['a minor', `m.birth_date > now() - interval '15 years'`, /under 18/],
  ])('says no for %s, with the reason', async (_what, condition, reason) => {
    const person = await personWhere(condition);
    const { body } = await t.gql('demo-finance', CHECK, { id: person.id_number });
    expect(body.data!.loanEligibility.eligible).toBe(false);
    expect(body.data!.loanEligibility.reasons.join(' ')).toMatch(reason);
    expect(body.data!.loanEligibility.ceiling).toBeNull();
  });

  it('says no for a removed household, and for a person outside the bank’s county, logging both', async () => {
    const person = await personWhere(`m.labour_capacity = 'ORDINARY' and m.birth_date < now() - interval '20 years'`);
    await t.sql(`update household set status = 'REMOVED' where id = ?`, [person.household_id]);
    const removed = await t.gql('demo-finance', CHECK, { id: person.id_number });
    expect(removed.body.data!.loanEligibility.reasons.join(' ')).toMatch(/REMOVED/);
    const [foreign] = await t.sql<{ id_number: string }>(`select m.id_number from member m join household h on h.id = m.household_id where h.village_code like '430981%' limit 1`);
    const outside = await t.gql('demo-finance', CHECK, { id: foreign.id_number });
    expect(outside.body.data!.loanEligibility).toMatchObject({ eligible: false, ceiling: null });
    const [logged] = await t.sql(`select found from access_log where id_number = ?`, [foreign.id_number]);
    expect(logged).toEqual({ found: false });
  });

  it('refuses a check without a purpose or with a malformed ID number, and other departments', async () => {
    const person = await personWhere('true');
    const noPurpose = await t.gql('demo-finance', `{ loanEligibility(idNumber: "${person.id_number}", purpose: "") { eligible } }`);
    expect(noPurpose.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'purpose' });
    const malformed = await t.gql('demo-finance', CHECK, { id: '430923' });
    expect(malformed.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idNumber' });
    const school = await t.gql('demo-education', CHECK, { id: person.id_number });
    expect(school.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
