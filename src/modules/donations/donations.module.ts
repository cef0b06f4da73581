import { defineModule } from '../module';
import { donationsPolicy } from './donations.policy';
import { DonationResolver, DonationSyncResolver } from './donation.resolver';

/** Donations 社会扶贫 of CPPCC committee groups and business associations, their totals against the CPPCC plan's thresholds, and villages' public notices (issue 13). */
export const donationsModule = defineModule({
  name: 'donations',
  resolvers: [DonationSyncResolver, DonationResolver],
  entities: [],
  policy: donationsPolicy,
});
