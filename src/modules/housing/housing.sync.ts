import { chinaToday } from '../../config/clock';
import { defineSyncKind } from '../../sync/sync-kind';
import { housingProblems } from './housing.rules';
import type { HousingMeasureRecord } from './housing.types';

/**
 * Assessments, renovations and relocations (table housing_measure, migration 2026-12-04 01): one
 * table and one batch, so a bureau sends a household's housing in one call; the kind says which
 * GraphQL type a row is (housing.rows.ts). The amount is a renovation's subsidy.
 */
export const HOUSING_MEASURE = defineSyncKind<HousingMeasureRecord>({
  entity: 'HousingMeasure',
  operation: 'recordHousingMeasures',
  retraction: 'retractHousingMeasures',
  table: 'housing_measure',
  columns: [
    { name: 'kind', type: 'text' },
    { name: 'grade', type: 'text' },
    { name: 'assessor', type: 'text' },
    { name: 'completed_on', type: 'date' },
    { name: 'site', type: 'text' },
  ],
  values: (r) => ({ kind: r.kind, grade: r.grade ?? null, assessor: r.assessor?.trim() ?? null, completed_on: r.completedOn ?? null, site: r.site?.trim() ?? null }),
  date: (r) => r.date,
  dateField: 'date',
  amountFen: (r) => r.subsidy ?? null,
  check: (r) => housingProblems(r, chinaToday()),
});
