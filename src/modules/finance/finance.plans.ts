import { definePlans } from '../../../test/module-plans';

/** The main reads of small loans, planned as the API role (test/query-plans.test.ts). */
export const plans = definePlans({
  reads: [
    ['loanEligibility', 'demo-finance', (l) => `{ loanEligibility(idNumber: "${l.idNumber}", purpose: "query plan test") { eligible reasons } }`],
    ['households without a small loan 应贷尽贷 (poverty office)', 'demo-poverty-office', () => `{ householdsWithoutLoans(first: 50) { totalCount edges { cursor node { number } } } }`],
    ['households without a small loan of a township (auditor)', 'demo-auditor', (l) => `{ householdsWithoutLoans(first: 50, regionCode: "${l.township}") { totalCount edges { node { id } } } }`],
    ['overdue loans (poverty office)', 'demo-poverty-office', () => `{ overdueLoans(first: 50) { totalCount edges { cursor node { amount ... on MicroLoan { overdueDays loanNumber } recordedBy { name } } } } }`],
    ['loans of exited or removed households (poverty office)', 'demo-poverty-office', () => `{ loansOfDepartedHouseholds(first: 50) { totalCount edges { node { amount household { status } } } } }`],
    ['a member’s loans (bank)', 'demo-finance', (l) => `{ member(idNumber: "${l.idNumber}", purpose: "query plan test") { microLoans { loanNumber } measures { id } } }`],
  ],
  tables: ['micro_loan'],
});
