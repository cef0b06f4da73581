import { Migration20261201020000_audit_chain } from '../../../migrations/Migration20261201020000_audit_chain';
import { Migration20261202020000_audit_chain_per_statement } from '../../../migrations/Migration20261202020000_audit_chain_per_statement';
import { TEXT } from '../../kernel/text';
import { defineModule } from '../module';
import { AccessLogEntry } from './access-log-entry.entity';
import { AuditEntry } from './audit-entry.entity';
import { auditPolicy } from './audit.policy';
import { AccessLogResolver, AuditResolver } from './audit.resolver';
import { Trace } from './trace.entity';

/** The append-only audit log of writes and the access log of look-ups by ID number (痕迹管理). */
export const auditModule = defineModule({
  name: 'audit',
  resolvers: [AuditResolver, AccessLogResolver],
  entities: [Trace, AuditEntry, AccessLogEntry],
  policy: auditPolicy,
  inputs: {
    'Query.auditLog(after)': TEXT.CURSOR,
    'AuditLogFilter.regionCode': TEXT.REGION_CODE,
    'AuditLogFilter.entity': TEXT.IDENTIFIER,
    'Query.accessHistory(idNumber)': TEXT.ID_NUMBER,
  },
  migrations: [Migration20261201020000_audit_chain, Migration20261202020000_audit_chain_per_statement],
});
