import { registerEnumType } from 'type-graphql';

export enum Relation {
  HEAD = 'HEAD',
  SPOUSE = 'SPOUSE',
  SON = 'SON',
  DAUGHTER = 'DAUGHTER',
  DAUGHTER_IN_LAW = 'DAUGHTER_IN_LAW',
  SON_IN_LAW = 'SON_IN_LAW',
  GRANDSON = 'GRANDSON',
  GRANDDAUGHTER = 'GRANDDAUGHTER',
  FATHER = 'FATHER',
  MOTHER = 'MOTHER',
  SIBLING = 'SIBLING',
  OTHER = 'OTHER',
}

export enum Sex {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

export enum Education {
  PRESCHOOL_AGE = 'PRESCHOOL_AGE',
  ILLITERATE = 'ILLITERATE',
  PRIMARY = 'PRIMARY',
  JUNIOR_HIGH = 'JUNIOR_HIGH',
  SENIOR_HIGH = 'SENIOR_HIGH',
  COLLEGE = 'COLLEGE',
}

export enum SchoolStage {
  NOT_IN_SCHOOL = 'NOT_IN_SCHOOL',
  PRESCHOOL = 'PRESCHOOL',
  PRIMARY = 'PRIMARY',
  JUNIOR_HIGH = 'JUNIOR_HIGH',
  SENIOR_HIGH = 'SENIOR_HIGH',
  SECONDARY_VOCATIONAL = 'SECONDARY_VOCATIONAL',
  HIGHER_EDUCATION = 'HIGHER_EDUCATION',
}

export enum Health {
  HEALTHY = 'HEALTHY',
  CHRONIC_ILLNESS = 'CHRONIC_ILLNESS',
  SERIOUS_ILLNESS = 'SERIOUS_ILLNESS',
  DISABLED = 'DISABLED',
}

export enum LabourCapacity {
  ORDINARY = 'ORDINARY',
  SKILLED = 'SKILLED',
  WEAK = 'WEAK',
  LOST = 'LOST',
  NONE = 'NONE',
}

export enum Employment {
  NONE = 'NONE',
  FARMING = 'FARMING',
  LOCAL_WORK = 'LOCAL_WORK',
  IN_PROVINCE = 'IN_PROVINCE',
  OUT_OF_PROVINCE = 'OUT_OF_PROVINCE',
  PUBLIC_WELFARE_POST = 'PUBLIC_WELFARE_POST',
}

registerEnumType(Relation, {
  name: 'Relation',
  description: 'Relation to the head of household 与户主关系',
  valuesConfig: {
    HEAD: { description: '户主' },
    SPOUSE: { description: '配偶' },
    SON: { description: '之子' },
    DAUGHTER: { description: '之女' },
    DAUGHTER_IN_LAW: { description: '之儿媳' },
    SON_IN_LAW: { description: '之女婿' },
    GRANDSON: { description: '之孙子' },
    GRANDDAUGHTER: { description: '之孙女' },
    FATHER: { description: '之父' },
    MOTHER: { description: '之母' },
    SIBLING: { description: '兄弟姐妹' },
    OTHER: { description: '其他' },
  },
});

registerEnumType(Sex, { name: 'Sex', valuesConfig: { MALE: { description: '男' }, FEMALE: { description: '女' } } });

registerEnumType(Education, {
  name: 'Education',
  description: 'Highest education 文化程度',
  valuesConfig: {
    PRESCHOOL_AGE: { description: '学龄前儿童' },
    ILLITERATE: { description: '文盲或半文盲' },
    PRIMARY: { description: '小学' },
    JUNIOR_HIGH: { description: '初中' },
    SENIOR_HIGH: { description: '高中/中专' },
    COLLEGE: { description: '大专及以上' },
  },
});

registerEnumType(SchoolStage, {
  name: 'SchoolStage',
  description: 'Current schooling 在校生状况',
  valuesConfig: {
    NOT_IN_SCHOOL: { description: '非在校生' },
    PRESCHOOL: { description: '学前教育' },
    PRIMARY: { description: '小学' },
    JUNIOR_HIGH: { description: '初中' },
    SENIOR_HIGH: { description: '普通高中' },
    SECONDARY_VOCATIONAL: { description: '中职' },
    HIGHER_EDUCATION: { description: '高职/大专/本科' },
  },
});

registerEnumType(Health, {
  name: 'Health',
  description: 'Health status 健康状况',
  valuesConfig: {
    HEALTHY: { description: '健康' },
    CHRONIC_ILLNESS: { description: '长期慢性病' },
    SERIOUS_ILLNESS: { description: '患有大病' },
    DISABLED: { description: '残疾 (grade in disabilityGrade)' },
  },
});

registerEnumType(LabourCapacity, {
  name: 'LabourCapacity',
  description: 'Labour capacity 劳动能力',
  valuesConfig: {
    ORDINARY: { description: '普通劳动力' },
    SKILLED: { description: '技能劳动力' },
    WEAK: { description: '弱劳动力或半劳动力' },
    LOST: { description: '丧失劳动力' },
    NONE: { description: '无劳动力 (children, students, the elderly)' },
  },
});

registerEnumType(Employment, {
  name: 'Employment',
  description: 'Employment 务工状况',
  valuesConfig: {
    NONE: { description: '无' },
    FARMING: { description: '务农' },
    LOCAL_WORK: { description: '乡镇内务工' },
    IN_PROVINCE: { description: '省内县外务工' },
    OUT_OF_PROVINCE: { description: '省外务工' },
    PUBLIC_WELFARE_POST: { description: '公益性岗位' },
  },
});

/**
 * Age groups 年龄段, for roles that work by household and need to know who is a child, of working
 * age or elderly, but not when anyone was born (the birth date is the hidden middle of a masked ID
 * number). Bounds: 16, the minimum working age (劳动法), and 60, the elderly (老年人权益保障法).
 */
export enum AgeGroup {
  CHILD = 'CHILD',
  WORKING_AGE = 'WORKING_AGE',
  ELDERLY = 'ELDERLY',
}

export const WORKING_AGE_FROM = 16;
export const ELDERLY_FROM = 60;

registerEnumType(AgeGroup, {
  name: 'AgeGroup',
  description: 'Age group 年龄段 on today’s date in China',
  valuesConfig: {
    CHILD: { description: `未成年 under ${WORKING_AGE_FROM}` },
    WORKING_AGE: { description: `劳动年龄 ${WORKING_AGE_FROM} to ${ELDERLY_FROM - 1}` },
    ELDERLY: { description: `老年 ${ELDERLY_FROM} and over` },
  },
});

export function ageGroupOf(age: number): AgeGroup {
  if (age < WORKING_AGE_FROM) return AgeGroup.CHILD;
  return age < ELDERLY_FROM ? AgeGroup.WORKING_AGE : AgeGroup.ELDERLY;
}
