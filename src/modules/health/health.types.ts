import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { MoneyScalar } from '../../graphql/money.scalar';
import { AssistanceMeasure } from '../../sync/measure.types';
import { CareSetting, InsuranceScheme } from './health.enums';

const EXTERNAL_ID = { description: 'Your own id for this record: sending it again updates it, or changes nothing' };

@InputType('InsuranceEnrolmentRecord', { description: "A member's enrolment in a medical-insurance scheme 参保 for a year, as the insurer holds it" })
export class InsuranceEnrolmentRecord {
  @Field(() => String, EXTERNAL_ID)
  externalId!: string;

  @Field(() => String, { description: "The insured person's 居民身份证号" })
  idNumber!: string;

  @Field(() => Int, { description: 'The year insured 参保年度: this one or the next (集中征缴 is in the autumn before)' })
  year!: number;

  @Field(() => InsuranceScheme)
  scheme!: InsuranceScheme;

  @Field(() => MoneyScalar, { description: 'Premium 个人缴费标准, in yuan' })
  premium!: number;

  @Field(() => MoneyScalar, { description: 'The part of the premium the government paid 代缴, in yuan, at most the premium' })
  governmentPaid!: number;

  @Field(() => LocalDateResolver, { description: 'Day enrolled 参保日期, not in the future' })
  enrolledOn!: string;
}

@InputType('MedicalClaimRecord', { description: 'A settled medical claim 医疗费用结算 as the insurer or hospital holds it; the parts add up to the total' })
export class MedicalClaimRecord {
  @Field(() => String, EXTERNAL_ID)
  externalId!: string;

  @Field(() => String, { description: "The patient's 居民身份证号" })
  idNumber!: string;

  @Field(() => String, { description: 'Hospital 医疗机构' })
  hospital!: string;

  @Field(() => CareSetting)
  setting!: CareSetting;

  @Field(() => LocalDateResolver, { description: 'Day admitted 入院 (outpatient: the day seen)' })
  admittedOn!: string;

  @Field(() => LocalDateResolver, { description: 'Day discharged 出院, on or after admission, not in the future' })
  dischargedOn!: string;

  @Field(() => MoneyScalar, { description: 'Total cost 医疗总费用, in yuan' })
  totalCost!: number;

  @Field(() => MoneyScalar, { description: 'The part within the schemes’ catalogue 政策范围内费用, at most the total' })
  eligibleCost!: number;

  @Field(() => MoneyScalar, { description: '基本医保 paid' })
  basicInsurance!: number;

  @Field(() => MoneyScalar, { description: '大病保险 paid' })
  criticalIllnessInsurance!: number;

  @Field(() => MoneyScalar, { description: '医疗救助 medical assistance paid' })
  medicalAssistance!: number;

  @Field(() => MoneyScalar, { description: '补充医疗保险 paid' })
  supplementaryInsurance!: number;

  @Field(() => MoneyScalar, { description: 'The patient’s own part 个人自付' })
  outOfPocket!: number;

  @Field(() => Boolean, { description: 'Settled in one stop 一站式结算 at the hospital' })
  oneStopSettlement!: boolean;
}

@InputType('FamilyDoctorContractRecord', { description: 'A family-doctor contract 家庭医生签约服务 as the health centre holds it' })
export class FamilyDoctorContractRecord {
  @Field(() => String, EXTERNAL_ID)
  externalId!: string;

  @Field(() => String, { description: "The signed person's 居民身份证号" })
  idNumber!: string;

  @Field(() => String, { description: 'The family-doctor team 家庭医生团队' })
  team!: string;

  @Field(() => LocalDateResolver, { description: 'Day signed 签约日期, not in the future' })
  signedOn!: string;

  @Field(() => LocalDateResolver, { description: 'Last day of the contract 有效期至, on or after the day signed' })
  validUntil!: string;
}

@ObjectType('InsuranceEnrolment', { implements: AssistanceMeasure, description: "A member's medical-insurance enrolment 参保 for a year; amount is the premium" })
export class InsuranceEnrolmentType extends AssistanceMeasure {
  @Field(() => Int)
  year!: number;

  @Field(() => InsuranceScheme)
  scheme!: InsuranceScheme;

  @Field(() => MoneyScalar)
  premium!: number;

  @Field(() => MoneyScalar, { description: '代缴: the part the government paid' })
  governmentPaid!: number;
}

@ObjectType('MedicalClaim', { implements: AssistanceMeasure, description: 'A settled medical claim 医疗费用结算; amount is the total cost, date the discharge' })
export class MedicalClaimType extends AssistanceMeasure {
  @Field(() => String)
  hospital!: string;

  @Field(() => CareSetting)
  setting!: CareSetting;

  @Field(() => LocalDateResolver)
  admittedOn!: string;

  @Field(() => LocalDateResolver)
  dischargedOn!: string;

  @Field(() => MoneyScalar)
  totalCost!: number;

  @Field(() => MoneyScalar)
  eligibleCost!: number;

  @Field(() => MoneyScalar)
  basicInsurance!: number;

  @Field(() => MoneyScalar)
  criticalIllnessInsurance!: number;

  @Field(() => MoneyScalar)
  medicalAssistance!: number;

  @Field(() => MoneyScalar)
  supplementaryInsurance!: number;

  @Field(() => MoneyScalar)
  outOfPocket!: number;

  @Field(() => Boolean)
  oneStopSettlement!: boolean;

  @Field(() => Float, { nullable: true, description: 'Out-of-pocket share of the eligible cost 自付比例 (out-of-pocket ÷ eligible cost); null when nothing was eligible' })
  outOfPocketShare!: number | null;

  @Field(() => Boolean, { description: 'The share is above the limit (10 %, seed 002: 住院自费费用控制在10%以内): a risk of 因病致贫' })
  outOfPocketAboveLimit!: boolean;
}

@ObjectType('FamilyDoctorContract', { implements: AssistanceMeasure, description: 'A family-doctor contract 家庭医生签约; date is the day signed' })
export class FamilyDoctorContractType extends AssistanceMeasure {
  @Field(() => String)
  team!: string;

  @Field(() => LocalDateResolver)
  signedOn!: string;

  @Field(() => LocalDateResolver)
  validUntil!: string;
}
