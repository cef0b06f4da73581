import { composeIdNumber } from '../../kernel/id-number';
import { Role } from '../../kernel/role';
import { describeBatchSync, fen, sectorPeople, syncClient, type Person, type SyncCase, type SyncWorld } from '../../../test/batch-sync-cases';
import { startTestApp, statementsOf, type TestApp } from '../../../test/harness';

/**
 * The banks' batch mutation over HTTP on real PostgreSQL: what the engine does for every sector
 * (test/batch-sync-cases.ts), then the loans' own rules, who reads which loans, and the
 * eligibility check counting what a household owes every bank without naming any.
 */
let t: TestApp;
let world: Omit<SyncWorld, 't' | 'unknownIdNumber' | 'key' | 'otherCounty' | 'forbidden'>;
/** Two adults with labour capacity of one household kept out of the shared cases, whose loans the eligibility tests set. */
let borrower: Person;
let relative: Person;
/** An adult with labour capacity of a household without loans, kept out of the shared cases, for the coverage lists. */
let departing: Person;

const BANK = 'demo-finance';
const SECOND_BANK_NAME = '测试县农村商业银行';
/** Adults of borrowing age (18 to 65) on every date the tests write. */
const ADULT = `m.birth_date between '1963-01-01' and '2007-01-01'`;

beforeAll(async () => {
  t = await startTestApp({ households: 200 });
  const [household] = await t.sql<{ id: number }>(`select h.id from household h join member m on m.household_id = h.id
    where h.village_code like '430923%' and h.status not in ('REMOVED') and ${ADULT} and m.labour_capacity = 'ORDINARY'
      and not exists (select from micro_loan l where l.household_id = h.id)
    group by h.id having count(*) >= 2 order by h.id limit 1`);
  [borrower, relative] = await t.sql<Person>(`select m.id_number as "idNumber", m.id as "memberId", m.household_id as "householdId" from member m
    where m.household_id = ? and ${ADULT} and m.labour_capacity = 'ORDINARY' order by m.id limit 2`, [household.id]);
  [departing] = await t.sql<Person>(`select m.id_number as "idNumber", m.id as "memberId", m.household_id as "householdId" from member m join household h on h.id = m.household_id
    where h.village_code like '430923%' and h.status = 'NOT_EXITED' and h.id <> ? and ${ADULT} and m.labour_capacity = 'ORDINARY'
      and not exists (select from micro_loan l where l.household_id = h.id) order by m.id desc limit 1`, [household.id]);
  world = await sectorPeople(t, Role.FINANCE, SECOND_BANK_NAME, `${ADULT} and h.id not in (${household.id}, ${departing.householdId})`);
  expect(world.people.length).toBeGreaterThan(100);
}, 120_000);
afterAll(() => t.close());


const issue = (externalId: string, idNumber: string, amount = '30000.00', date = '2026-01-10') => ({
  externalId, idNumber, loanNumber: externalId, kind: 'ISSUE', amount, date, termMonths: 36, rateBasisPoints: 435, purpose: '养殖', interestSubsidised: true,
});

const LOANS: SyncCase = {
  sync: 'recordLoans',
  retract: 'retractLoans',
  input: 'MicroLoanRecord',
  table: 'micro_loan',
  entity: 'MicroLoan',
  dateField: 'date',
  valid: (externalId, p, change = 0) => issue(externalId, p.idNumber, `${20000 + change}.00`),
  amount: (r) => fen(r.amount),
};

const syncWorld = (): SyncWorld => ({
  t, ...world, unknownIdNumber: composeIdNumber('430923', '1975-05-05', 997),
  key: BANK, otherCounty: 'demo-finance-2', forbidden: ['demo-education', 'demo-poverty-office', 'demo-auditor', 'demo-employment'],
});
const { sync, retract } = syncClient(syncWorld);

describeBatchSync(syncWorld, [LOANS]);

const person = (i: number) => world.people[i];
const event = (externalId: string, loanNumber: string, i: number, fields: Record<string, unknown>) => ({ externalId, loanNumber, idNumber: person(i).idNumber, date: '2026-06-01', ...fields });

describe('the loans’ rules', () => {
  it('takes every kind of event of one loan', async () => {
    const { result } = await sync(LOANS, [
      issue('rule-ok-issue', person(16).idNumber),
      event('rule-ok-repay', 'rule-ok-issue', 16, { kind: 'REPAYMENT', amount: '5000.00' }),
      event('rule-ok-overdue', 'rule-ok-issue', 16, { kind: 'OVERDUE', amount: '2000.00', overdueDays: 45, date: '2026-07-01' }),
      event('rule-ok-renew', 'rule-ok-issue', 16, { kind: 'RENEWAL', amount: '25000.00', termMonths: 12, date: '2026-08-01' }),
      event('rule-ok-writeoff', 'rule-ok-issue', 16, { kind: 'WRITE_OFF', amount: '25000.00', date: '2026-09-01' }),
    ]);
    expect(result).toMatchObject({ created: 5, rejected: [] });
  });

  it('refuses an issue above the ceiling or term, each event’s fields where it has none or lacks them, and a zero amount', async () => {
    const { result } = await sync(LOANS, [
      { ...issue('rule-ceiling', person(17).idNumber), amount: '50000.01' },
      { ...issue('rule-term', person(17).idNumber), termMonths: 37 },
      { ...issue('rule-rate', person(17).idNumber), rateBasisPoints: 4350 },
      { ...issue('rule-purpose', person(17).idNumber), purpose: null },
      event('rule-days', 'L1', 17, { kind: 'OVERDUE', amount: '100.00' }),
      event('rule-repay-term', 'L1', 17, { kind: 'REPAYMENT', amount: '100.00', termMonths: 12 }),
      event('rule-zero', 'L1', 17, { kind: 'REPAYMENT', amount: '0.00' }),
    ]);
    expect(result.created).toBe(0);
    expect(result.rejected.map((r: any) => [r.externalId, r.code, r.field])).toEqual([
      ['rule-ceiling', 'ABOVE_CEILING', 'amount'],
      ['rule-term', 'ABOVE_CEILING', 'termMonths'],
      ['rule-rate', 'INVALID', 'rateBasisPoints'],
      ['rule-purpose', 'INVALID', 'purpose'],
      ['rule-days', 'INVALID', 'overdueDays'],
      ['rule-repay-term', 'INVALID', 'termMonths'],
      ['rule-zero', 'INVALID', 'amount'],
    ]);
  });
});

describe('loans across two banks', () => {
  const CHECK = `query($id: String!) { loanEligibility(idNumber: $id, purpose: "贷款申请 2026-088") { idNumber eligible verdict reasons ceiling termMonths checkedOn } }`;
  const check = async (idNumber: string, key = BANK): Promise<any> => (await t.gql(key, CHECK, { id: idNumber })).body;
  const own = { externalId: 'two-banks-a', loanNumber: 'A-2026-001' };
  const theirs = { externalId: 'two-banks-b', loanNumber: 'B-2026-777' };

  beforeAll(async () => {
    expect((await check(borrower.idNumber)).data.loanEligibility).toMatchObject({ verdict: 'ELIGIBLE', ceiling: '50000.00', termMonths: 36 });
    const b = await sync(LOANS, [{ ...issue(theirs.externalId, relative.idNumber, '30000.00'), loanNumber: theirs.loanNumber }], {}, world.sameCounty);
    expect(b.result.created).toBe(1);
    const a = await sync(LOANS, [{ ...issue(own.externalId, borrower.idNumber, '5000.00'), loanNumber: own.loanNumber }]);
    expect(a.result.created).toBe(1);
  });

  it('gives bank A the ceiling left after bank B’s loan to another member, and nothing that names bank B', async () => {
    const body = await check(borrower.idNumber);
    expect(body.data.loanEligibility).toMatchObject({ verdict: 'ELIGIBLE', eligible: true, ceiling: '15000.00', termMonths: 36 });
    const text = JSON.stringify(body);
    for (const secret of [SECOND_BANK_NAME, theirs.loanNumber, theirs.externalId, '30000', relative.idNumber]) expect(text).not.toContain(secret);
  });

  it('shows bank A only its own loans, in the member’s loans, the household’s measures and totals; the poverty office both', async () => {
    const READ = `{ member(idNumber: "${relative.idNumber}", purpose: "loan check") { microLoans { loanNumber } measures { __typename } }
      household(id: "${borrower.householdId}") { measures(sector: FINANCE) { externalId ... on MicroLoan { loanNumber recordedBy { name } } } measureTotals { sector amount count } } }`;
    const a: any = (await t.gql(BANK, READ)).body;
    expect(a.errors).toBeUndefined();
    // The relative is not bank A's borrower (bank B lent to them): bank A does not see them at all.
    expect(a.data.member).toBeNull();
    expect(a.data.household.measures.map((m: any) => m.loanNumber)).toEqual([own.loanNumber]);
    expect(a.data.household.measureTotals).toEqual([{ sector: 'FINANCE', amount: '5000.00', count: 1 }]);
    expect(JSON.stringify(a)).not.toContain(SECOND_BANK_NAME);
    const office: any = (await t.gql('demo-poverty-office', READ)).body;
    expect(office.data.member.microLoans).toEqual([{ loanNumber: theirs.loanNumber }]);
    expect(office.data.household.measures.map((m: any) => m.loanNumber).sort()).toEqual([own.loanNumber, theirs.loanNumber]);
  });

  it('makes the verdict NEEDS_REVIEW while a loan of the household is overdue at any bank, with its reason, until it is repaid', async () => {
    const overdue = { externalId: 'two-banks-b-overdue', loanNumber: theirs.loanNumber, idNumber: relative.idNumber, kind: 'OVERDUE', amount: '3000.00', overdueDays: 40, date: '2026-07-01' };
    expect((await sync(LOANS, [overdue], {}, world.sameCounty)).result.created).toBe(1);
    const review = (await check(borrower.idNumber)).data.loanEligibility;
    expect(review).toMatchObject({ verdict: 'NEEDS_REVIEW', eligible: false, ceiling: '15000.00' });
    expect(review.reasons.join(' ')).toMatch(/1 loan of the household overdue/);
    expect(JSON.stringify(review)).not.toContain(SECOND_BANK_NAME);
    const repaid = { externalId: 'two-banks-b-repaid', loanNumber: theirs.loanNumber, idNumber: relative.idNumber, kind: 'REPAYMENT', amount: '10000.00', date: '2026-08-01' };
    expect((await sync(LOANS, [repaid], {}, world.sameCounty)).result.created).toBe(1);
    expect((await check(borrower.idNumber)).data.loanEligibility).toMatchObject({ verdict: 'ELIGIBLE', ceiling: '25000.00' });
  });

  it('counts a retracted or written-off loan as owing nothing', async () => {
    await retract(LOANS, [own.externalId]);
    expect((await check(borrower.idNumber)).data.loanEligibility.ceiling).toBe('30000.00');
    const writeOff = { externalId: 'two-banks-b-fund', loanNumber: theirs.loanNumber, idNumber: relative.idNumber, kind: 'WRITE_OFF', amount: '20000.00', date: '2026-09-01' };
    expect((await sync(LOANS, [writeOff], {}, world.sameCounty)).result.created).toBe(1);
    expect((await check(borrower.idNumber)).data.loanEligibility.ceiling).toBe('50000.00');
  });

  it('takes one round trip for one applicant and for a hundred: the read and its access-log entries, with the caller’s scope, in one message', async () => {
    const logged = async () => Number((await t.sql<{ n: string }>(`select count(*) as n from access_log where lookup = 'LOAN_ELIGIBILITY'`))[0].n);
    const before = await logged();
    const one = await statementsOf(t, BANK, CHECK, { id: borrower.idNumber });
    const hundred = await statementsOf(t, BANK, `query($ids: [String!]!) { loanEligibilities(idNumbers: $ids, purpose: "批量贷款审查") { verdict ceiling } }`, {
      ids: world.people.slice(0, 100).map((p) => p.idNumber),
    });
    console.log(`loanEligibility: ${one.statements} round trips for 1 applicant, ${hundred.statements} for 100`);
    expect(one.statements).toBe(1);
    expect(hundred.statements).toBe(1);
    expect(await logged()).toBe(before + 101);
  });

  it('is checked in the request’s transaction, logged as alone, when asked beside another field', async () => {
    const logged = async () => Number((await t.sql<{ n: string }>(`select count(*) as n from access_log where lookup = 'LOAN_ELIGIBILITY' and id_number = ?`, [borrower.idNumber]))[0].n);
    const before = await logged();
    const { body } = await t.gql(BANK, `query($id: String!) { me { role } loanEligibility(idNumber: $id, purpose: "贷款申请 2026-17") { verdict ceiling } }`, { id: borrower.idNumber });
    expect(body.errors).toBeUndefined();
    const alone = await t.gql(BANK, CHECK, { id: borrower.idNumber });
    expect((body.data as any).loanEligibility).toEqual({ verdict: (alone.body.data as any).loanEligibility.verdict, ceiling: (alone.body.data as any).loanEligibility.ceiling });
    expect(await logged()).toBe(before + 2);
  });
});

describe('the demo data', () => {
  it('holds loans of every kind from two banks of the county, some overdue, some written off, which each bank’s rules accept sent again unchanged', async () => {
    const yuan = (column: string) => `(${column} / 100.0)::numeric(12, 2)::text`;
    const records = await t.sql<Record<string, unknown> & { bank: string }>(`select o.name as bank, r.external_id as "externalId", m.id_number as "idNumber", r.loan_number as "loanNumber",
        r.kind, ${yuan('r.amount_fen')} as amount, r.date::text as date, r.term_months as "termMonths", r.rate_basis_points as "rateBasisPoints", r.purpose,
        r.interest_subsidised as "interestSubsidised", r.overdue_days as "overdueDays"
      from micro_loan r join organisation o on o.id = r.organisation_id join member m on m.id = r.member_id
      where r.external_id like 'DEMO-%' and r.village_code like '430923%' order by r.id`);
    expect(new Set(records.map((r) => r.kind))).toEqual(new Set(['ISSUE', 'RENEWAL', 'REPAYMENT', 'OVERDUE', 'WRITE_OFF']));
    const banks = [...new Set(records.map((r) => r.bank))].sort();
    expect(banks).toEqual(['安化农村商业银行', '中国邮政储蓄银行安化县支行'].sort());
    for (const [bank, key] of [['安化农村商业银行', BANK], ['中国邮政储蓄银行安化县支行', 'demo-finance-b']]) {
      const sent = records.filter((r) => r.bank === bank).slice(0, 1000).map(({ bank: _bank, ...r }) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)));
      const { result, errors } = await sync(LOANS, sent, {}, key);
      expect(errors).toBeUndefined();
      expect(result).toMatchObject({ created: 0, updated: 0, unchanged: sent.length, rejected: [] });
    }
  });
});

describe('the poverty office’s coverage lists', () => {
  const all = async (key: string, list: string, node: string, args = ''): Promise<any[]> => {
    const found: any[] = [];
    let after: string | null = null;
    for (;;) {
      const { body }: any = await t.gql(key, `query($after: String) { ${list}(first: 100, after: $after${args}) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${node} } } } }`, { after });
      expect(body.errors).toBeUndefined();
      const page = body.data[list];
      found.push(...page.edges.map((e: any) => e.node));
      if (!page.pageInfo.hasNextPage) {
        expect(found).toHaveLength(page.totalCount);
        return found;
      }
      after = page.pageInfo.endCursor;
    }
  };

  it('lists a household with labour capacity until a bank issues it a loan (应贷尽贷), by region', async () => {
    const households = async (args = '') => (await all('demo-poverty-office', 'householdsWithoutLoans', 'id', args)).map((h) => Number(h.id));
    expect(await households()).toContain(departing.householdId);
    const [{ village_code: village }] = await t.sql<{ village_code: string }>('select village_code from household where id = ?', [departing.householdId]);
    expect(await households(`, regionCode: "${village}"`)).toContain(departing.householdId);
    expect((await sync(LOANS, [issue('cover-issue', departing.idNumber, '10000.00')])).result.created).toBe(1);
    expect(await households()).not.toContain(departing.householdId);
  });

  it('lists an overdue loan while its report stands, not another bank’s name to a bank, and refuses the lists to banks', async () => {
    const overdue = { externalId: 'cover-overdue', loanNumber: 'cover-issue', idNumber: departing.idNumber, kind: 'OVERDUE', amount: '1000.00', overdueDays: 15, date: '2026-11-01' };
    expect((await sync(LOANS, [overdue])).result.created).toBe(1);
    const listed = async () => (await all('demo-auditor', 'overdueLoans', 'externalId amount ... on MicroLoan { overdueDays loanNumber }')).map((l) => l.externalId);
    expect(await listed()).toContain('cover-overdue');
    const repaid = { externalId: 'cover-repaid', loanNumber: 'cover-issue', idNumber: departing.idNumber, kind: 'REPAYMENT', amount: '1000.00', date: '2026-11-20' };
    expect((await sync(LOANS, [repaid])).result.created).toBe(1);
    expect(await listed()).not.toContain('cover-overdue');
    for (const key of [BANK, 'demo-employment']) {
      const { body } = await t.gql(key, '{ overdueLoans { totalCount } loansOfDepartedHouseholds { totalCount } householdsWithoutLoans { totalCount } }');
      expect(body.errors?.map((e: any) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    }
  });

  it('lists the issue of a loan still owing once the borrower’s household exits or is removed', async () => {
    const [{ village_code: village }] = await t.sql<{ village_code: string }>('select village_code from household where id = ?', [departing.householdId]);
    const listed = async () => (await all('demo-poverty-office', 'loansOfDepartedHouseholds', 'externalId household { status }', `, regionCode: "${village}"`)).map((l) => l.externalId);
    expect(await listed()).not.toContain('cover-issue');
    await t.sql(`update household set status = 'EXITED', exit_year = 2026 where id = ?`, [departing.householdId]);
    expect(await listed()).toContain('cover-issue');
    const repaid = { externalId: 'cover-repaid-all', loanNumber: 'cover-issue', idNumber: departing.idNumber, kind: 'REPAYMENT', amount: '9000.00', date: '2026-11-25' };
    expect((await sync(LOANS, [repaid])).result.created).toBe(1);
    expect(await listed()).not.toContain('cover-issue');
  });
});
