import { arrayLiteral } from '../../src/db/array-literal';
import type { Knex } from '@mikro-orm/postgresql';
import type { ApiKeyRow, HouseholdRow, MemberRow, OrganisationRow, PairingRow, RegionRow } from './rows';

type Scalar = string | number | boolean | null;

/**
 * A column of a multi-row insert: its values travel as one array of `type` and are unnested
 * server-side; `cast` turns each element into the column's type when that is itself an array.
 */
type Column<Row> = {
  name: string;
  type: 'int' | 'smallint' | 'text' | 'boolean' | 'date';
  cast?: string;
  value(row: Row): Scalar;
};

const REGION_COLUMNS: readonly Column<RegionRow>[] = [
  { name: 'code', type: 'text', value: (r) => r.code },
  { name: 'name', type: 'text', value: (r) => r.name },
  { name: 'level', type: 'text', value: (r) => r.level },
  { name: 'parent_code', type: 'text', value: (r) => r.parentCode },
  { name: 'poverty_status', type: 'text', value: (r) => r.village?.povertyStatus ?? null },
  { name: 'exit_year', type: 'smallint', value: (r) => r.village?.exitYear ?? null },
  { name: 'group_count', type: 'smallint', value: (r) => r.village?.groupCount ?? null },
  { name: 'has_culture_room', type: 'boolean', value: (r) => r.village?.hasCultureRoom ?? null },
  { name: 'has_clinic', type: 'boolean', value: (r) => r.village?.hasClinic ?? null },
  { name: 'has_telecom', type: 'boolean', value: (r) => r.village?.hasTelecom ?? null },
  { name: 'has_hardened_road', type: 'boolean', value: (r) => r.village?.hasHardenedRoad ?? null },
  { name: 'has_collective_economy', type: 'boolean', value: (r) => r.village?.hasCollectiveEconomy ?? null },
  { name: 'collective_income_fen', type: 'int', value: (r) => r.village?.collectiveIncomeFen ?? null },
  { name: 'agricultural_population', type: 'int', value: (r) => r.village?.agriculturalPopulation ?? null },
];

const ORGANISATION_COLUMNS: readonly Column<OrganisationRow>[] = [
  { name: 'id', type: 'int', value: (r) => r.id },
  { name: 'name', type: 'text', value: (r) => r.name },
  { name: 'role', type: 'text', value: (r) => r.role },
  { name: 'scopes', type: 'text', cast: 'text[]', value: (r) => arrayLiteral(r.scopes) },
];

const API_KEY_COLUMNS: readonly Column<ApiKeyRow>[] = [
  { name: 'id', type: 'int', value: (r) => r.id },
  { name: 'organisation_id', type: 'int', value: (r) => r.organisationId },
  { name: 'prefix', type: 'text', value: (r) => r.prefix },
  { name: 'key_hash', type: 'text', value: (r) => r.keyHash },
  { name: 'name', type: 'text', value: (r) => r.name },
];

const HOUSEHOLD_COLUMNS: readonly Column<HouseholdRow>[] = [
  { name: 'id', type: 'int', value: (r) => r.id },
  { name: 'number', type: 'text', value: (r) => r.number },
  { name: 'village_code', type: 'text', value: (r) => r.villageCode },
  { name: 'group_no', type: 'smallint', value: (r) => r.groupNo },
  { name: 'registration_year', type: 'smallint', value: (r) => r.registrationYear },
  { name: 'status', type: 'text', value: (r) => r.status },
  { name: 'exit_year', type: 'smallint', value: (r) => r.exitYear },
  { name: 'category', type: 'text', value: (r) => r.category },
  { name: 'causes', type: 'text', cast: 'text[]', value: (r) => arrayLiteral(r.causes) },
  { name: 'income_per_capita_fen', type: 'int', value: (r) => r.incomePerCapitaFen },
  { name: 'food_and_clothing_secure', type: 'boolean', value: (r) => r.foodAndClothingSecure },
  { name: 'safe_drinking_water', type: 'boolean', value: (r) => r.safeDrinkingWater },
  { name: 'housing_grade', type: 'text', value: (r) => r.housingGrade },
];

const MEMBER_COLUMNS: readonly Column<MemberRow>[] = [
  { name: 'id', type: 'int', value: (r) => r.id },
  { name: 'household_id', type: 'int', value: (r) => r.householdId },
  { name: 'name', type: 'text', value: (r) => r.name },
  { name: 'id_number', type: 'text', value: (r) => r.idNumber },
  { name: 'relation', type: 'text', value: (r) => r.relation },
  { name: 'sex', type: 'text', value: (r) => r.sex },
  { name: 'birth_date', type: 'date', value: (r) => r.birthDate },
  { name: 'education', type: 'text', value: (r) => r.education },
  { name: 'school_stage', type: 'text', value: (r) => r.schoolStage },
  { name: 'health', type: 'text', value: (r) => r.health },
  { name: 'disability_grade', type: 'smallint', value: (r) => r.disabilityGrade },
  { name: 'labour_capacity', type: 'text', value: (r) => r.labourCapacity },
  { name: 'employment', type: 'text', value: (r) => r.employment },
  { name: 'medical_insurance', type: 'boolean', value: (r) => r.medicalInsurance },
];

/** Tables whose ids the generator assigns; their identity sequences must move past those ids afterwards. */
const PAIRING_COLUMNS: readonly Column<PairingRow>[] = [
  { name: 'organisation_id', type: 'int', value: (r) => r.organisationId },
  { name: 'village_code', type: 'text', value: (r) => r.villageCode },
];

const IDENTITY_TABLES = ['organisation', 'api_key', 'household', 'member'] as const;

/** One statement for all rows, whatever their number: the values go as one array per column. */
async function insertRows<Row>(
  knex: Knex,
  table: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map((column) => column.name).join(', ');
  const selected = columns.map((column) => (column.cast ? `${column.name}::${column.cast}` : column.name)).join(', ');
  const arrays = columns.map((column) => `?::${column.type}[]`).join(', ');
  const sql = `insert into ${table} (${names}) select ${selected} from unnest(${arrays}) as t (${names})`;
  // knex's typings list no arrays that hold nulls; node-postgres sends them as array literals with NULL.
  await knex.raw(sql, columns.map((column) => rows.map((row) => column.value(row)) as Knex.Value));
}

export function insertRegions(knex: Knex, rows: readonly RegionRow[]): Promise<void> {
  return insertRows(knex, 'region', REGION_COLUMNS, rows);
}

export function insertOrganisations(knex: Knex, rows: readonly OrganisationRow[]): Promise<void> {
  return insertRows(knex, 'organisation', ORGANISATION_COLUMNS, rows);
}

export function insertApiKeys(knex: Knex, rows: readonly ApiKeyRow[]): Promise<void> {
  return insertRows(knex, 'api_key', API_KEY_COLUMNS, rows);
}

export function insertPairings(knex: Knex, rows: readonly PairingRow[]): Promise<void> {
  return insertRows(knex, 'organisation_pairing', PAIRING_COLUMNS, rows);
}

export function insertHouseholds(knex: Knex, rows: readonly HouseholdRow[]): Promise<void> {
  return insertRows(knex, 'household', HOUSEHOLD_COLUMNS, rows);
}

export function insertMembers(knex: Knex, rows: readonly MemberRow[]): Promise<void> {
  return insertRows(knex, 'member', MEMBER_COLUMNS, rows);
}

/** Lets rows added later through the API take the ids after the generated ones. */
export async function advanceIdentities(knex: Knex): Promise<void> {
  for (const table of IDENTITY_TABLES) {
    await knex.raw(
      `select setval(pg_get_serial_sequence('${table}', 'id'), coalesce(max(id), 1), max(id) is not null) from ${table}`,
    );
  }
}

export async function countRegions(knex: Knex): Promise<number> {
  const result = await knex.raw<{ rows: { count: number }[] }>('select count(*)::int as count from region');
  return result.rows[0].count;
}

/**
 * Drops every table, the audit trail included, so that the caller can migrate afresh. The trail
 * refuses TRUNCATE and DELETE by design; only dropping the whole schema clears it, which is what
 * a demo reset means and nothing else may do.
 */
export async function dropEverything(knex: Knex): Promise<void> {
  await knex.raw('drop schema public cascade; create schema public;');
}
