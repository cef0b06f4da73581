import { defineModule } from '../module';
import { financePolicy } from './finance.policy';
import { LoanEligibilityResolver } from './loan-eligibility.resolver';

/** Small-loan eligibility (扶贫小额信贷) for banks. */
export const financeModule = defineModule({
  name: 'finance',
  resolvers: [LoanEligibilityResolver],
  entities: [],
  policy: financePolicy,
});
