import { Migration20261208000000_donations } from '../../../migrations/Migration20261208000000_donations';
import { insertDonations } from '../../../seeds/demo/donations';
import { TEXT } from '../../kernel/text';
import { defineModule } from '../module';
import { donationsPolicy } from './donations.policy';
import { DonationResolver, DonationSyncResolver } from './donation.resolver';
import { DONATIONS } from './donation.sync';

/** Donations 社会扶贫 of CPPCC committee groups and business associations, their totals against the CPPCC plan's thresholds, and villages' public notices (issue 13). */
export const donationsModule = defineModule({
  name: 'donations',
  resolvers: [DonationSyncResolver, DonationResolver],
  entities: [],
  policy: donationsPolicy,
  syncs: [DONATIONS],
  inputs: {
    'DonationRecord.externalId': TEXT.EXTERNAL_ID,
    'DonationRecord.villageCode': TEXT.REGION_CODE,
    'DonationRecord.householdNumber': TEXT.HOUSEHOLD_NUMBER,
    'DonationRecord.project': TEXT.NOTICE_LINE,
    'DonationRecord.description': TEXT.NOTICE_LINE,
    'DonationRecord.purpose': TEXT.NOTICE_LINE,
    'DonationRecord.receiptNumber': TEXT.NAME,
    'Query.donationNotice(villageCode)': TEXT.REGION_CODE,
  },
  migrations: [Migration20261208000000_donations],
  demo: insertDonations,
});
