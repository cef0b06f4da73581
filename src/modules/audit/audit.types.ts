import { DateTimeISOResolver, JSONObjectResolver } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
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
