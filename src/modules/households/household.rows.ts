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

export type HouseholdColumns = Omit<HouseholdRow, 'village' | 'updatedAt'> & { villageCode: string; updatedAtMs: number; members?: MemberRow[] };

export function toHouseholdRow({ villageCode, updatedAtMs, members: _members, ...columns }: HouseholdColumns): HouseholdRow {
  return { ...columns, village: { code: villageCode }, updatedAt: new Date(updatedAtMs) };
}

/** Each column of `member m` and the row property it is read as; the two renderings below stay in step. */
const MEMBER_FIELDS: readonly (readonly [column: string, property: keyof MemberColumns])[] = [
  ['id', 'id'], ['household_id', 'householdId'], ['name', 'name'], ['id_number', 'idNumber'], ['relation', 'relation'], ['sex', 'sex'],
  ['birth_date', 'birthDate'], ['education', 'education'], ['school_stage', 'schoolStage'], ['health', 'health'], ['disability_grade', 'disabilityGrade'],
  ['labour_capacity', 'labourCapacity'], ['employment', 'employment'], ['medical_insurance', 'medicalInsurance'], ['version', 'version'],
];

/** The columns of `member m`, named as the row's properties. */
export const MEMBER_COLUMNS = MEMBER_FIELDS.map(([column, property]) => `m.${column} as "${property}"`).join(', ');

/** A member's columns as a JSON object already shaped as MemberRow: the household nested, dates as the same 'YYYY-MM-DD' text. */
const MEMBER_JSON = `json_build_object(${MEMBER_FIELDS.map(([column, property]) =>
  property === 'householdId' ? `'household', json_build_object('id', m.${column})` : `'${property}', m.${column}`,
).join(', ')})`;

/**
 * The members of `household h` that `scope` (the caller's row rule on `member m`) admits, as one
 * JSON column of member rows, head first: a list reads its households and their members in one
 * statement when the query asks for members.
 */
export const MEMBERS_OF_HOUSEHOLD = (scope: string) => `(select coalesce(json_agg(${MEMBER_JSON} order by m.id), '[]'::json)
  from member m where m.household_id = h.id and ${scope}) as "members"`;

export type MemberColumns = Omit<MemberRow, 'household'> & { householdId: number };

export function toMemberRow({ householdId, ...columns }: MemberColumns): MemberRow {
  return { ...columns, household: { id: householdId } };
}
