import { Role } from '../../kernel/role';
import { all, connection, type ModulePolicy } from '../../policy/policy';
import { OVERSIGHT } from '../../policy/role-groups';
import { REGION_ROWS } from '../../policy/row-rules';

const { AUDITOR } = Role;

export const auditPolicy: ModulePolicy = {
  types: {
    AuditEntry: {
      rows: REGION_ROWS,
      fields: all([AUDITOR], 'id', 'at', 'organisation', 'apiKeyPrefix', 'operation', 'entity', 'entityId', 'regionCode', 'before', 'after'),
    },
    ...connection('AuditEntry', [AUDITOR]),
    AuditLogVerification: {
      rows: 'one verdict on the whole log: ids and verdicts only, no entry of another region',
      fields: all([AUDITOR], 'intact', 'entries', 'headHash', 'brokenEntryId', 'problem', 'detail'),
    },
    AccessLogEntry: {
      rows: REGION_ROWS,
      fields: all(OVERSIGHT, 'at', 'organisation', 'lookup', 'purpose', 'found'),
    },
  },
  fields: {
    Query: {
      ...all(OVERSIGHT, 'accessHistory'),
      auditLog: { read: [AUDITOR], reason: { zh: '审计日志只供纪委/审计查阅', en: 'The audit log is for discipline inspection and audit' } },
      verifyAuditLog: { read: [AUDITOR], reason: { zh: '日志完整性由纪委/审计核验', en: 'Discipline inspection and audit check that the audit log is intact' } },
    },
  },
  filters: {
    AuditLogFilter: {
      regionCode: 'AuditEntry.regionCode',
      entity: 'AuditEntry.entity',
      organisationId: 'AuditEntry.organisation',
      from: 'AuditEntry.at',
      to: 'AuditEntry.at',
    },
  },
};
