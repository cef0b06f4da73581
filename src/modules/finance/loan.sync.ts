import { defineSyncKind } from '../../sync/sync-kind';
import { loanRules, microLoanProblems, type LoanRules } from './loan.rules';
import type { MicroLoanRecord } from './loan.types';

/**
 * A small loan's events (table micro_loan, migration 2026-12-06 00), one record each, grouped into
 * a loan by the bank's loan number: so a repayment is one more record, never a rewrite of the
 * loan's, and the outstanding principal (issued less repaid and written off) is a sum over them.
 */
export const MICRO_LOANS = defineSyncKind<MicroLoanRecord, LoanRules>({
  entity: 'MicroLoan',
  operation: 'recordLoans',
  retraction: 'retractLoans',
  table: 'micro_loan',
  columns: [
    { name: 'loan_number', type: 'text' },
    { name: 'kind', type: 'text' },
    { name: 'term_months', type: 'integer' },
    { name: 'rate_basis_points', type: 'integer' },
    { name: 'purpose', type: 'text' },
    { name: 'interest_subsidised', type: 'boolean' },
    { name: 'overdue_days', type: 'integer' },
  ],
  values: (r) => ({
    loan_number: r.loanNumber.trim(),
    kind: r.kind,
    term_months: r.termMonths ?? null,
    rate_basis_points: r.rateBasisPoints ?? null,
    purpose: r.purpose?.trim() ?? null,
    interest_subsidised: r.interestSubsidised ?? null,
    overdue_days: r.overdueDays ?? null,
  }),
  date: (r) => r.date,
  dateField: 'date',
  amountFen: (r) => r.amount,
  rules: loanRules,
  check: microLoanProblems,
});
