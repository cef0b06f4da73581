import { defineModule } from '../module';
import { financePolicy } from './finance.policy';
import { LoanCoverageResolver } from './loan-coverage.resolver';
import { LoanEligibilityResolver } from './loan-eligibility.resolver';
import { MemberLoansResolver, MicroLoanResolver, MicroLoanSyncResolver } from './loan.resolver';
import { FINANCE_MEASURES } from './loan.rows';

/** Small loans 扶贫小额信贷: eligibility checks for banks, the loans' events banks send in batches, and the poverty office's coverage lists (issue 12). */
export const financeModule = defineModule({
  name: 'finance',
  resolvers: [LoanEligibilityResolver, MicroLoanSyncResolver, MicroLoanResolver, MemberLoansResolver, LoanCoverageResolver],
  entities: [],
  policy: financePolicy,
  measures: FINANCE_MEASURES,
});
