/**
 * Whether a child's current enrolment keeps it in compulsory education (义务教育在籍): one rule for
 * the exit test's compulsory-education item (household.assurance) and the education bureau's
 * out-of-school list (控辍保学), which must never disagree about a child. Statuses and stages are
 * named as the education module's EnrolmentStatus and the registry's SchoolStage name them: the
 * kernel imports neither module.
 *
 * In school: enrolled, suspended (休学 is the school's decision and keeps the pupil on its roll) or
 * returned (复学), above preschool (a child of compulsory age still in preschool is behind, not in
 * compulsory school); or graduated from junior high or later, which completes the nine years.
 * A primary-school graduate who enrolled nowhere after is out of school.
 */
const ATTENDING = ['ENROLLED', 'SUSPENDED', 'RETURNED'] as const;
const GRADUATED = 'GRADUATED';
const PRESCHOOL = 'PRESCHOOL';
/** Stages a graduation from does not complete compulsory education. */
const BEFORE_JUNIOR_HIGH_END = [PRESCHOOL, 'PRIMARY'] as const;

export type EnrolmentState = { status: string; stage: string };

export function inCompulsorySchool({ status, stage }: EnrolmentState): boolean {
  if ((ATTENDING as readonly string[]).includes(status)) return stage !== PRESCHOOL;
  return status === GRADUATED && !(BEFORE_JUNIOR_HIGH_END as readonly string[]).includes(stage);
}

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** The same rule in SQL, on an enrolment row aliased `e` (its `status` and `stage` columns). */
export const inCompulsorySchoolSql = (e: string) =>
  `(${e}.status in (${list(ATTENDING)}) and ${e}.stage <> '${PRESCHOOL}' or ${e}.status = '${GRADUATED}' and ${e}.stage not in (${list(BEFORE_JUNIOR_HIGH_END)}))`;
