import type { Role } from '../kernel/role';

/**
 * A row rule names which rows of a type exist for a caller, as data: a kind and its parameters,
 * with the rule in words (`describe`, printed in docs/permissions.md). row-scope.ts renders each
 * kind to SQL on a table alias, with comparisons an index can serve and PostgreSQL trusts under
 * row-level security. Make rules with the functions below, so that the words follow the data.
 */
export type RowRule =
  /** The row's region code starts with one of the caller's scope prefixes. */
  | { kind: 'inRegionScopes'; describe: string }
  /** The row's village is one the caller's organisation is paired with, inside its scopes. */
  | { kind: 'inPairedVillages'; describe: string }
  /** The row's `column` holds the caller's organisation: the records it wrote. */
  | { kind: 'writtenByCaller'; column: string; describe: string }
  /** The row's household (`column` holds its id) meets `household`, judged on its village code. */
  | { kind: 'viaHousehold'; column: string; household: RowRule; describe: string }
  /** The person's age from `column` (a date of birth), as of today in China, is `min` to `max` years. */
  | { kind: 'agedBetween'; column: string; min: number; max: number; describe: string }
  /** The row (its `key`) is named by a record of `records` that the caller's organisation holds and has not ended. */
  | { kind: 'inCallersRecords'; records: RecordLink; key: string; describe: string }
  /** Every one of the rules. */
  | { kind: 'allOf'; rules: readonly RowRule[]; describe: string };

/**
 * A table of records an organisation holds of people (its `organisation_id`): the column naming
 * the household or member a record is for, and the column that, once set, ends the record.
 * `widelyHeld`: one organisation holds records of a large share of the rows (a county bank's
 * borrowers), so the rule is best tested on each row as a list walks them in order, not by
 * reading all of the organisation's records first (row-scope.ts).
 */
export type RecordLink = { table: string; column: string; endedBy: string; widelyHeld?: boolean };

/** A partner's records (the batch-sync engine's tables, migration 2026-12-02 00), which end when retracted. */
export const partnerRecords = (table: string, column: string, options: { widelyHeld?: boolean } = {}): RecordLink => ({
  table,
  column,
  endedBy: 'retracted_at',
  ...options,
});

/** A type's row rule: one for every role, and any role's own. */
export type RowPolicy = { default: RowRule; byRole?: Partial<Record<Role, RowRule>> };

export const inRegionScopes: RowRule = { kind: 'inRegionScopes', describe: "region code starts with one of the caller's scope prefixes" };

/** Donors (万企帮万村, 政协委员联系贫困村) see the villages they are paired with, inside their region scopes. */
export const inPairedVillages: RowRule = {
  kind: 'inPairedVillages',
  describe: "village is paired with the caller's organisation (organisation_pairing) and inside its scopes",
};

/** Records the caller's organisation wrote (a school sees only its own records). */
export const writtenByCaller = (column = 'organisation_id'): RowRule => ({
  kind: 'writtenByCaller',
  column,
  describe: `written by the caller's organisation (${column})`,
});

/** A record whose scope is its household's: the household's village code meets `household`. */
export const viaHousehold = (household: RowRule = inRegionScopes, column = 'household_id'): RowRule => ({
  kind: 'viaHousehold',
  column,
  household,
  describe: `its household (${column}) has a village whose ${household.describe}`,
});

/** People of an age, in whole years as of today in China (members of school age: 6 to 15 for compulsory schooling). */
export const agedBetween = (min: number, max: number, column = 'birth_date'): RowRule => {
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < min) throw new Error(`agedBetween(${min}, ${max}): ages are whole years, min <= max`);
  return { kind: 'agedBetween', column, min, max, describe: `aged ${min} to ${max} today in China (from ${column})` };
};

/**
 * The people an organisation has a record of, and no one else: a bank its borrowers (the household
 * or member its own loans name). An ended record gives no one: a retracted loan was never made, an
 * ended pairing hands the household to its new cadre. `key` is the row's column the record's
 * column holds.
 */
export const inCallersRecords = (
  records: RecordLink,
  key = 'id',
  describe = `a record of the caller's organisation in ${records.table} names the row (${records.column} = ${key}), its ${records.endedBy} not set`,
): RowRule => ({ kind: 'inCallersRecords', records, key, describe });

/**
 * A backing unit (后盾单位) sees the households its cadres are paired with now (结对帮扶), not those
 * a cadre of it was paired with before: a household that changed cadre belongs to the new unit.
 */
export const pairedWithCallersCadres = (column = 'id'): RowRule =>
  inCallersRecords({ table: 'cadre_pairing', column: 'household_id', endedBy: 'ended_on' }, column, `household (${column}) is paired now with a cadre of the caller's unit (cadre_pairing)`);

export const allOf = (...rules: RowRule[]): RowRule => ({ kind: 'allOf', rules, describe: rules.map((r) => r.describe).join(', and ') });

export const REGION_ROWS: RowPolicy = { default: inRegionScopes };
export const VILLAGE_ROWS: RowPolicy = { default: inRegionScopes, byRole: { CPPCC: inPairedVillages, BUSINESS_ASSOCIATION: inPairedVillages } };

/** Partners' records (src/sync): the organisation that wrote them sees its own, the poverty office and audit all of their region. */
export const PARTNER_RECORD_ROWS: RowPolicy = {
  default: allOf(inRegionScopes, writtenByCaller()),
  byRole: { POVERTY_OFFICE: inRegionScopes, AUDITOR: inRegionScopes },
};
