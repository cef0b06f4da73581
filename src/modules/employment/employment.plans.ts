import { definePlans } from '../../../test/module-plans';

/** The main reads of employment, planned as the API role (test/query-plans.test.ts). */
export const plans = definePlans({
  reads: [
    ['employment support of a member (human resources bureau)', 'demo-employment', (l) => `{ member(idNumber: "${l.idNumber}", purpose: "query plan test") { employmentSupport { employment } measures { id } } }`],
  ],
  tables: ['employment_support'],
});
