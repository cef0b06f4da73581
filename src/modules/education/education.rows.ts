import type { MeasureBase } from '../../sync/measure.rows';
import { defineMeasureRecords, type SectorMeasures } from '../../sync/measure-source';
import type { SchoolStage } from '../households';
import type { EnrolmentStatus, StudentAidKind, Term } from './education.enums';
import { EnrolmentType, StudentAidType } from './education.types';

/** A student aid or an enrolment as the GraphQL types read it; `measureType` picks the type. */
export type StudentAidRow = MeasureBase & { measureType: 'StudentAid'; school: string; aidKind: StudentAidKind; academicYear: string; term: Term; days: number | null };
export type EnrolmentRow = MeasureBase & { measureType: 'Enrolment'; school: string; stage: SchoolStage; grade: number; status: EnrolmentStatus };

type AidFacts = Omit<StudentAidRow, keyof MeasureBase>;
type EnrolmentFacts = Omit<EnrolmentRow, keyof MeasureBase>;

/** Student aid as measures (src/sync/measures.ts): its kind is the aid's. */
const STUDENT_AID_MEASURES = defineMeasureRecords<AidFacts, AidFacts>({
  type: 'StudentAid',
  of: StudentAidType,
  table: 'student_aid',
  facts: (t) => `json_build_object('school', ${t}.school, 'aidKind', ${t}.kind, 'academicYear', ${t}.academic_year, 'term', ${t}.term, 'days', ${t}.days)`,
  kind: (f) => f.aidKind,
  fields: (f) => f,
});

/** Enrolments as measures: the kind is the status reached. */
const ENROLMENT_MEASURES = defineMeasureRecords<EnrolmentFacts, EnrolmentFacts>({
  type: 'Enrolment',
  of: EnrolmentType,
  table: 'enrolment',
  facts: (t) => `json_build_object('school', ${t}.school, 'stage', ${t}.stage, 'grade', ${t}.grade, 'status', ${t}.status)`,
  kind: (f) => f.status,
  fields: (f) => f,
});

export const EDUCATION_MEASURES: SectorMeasures = { sector: 'EDUCATION', description: '教育扶贫 education', records: [STUDENT_AID_MEASURES, ENROLMENT_MEASURES] };

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
