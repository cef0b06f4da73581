import type { MeasureBase } from '../../sync/measure.rows';
import { defineMeasureRecords, type SectorMeasures } from '../../sync/measure-source';
import type { CareSetting, InsuranceScheme } from './health.enums';
import { outOfPocket } from './health.rules';
import { FamilyDoctorContractType, InsuranceEnrolmentType, MedicalClaimType } from './health.types';

export type InsuranceEnrolmentRow = MeasureBase & { measureType: 'InsuranceEnrolment'; year: number; scheme: InsuranceScheme; premium: number; governmentPaid: number };
export type MedicalClaimRow = MeasureBase & {
  measureType: 'MedicalClaim';
  hospital: string;
  setting: CareSetting;
  admittedOn: string;
  dischargedOn: string;
  totalCost: number;
  eligibleCost: number;
  basicInsurance: number;
  criticalIllnessInsurance: number;
  medicalAssistance: number;
  supplementaryInsurance: number;
  outOfPocket: number;
  oneStopSettlement: boolean;
  outOfPocketShare: number | null;
  outOfPocketAboveLimit: boolean;
};
export type FamilyDoctorContractRow = MeasureBase & { measureType: 'FamilyDoctorContract'; team: string; signedOn: string; validUntil: string };

type Facts<R> = Omit<R, keyof MeasureBase>;
type ClaimFacts = Omit<Facts<MedicalClaimRow>, 'dischargedOn' | 'totalCost' | 'outOfPocketShare' | 'outOfPocketAboveLimit'>;

/** Insurance enrolments as measures (src/sync/measures.ts): the kind is the scheme, the amount the premium. */
const INSURANCE_ENROLMENT_MEASURES = defineMeasureRecords<Omit<Facts<InsuranceEnrolmentRow>, 'premium'>, Facts<InsuranceEnrolmentRow>>({
  type: 'InsuranceEnrolment',
  of: InsuranceEnrolmentType,
  table: 'insurance_enrolment',
  facts: (t) => `json_build_object('year', ${t}.year, 'scheme', ${t}.scheme, 'governmentPaid', ${t}.government_paid_fen)`,
  kind: (f) => f.scheme,
  fields: (f, c) => ({ ...f, premium: c.amountFen! }),
});

/** Claims as measures: the kind is the setting, dated by discharge, the amount the total cost; the out-of-pocket share is computed. */
const MEDICAL_CLAIM_MEASURES = defineMeasureRecords<ClaimFacts, Facts<MedicalClaimRow>>({
  type: 'MedicalClaim',
  of: MedicalClaimType,
  table: 'medical_claim',
  facts: (t) => `json_build_object('hospital', ${t}.hospital, 'setting', ${t}.setting, 'admittedOn', ${t}.admitted_on, 'eligibleCost', ${t}.eligible_fen,
      'basicInsurance', ${t}.basic_fen, 'criticalIllnessInsurance', ${t}.critical_illness_fen, 'medicalAssistance', ${t}.assistance_fen,
      'supplementaryInsurance', ${t}.supplementary_fen, 'outOfPocket', ${t}.out_of_pocket_fen, 'oneStopSettlement', ${t}.one_stop)`,
  kind: (f) => f.setting,
  fields: (f, c) => {
    const { share, aboveLimit } = outOfPocket(f.outOfPocket, f.eligibleCost);
    return { ...f, dischargedOn: c.date, totalCost: c.amountFen!, outOfPocketShare: share, outOfPocketAboveLimit: aboveLimit };
  },
});

/** Family-doctor contracts as measures: dated by signing, no money moves. */
const FAMILY_DOCTOR_CONTRACT_MEASURES = defineMeasureRecords<Omit<Facts<FamilyDoctorContractRow>, 'signedOn'>, Facts<FamilyDoctorContractRow>>({
  type: 'FamilyDoctorContract',
  of: FamilyDoctorContractType,
  table: 'family_doctor_contract',
  facts: (t) => `json_build_object('team', ${t}.team, 'validUntil', ${t}.valid_until)`,
  kind: () => 'FAMILY_DOCTOR',
  fields: (f, c) => ({ ...f, signedOn: c.date }),
});

export const HEALTH_MEASURES: SectorMeasures = {
  sector: 'HEALTH',
  description: '健康扶贫 health',
  records: [INSURANCE_ENROLMENT_MEASURES, MEDICAL_CLAIM_MEASURES, FAMILY_DOCTOR_CONTRACT_MEASURES],
};

/**
 * The basic medical insurance enrolments of households, for the exit test's basic-medical item:
 * every insurer's and the bureau's, not retracted, under the household's row rule (`scope`, on
 * alias i), since the verdict must not depend on which records its reader may list. Bindings:
 * ids, the scope's.
 */
export const INSURANCE_EVIDENCE = (scope: string) => `select i.id, i.household_id as "householdId", i.member_id as "memberId", i.year, i.external_id as "externalId",
    o.name as organisation, (extract(epoch from i.recorded_at) * 1000)::float8 as "recordedAtMs"
  from insurance_enrolment i left join organisation o on o.id = i.organisation_id
  where i.household_id = any (?::int[]) and i.scheme = 'BASIC' and i.retracted_at is null and i.member_id is not null and ${scope}
  order by i.date, i.id`;
