/** The public entry of the module: what other modules and the server may use of it (docs/modules.md). */
export { PersonLookup } from './access-log-entry.entity';
export { audited, auditedAs, logPersonLookup, logPersonLookups, personLookupsSql, type Audit } from './audit.service';
export { auditAll, type BulkAuditEntry } from './bulk-audit';
