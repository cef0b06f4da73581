import type { MeasureBase } from '../../sync/measure.rows';
import { defineMeasureRecords, type SectorMeasures } from '../../sync/measure-source';
import type { HousingGrade } from '../households';
import { HousingAssessmentType, HousingRenovationType, RelocationType } from './housing.types';

export type HousingAssessmentRow = MeasureBase & { measureType: 'HousingAssessment'; grade: HousingGrade; assessor: string; assessedOn: string };
export type HousingRenovationRow = MeasureBase & { measureType: 'HousingRenovation'; subsidy: number; startedOn: string; completedOn: string | null };
export type RelocationRow = MeasureBase & { measureType: 'Relocation'; site: string; movedInOn: string };

type Facts<R> = Omit<R, keyof MeasureBase>;
const ofKind = (kind: string) => (t: string) => `${t}.kind = '${kind}'`;

/** Assessments as measures (src/sync/measures.ts): the kind is the grade, dated by the assessment. */
const ASSESSMENT_MEASURES = defineMeasureRecords<Omit<Facts<HousingAssessmentRow>, 'assessedOn'>, Facts<HousingAssessmentRow>>({
  type: 'HousingAssessment',
  of: HousingAssessmentType,
  table: 'housing_measure',
  where: ofKind('ASSESSMENT'),
  facts: (t) => `json_build_object('grade', ${t}.grade, 'assessor', ${t}.assessor)`,
  kind: () => 'ASSESSMENT',
  fields: (f, c) => ({ ...f, assessedOn: c.date }),
});

/** Renovations: dated by their start, the amount the subsidy. */
const RENOVATION_MEASURES = defineMeasureRecords<Pick<HousingRenovationRow, 'completedOn'>, Facts<HousingRenovationRow>>({
  type: 'HousingRenovation',
  of: HousingRenovationType,
  table: 'housing_measure',
  where: ofKind('RENOVATION'),
  facts: (t) => `json_build_object('completedOn', ${t}.completed_on)`,
  kind: () => 'RENOVATION',
  fields: (f, c) => ({ ...f, subsidy: c.amountFen!, startedOn: c.date }),
});

/** Relocations: dated by the move-in, no money recorded. */
const RELOCATION_MEASURES = defineMeasureRecords<Pick<RelocationRow, 'site'>, Facts<RelocationRow>>({
  type: 'Relocation',
  of: RelocationType,
  table: 'housing_measure',
  where: ofKind('RELOCATION'),
  facts: (t) => `json_build_object('site', ${t}.site)`,
  kind: () => 'RELOCATION',
  fields: (f, c) => ({ ...f, movedInOn: c.date }),
});

export const HOUSING_MEASURES: SectorMeasures = { sector: 'HOUSING', description: '住房安全 housing', records: [ASSESSMENT_MEASURES, RENOVATION_MEASURES, RELOCATION_MEASURES] };

/**
 * The assessments of households, for the exit test's safe-housing item: every housing
 * organisation's, not retracted, under the household's row rule (`scope`, on alias a), since the
 * verdict must not depend on which records its reader may list. Bindings: ids, the scope's.
 */
export const ASSESSMENT_EVIDENCE = (scope: string) => `select a.id, a.household_id as "householdId", a.grade, a.assessor, a.date::text as date,
    a.external_id as "externalId", o.name as organisation, (extract(epoch from a.recorded_at) * 1000)::float8 as "recordedAtMs"
  from housing_measure a left join organisation o on o.id = a.organisation_id
  where a.household_id = any (?::int[]) and a.kind = 'ASSESSMENT' and a.retracted_at is null and ${scope}
  order by a.date, a.id`;
