import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { MoneyScalar } from '../../graphql/money.scalar';
import { TEXT } from '../../kernel/text';
import { OrganisationType } from '../auth';
import { HouseholdCategory, HouseholdStatus, PovertyCause } from './household.enums';
import { Education, Employment, Health, LabourCapacity, Relation, SchoolStage, Sex } from './member.enums';
import { AssuranceItemKind, ExclusionRule, HousingGrade, StatusChangeKind, Verdict } from './registry.enums';

@InputType({ description: 'A person to register as a household member' })
export class MemberInput {
  @Field(() => String) name!: string;
  @Field(() => String, { description: '居民身份证号; its birth date and sex must match the ones given' }) idNumber!: string;
  @Field(() => Relation) relation!: Relation;
  @Field(() => Sex) sex!: Sex;
  @Field(() => LocalDateResolver) birthDate!: string;
  @Field(() => Education) education!: Education;
  @Field(() => SchoolStage) schoolStage!: SchoolStage;
  @Field(() => Health) health!: Health;
  @Field(() => Int, { nullable: true, description: 'Required when health is DISABLED, 1 (most severe) to 4' }) disabilityGrade?: number | null;
  @Field(() => LabourCapacity) labourCapacity!: LabourCapacity;
  @Field(() => Employment) employment!: Employment;
  @Field(() => Boolean) medicalInsurance!: boolean;
}

@InputType({ description: 'Changes to a member; omitted fields stay as they are' })
export class MemberPatch {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => Relation, { nullable: true }) relation?: Relation;
  @Field(() => Education, { nullable: true }) education?: Education;
  @Field(() => SchoolStage, { nullable: true }) schoolStage?: SchoolStage;
  @Field(() => Health, { nullable: true }) health?: Health;
  @Field(() => Int, { nullable: true }) disabilityGrade?: number | null;
  @Field(() => LabourCapacity, { nullable: true }) labourCapacity?: LabourCapacity;
  @Field(() => Employment, { nullable: true }) employment?: Employment;
  @Field(() => Boolean, { nullable: true }) medicalInsurance?: boolean;
}

@InputType({ description: 'What 五看 looks at: the facts the 五不录 rules and the disaster priority read' })
export class IdentificationInput {
  @Field(() => Boolean, { description: '家庭拥有小轿车等机动车' }) motorVehicle!: boolean;
  @Field(() => Boolean, { description: '近年新建、购买住房' }) newlyBuiltHouse!: boolean;
  @Field(() => Boolean, { description: '在城镇购买商品房' }) urbanCommercialHousing!: boolean;
  @Field(() => Boolean, { description: '家庭成员有财政供养人员(公职人员)' }) publicServantMember!: boolean;
  @Field(() => Boolean, { description: '家庭成员经营公司或规模较大个体工商户' }) registeredBusiness!: boolean;
  @Field(() => Boolean, { description: '受灾户' }) disasterVictim!: boolean;
  @Field(() => Boolean, { nullable: true, description: '五看·看家电: 家中有贵重耐用消费品 (大型家电、农机); recorded for the assessor, no rule of its own' }) durableGoods?: boolean | null;
}

@InputType({ description: 'A written justification that lets a change through a rule that refused it; audited and raised for oversight' })
export class OverrideInput {
  @Field(() => String, { description: `${TEXT.JUSTIFICATION.describe}: who decided, on what grounds` }) justification!: string;
}

@InputType({ description: 'A household to register 新识别建档立卡' })
export class RegisterHouseholdInput {
  @Field(() => String) villageCode!: string;
  @Field(() => Int, { description: '村民小组' }) groupNo!: number;
  @Field(() => Int, { description: '识别年度' }) registrationYear!: number;
  @Field(() => HouseholdCategory) category!: HouseholdCategory;
  @Field(() => [PovertyCause]) causes!: PovertyCause[];
  @Field(() => MoneyScalar, { description: '人均纯收入 per year, yuan' }) incomePerCapita!: number;
  @Field(() => Boolean, { nullable: true }) foodAndClothingSecure?: boolean | null;
  @Field(() => Boolean, { nullable: true }) safeDrinkingWater?: boolean | null;
  @Field(() => HousingGrade, { nullable: true }) housingGrade?: HousingGrade | null;
  @Field(() => IdentificationInput) identification!: IdentificationInput;
  @Field(() => [MemberInput], { description: 'Exactly one HEAD' }) members!: MemberInput[];
  @Field(() => OverrideInput, { nullable: true }) override?: OverrideInput | null;
}

@InputType({ description: 'Changes to a household; omitted fields stay as they are. Status changes go through changeHouseholdStatus.' })
export class HouseholdPatch {
  @Field(() => Int, { nullable: true }) groupNo?: number;
  @Field(() => HouseholdCategory, { nullable: true }) category?: HouseholdCategory;
  @Field(() => [PovertyCause], { nullable: true }) causes?: PovertyCause[];
  @Field(() => MoneyScalar, { nullable: true }) incomePerCapita?: number;
  @Field(() => Boolean, { nullable: true }) foodAndClothingSecure?: boolean | null;
  @Field(() => Boolean, { nullable: true }) safeDrinkingWater?: boolean | null;
  @Field(() => HousingGrade, { nullable: true }) housingGrade?: HousingGrade | null;
}

@InputType({ description: 'A status change 动态调整' })
export class StatusChangeInput {
  @Field(() => HouseholdStatus) to!: HouseholdStatus;
  @Field(() => String) reason!: string;
  @Field(() => LocalDateResolver) effectiveDate!: string;
  @Field(() => OverrideInput, { nullable: true, description: 'Exits despite failed exit-test items' }) override?: OverrideInput | null;
}

@ObjectType('AssuranceEvidence', { description: 'A record a verdict rests on' })
export class AssuranceEvidenceType {
  @Field(() => String, { description: 'Which record: the household, a policy parameter, or a partner’s record by its AssistanceMeasure id and externalId ("Enrolment:17 (E-2026-001)")' }) source!: string;
  @Field(() => String, { description: 'From which department' }) department!: string;
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When it was recorded' }) recordedAt!: Date | null;
  @Field(() => String) detail!: string;
}

@ObjectType('AssuranceItem')
export class AssuranceItemType {
  @Field(() => AssuranceItemKind) item!: AssuranceItemKind;
  @Field(() => Verdict) verdict!: Verdict;
  @Field(() => [AssuranceEvidenceType]) evidence!: AssuranceEvidenceType[];
}

@ObjectType('Assurance', { description: 'The exit test 一超过两不愁三保障 as computed from the records' })
export class AssuranceType {
  @Field(() => Int) year!: number;
  @Field(() => Boolean, { description: 'True only when every item is met' }) passed!: boolean;
  @Field(() => [AssuranceItemType]) items!: AssuranceItemType[];
}

@ObjectType('StatusChange', { description: 'One dated entry of a household history 动态管理记录' })
export class StatusChangeType {
  @Field(() => StatusChangeKind) kind!: StatusChangeKind;
  @Field(() => HouseholdStatus, { nullable: true }) fromStatus?: HouseholdStatus | null;
  @Field(() => HouseholdStatus) toStatus!: HouseholdStatus;
  @Field(() => String) reason!: string;
  @Field(() => LocalDateResolver) effectiveDate!: string;
  @Field(() => OrganisationType, { description: 'Who recorded it' }) organisation!: OrganisationType;
  @Field(() => String, { nullable: true }) overrideJustification?: string | null;
  @Field(() => [AssuranceItemKind], { description: 'Exit-test items an override let through' }) failedItems!: string[];
  @Field(() => DateTimeISOResolver) recordedAt!: Date;
}

@ObjectType('Identification', { description: 'How the household was identified 五看五不录六优先' })
export class IdentificationType {
  @Field(() => [ExclusionRule], { description: '五不录 rules the facts hit' }) excludedBy!: ExclusionRule[];
  @Field(() => String, { nullable: true }) overrideJustification?: string | null;
  @Field(() => Int, { description: '六优先 priority score, 0–6' }) priorityScore!: number;
  @Field(() => Boolean, { nullable: true, description: '五看·看家电 as recorded at identification' }) durableGoods?: boolean | null;
  @Field(() => DateTimeISOResolver) assessedAt!: Date;
}
