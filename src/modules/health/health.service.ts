import DataLoader from 'dataloader';
import { groupByKey } from '../../context/batch';
import type { RequestContext } from '../../context/request-context';
import { arrayLiteral } from '../../db/array-literal';
import { rows } from '../../db/read';
import { rowScopeSql } from '../../policy/row-scope';
import { evidenceByHousehold } from '../../sync/evidence';
import type { InsuranceEvidence } from '../households';
import { HEALTH_MEASURES, INSURANCE_EVIDENCE, toHealthRow, type HealthMeasureColumns, type HealthMeasureRow } from './health.rows';

/** The health records the caller may read of the members asked for in one tick, and the insurance evidence of households: one statement each. */
export function createHealthLoaders(ctx: RequestContext) {
  return {
    healthByMember: new DataLoader<number, HealthMeasureRow[]>(async (ids) => {
      const scopes = (['InsuranceEnrolment', 'MedicalClaim', 'FamilyDoctorContract'] as const).map((type, i) => {
        const alias = 'icf'[i];
        return rowScopeSql(ctx.caller, type, { alias, code: `${alias}.village_code` });
      });
      const list = arrayLiteral(ids);
      const found = await rows<HealthMeasureColumns>(
        ctx,
        HEALTH_MEASURES(scopes[0].sql, scopes[1].sql, scopes[2].sql),
        scopes.flatMap((s) => [list, ...s.bindings]),
      );
      return groupByKey(ids, found.map(toHealthRow), (m) => m.member?.id ?? -1);
    }),
    /** For household.assurance (the households module's), found through the context. */
    insuranceEvidenceByHousehold: evidenceByHousehold<InsuranceEvidence>(ctx, 'i', INSURANCE_EVIDENCE),
  };
}
