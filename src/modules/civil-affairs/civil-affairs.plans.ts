import { definePlans } from '../../../test/module-plans';

/** The main reads of civil affairs, planned as the API role (test/query-plans.test.ts). */
export const plans = definePlans({
  reads: [
    ['social assistance of a member (civil affairs)', 'demo-civil-affairs', (l) => `{ member(idNumber: "${l.idNumber}", purpose: "query plan test") { socialAssistance { amount from to } } }`],
    ['低保 mismatches (poverty office)', 'demo-poverty-office', () => `{ socialAssistanceMismatches(first: 50) { totalCount edges { cursor node { amount household { number } } } } }`],
    ['低保 mismatches of a township (auditor)', 'demo-auditor', (l) => `{ socialAssistanceMismatches(first: 50, regionCode: "${l.township}") { totalCount edges { node { id } } } }`],
  ],
  tables: ['social_assistance'],
  ranges: [['social_assistance', 'village_code']],
});
