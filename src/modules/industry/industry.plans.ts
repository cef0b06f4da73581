import { definePlans } from '../../../test/module-plans';

/** The main reads of industry, planned as the API role (test/query-plans.test.ts). */
export const plans = definePlans({
  reads: [
    ['industry support of a household (poverty office)', 'demo-poverty-office', (l) => `{ household(id: "${l.householdId}") { measures(sector: INDUSTRY) { id amount } members { industrySupport { project } } } }`],
  ],
  tables: ['industry_support'],
});
