import { defineSyncKind } from '../../sync/sync-kind';
import { claimProblems, contractProblems, enrolmentProblems } from './health.rules';
import type { FamilyDoctorContractRecord, InsuranceEnrolmentRecord, MedicalClaimRecord } from './health.types';

/** Insurance enrolments (table insurance_enrolment, migration 2026-12-02 01): the amount is the premium. */
export const INSURANCE_ENROLMENT = defineSyncKind<InsuranceEnrolmentRecord>({
  entity: 'InsuranceEnrolment',
  operation: 'recordInsuranceEnrolments',
  retraction: 'retractInsuranceEnrolments',
  table: 'insurance_enrolment',
  columns: [
    { name: 'year', type: 'integer' },
    { name: 'scheme', type: 'text' },
    { name: 'government_paid_fen', type: 'integer' },
  ],
  values: (r) => ({ year: r.year, scheme: r.scheme, government_paid_fen: r.governmentPaid }),
  date: (r) => r.enrolledOn,
  dateField: 'enrolledOn',
  amountFen: (r) => r.premium,
  check: (r) => enrolmentProblems(r),
});

/** Medical claims (table medical_claim): dated by discharge, the amount is the total cost, the parts are columns of their own. */
export const MEDICAL_CLAIM = defineSyncKind<MedicalClaimRecord>({
  entity: 'MedicalClaim',
  operation: 'postMedicalClaims',
  retraction: 'retractMedicalClaims',
  table: 'medical_claim',
  columns: [
    { name: 'hospital', type: 'text' },
    { name: 'setting', type: 'text' },
    { name: 'admitted_on', type: 'date' },
    { name: 'eligible_fen', type: 'integer' },
    { name: 'basic_fen', type: 'integer' },
    { name: 'critical_illness_fen', type: 'integer' },
    { name: 'assistance_fen', type: 'integer' },
    { name: 'supplementary_fen', type: 'integer' },
    { name: 'out_of_pocket_fen', type: 'integer' },
    { name: 'one_stop', type: 'boolean' },
  ],
  values: (r) => ({
    hospital: r.hospital.trim(),
    setting: r.setting,
    admitted_on: r.admittedOn,
    eligible_fen: r.eligibleCost,
    basic_fen: r.basicInsurance,
    critical_illness_fen: r.criticalIllnessInsurance,
    assistance_fen: r.medicalAssistance,
    supplementary_fen: r.supplementaryInsurance,
    out_of_pocket_fen: r.outOfPocket,
    one_stop: r.oneStopSettlement,
  }),
  date: (r) => r.dischargedOn,
  dateField: 'dischargedOn',
  amountFen: (r) => r.totalCost,
  check: (r) => claimProblems(r),
});

/** Family-doctor contracts (table family_doctor_contract): dated by signing, no money moves. */
export const FAMILY_DOCTOR_CONTRACT = defineSyncKind<FamilyDoctorContractRecord>({
  entity: 'FamilyDoctorContract',
  operation: 'recordFamilyDoctorContracts',
  retraction: 'retractFamilyDoctorContracts',
  table: 'family_doctor_contract',
  columns: [
    { name: 'team', type: 'text' },
    { name: 'valid_until', type: 'date' },
  ],
  values: (r) => ({ team: r.team.trim(), valid_until: r.validUntil }),
  date: (r) => r.signedOn,
  dateField: 'signedOn',
  amountFen: () => null,
  check: (r) => contractProblems(r),
});
