import { HouseholdStatus } from './household.enums';
import { Health, LabourCapacity, SchoolStage } from './member.enums';
import { ExclusionRule, HousingGrade } from './registry.enums';

const {
  NOT_EXITED, EXITED, RETURNED, ROLLED_BACK, MONITORED_UNSTABLE, MONITORED_MARGINAL, MONITORED_SUDDEN_HARDSHIP, REMOVED,
} = HouseholdStatus;
const MONITORED = [MONITORED_UNSTABLE, MONITORED_MARGINAL, MONITORED_SUDDEN_HARDSHIP];

/**
 * 动态管理: the status changes the registry allows. Exiting runs the exit test; removal (清退) is
 * possible from any status and final; a rolled-back exit (错退) and a return to poverty (返贫)
 * both lead back towards exit; monitoring (监测户) is a state of exited households.
 */
export const TRANSITIONS: Readonly<Record<HouseholdStatus, readonly HouseholdStatus[]>> = {
  [NOT_EXITED]: [EXITED, REMOVED],
  [EXITED]: [RETURNED, ROLLED_BACK, ...MONITORED, REMOVED],
  [RETURNED]: [EXITED, REMOVED],
  [ROLLED_BACK]: [EXITED, REMOVED],
  [MONITORED_UNSTABLE]: [EXITED, RETURNED, MONITORED_MARGINAL, MONITORED_SUDDEN_HARDSHIP, REMOVED],
  [MONITORED_MARGINAL]: [EXITED, RETURNED, MONITORED_UNSTABLE, MONITORED_SUDDEN_HARDSHIP, REMOVED],
  [MONITORED_SUDDEN_HARDSHIP]: [EXITED, RETURNED, MONITORED_UNSTABLE, MONITORED_MARGINAL, REMOVED],
  [REMOVED]: [],
};

export function isAllowedTransition(from: HouseholdStatus, to: HouseholdStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The exit year a status carries: set on exit, kept while monitored, gone when the exit is undone. */
export function exitYearAfter(to: HouseholdStatus, effectiveYear: number, current: number | null): number | null {
  if (to === EXITED) return effectiveYear;
  if (to === RETURNED || to === ROLLED_BACK || to === NOT_EXITED) return null;
  return current;
}

export type IdentificationFacts = {
  motorVehicle: boolean;
  newlyBuiltHouse: boolean;
  urbanCommercialHousing: boolean;
  publicServantMember: boolean;
  registeredBusiness: boolean;
  disasterVictim: boolean;
};

export const EXCLUSION_TEXT: Readonly<Record<ExclusionRule, string>> = {
  MOTOR_VEHICLE: '家庭拥有小轿车等机动车的不录',
  NEWLY_BUILT_HOUSE: '近年新建、购买住房的不录',
  URBAN_COMMERCIAL_HOUSING: '在城镇购买商品房的不录',
  PUBLIC_SERVANT_MEMBER: '家庭成员有财政供养人员的不录',
  REGISTERED_BUSINESS: '家庭成员经营公司或规模较大个体工商户的不录',
};

const EXCLUSION_FACT: Readonly<Record<ExclusionRule, keyof IdentificationFacts>> = {
  MOTOR_VEHICLE: 'motorVehicle',
  NEWLY_BUILT_HOUSE: 'newlyBuiltHouse',
  URBAN_COMMERCIAL_HOUSING: 'urbanCommercialHousing',
  PUBLIC_SERVANT_MEMBER: 'publicServantMember',
  REGISTERED_BUSINESS: 'registeredBusiness',
};

/** 五不录: the exclusion rules the facts hit, in the rules' order. */
export function exclusionsHit(facts: IdentificationFacts): ExclusionRule[] {
  return Object.values(ExclusionRule).filter((rule) => facts[EXCLUSION_FACT[rule]]);
}

export type PriorityMember = { health: Health; disabilityGrade?: number | null; schoolStage: SchoolStage; labourCapacity: LabourCapacity };

const ABLE_BODIED = new Set([LabourCapacity.ORDINARY, LabourCapacity.SKILLED]);
const SEVERE_DISABILITY_GRADES = new Set([1, 2]);

/**
 * 六优先: one point for each priority the household meets — serious illness, severe disability
 * (grade 1–2), a student, no able-bodied labour, dangerous housing (C/D), disaster victims.
 */
export function priorityScore(members: readonly PriorityMember[], housingGrade: HousingGrade | null | undefined, disasterVictim: boolean): number {
  const criteria = [
    members.some((m) => m.health === Health.SERIOUS_ILLNESS),
    members.some((m) => m.health === Health.DISABLED && SEVERE_DISABILITY_GRADES.has(m.disabilityGrade ?? 0)),
    members.some((m) => m.schoolStage !== SchoolStage.NOT_IN_SCHOOL && m.schoolStage !== SchoolStage.PRESCHOOL),
    !members.some((m) => ABLE_BODIED.has(m.labourCapacity)),
    housingGrade === HousingGrade.C || housingGrade === HousingGrade.D,
    disasterVictim,
  ];
  return criteria.filter(Boolean).length;
}
