import { measureRow, MEASURE_COLUMNS, type MeasureBase, type MeasureColumns } from '../../sync/measure.rows';
import { Sector } from '../../sync/measure.types';
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
export type HealthMeasureRow = InsuranceEnrolmentRow | MedicalClaimRow | FamilyDoctorContractRow;

/**
 * The three kinds of record of the members whose ids are bound, oldest first, none retracted, in
 * one statement; each kind's own columns ride as one JSON object. `enrolment`, `claim` and
 * `contract` are the types' row rules on aliases i, c and f. Bindings: ids and the scope's, for each.
 */
export const HEALTH_MEASURES = (enrolment: string, claim: string, contract: string) => `
  select 'InsuranceEnrolment' as "measureType", ${MEASURE_COLUMNS('i')},
    json_build_object('year', i.year, 'scheme', i.scheme, 'governmentPaid', i.government_paid_fen) as facts
  from insurance_enrolment i where i.member_id = any (?::int[]) and i.retracted_at is null and ${enrolment}
  union all
  select 'MedicalClaim', ${MEASURE_COLUMNS('c')},
    json_build_object('hospital', c.hospital, 'setting', c.setting, 'admittedOn', c.admitted_on, 'eligibleCost', c.eligible_fen,
      'basicInsurance', c.basic_fen, 'criticalIllnessInsurance', c.critical_illness_fen, 'medicalAssistance', c.assistance_fen,
      'supplementaryInsurance', c.supplementary_fen, 'outOfPocket', c.out_of_pocket_fen, 'oneStopSettlement', c.one_stop)
  from medical_claim c where c.member_id = any (?::int[]) and c.retracted_at is null and ${claim}
  union all
  select 'FamilyDoctorContract', ${MEASURE_COLUMNS('f')}, json_build_object('team', f.team, 'validUntil', f.valid_until)
  from family_doctor_contract f where f.member_id = any (?::int[]) and f.retracted_at is null and ${contract}
  order by date, id`;

export type HealthMeasureColumns = MeasureColumns & { measureType: HealthMeasureRow['measureType']; facts: Record<string, any> };

export function toHealthRow(c: HealthMeasureColumns): HealthMeasureRow {
  const f = c.facts;
  switch (c.measureType) {
    case 'InsuranceEnrolment':
      return measureRow(InsuranceEnrolmentType.prototype, Sector.HEALTH, f.scheme, c, {
        measureType: c.measureType, year: f.year, scheme: f.scheme, premium: c.amountFen!, governmentPaid: f.governmentPaid,
      });
    case 'MedicalClaim': {
      const { share, aboveLimit } = outOfPocket(f.outOfPocket, f.eligibleCost);
      return measureRow(MedicalClaimType.prototype, Sector.HEALTH, f.setting, c, {
        ...(f as Omit<MedicalClaimRow, keyof MeasureBase>),
        measureType: c.measureType, dischargedOn: c.date, totalCost: c.amountFen!, outOfPocketShare: share, outOfPocketAboveLimit: aboveLimit,
      });
    }
    case 'FamilyDoctorContract':
      return measureRow(FamilyDoctorContractType.prototype, Sector.HEALTH, 'FAMILY_DOCTOR', c, {
        measureType: c.measureType, team: f.team, signedOn: c.date, validUntil: f.validUntil,
      });
  }
}

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
