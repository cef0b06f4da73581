import type { MeasureBase } from '../../sync/measure.rows';
import { defineMeasureRecords, type SectorMeasures } from '../../sync/measure-source';
import type { LoanEventKind } from './loan.enums';
import { MicroLoanType } from './loan.types';

export type MicroLoanRow = MeasureBase & {
  measureType: 'MicroLoan';
  loanNumber: string;
  event: LoanEventKind;
  termMonths: number | null;
  rateBasisPoints: number | null;
  purpose: string | null;
  interestSubsidised: boolean | null;
  overdueDays: number | null;
};

type Facts = Omit<MicroLoanRow, keyof MeasureBase>;

/** Loan events as measures (src/sync/measures.ts): the kind is the event's. */
const MICRO_LOAN_MEASURES = defineMeasureRecords<Facts, Facts>({
  type: 'MicroLoan',
  of: MicroLoanType,
  table: 'micro_loan',
  facts: (t) => `json_build_object('loanNumber', ${t}.loan_number, 'event', ${t}.kind, 'termMonths', ${t}.term_months, 'rateBasisPoints', ${t}.rate_basis_points,
      'purpose', ${t}.purpose, 'interestSubsidised', ${t}.interest_subsidised, 'overdueDays', ${t}.overdue_days)`,
  kind: (f) => f.event,
  fields: (f) => f,
});

export const FINANCE_MEASURES: SectorMeasures = { sector: 'FINANCE', description: '金融扶贫 small loans', records: [MICRO_LOAN_MEASURES] };
