import { measureRow, MEASURE_COLUMNS, type MeasureBase, type MeasureColumns } from '../../sync/measure.rows';
import { Sector } from '../../sync/measure.types';
import type { SchoolStage } from '../households';
import type { EnrolmentStatus, StudentAidKind, Term } from './education.enums';
import { EnrolmentType, StudentAidType } from './education.types';

/** A student aid or an enrolment as the GraphQL types read it; `measureType` picks the type. */
export type StudentAidRow = MeasureBase & { measureType: 'StudentAid'; school: string; aidKind: StudentAidKind; academicYear: string; term: Term; days: number | null };
export type EnrolmentRow = MeasureBase & { measureType: 'Enrolment'; school: string; stage: SchoolStage; grade: number; status: EnrolmentStatus };
export type EducationMeasureRow = StudentAidRow | EnrolmentRow;

/** The columns both tables share, on alias `t`: the engine's and the school. */
const SHARED = (t: string) => `${MEASURE_COLUMNS(t)}, ${t}.school`;

/**
 * Both kinds of record of the households or members whose ids are bound, oldest first, neither
 * retracted: one statement for a whole list of them. `key` is the column the ids are of; `aid`
 * and `enrolment` the two types' row rules on aliases a and e. Bindings: ids, aid's scope, ids,
 * enrolment's scope.
 */
export const EDUCATION_MEASURES = (key: 'household_id' | 'member_id', aid: string, enrolment: string) => `
  select 'StudentAid' as "measureType", ${SHARED('a')}, a.kind, a.academic_year as "academicYear", a.term, a.days,
    null::text as stage, null::int as grade, null::text as status
  from student_aid a where a.${key} = any (?::int[]) and a.retracted_at is null and ${aid}
  union all
  select 'Enrolment', ${SHARED('e')}, e.status, null, null, null, e.stage, e.grade, e.status
  from enrolment e where e.${key} = any (?::int[]) and e.retracted_at is null and ${enrolment}
  order by date, id`;

export type EducationMeasureColumns = MeasureColumns & {
  measureType: 'StudentAid' | 'Enrolment';
  school: string;
  kind: string;
  academicYear: string | null;
  term: Term | null;
  days: number | null;
  stage: SchoolStage | null;
  grade: number | null;
  status: EnrolmentStatus | null;
};

export function toMeasureRow(c: EducationMeasureColumns): EducationMeasureRow {
  if (c.measureType === 'StudentAid') {
    const aid = { measureType: 'StudentAid' as const, school: c.school, aidKind: c.kind as StudentAidKind, academicYear: c.academicYear!, term: c.term!, days: c.days };
    return measureRow(StudentAidType.prototype, Sector.EDUCATION, c.kind, c, aid);
  }
  return measureRow(EnrolmentType.prototype, Sector.EDUCATION, c.kind, c, { measureType: 'Enrolment' as const, school: c.school, stage: c.stage!, grade: c.grade!, status: c.status! });
}

/**
 * The enrolments of households, for the exit test's compulsory-education item: every school's and
 * the bureau's, not retracted, under the household's row rule (`scope`, on alias e), since the
 * verdict must not depend on which records its reader may list. Bindings: ids, the scope's.
 */
export const ENROLMENT_EVIDENCE = (scope: string) => `select e.id, e.household_id as "householdId", e.member_id as "memberId", e.status, e.stage, e.grade,
    e.date::text as date, e.external_id as "externalId", o.name as organisation, (extract(epoch from e.recorded_at) * 1000)::float8 as "recordedAtMs"
  from enrolment e left join organisation o on o.id = e.organisation_id
  where e.household_id = any (?::int[]) and e.retracted_at is null and e.member_id is not null and ${scope}
  order by e.date, e.id`;
