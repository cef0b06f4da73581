import { Migration20261202010000_health } from '../../../migrations/Migration20261202010000_health';
import { insertHealthRecords } from '../../../seeds/demo/health';
import { TEXT } from '../../kernel/text';
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
import { FAMILY_DOCTOR_CONTRACT, INSURANCE_ENROLMENT, MEDICAL_CLAIM } from './health.sync';

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
  syncs: [INSURANCE_ENROLMENT, MEDICAL_CLAIM, FAMILY_DOCTOR_CONTRACT],
  inputs: {
    'InsuranceEnrolmentRecord.externalId': TEXT.EXTERNAL_ID,
    'InsuranceEnrolmentRecord.idNumber': TEXT.ID_NUMBER,
    'MedicalClaimRecord.externalId': TEXT.EXTERNAL_ID,
    'MedicalClaimRecord.idNumber': TEXT.ID_NUMBER,
    'MedicalClaimRecord.hospital': TEXT.NAME,
    'FamilyDoctorContractRecord.externalId': TEXT.EXTERNAL_ID,
    'FamilyDoctorContractRecord.idNumber': TEXT.ID_NUMBER,
    'FamilyDoctorContractRecord.team': TEXT.NAME,
  },
  migrations: [Migration20261202010000_health],
  demo: insertHealthRecords,
});

declare module '../../context/loaders' {
  interface Loaders extends ReturnType<typeof createHealthLoaders> {}
}
