import DataLoader from 'dataloader';
import { groupByKey } from '../../context/batch';
import type { RequestContext } from '../../context/request-context';
import { arrayLiteral } from '../../db/array-literal';
import { rows } from '../../db/read';
import { rowScopeSql } from '../../policy/row-scope';
import type { EnrolmentEvidence } from '../households';
import { EDUCATION_MEASURES, ENROLMENT_EVIDENCE, toMeasureRow, type EducationMeasureColumns, type EducationMeasureRow } from './education.rows';

type EvidenceColumns = Omit<EnrolmentEvidence, 'recordedAt'> & { householdId: number; recordedAtMs: number };

/** The caller's education records of the households or members asked for in one tick: one statement. */
function measuresBy(ctx: RequestContext, key: 'household_id' | 'member_id', keyOf: (m: EducationMeasureRow) => number | undefined) {
  return new DataLoader<number, EducationMeasureRow[]>(async (ids) => {
    const aid = rowScopeSql(ctx.caller, 'StudentAid', { alias: 'a', code: 'a.village_code' });
    const enrolment = rowScopeSql(ctx.caller, 'Enrolment', { alias: 'e', code: 'e.village_code' });
    const list = arrayLiteral(ids);
    const found = await rows<EducationMeasureColumns>(ctx, EDUCATION_MEASURES(key, aid.sql, enrolment.sql), [list, ...aid.bindings, list, ...enrolment.bindings]);
    return groupByKey(ids, found.map(toMeasureRow), (m) => keyOf(m) ?? -1);
  });
}

export function createEducationLoaders(ctx: RequestContext) {
  return {
    educationByHousehold: measuresBy(ctx, 'household_id', (m) => m.household.id),
    educationByMember: measuresBy(ctx, 'member_id', (m) => m.member?.id),
    /** For household.assurance (the households module's), found through the context. */
    enrolmentEvidenceByHousehold: new DataLoader<number, EnrolmentEvidence[]>(async (ids) => {
      const scope = rowScopeSql(ctx.caller, 'Household', { alias: 'e', code: 'e.village_code' });
      const found = await rows<EvidenceColumns>(ctx, ENROLMENT_EVIDENCE(scope.sql), [arrayLiteral(ids), ...scope.bindings]);
      return groupByKey(ids, found, (e) => e.householdId).map((list) => list.map(({ householdId: _h, recordedAtMs, ...e }) => ({ ...e, recordedAt: new Date(recordedAtMs) })));
    }),
  };
}

export type MeasureWindow = { from?: string | null; to?: string | null };

/** The measures dated within the window (both ends included). */
export const within = (measures: readonly EducationMeasureRow[], { from, to }: MeasureWindow) =>
  measures.filter((m) => (!from || m.date >= from) && (!to || m.date <= to));
