import { definePlans } from '../../../test/module-plans';

/** The main reads of regions, planned as the API role (test/query-plans.test.ts). */
export const plans = definePlans({
  reads: [
    ['villages list', 'demo-poverty-office', () => `{ villages(first: 20) { totalCount edges { node { code name township { name } } } } }`],
    ['villages of a township', 'demo-poverty-office', (l) => `{ villages(first: 20, filter: { regionCode: "${l.township}" }) { totalCount edges { node { code } } } }`],
    ['region children', 'demo-poverty-office', () => `{ region(code: "430923000000") { name children { code name children { code } } } }`],
  ],
  tables: ['region'],
  ranges: [['region', 'code']],
});
