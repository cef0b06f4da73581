import { Role } from '../../kernel/role';
import { defineMatrix, memberRoute, memberWithRecords, mutation, query, recordForTheMeasuredHousehold, retraction, type MatrixSetUp, type RowCase } from '../../../test/matrix-routes';

const loan = (externalId: string, idNumber: string) =>
  `{ externalId: "${externalId}", idNumber: "${idNumber}", loanNumber: "${externalId}", kind: ISSUE, amount: "20000.00", date: "2026-01-10", termMonths: 36, rateBasisPoints: 435, purpose: "矩阵养殖", interestSubsidised: true }`;

/** Of borrowing age and of the education bureau's school age too, so that every role that reads members sees them. */
const BORN: [string, string] = [`current_date - interval '24 years'`, `current_date - interval '19 years'`];

const OVERDUE = { field: 'overdueLoans', args: '(first: 1)' };
const DEPARTED = { field: 'loansOfDepartedHouseholds', args: '(first: 1)' };

type Person = { member: number; household: number };
type Loans = {
  idNumber: string;
  /** The bank's borrower (its loan 'matrix-loan'), and rows it must not see: */
  borrower: Person;
  /** a member of the borrower's household who borrowed from no one, a household of the borrower's village that never borrowed, */
  relative: Person;
  neighbour: number;
  /** a borrower of the county's other bank only, and someone whose only loan from the bank was retracted. */
  otherBanks: Person;
  retracted: Person;
};

const PERSON = 'm.id as member, m.household_id as household';
const GOOD_BORROWER = `m.birth_date between current_date - interval '55 years' and current_date - interval '25 years' and m.labour_capacity in ('ORDINARY', 'SKILLED')`;
const noLoan = (household: string, bank?: string) => `not exists (select 1 from micro_loan x where x.household_id = ${household}${bank ? ` and x.organisation_id = ${bank}` : ''})`;

/**
 * Also a loan to an adult of the household with every sector's records, so that MeasureTotal's
 * route there finds the bank's own; and, for the bank's row rule, the rows around its borrower
 * it must not see (a loan recorded and retracted for one of them).
 */
async function loanFixtures(setUp: MatrixSetUp): Promise<Loans> {
  const { t, keyOf } = setUp;
  await recordForTheMeasuredHousehold(setUp, Role.FINANCE, (id) => `recordLoans(records: [${loan('matrix-loan-household', id)}]) { created }`);
  const { idNumber } = await memberWithRecords(
    setUp,
    Role.FINANCE,
    BORN,
    (id) => `recordLoans(records: [${loan('matrix-loan', id)}, ${loan('matrix-loan-retract', id)}]) { created }`,
    `exists (select 1 from household n where n.village_code = h.village_code and n.id <> h.id and ${noLoan('n.id')})`,
  );
  const [borrower] = await t.sql<Person & { bank: number; village: string }>(
    `select ${PERSON}, l.organisation_id as bank, l.village_code as village from micro_loan l join member m on m.id = l.member_id where l.external_id = 'matrix-loan'`,
  );
  const [neighbour] = await t.sql<{ id: number }>(`select h.id from household h where h.village_code = ? and ${noLoan('h.id')} order by h.id limit 1`, [borrower.village]);
  const [retracting] = await t.sql<{ id_number: string }>(
    `select m.id_number from member m join household h on h.id = m.household_id
     where h.village_code like '430923%' and h.village_code <> ? and h.status <> 'REMOVED' and ${GOOD_BORROWER} and ${noLoan('h.id')} order by m.id limit 1`,
    [borrower.village],
  );
  const { body } = await t.gql(
    keyOf(Role.FINANCE),
    `mutation { recordLoans(records: [${loan('matrix-loan-retracted', retracting.id_number)}]) { created } }`,
  );
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  const retract = await t.gql(keyOf(Role.FINANCE), 'mutation { retractLoans(externalIds: ["matrix-loan-retracted"], reason: "矩阵 matrix") { retracted } }');
  if (retract.body.errors) throw new Error(JSON.stringify(retract.body.errors));
  const [[retracted], [relative], [otherBanks]] = await Promise.all([
    t.sql<Person>(`select ${PERSON} from member m where m.id_number = ?`, [retracting.id_number]),
    t.sql<Person>(`select ${PERSON} from member m where m.household_id = ? and not exists (select 1 from micro_loan l where l.member_id = m.id) order by m.id limit 1`, [borrower.household]),
    t.sql<Person>(
      `select ${PERSON} from micro_loan l join member m on m.id = l.member_id
       where l.village_code like '430923%' and l.organisation_id <> ? and ${noLoan('l.household_id', '?')} order by l.id limit 1`,
      [borrower.bank, borrower.bank],
    ),
  ]);
  return { idNumber, borrower, relative, neighbour: neighbour.id, otherBanks, retracted };
}

/** A bank reads its borrowers (the households and members its own loans name), no one else (households.policy.ts). */
const bankRows = (l: Loans): RowCase[] => [
  {
    role: Role.FINANCE, type: 'Household', why: 'the household of its borrower; not a neighbour who never borrowed, another bank’s borrower, a retracted loan',
    sees: [l.borrower.household], hides: [l.neighbour, l.otherBanks.household, l.retracted.household],
  },
  {
    role: Role.FINANCE, type: 'Member', why: 'its borrower; not the borrower’s family, another bank’s borrower, a retracted loan’s',
    sees: [l.borrower.member], hides: [l.relative.member, l.otherBanks.member, l.retracted.member],
  },
];

export const matrix = defineMatrix({
  prepare: loanFixtures,
  rows: bankRows,
  routes: (f, w) => ({
    // The coverage lists: the demo data has overdue loans and loans to exited households.
    OverdueLoanConnection: query(OVERDUE),
    OverdueLoanEdge: query(OVERDUE, { field: 'edges' }),
    DepartedHouseholdLoanConnection: query(DEPARTED),
    DepartedHouseholdLoanEdge: query(DEPARTED, { field: 'edges' }),
    'Query.householdsWithoutLoans': query({ field: 'householdsWithoutLoans', args: '(first: 1)' }),
    LoanEligibility: query({ field: 'loanEligibility', args: `(idNumber: "${f.idNumber}", purpose: "permission matrix test")` }),
    'Query.loanEligibilities': query({ field: 'loanEligibilities', args: `(idNumbers: ["${f.idNumber}"], purpose: "permission matrix test")` }),
    MicroLoan: memberRoute(w.idNumber, 'microLoans'),
    'Mutation.recordLoans': mutation({ field: 'recordLoans', args: `(records: [${loan('matrix-loan', w.idNumber)}])` }),
    'Mutation.retractLoans': retraction('retractLoans', 'matrix-loan-retract'),
  }),
});
