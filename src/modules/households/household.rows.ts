import type { Household } from './household.entity';
import type { HouseholdCategory, HouseholdStatus, PovertyCause } from './household.enums';
import type { Member } from './member.entity';
import type { Education, Employment, Health, LabourCapacity, Relation, SchoolStage, Sex } from './member.enums';
import type { HousingGrade } from './registry.enums';

/**
 * A household as the GraphQL types and their field resolvers read it. Reads return it as a plain
 * row; writes return their MikroORM entity, which has the same shape (checked below), so every
 * field resolver works on both.
 */
export interface HouseholdRow {
  id: number;
  number: string;
  village: { code: string };
  groupNo: number;
  registrationYear: number;
  status: HouseholdStatus;
  exitYear?: number | null;
  category: HouseholdCategory;
  causes: PovertyCause[];
  incomePerCapitaFen: number;
  foodAndClothingSecure?: boolean | null;
  safeDrinkingWater?: boolean | null;
  housingGrade?: HousingGrade | null;
  priorityScore: number;
  version: number;
  updatedAt: Date;
}

/** A member as the GraphQL types read it; the entity has the same shape. */
export interface MemberRow {
  id: number;
  household: { id: number };
  name: string;
  idNumber: string;
  relation: Relation;
  sex: Sex;
  birthDate: string;
  education: Education;
  schoolStage: SchoolStage;
  health: Health;
  disabilityGrade?: number | null;
  labourCapacity: LabourCapacity;
  employment: Employment;
  medicalInsurance: boolean;
  version: number;
}

type Holds<T extends true> = T;
/** Fails to compile when an entity stops fitting its row, e.g. a column added to one and not the other. */
export type EntitiesFitTheirRows = Holds<Household extends HouseholdRow ? (Member extends MemberRow ? true : false) : false>;

/** The columns of `household h`, named as the row's properties; `toHouseholdRow` nests the two that are objects. */
export const HOUSEHOLD_COLUMNS = `h.id, h.number, h.village_code as "villageCode", h.group_no as "groupNo",
  h.registration_year as "registrationYear", h.status, h.exit_year as "exitYear", h.category, h.causes,
  h.income_per_capita_fen as "incomePerCapitaFen", h.food_and_clothing_secure as "foodAndClothingSecure",
  h.safe_drinking_water as "safeDrinkingWater", h.housing_grade as "housingGrade", h.priority_score as "priorityScore",
  h.version, (extract(epoch from h.updated_at) * 1000)::float8 as "updatedAtMs"`;

export type HouseholdColumns = Omit<HouseholdRow, 'village' | 'updatedAt'> & { villageCode: string; updatedAtMs: number };

export function toHouseholdRow({ villageCode, updatedAtMs, ...columns }: HouseholdColumns): HouseholdRow {
  return { ...columns, village: { code: villageCode }, updatedAt: new Date(updatedAtMs) };
}

/** The columns of `member m`, named as the row's properties. */
export const MEMBER_COLUMNS = `m.id, m.household_id as "householdId", m.name, m.id_number as "idNumber", m.relation, m.sex,
  m.birth_date as "birthDate", m.education, m.school_stage as "schoolStage", m.health, m.disability_grade as "disabilityGrade",
  m.labour_capacity as "labourCapacity", m.employment, m.medical_insurance as "medicalInsurance", m.version`;

export type MemberColumns = Omit<MemberRow, 'household'> & { householdId: number };

export function toMemberRow({ householdId, ...columns }: MemberColumns): MemberRow {
  return { ...columns, household: { id: householdId } };
}
