import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { MoneyScalar } from '../../graphql/money.scalar';
import { AssistanceMeasure } from '../../sync/measure.types';
import { Employment } from '../households';
import { EmploymentSupportKind } from './employment.enums';

@InputType('EmploymentSupportRecord', { description: 'One employment support measure 就业扶贫 as the human resources bureau 人社局 holds it' })
export class EmploymentSupportRecord {
  @Field(() => String, { description: 'Your own id for this record: sending it again updates it, or changes nothing' })
  externalId!: string;

  @Field(() => String, { description: "The worker's 居民身份证号" })
  idNumber!: string;

  @Field(() => EmploymentSupportKind)
  kind!: EmploymentSupportKind;

  @Field(() => String, { description: 'The post (护林员), the workshop or base (扶贫车间), the course (培训项目), where the work away is (务工地) or the venture (创业项目)' })
  title!: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'In yuan: a post’s or job’s monthly pay 月工资, a subsidy paid, a training subsidy; required but for training' })
  amount?: number | null;

  @Field(() => LocalDateResolver, { description: 'Day it took effect 起始日期: a post or job began, a subsidy was paid, a course was completed; not in the future' })
  date!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day of a post or job 截止日期, on or after `date`; null while it lasts. Posts and jobs only' })
  until?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Travel subsidy only, and required there: the work is outside the province 省外 (true) or within it 省内 (false)' })
  outOfProvince?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Training only, and required there: hours of the course 培训课时' })
  hours?: number | null;

  @Field(() => String, { nullable: true, description: 'Training only: the certificate obtained 证书 (职业技能等级证书, 培训合格证), if any' })
  certificate?: string | null;
}

@ObjectType('EmploymentSupport', {
  implements: AssistanceMeasure,
  description: 'An employment support measure 就业扶贫; the latest placing the member in work gives their employment 务工状况 (the registry’s `employment` is the poverty office’s own entry)',
})
export class EmploymentSupportType extends AssistanceMeasure {
  @Field(() => EmploymentSupportKind)
  supportKind!: EmploymentSupportKind;

  @Field(() => String)
  title!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day of a post or job; null while it lasts' })
  until!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Travel subsidy: work outside the province 省外' })
  outOfProvince!: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Training: hours 课时' })
  hours!: number | null;

  @Field(() => String, { nullable: true, description: 'Training: certificate 证书' })
  certificate!: string | null;

  @Field(() => Employment, { nullable: true, description: 'The employment 务工状况 this record places the member in (a post, local work, work in or outside the province); null for training' })
  employment!: Employment | null;
}
