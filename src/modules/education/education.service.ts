import type { RequestContext } from '../../context/request-context';
import { evidenceByHousehold } from '../../sync/evidence';
import type { EnrolmentEvidence } from '../households';
import { ENROLMENT_EVIDENCE } from './education.rows';

export function createEducationLoaders(ctx: RequestContext) {
  return {
    /** For household.assurance (the households module's), found through the context. */
    enrolmentEvidenceByHousehold: evidenceByHousehold<EnrolmentEvidence>(ctx, 'e', ENROLMENT_EVIDENCE),
  };
}
