import { defineModule } from '../module';
import { financePolicy } from './finance.policy';
import { LoanEligibilityResolver } from './loan-eligibility.resolver';
import { MemberLoansResolver, MicroLoanResolver, MicroLoanSyncResolver } from './loan.resolver';
import { FINANCE_MEASURES } from './loan.rows';

/** Small loans 扶贫小额信贷: eligibility checks for banks, and the loans' events banks send in batches (issue 12). */
export const financeModule = defineModule({
  name: 'finance',
  resolvers: [LoanEligibilityResolver, MicroLoanSyncResolver, MicroLoanResolver, MemberLoansResolver],
  entities: [],
  policy: financePolicy,
  measures: FINANCE_MEASURES,
});
