import { Migration20261206000000_micro_loans } from '../../../migrations/Migration20261206000000_micro_loans';
import { Migration20261206010000_loan_coverage } from '../../../migrations/Migration20261206010000_loan_coverage';
import { Migration20261209000000_loan_standing_plan } from '../../../migrations/Migration20261209000000_loan_standing_plan';
import { insertLoanRecords } from '../../../seeds/demo/finance';
import { TEXT, withMaxItems } from '../../kernel/text';
import { MAX_BATCH_IDS } from '../../rate-limit/person-lookups';
import { defineModule } from '../module';
import { financePolicy } from './finance.policy';
import { LoanCoverageResolver } from './loan-coverage.resolver';
import { LoanEligibilityResolver } from './loan-eligibility.resolver';
import { MemberLoansResolver, MicroLoanResolver, MicroLoanSyncResolver } from './loan.resolver';
import { FINANCE_MEASURES } from './loan.rows';
import { MICRO_LOANS } from './loan.sync';

/** Small loans 扶贫小额信贷: eligibility checks for banks, the loans' events banks send in batches, and the poverty office's coverage lists (issue 12). */
export const financeModule = defineModule({
  name: 'finance',
  resolvers: [LoanEligibilityResolver, MicroLoanSyncResolver, MicroLoanResolver, MemberLoansResolver, LoanCoverageResolver],
  entities: [],
  policy: financePolicy,
  measures: FINANCE_MEASURES,
  syncs: [MICRO_LOANS],
  soleStatements: ['loanEligibility', 'loanEligibilities'],
  inputs: {
    // People by ID number: each look-up names its purpose
    'Query.loanEligibility(idNumber)': TEXT.ID_NUMBER,
    'Query.loanEligibility(purpose)': TEXT.PURPOSE,
    'Query.loanEligibilities(idNumbers)': withMaxItems(TEXT.ID_NUMBER, MAX_BATCH_IDS),
    'Query.loanEligibilities(purpose)': TEXT.PURPOSE,
    'MicroLoanRecord.externalId': TEXT.EXTERNAL_ID,
    'MicroLoanRecord.idNumber': TEXT.ID_NUMBER,
    'MicroLoanRecord.loanNumber': TEXT.EXTERNAL_ID,
    'MicroLoanRecord.purpose': TEXT.NAME,
    'Query.householdsWithoutLoans(regionCode)': TEXT.REGION_CODE,
    'Query.householdsWithoutLoans(after)': TEXT.CURSOR,
    'Query.overdueLoans(regionCode)': TEXT.REGION_CODE,
    'Query.overdueLoans(after)': TEXT.CURSOR,
    'Query.loansOfDepartedHouseholds(regionCode)': TEXT.REGION_CODE,
    'Query.loansOfDepartedHouseholds(after)': TEXT.CURSOR,
  },
  migrations: [Migration20261206000000_micro_loans, Migration20261206010000_loan_coverage, Migration20261209000000_loan_standing_plan],
  demo: insertLoanRecords,
});
