import { ageProblem } from '../../sync/record-problems';
import type { Person, RecordProblem } from '../../sync/sync-kind';
import { RecordErrorCode } from '../../sync/sync.types';
import { fenToYuan } from '../../graphql/money.scalar';
import { SchoolStage } from '../households';
import { StudentAidKind } from './education.enums';

const yuan = (amount: number) => amount * 100;

/**
 * The most one record of each kind may pay, in fen, and the ages (full years on the day paid) the
 * aid's stage admits. Figures from the seeds where they give them (/work/shared/seeds/002: 学前
 * "每生每年1XX元", 9 children for 4,500 yuan; 寄宿生 "小学1XX元、初中1XX元"; 普通高中 免学杂费
 * "1600–2XX元", 国家助学金 "1000、2000、3XX元"; 中职 免学费 1,500 yuan and 助学金 "2XX元"; 雨露计划
 * 19 households for 30,000 yuan), the masked digits read at their highest; elsewhere the national
 * standards (生源地信用助学贷款: at most 12,000 yuan a year for an undergraduate). Constants until
 * the parameters module has education names (docs/parameters.md).
 */
export const AID_RULES: Readonly<Record<StudentAidKind, { ceilingFen: number; ages: [number, number] }>> = {
  PRESCHOOL_AID: { ceilingFen: yuan(1999), ages: [2, 7] },
  BOARDING_SUBSIDY: { ceilingFen: yuan(1999), ages: [5, 17] },
  TUITION_WAIVER: { ceilingFen: yuan(2999), ages: [13, 22] },
  LODGING_WAIVER: { ceilingFen: yuan(1500), ages: [13, 22] },
  TEXTBOOK_WAIVER: { ceilingFen: yuan(1000), ages: [13, 22] },
  STATE_GRANT: { ceilingFen: yuan(3999), ages: [13, 22] },
  SENIOR_HIGH_GRANT: { ceilingFen: yuan(3999), ages: [13, 22] },
  VOCATIONAL_TUITION_WAIVER: { ceilingFen: yuan(2999), ages: [13, 25] },
  VOCATIONAL_GRANT: { ceilingFen: yuan(2999), ages: [13, 25] },
  RAIN_AND_DEW: { ceilingFen: yuan(3000), ages: [15, 30] },
  NUTRITION_MEALS: { ceilingFen: yuan(4) * 366, ages: [5, 17] },
  STUDENT_LOAN: { ceilingFen: yuan(12000), ages: [16, 35] },
};

/** 营养改善计划: "按照每生每天4元,一年200天" (seed 002): 4 yuan a school day, at most a year of days. */
export const NUTRITION_FEN_PER_DAY = yuan(4);
const MOST_DAYS = 366;

/** The ages a stage admits on its status date, and its grades (年级 within the stage). */
export const STAGE_RULES: Readonly<Record<Exclude<SchoolStage, SchoolStage.NOT_IN_SCHOOL>, { ages: [number, number]; grades: [number, number] }>> = {
  PRESCHOOL: { ages: [2, 7], grades: [1, 3] },
  PRIMARY: { ages: [5, 16], grades: [1, 6] },
  JUNIOR_HIGH: { ages: [10, 19], grades: [1, 3] },
  SENIOR_HIGH: { ages: [13, 22], grades: [1, 3] },
  SECONDARY_VOCATIONAL: { ages: [13, 25], grades: [1, 3] },
  HIGHER_EDUCATION: { ages: [15, 40], grades: [1, 5] },
};

/**
 * Compulsory-school age 义务教育 in whole years, both ends included: from 6 for nine years (义务教育法
 * 第十一条). The exit test reads the region's policy parameters for the same ages; the lists of
 * out-of-school children span regions, so they use the national ages.
 */
export const COMPULSORY_SCHOOL_AGES: readonly [number, number] = [6, 15];

/** The academic year a day falls in: it begins on 1 September ("2026-2027" from 2026-09-01 to 2027-08-31). */
export function academicYearOn(day: string): string {
  const year = Number(day.slice(0, 4)) - (day.slice(5) < '09-01' ? 1 : 0);
  return `${year}-${year + 1}`;
}

/** "2026-2027": two consecutive years, not starting after this one. */
export function academicYearProblem(academicYear: string, today: string): RecordProblem[] {
  const [from, to] = academicYear.split('-').map(Number);
  if (to === from + 1 && from <= Number(today.slice(0, 4))) return [];
  return [{ field: 'academicYear', code: RecordErrorCode.INVALID, message: `${academicYear} is not an academic year that has begun: write two consecutive years, e.g. "2026-2027"` }];
}

export type AidFacts = { kind: StudentAidKind; amount: number; days?: number | null; paidOn: string; academicYear: string };

export function aidProblems(aid: AidFacts, person: Person, today: string): RecordProblem[] {
  const rule = AID_RULES[aid.kind];
  const problems = [...academicYearProblem(aid.academicYear, today), ...ageProblem(person, aid.paidOn, rule.ages, aid.kind)];
  if (aid.kind === StudentAidKind.NUTRITION_MEALS) {
    if (aid.days == null || aid.days < 1 || aid.days > MOST_DAYS) {
      return [...problems, { field: 'days', code: RecordErrorCode.INVALID, message: `Nutrition meals need the number of school days paid for, 1 to ${MOST_DAYS}` }];
    }
    const most = NUTRITION_FEN_PER_DAY * aid.days;
    if (aid.amount > most) problems.push({ field: 'amount', code: RecordErrorCode.ABOVE_CEILING, message: `${fenToYuan(aid.amount)} is above ${fenToYuan(NUTRITION_FEN_PER_DAY)} a day for ${aid.days} days (${fenToYuan(most)})` });
  } else if (aid.amount > rule.ceilingFen) {
    problems.push({ field: 'amount', code: RecordErrorCode.ABOVE_CEILING, message: `${fenToYuan(aid.amount)} is above the ceiling of ${fenToYuan(rule.ceilingFen)} for ${aid.kind}` });
  }
  if (aid.amount <= 0) problems.push({ field: 'amount', code: RecordErrorCode.INVALID, message: 'An aid pays a positive amount' });
  return problems;
}

export type EnrolmentFacts = { stage: SchoolStage; grade: number; statusDate: string };

export function enrolmentProblems(enrolment: EnrolmentFacts, person: Person): RecordProblem[] {
  if (enrolment.stage === SchoolStage.NOT_IN_SCHOOL) {
    return [{ field: 'stage', code: RecordErrorCode.INVALID, message: 'An enrolment is at a school stage: a pupil who left school is DROPPED_OUT or GRADUATED at the stage they left' }];
  }
  const rule = STAGE_RULES[enrolment.stage];
  const [first, last] = rule.grades;
  const grade: RecordProblem[] =
    enrolment.grade >= first && enrolment.grade <= last ? [] : [{ field: 'grade', code: RecordErrorCode.INVALID, message: `${enrolment.stage} has grades ${first} to ${last}` }];
  return [...grade, ...ageProblem(person, enrolment.statusDate, rule.ages, enrolment.stage)];
}
