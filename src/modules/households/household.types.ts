import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ConnectionType } from '../../graphql/pagination';
import { HouseholdCategory, HouseholdStatus, PovertyCause } from './household.enums';
import { Education, Employment, Health, LabourCapacity, Relation, SchoolStage, Sex } from './member.enums';

@ObjectType('Household', { description: 'A registered poor household 建档立卡贫困户' })
export class HouseholdType {
  @Field(() => ID)
  id!: number;

  @Field(() => String, { description: 'Household number 户编号' })
  number!: string;

  @Field(() => Int, { description: 'Village group 村民小组 number' })
  groupNo!: number;

  @Field(() => Int, { description: 'Year of identification 识别年度' })
  registrationYear!: number;

  @Field(() => HouseholdStatus, { nullable: true })
  status!: HouseholdStatus;

  @Field(() => Int, { nullable: true, description: 'Year the household exited poverty 脱贫年度' })
  exitYear?: number | null;

  @Field(() => HouseholdCategory, { nullable: true, description: '贫困户属性' })
  category!: HouseholdCategory;

  @Field(() => [PovertyCause], { nullable: true, description: '致贫原因' })
  causes!: PovertyCause[];

  @Field(() => Int, { description: 'Optimistic-locking version; send it back with an update' })
  version!: number;
}

@ObjectType('Member', { description: 'A member of a registered household 家庭成员' })
export class MemberType {
  @Field(() => ID)
  id!: number;

  @Field(() => String, { nullable: true, description: '姓名' })
  name!: string;

  @Field(() => String, { nullable: true, description: '居民身份证号 resident ID number (GB 11643)' })
  idNumber!: string;

  @Field(() => Relation, { nullable: true, description: '与户主关系' })
  relation!: Relation;

  @Field(() => Sex, { nullable: true })
  sex!: Sex;

  @Field(() => LocalDateResolver, { nullable: true, description: '出生日期' })
  birthDate!: string;

  @Field(() => Education, { nullable: true })
  education!: Education;

  @Field(() => SchoolStage, { nullable: true })
  schoolStage!: SchoolStage;

  @Field(() => Health, { nullable: true })
  health!: Health;

  @Field(() => Int, { nullable: true, description: 'Disability grade 残疾等级 1 (most severe) to 4' })
  disabilityGrade?: number | null;

  @Field(() => LabourCapacity, { nullable: true })
  labourCapacity!: LabourCapacity;

  @Field(() => Employment, { nullable: true })
  employment!: Employment;

  @Field(() => Boolean, { nullable: true, description: 'Enrolled in basic medical insurance 基本医疗保险' })
  medicalInsurance!: boolean;
}

export const HouseholdConnection = ConnectionType(HouseholdType, 'Household', 'A page of households within your scope');

export enum HouseholdOrder {
  ID = 'ID',
  PRIORITY = 'PRIORITY',
}

registerEnumType(HouseholdOrder, {
  name: 'HouseholdOrder',
  description: 'Order of a household list',
  valuesConfig: {
    ID: { description: 'by id, oldest registration first' },
    PRIORITY: { description: '六优先: highest priority score first, then by id — the order to work through pending applications' },
  },
});

@InputType({ description: 'Which households to list; all conditions must hold' })
export class HouseholdFilter {
  @Field(() => String, { nullable: true, description: 'Region-code prefix of the village, e.g. "430923100"' })
  regionCode?: string;

  @Field(() => [HouseholdStatus], { nullable: true })
  status?: HouseholdStatus[];

  @Field(() => [HouseholdCategory], { nullable: true })
  category?: HouseholdCategory[];

  @Field(() => [PovertyCause], { nullable: true, description: 'Households with any of these causes' })
  cause?: PovertyCause[];
}
