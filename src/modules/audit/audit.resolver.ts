import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { PageArgs, toConnection } from '../../graphql/pagination';
import { OrganisationType } from '../auth';
import type { Organisation } from '../auth';
import { assertIdNumber } from '../households';
import type { AccessLogEntry } from './access-log-entry.entity';
import type { AuditEntry } from './audit-entry.entity';
import { accessHistory, AUDIT_LIST, listAuditLog, verifyAuditLog } from './audit.service';
import { AccessLogEntryType, AuditEntryConnection, AuditEntryType, AuditLogFilter, AuditLogVerificationType } from './audit.types';

@Resolver(() => AuditEntryType)
export class AuditResolver {
  @Query(() => AuditEntryConnection, { nullable: true, description: 'The audit log 操作日志 of your region, newest first' })
  async auditLog(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AuditLogFilter, { nullable: true }) filter: AuditLogFilter | undefined,
    @Args(() => PageArgs) args: PageArgs,
  ) {
    return toConnection(AuditEntryConnection, AUDIT_LIST, await listAuditLog(ctx, filter, args), (e) => e.id);
  }

  @Query(() => AuditLogVerificationType, {
    nullable: true,
    description: 'Checks the hash chain of the whole audit log and reports the first broken link 日志防篡改校验',
  })
  verifyAuditLog(@Ctx() ctx: RequestContext): Promise<AuditLogVerificationType> {
    return verifyAuditLog(ctx);
  }

  @FieldResolver(() => OrganisationType, { nullable: true, description: 'The organisation that wrote' })
  organisation(@Ctx() ctx: RequestContext, @Root() entry: AuditEntry): Promise<Organisation> {
    return ctx.loaders.organisationById.load(entry.organisation.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The first characters of the API key used' })
  apiKeyPrefix(@Root() entry: AuditEntry): string | null {
    return entry.apiKey?.prefix ?? null;
  }
}

@Resolver(() => AccessLogEntryType)
export class AccessLogResolver {
  @Query(() => [AccessLogEntryType], {
    nullable: true,
    description: 'Who looked this person up by ID number, when and why (the last 200, newest first) 查询记录',
  })
  accessHistory(@Ctx() ctx: RequestContext, @Arg('idNumber', () => String) idNumber: string): Promise<AccessLogEntry[]> {
    return accessHistory(ctx, assertIdNumber(idNumber, 'idNumber'));
  }

  @FieldResolver(() => OrganisationType, { nullable: true, description: 'The organisation that looked' })
  organisation(@Ctx() ctx: RequestContext, @Root() entry: AccessLogEntry): Promise<Organisation> {
    return ctx.loaders.organisationById.load(entry.organisation.id);
  }
}
