import { Field, InputType, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { MoneyScalar } from '../../graphql/money.scalar';
import { AssistanceMeasure } from '../../sync/measure.types';
import { HousingGrade } from '../households';
import { HousingMeasureKind } from './housing.enums';

@InputType('HousingMeasureRecord', {
  description: 'A housing record 住房安全 of a registered household, as the housing bureau holds it: an assessment (grade, assessor), a renovation (subsidy, completion) or a relocation (site); the fields of other kinds stay empty',
})
export class HousingMeasureRecord {
  @Field(() => String, { description: 'Your own id for this record: sending it again updates it, or changes nothing' })
  externalId!: string;

  @Field(() => String, { description: "A member's 居民身份证号, usually the head's: the record is the member's household's" })
  idNumber!: string;

  @Field(() => HousingMeasureKind)
  kind!: HousingMeasureKind;

  @Field(() => LocalDateResolver, { description: 'The day assessed 鉴定日期, renovation started 开工日期 or moved in 入住日期; not in the future' })
  date!: string;

  @Field(() => HousingGrade, { nullable: true, description: 'ASSESSMENT: the safety grade 鉴定等级 A–D (C and D are dangerous 危房)' })
  grade?: HousingGrade | null;

  @Field(() => String, { nullable: true, description: 'ASSESSMENT: who assessed 鉴定机构/鉴定人' })
  assessor?: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'RENOVATION: the subsidy 危房改造补助, in yuan' })
  subsidy?: number | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'RENOVATION: the day completed 竣工日期, on or after the start, not in the future; none while it lasts' })
  completedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'RELOCATION: the resettlement site 安置点' })
  site?: string | null;
}

@ObjectType('HousingAssessment', { implements: AssistanceMeasure, description: 'A house-safety assessment 危房鉴定; the latest is the household’s housing grade. No amount' })
export class HousingAssessmentType extends AssistanceMeasure {
  @Field(() => HousingGrade)
  grade!: HousingGrade;

  @Field(() => String)
  assessor!: string;

  @Field(() => LocalDateResolver)
  assessedOn!: string;
}

@ObjectType('HousingRenovation', { implements: AssistanceMeasure, description: 'A renovation of a dangerous house 危房改造; amount is the subsidy, date the start' })
export class HousingRenovationType extends AssistanceMeasure {
  @Field(() => MoneyScalar)
  subsidy!: number;

  @Field(() => LocalDateResolver)
  startedOn!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Null while the works last' })
  completedOn!: string | null;
}

@ObjectType('Relocation', { implements: AssistanceMeasure, description: 'A relocation 易地扶贫搬迁; date is the move-in. No amount' })
export class RelocationType extends AssistanceMeasure {
  @Field(() => String)
  site!: string;

  @Field(() => LocalDateResolver)
  movedInOn!: string;
}
