import { Role } from '../../kernel/role';
import { defineMatrix, mutation, query, retraction, type MatrixSetUp } from '../../../test/matrix-routes';

const YEAR = 2025;
const gift = (externalId: string, villageCode: string) =>
  `{ externalId: "${externalId}", target: VILLAGE, villageCode: "${villageCode}", kind: CASH, amount: "1000.00", purpose: "矩阵 matrix", date: "${YEAR}-03-01", receiptNumber: "M-1" }`;

/** A gift of each donor role to the CPPCC's paired village, so that each donor, the poverty office and audit find one of their own or their region's. */
async function gifts({ t, keyOf }: MatrixSetUp): Promise<{ villageCode: string }> {
  const [{ village_code: villageCode }] = await t.sql<{ village_code: string }>(
    `select p.village_code from organisation_pairing p join organisation o on o.id = p.organisation_id where o.role = 'CPPCC' and o.scopes = '{430923}' order by p.village_code limit 1`,
  );
  for (const role of [Role.CPPCC, Role.BUSINESS_ASSOCIATION]) {
    const { body } = await t.gql(keyOf(role), `mutation { recordDonations(records: [${gift('matrix-dn', villageCode)}, ${gift('matrix-dn-retract', villageCode)}]) { created } }`);
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  }
  return { villageCode };
}

export const matrix = defineMatrix({
  prepare: gifts,
  routes: (_f, w) => ({
    Donation: query({ field: 'donations', args: `(year: ${YEAR})` }),
    DonationTotal: query({ field: 'donationTotals', args: `(year: ${YEAR})` }),
    DonationNotice: query({ field: 'donationNotice', args: `(villageCode: "${w.villageCode}", year: ${YEAR})` }),
    DonationNoticeEntry: query({ field: 'donationNotice', args: `(villageCode: "${w.villageCode}", year: ${YEAR})` }, { field: 'entries' }),
    'Mutation.recordDonations': mutation({ field: 'recordDonations', args: `(records: [${gift('matrix-dn', w.villageCode)}])` }),
    'Mutation.retractDonations': retraction('retractDonations', 'matrix-dn-retract'),
  }),
});
