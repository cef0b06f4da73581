import type { MeasureBase } from '../../sync/measure.rows';
import { defineMeasureRecords, type SectorMeasures } from '../../sync/measure-source';
import type { IndustrySupportKind } from './industry.enums';
import { IndustrySupportType } from './industry.types';

export type IndustrySupportRow = MeasureBase & { measureType: 'IndustrySupport'; supportKind: IndustrySupportKind; project: string };

type Facts = Omit<IndustrySupportRow, keyof MeasureBase>;

/** Industry support as measures (src/sync/measures.ts): the kind is the support's, paid on its date. */
const INDUSTRY_SUPPORT_MEASURES = defineMeasureRecords<Facts, Facts>({
  type: 'IndustrySupport',
  of: IndustrySupportType,
  table: 'industry_support',
  facts: (t) => `json_build_object('supportKind', ${t}.kind, 'project', ${t}.project)`,
  kind: (f) => f.supportKind,
  fields: (f) => f,
});

export const INDUSTRY_MEASURES: SectorMeasures = { sector: 'INDUSTRY', description: '产业扶贫 industry', records: [INDUSTRY_SUPPORT_MEASURES] };
