import { registerEnumType } from 'type-graphql';

export enum HousingGrade {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
}

export enum StatusChangeKind {
  IDENTIFICATION = 'IDENTIFICATION',
  STATUS = 'STATUS',
  MEMBER_ADDED = 'MEMBER_ADDED',
  MEMBER_REMOVED = 'MEMBER_REMOVED',
  MERGE = 'MERGE',
}

/** 五不录: households not to be registered. */
export enum ExclusionRule {
  MOTOR_VEHICLE = 'MOTOR_VEHICLE',
  NEWLY_BUILT_HOUSE = 'NEWLY_BUILT_HOUSE',
  URBAN_COMMERCIAL_HOUSING = 'URBAN_COMMERCIAL_HOUSING',
  PUBLIC_SERVANT_MEMBER = 'PUBLIC_SERVANT_MEMBER',
  REGISTERED_BUSINESS = 'REGISTERED_BUSINESS',
}

/** 两不愁三保障 and the income test: the items of the exit test. */
export enum AssuranceItemKind {
  INCOME = 'INCOME',
  FOOD_AND_CLOTHING = 'FOOD_AND_CLOTHING',
  DRINKING_WATER = 'DRINKING_WATER',
  COMPULSORY_EDUCATION = 'COMPULSORY_EDUCATION',
  MEDICAL_INSURANCE = 'MEDICAL_INSURANCE',
  SAFE_HOUSING = 'SAFE_HOUSING',
}

export enum Verdict {
  MET = 'MET',
  NOT_MET = 'NOT_MET',
  UNKNOWN = 'UNKNOWN',
}

export enum MemberChangeReason {
  BIRTH = 'BIRTH',
  DEATH = 'DEATH',
  MARRIAGE = 'MARRIAGE',
  MOVED = 'MOVED',
  CORRECTION = 'CORRECTION',
}

registerEnumType(HousingGrade, {
  name: 'HousingGrade',
  description: 'House safety assessment 危房鉴定等级; C and D are dangerous',
  valuesConfig: { A: { description: 'A级 safe' }, B: { description: 'B级 basically safe' }, C: { description: 'C级 dangerous in part' }, D: { description: 'D级 dangerous as a whole' } },
});
registerEnumType(StatusChangeKind, {
  name: 'StatusChangeKind',
  description: 'What a registry history entry records (动态管理)',
  valuesConfig: {
    IDENTIFICATION: { description: '新识别 new identification' },
    STATUS: { description: 'status change: exit, return, rollback, monitoring, removal' },
    MEMBER_ADDED: { description: '自然增加 a member joined (birth, marriage, moving in)' },
    MEMBER_REMOVED: { description: '自然减少 a member left (death, marriage, moving out)' },
    MERGE: { description: '合户 household merge' },
  },
});
registerEnumType(ExclusionRule, {
  name: 'ExclusionRule',
  description: '五不录: a household with any of these is not registered without a written override',
  valuesConfig: {
    MOTOR_VEHICLE: { description: '家庭拥有小轿车等机动车的不录' },
    NEWLY_BUILT_HOUSE: { description: '近年新建、购买住房的不录' },
    URBAN_COMMERCIAL_HOUSING: { description: '在城镇购买商品房的不录' },
    PUBLIC_SERVANT_MEMBER: { description: '家庭成员有财政供养人员的不录' },
    REGISTERED_BUSINESS: { description: '家庭成员经营公司或规模较大个体工商户的不录' },
  },
});
registerEnumType(AssuranceItemKind, {
  name: 'AssuranceItemKind',
  description: 'An item of the exit test 一超过两不愁三保障',
  valuesConfig: {
    INCOME: { description: '一超过: income per capita above the poverty line of that year and region' },
    FOOD_AND_CLOTHING: { description: '不愁吃、不愁穿' },
    DRINKING_WATER: { description: '饮水安全' },
    COMPULSORY_EDUCATION: { description: '义务教育有保障: no member of compulsory-school age out of school' },
    MEDICAL_INSURANCE: { description: '基本医疗有保障: every member in basic medical insurance' },
    SAFE_HOUSING: { description: '住房安全有保障: no C or D house safety grade' },
  },
});
registerEnumType(Verdict, { name: 'Verdict', valuesConfig: { MET: { description: '达标' }, NOT_MET: { description: '未达标' }, UNKNOWN: { description: 'no record to decide on' } } });
registerEnumType(MemberChangeReason, {
  name: 'MemberChangeReason',
  valuesConfig: {
    BIRTH: { description: '出生' },
    DEATH: { description: '死亡' },
    MARRIAGE: { description: '婚嫁' },
    MOVED: { description: '迁入/迁出' },
    CORRECTION: { description: '信息更正' },
  },
});
