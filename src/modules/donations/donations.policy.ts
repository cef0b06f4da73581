import { Role } from '../../kernel/role';
import { all, type ModulePolicy } from '../../policy/policy';
import { EVERYONE } from '../../policy/role-groups';
import { PARTNER_RECORD_ROWS, REGION_ROWS } from '../../policy/row-rules';

const { POVERTY_OFFICE, CPPCC, BUSINESS_ASSOCIATION, AUDITOR } = Role;

/** Who gives (社会扶贫): CPPCC committee groups and business associations, chambers and enterprises. */
const DONORS = [CPPCC, BUSINESS_ASSOCIATION];

/**
 * Who reads gifts as recorded, and their totals: each donor its own (PARTNER_RECORD_ROWS: what it
 * wrote), the poverty office and audit their region's, for recognition 评比表彰 and checks. The
 * departments that work with households have no use for them.
 */
const DONATION_READERS = [...DONORS, POVERTY_OFFICE, AUDITOR];

export const donationsPolicy: ModulePolicy = {
  types: {
    Donation: {
      rows: PARTNER_RECORD_ROWS,
      fields: all(DONATION_READERS, 'externalId', 'donor', 'target', 'villageCode', 'householdNumber', 'project', 'kind', 'amount', 'description', 'purpose', 'date', 'receiptNumber'),
    },
    DonationTotal: {
      rows: PARTNER_RECORD_ROWS,
      fields: all(DONATION_READERS, 'donor', 'role', 'year', 'count', 'amount', 'cash', 'inKind', 'threshold', 'met'),
    },
    // Public 公告公示: every role of the region reads it; households' lines are withheld under the minimum for everyone alike.
    DonationNotice: { rows: REGION_ROWS, fields: all(EVERYONE, 'villageCode', 'villageName', 'year', 'minHouseholds', 'entries', 'csv') },
    DonationNoticeEntry: {
      rows: 'as its notice',
      fields: all(EVERYONE, 'donor', 'target', 'project', 'kind', 'description', 'households', 'amount', 'purpose', 'date', 'withheld'),
    },
  },
  fields: {
    Query: {
      ...all(DONATION_READERS, 'donations', 'donationTotals'),
      ...all(EVERYONE, 'donationNotice'),
    },
    Mutation: all(DONORS, 'recordDonations', 'retractDonations'),
  },
};
