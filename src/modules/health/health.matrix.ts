import { Role } from '../../kernel/role';
import { defineMatrix, memberWithRecords, mutation, query, type MatrixSetUp } from '../../../test/matrix-routes';

type Patient = { idNumber: string };

const enrolment = (externalId: string, idNumber: string) =>
  `{ externalId: "${externalId}", idNumber: "${idNumber}", year: 2026, scheme: BASIC, premium: "380.00", governmentPaid: "380.00", enrolledOn: "2025-11-20" }`;
const claim = (externalId: string, idNumber: string) =>
  `{ externalId: "${externalId}", idNumber: "${idNumber}", hospital: "矩阵县人民医院", setting: INPATIENT, admittedOn: "2026-03-01", dischargedOn: "2026-03-08",
     totalCost: "5000.00", eligibleCost: "4500.00", basicInsurance: "3200.00", criticalIllnessInsurance: "600.00", medicalAssistance: "500.00",
     supplementaryInsurance: "300.00", outOfPocket: "400.00", oneStopSettlement: true }`;
const contract = (externalId: string, idNumber: string) =>
  `{ externalId: "${externalId}", idNumber: "${idNumber}", team: "矩阵乡卫生院第一团队", signedOn: "2026-01-10", validUntil: "2026-12-31" }`;
/**
 * A child of the demo county (every role that reads members sees a child; the education bureau
 * sees no adult) with one record of each kind from the county's medical-insurance bureau, and one
 * of each to retract.
 */
const patientFixtures = (setUp: MatrixSetUp): Promise<Patient> =>
  memberWithRecords(setUp, Role.HEALTH, [`current_date - interval '15 years'`, `current_date - interval '8 years'`], (id) => `
    recordInsuranceEnrolments(records: [${enrolment('matrix-ins', id)}, ${enrolment('matrix-ins-retract', id)}]) { created unchanged }
    postMedicalClaims(records: [${claim('matrix-claim', id)}, ${claim('matrix-claim-retract', id)}]) { created unchanged }
    recordFamilyDoctorContracts(records: [${contract('matrix-fd', id)}, ${contract('matrix-fd-retract', id)}]) { created unchanged }`);

export const matrix = defineMatrix<Patient>({
  prepare: patientFixtures,
  routes: (_f, p) => {
    const member = { field: 'member', args: `(idNumber: "${p.idNumber}", purpose: "permission matrix test")` };
    const retract = (field: string, id: string) => mutation({ field, args: `(externalIds: ["${id}"], reason: "矩阵 matrix")` });
    return {
      InsuranceEnrolment: query(member, { field: 'insuranceEnrolments' }),
      MedicalClaim: query(member, { field: 'medicalClaims' }),
      FamilyDoctorContract: query(member, { field: 'familyDoctorContracts' }),
      'Mutation.recordInsuranceEnrolments': mutation({ field: 'recordInsuranceEnrolments', args: `(records: [${enrolment('matrix-ins', p.idNumber)}])` }),
      'Mutation.postMedicalClaims': mutation({ field: 'postMedicalClaims', args: `(records: [${claim('matrix-claim', p.idNumber)}])` }),
      'Mutation.recordFamilyDoctorContracts': mutation({ field: 'recordFamilyDoctorContracts', args: `(records: [${contract('matrix-fd', p.idNumber)}])` }),
      'Mutation.retractInsuranceEnrolments': retract('retractInsuranceEnrolments', 'matrix-ins-retract'),
      'Mutation.retractMedicalClaims': retract('retractMedicalClaims', 'matrix-claim-retract'),
      'Mutation.retractFamilyDoctorContracts': retract('retractFamilyDoctorContracts', 'matrix-fd-retract'),
    };
  },
});
