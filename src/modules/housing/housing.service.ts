import type { RequestContext } from '../../context/request-context';
import { evidenceByHousehold } from '../../sync/evidence';
import type { HousingAssessmentEvidence } from '../households';
import { ASSESSMENT_EVIDENCE } from './housing.rows';

export function createHousingLoaders(ctx: RequestContext) {
  return {
    /** For household.assurance (the households module's), found through the context. */
    housingEvidenceByHousehold: evidenceByHousehold<HousingAssessmentEvidence>(ctx, 'a', ASSESSMENT_EVIDENCE),
  };
}
