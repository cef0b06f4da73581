import { registerEnumType } from 'type-graphql';

/** The student aid policies of the seeds (教育扶贫; DOMAIN.md, Assistance measures). */
export enum StudentAidKind {
  PRESCHOOL_AID = 'PRESCHOOL_AID',
  BOARDING_SUBSIDY = 'BOARDING_SUBSIDY',
  TUITION_WAIVER = 'TUITION_WAIVER',
  LODGING_WAIVER = 'LODGING_WAIVER',
  TEXTBOOK_WAIVER = 'TEXTBOOK_WAIVER',
  STATE_GRANT = 'STATE_GRANT',
  SENIOR_HIGH_GRANT = 'SENIOR_HIGH_GRANT',
  VOCATIONAL_TUITION_WAIVER = 'VOCATIONAL_TUITION_WAIVER',
  VOCATIONAL_GRANT = 'VOCATIONAL_GRANT',
  RAIN_AND_DEW = 'RAIN_AND_DEW',
  NUTRITION_MEALS = 'NUTRITION_MEALS',
  STUDENT_LOAN = 'STUDENT_LOAN',
}

registerEnumType(StudentAidKind, {
  name: 'StudentAidKind',
  description: 'A kind of student aid 学生资助',
  valuesConfig: {
    PRESCHOOL_AID: { description: '学前教育资助 preschool aid' },
    BOARDING_SUBSIDY: { description: '寄宿生生活补助 boarding living subsidy (compulsory education)' },
    TUITION_WAIVER: { description: '三免一助: 免学费 tuition' },
    LODGING_WAIVER: { description: '三免一助: 免住宿费 lodging' },
    TEXTBOOK_WAIVER: { description: '三免一助: 免教科书费 textbooks' },
    STATE_GRANT: { description: '三免一助: 国家助学金 state grant' },
    SENIOR_HIGH_GRANT: { description: '普通高中国家助学金 senior-high grant' },
    VOCATIONAL_TUITION_WAIVER: { description: '中职免学费 vocational tuition waiver' },
    VOCATIONAL_GRANT: { description: '中职国家助学金 vocational grant' },
    RAIN_AND_DEW: { description: '雨露计划 vocational education subsidy' },
    NUTRITION_MEALS: { description: '营养改善计划 nutrition meals, per school day' },
    STUDENT_LOAN: { description: '生源地信用助学贷款 student loan' },
  },
});

export enum Term {
  AUTUMN = 'AUTUMN',
  SPRING = 'SPRING',
  FULL_YEAR = 'FULL_YEAR',
}

registerEnumType(Term, {
  name: 'Term',
  description: 'The part of the academic year an aid is for',
  valuesConfig: { AUTUMN: { description: '秋季学期' }, SPRING: { description: '春季学期' }, FULL_YEAR: { description: '全学年' } },
});

export enum EnrolmentStatus {
  ENROLLED = 'ENROLLED',
  SUSPENDED = 'SUSPENDED',
  DROPPED_OUT = 'DROPPED_OUT',
  RETURNED = 'RETURNED',
  GRADUATED = 'GRADUATED',
}

registerEnumType(EnrolmentStatus, {
  name: 'EnrolmentStatus',
  description: 'Enrolment status 学籍状态 (控辍保学)',
  valuesConfig: {
    ENROLLED: { description: '在读' },
    SUSPENDED: { description: '休学' },
    DROPPED_OUT: { description: '辍学' },
    RETURNED: { description: '复学 (劝返)' },
    GRADUATED: { description: '毕业' },
  },
});
