import { DateTimeISOResolver, JSONObjectResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../graphql/pagination';
import { PersonLookup } from './access-log-entry.entity';

registerEnumType(PersonLookup, {
  name: 'PersonLookup',
  description: 'A look-up of a person by ID number that leaves a trace',
  valuesConfig: {
    MEMBER: { description: 'member(idNumber) 按身份证号查询成员' },
    LOAN_ELIGIBILITY: { description: 'loanEligibility(idNumber) or loanEligibilities(idNumbers) 小额信贷资格查询' },
    REGISTRATION: { description: 'An attempt to register this person again, refused 重复建档' },
  },
});

@ObjectType('AuditEntry', { description: 'One write and what it changed 操作留痕; append-only' })
export class AuditEntryType {
  @Field(() => ID)
  id!: string;

  @Field(() => DateTimeISOResolver)
  at!: Date;

  @Field(() => String, { description: 'The mutation that wrote it' })
  operation!: string;

  @Field(() => String, { description: 'The kind of record changed, e.g. ApiKey, Household' })
  entity!: string;

  @Field(() => String)
  entityId!: string;

  @Field(() => String, { nullable: true })
  regionCode?: string | null;

  @Field(() => JSONObjectResolver, { nullable: true })
  before?: Record<string, unknown> | null;

  @Field(() => JSONObjectResolver, { nullable: true })
  after?: Record<string, unknown> | null;
}

export const AuditEntryConnection = ConnectionType(AuditEntryType, 'AuditEntry', 'A page of audit entries, newest first');

@InputType({ description: 'Which audit entries to list; all conditions must hold' })
export class AuditLogFilter {
  @Field(() => String, { nullable: true, description: 'Region-code prefix of the changed record' })
  regionCode?: string;

  @Field(() => String, { nullable: true })
  entity?: string;

  @Field(() => ID, { nullable: true, description: 'The organisation that wrote' })
  organisationId?: string;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'From this instant, inclusive' })
  from?: Date;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'Until this instant, exclusive' })
  to?: Date;
}

@ObjectType('AccessLogEntry', { description: 'One look-up of a person by ID number, with its stated purpose' })
export class AccessLogEntryType {
  @Field(() => DateTimeISOResolver)
  at!: Date;

  @Field(() => PersonLookup)
  lookup!: PersonLookup;

  @Field(() => String, { description: 'The purpose the caller stated 查询用途' })
  purpose!: string;

  @Field(() => Boolean, { description: 'Whether a registered person was found within the caller’s scope' })
  found!: boolean;
}

export enum AuditLogProblem {
  MISSING = 'MISSING',
  ALTERED = 'ALTERED',
  UNCHAINED = 'UNCHAINED',
}

registerEnumType(AuditLogProblem, {
  name: 'AuditLogProblem',
  description: 'How the audit log’s hash chain is broken',
  valuesConfig: {
    MISSING: { description: 'An entry was deleted: its successor (or the head of the chain) names it, the log no longer holds it' },
    ALTERED: { description: 'An entry no longer matches its hash: its fields, or its link to the entry before it, were changed' },
    UNCHAINED: { description: 'An entry carries no link: it was written with the chain trigger switched off' },
  },
});

@ObjectType('AuditLogVerification', {
  description: 'Whether the audit log is as written 日志完整性校验: its hash chain checked, entry by entry, across every region',
})
export class AuditLogVerificationType {
  @Field(() => Boolean, { description: 'True when every entry matches its hash and none is missing' })
  intact!: boolean;

  @Field(() => Int, { description: 'Entries in the whole log, every region' })
  entries!: number;

  @Field(() => String, { description: 'SHA-256 at the head of the chain (hex): note it down; a later head must descend from it' })
  headHash!: string;

  @Field(() => ID, { nullable: true, description: 'The first broken link: the entry missing or altered' })
  brokenEntryId?: string | null;

  @Field(() => AuditLogProblem, { nullable: true })
  problem?: AuditLogProblem | null;

  @Field(() => String, { nullable: true, description: 'What is wrong, in words' })
  detail?: string | null;
}
