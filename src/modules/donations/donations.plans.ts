import { definePlans } from '../../../test/module-plans';

/** The main reads of donations, planned as the API role (test/query-plans.test.ts). */
export const plans = definePlans({
  reads: [
    ['a donor’s gifts of the year (CPPCC)', 'demo-cppcc', (l) => `{ donations(year: ${l.thisYear}) { externalId amount householdNumber } }`],
    ['the gifts of the county (poverty office)', 'demo-poverty-office', (l) => `{ donations(year: ${l.thisYear}) { externalId amount } }`],
    ['donors’ totals against the thresholds (poverty office)', 'demo-poverty-office', (l) => `{ donationTotals(year: ${l.thisYear}) { donor amount threshold met } }`],
    ['a village’s public notice of gifts (business association)', 'demo-business-association', (l) => `{ donationNotice(villageCode: "${l.village}", year: ${l.thisYear}) { csv entries { amount withheld } } }`],
  ],
  tables: ['donation'],
  ranges: [['donation', 'village_code']],
});
