import type { RequestContext } from '../../context/request-context';
import { evidenceByHousehold } from '../../sync/evidence';
import type { InsuranceEvidence } from '../households';
import { INSURANCE_EVIDENCE } from './health.rows';

export function createHealthLoaders(ctx: RequestContext) {
  return {
    /** For household.assurance (the households module's), found through the context. */
    insuranceEvidenceByHousehold: evidenceByHousehold<InsuranceEvidence>(ctx, 'i', INSURANCE_EVIDENCE),
  };
}
