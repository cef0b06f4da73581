import { Field, InputType, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ConnectionType } from '../../graphql/pagination';
import { MoneyScalar } from '../../graphql/money.scalar';
import { AssistanceMeasure } from '../../sync/measure.types';
import { SocialAssistanceKind } from './civil-affairs.enums';

@InputType('SocialAssistanceRecord', { description: 'Social assistance 社会救助 granted to a member of a registered household, as the civil-affairs office holds it' })
export class SocialAssistanceRecord {
  @Field(() => String, { description: 'Your own id for this record: sending it again updates it, or changes nothing' })
  externalId!: string;

  @Field(() => String, { description: "The person assisted 保障对象's 居民身份证号 (a 低保 household: one record for each member covered)" })
  idNumber!: string;

  @Field(() => SocialAssistanceKind)
  kind!: SocialAssistanceKind;

  @Field(() => MoneyScalar, {
    description: 'In yuan: the monthly amount 月发放金额 for every kind but TEMPORARY_ASSISTANCE, which is paid once; a 低保 at most the region’s standard for the year (SUBSISTENCE_ALLOWANCE_STANDARD)',
  })
  amount!: number;

  @Field(() => LocalDateResolver, { description: 'First day 起始日期 (temporary assistance: the day paid), not in the future' })
  from!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day 终止日期, on or after `from`; none while it lasts. Temporary assistance has none' })
  to?: string | null;
}

@ObjectType('SocialAssistance', { implements: AssistanceMeasure, description: 'Social assistance 社会救助 (兜底保障) the civil-affairs office granted; amount is monthly but for temporary assistance, date the first day' })
export class SocialAssistanceType extends AssistanceMeasure {
  @Field(() => SocialAssistanceKind)
  assistanceKind!: SocialAssistanceKind;

  @Field(() => LocalDateResolver)
  from!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Null while it lasts' })
  to!: string | null;
}

/** 低保 granted to households the registry counts as general (一般贫困户): a finding for the poverty office to check, not a refusal. */
export const SocialAssistanceMismatchConnection = ConnectionType(
  SocialAssistanceType,
  'SocialAssistanceMismatch',
  '低保 records in force whose household’s category is GENERAL (一般贫困户): either the allowance or the category is wrong',
);
