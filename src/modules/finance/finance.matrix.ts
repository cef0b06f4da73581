import { Role } from '../../kernel/role';
import { defineMatrix, memberRoute, memberWithRecords, mutation, query, recordForTheMeasuredHousehold, retraction, type MatrixSetUp } from '../../../test/matrix-routes';

const loan = (externalId: string, idNumber: string) =>
  `{ externalId: "${externalId}", idNumber: "${idNumber}", loanNumber: "${externalId}", kind: ISSUE, amount: "20000.00", date: "2026-01-10", termMonths: 36, rateBasisPoints: 435, purpose: "矩阵养殖", interestSubsidised: true }`;

/** Of borrowing age and of the education bureau's school age too, so that every role that reads members sees them. */
const BORN: [string, string] = [`current_date - interval '24 years'`, `current_date - interval '19 years'`];

const OVERDUE = { field: 'overdueLoans', args: '(first: 1)' };
const DEPARTED = { field: 'loansOfDepartedHouseholds', args: '(first: 1)' };

/** Also a loan to an adult of the household with every sector's records, so that MeasureTotal's route there finds the bank's own. */
async function loanFixtures(setUp: MatrixSetUp): Promise<{ idNumber: string }> {
  await recordForTheMeasuredHousehold(setUp, Role.FINANCE, (id) => `recordLoans(records: [${loan('matrix-loan-household', id)}]) { created }`);
  return memberWithRecords(setUp, Role.FINANCE, BORN, (id) => `recordLoans(records: [${loan('matrix-loan', id)}, ${loan('matrix-loan-retract', id)}]) { created }`);
}

export const matrix = defineMatrix({
  prepare: loanFixtures,
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
