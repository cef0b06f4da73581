import { defineModule } from '../module';
import { healthPolicy } from './health.policy';
import {
  FamilyDoctorContractResolver,
  FamilyDoctorContractSyncResolver,
  InsuranceEnrolmentResolver,
  InsuranceEnrolmentSyncResolver,
  MedicalClaimResolver,
  MedicalClaimSyncResolver,
  MemberHealthResolver,
} from './health.resolver';
import { HEALTH_MEASURES } from './health.rows';
import { createHealthLoaders } from './health.service';

/** Health 健康扶贫: insurance enrolments, settled claims and family-doctor contracts the medical-insurance bureau, insurers and hospitals send in batches (issue 11). */
export const healthModule = defineModule({
  name: 'health',
  resolvers: [
    InsuranceEnrolmentSyncResolver,
    MedicalClaimSyncResolver,
    FamilyDoctorContractSyncResolver,
    InsuranceEnrolmentResolver,
    MedicalClaimResolver,
    FamilyDoctorContractResolver,
    MemberHealthResolver,
  ],
  entities: [],
  loaders: createHealthLoaders,
  policy: healthPolicy,
  measures: HEALTH_MEASURES,
});

declare module '../../context/loaders' {
  interface Loaders extends ReturnType<typeof createHealthLoaders> {}
}
