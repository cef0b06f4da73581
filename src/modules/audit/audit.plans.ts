import { definePlans } from '../../../test/module-plans';

/** The main reads of the audit log and access history, planned as the API role (test/query-plans.test.ts). */
export const plans = definePlans({
  reads: [
    ['auditLog', 'demo-auditor', () => `{ auditLog(first: 50) { totalCount edges { node { operation entity regionCode } } } }`],
    ['auditLog of a region', 'demo-auditor', (l) => `{ auditLog(first: 50, filter: { regionCode: "${l.township}" }) { totalCount edges { node { operation } } } }`],
    ['accessHistory', 'demo-auditor', (l) => `{ accessHistory(idNumber: "${l.idNumber}") { at purpose organisation { name } } }`],
  ],
  tables: ['audit_entry', 'access_log'],
  ranges: [['audit_entry', 'region_code'], ['access_log', 'region_code']],
});
