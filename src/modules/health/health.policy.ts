import { Role } from '../../kernel/role';
import { all, type ModulePolicy, type RowPolicy } from '../../policy/policy';
import { PARTNER_RECORD_ROWS, inRegionScopes } from '../../policy/row-rules';
import { MEASURE_FIELDS } from '../../sync/measure.types';

const { POVERTY_OFFICE, HEALTH, AUDITOR } = Role;

/** Who reads health records at all: the medical-insurance bureau, insurers and hospitals, the poverty office and audit. */
const HEALTH_RECORD_READERS = [POVERTY_OFFICE, HEALTH, AUDITOR];

/**
 * A member's insurance and family-doctor contracts are their health status, which every health
 * organisation of the region reads (a hospital settling in one stop must see the patient's
 * schemes, whoever enrolled them); a claim only the organisation that posted it, so a hospital
 * sees its own claims and an insurer those it settled.
 */
const STATUS_ROWS: RowPolicy = { default: inRegionScopes };

export const healthPolicy: ModulePolicy = {
  types: {
    InsuranceEnrolment: { rows: STATUS_ROWS, fields: all(HEALTH_RECORD_READERS, ...MEASURE_FIELDS, 'year', 'scheme', 'premium', 'governmentPaid') },
    MedicalClaim: {
      rows: PARTNER_RECORD_ROWS,
      fields: all(
        HEALTH_RECORD_READERS,
        ...MEASURE_FIELDS,
        'hospital', 'setting', 'admittedOn', 'dischargedOn', 'totalCost', 'eligibleCost', 'basicInsurance', 'criticalIllnessInsurance',
        'medicalAssistance', 'supplementaryInsurance', 'outOfPocket', 'oneStopSettlement', 'outOfPocketShare', 'outOfPocketAboveLimit',
      ),
    },
    FamilyDoctorContract: { rows: STATUS_ROWS, fields: all(HEALTH_RECORD_READERS, ...MEASURE_FIELDS, 'team', 'signedOn', 'validUntil') },
  },
  fields: {
    Mutation: all(
      [HEALTH],
      'recordInsuranceEnrolments', 'retractInsuranceEnrolments', 'postMedicalClaims', 'retractMedicalClaims', 'recordFamilyDoctorContracts', 'retractFamilyDoctorContracts',
    ),
    Member: all(HEALTH_RECORD_READERS, 'insuranceEnrolments', 'medicalClaims', 'familyDoctorContracts'),
  },
};
