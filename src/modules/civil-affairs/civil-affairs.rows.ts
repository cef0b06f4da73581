import type { MeasureBase } from '../../sync/measure.rows';
import { defineMeasureRecords, type SectorMeasures } from '../../sync/measure-source';
import type { SocialAssistanceKind } from './civil-affairs.enums';
import { SocialAssistanceType } from './civil-affairs.types';

export type SocialAssistanceRow = MeasureBase & { measureType: 'SocialAssistance'; assistanceKind: SocialAssistanceKind; from: string; to: string | null };

type Facts = { assistanceKind: SocialAssistanceKind; to: string | null };

/** Social assistance as measures (src/sync/measures.ts): its kind is the assistance's, dated by its first day. */
const SOCIAL_ASSISTANCE_MEASURES = defineMeasureRecords<Facts, Omit<SocialAssistanceRow, keyof MeasureBase>>({
  type: 'SocialAssistance',
  of: SocialAssistanceType,
  table: 'social_assistance',
  facts: (t) => `json_build_object('assistanceKind', ${t}.kind, 'to', ${t}.valid_until)`,
  kind: (f) => f.assistanceKind,
  fields: (f, c) => ({ ...f, from: c.date }),
});

export const CIVIL_AFFAIRS_MEASURES: SectorMeasures = { sector: 'CIVIL_AFFAIRS', description: '兜底保障 civil affairs', records: [SOCIAL_ASSISTANCE_MEASURES] };
