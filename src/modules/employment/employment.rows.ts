import type { MeasureBase } from '../../sync/measure.rows';
import { defineMeasureRecords, type SectorMeasures } from '../../sync/measure-source';
import type { Employment } from '../households';
import type { EmploymentSupportKind } from './employment.enums';
import { employmentOf } from './employment.rules';
import { EmploymentSupportType } from './employment.types';

export type EmploymentSupportRow = MeasureBase & {
  measureType: 'EmploymentSupport';
  supportKind: EmploymentSupportKind;
  title: string;
  until: string | null;
  outOfProvince: boolean | null;
  hours: number | null;
  certificate: string | null;
  employment: Employment | null;
};

type Facts = Omit<EmploymentSupportRow, keyof MeasureBase | 'employment'>;

/** Employment support as measures (src/sync/measures.ts): the kind is the support's, the employment it shows computed. */
const EMPLOYMENT_SUPPORT_MEASURES = defineMeasureRecords<Facts, Omit<EmploymentSupportRow, keyof MeasureBase>>({
  type: 'EmploymentSupport',
  of: EmploymentSupportType,
  table: 'employment_support',
  facts: (t) => `json_build_object('supportKind', ${t}.kind, 'title', ${t}.title, 'until', ${t}.until, 'outOfProvince', ${t}.out_of_province,
      'hours', ${t}.hours, 'certificate', ${t}.certificate)`,
  kind: (f) => f.supportKind,
  fields: (f) => ({ ...f, employment: employmentOf(f.supportKind, f.outOfProvince) }),
});

export const EMPLOYMENT_MEASURES: SectorMeasures = { sector: 'EMPLOYMENT', description: '就业扶贫 employment', records: [EMPLOYMENT_SUPPORT_MEASURES] };
