import { defineMatrix, query } from '../../../test/matrix-routes';

const auditLog = { field: 'auditLog', args: '(first: 1)' };

export const matrix = defineMatrix({
  routes: (f) => ({
    AuditEntry: query(auditLog, { field: 'edges' }, { field: 'node' }),
    AuditEntryConnection: query(auditLog),
    AuditEntryEdge: query(auditLog, { field: 'edges' }),
    AuditLogVerification: query({ field: 'verifyAuditLog' }),
    AccessLogEntry: query({ field: 'accessHistory', args: `(idNumber: "${f.idNumber}")` }),
    'Query.accessHistory': query({ field: 'accessHistory', args: `(idNumber: "${f.idNumber}")` }),
  }),
});
