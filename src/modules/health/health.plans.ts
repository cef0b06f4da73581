import { definePlans } from '../../../test/module-plans';

/** The main reads of health, planned as the API role (test/query-plans.test.ts). */
export const plans = definePlans({
  reads: [
    ['health records of a member (insurer)', 'demo-health', (l) => `{ member(idNumber: "${l.idNumber}", purpose: "query plan test") { insuranceEnrolments { year } medicalClaims { outOfPocketShare } familyDoctorContracts { team } } }`],
    ['health records of a page of households’ members', 'demo-auditor', () => `{ households(first: 50) { edges { node { members { insuranceEnrolments { id } medicalClaims { id } } } } } }`],
  ],
  tables: ['insurance_enrolment', 'medical_claim', 'family_doctor_contract'],
});
