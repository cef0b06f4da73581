import type { Viewer } from '../kernel/viewer';
import { arrayLiteral } from '../db/array-literal';
import { chinaToday } from '../config/clock';
import { rowRule } from './policy';
import type { RowRule } from './row-rules';

/** Region codes are 12 digits (region.code's check), and every code column holds one. */
const CODE_LENGTH = 12;

/**
 * The codes that start with a prefix of digits, as a closed range: `prefix <= code <= prefix99…9`.
 * Why not `like 'prefix%'`: LIKE is not leakproof, so under row-level security PostgreSQL may not
 * use it in an index scan (it walks the table and filters); `>=`, `<=` and `=` are leakproof and
 * become index conditions. A full code is a range of one: equality. The policies of migration
 * 2026-12-01 20 write the same rule in SQL.
 */
export function codeRange(prefix: string): { from: string; to: string } {
  return { from: prefix, to: prefix.padEnd(CODE_LENGTH, '9') };
}

type CodeCondition = string | { $in: string[] } | { $gte: string; $lte: string };
export type CodesUnder<K extends string> = Record<K, CodeCondition> | { $or: Record<K, CodeCondition>[] };

/** Prefixes as the terms of the condition: full codes (one equality or `in`) and ranges. */
function terms(prefixes: readonly string[]): { codes: string[]; ranges: { from: string; to: string }[] } {
  return { codes: prefixes.filter((p) => p.length === CODE_LENGTH), ranges: prefixes.filter((p) => p.length !== CODE_LENGTH).map(codeRange) };
}

/** The property's code starts with one of the prefixes, as a MikroORM condition; no prefix matches nothing. */
export function codesUnder<K extends string>(property: K, prefixes: readonly string[]): CodesUnder<K> {
  const { codes, ranges } = terms(prefixes);
  const conditions: CodeCondition[] = [
    ...(codes.length === 1 ? [codes[0]] : codes.length > 1 ? [{ $in: codes }] : []),
    ...ranges.map(({ from, to }) => ({ $gte: from, $lte: to })),
  ];
  if (conditions.length === 0) return { [property]: { $in: [] as string[] } } as Record<K, CodeCondition>;
  if (conditions.length === 1) return { [property]: conditions[0] } as Record<K, CodeCondition>;
  return { $or: conditions.map((c) => ({ [property]: c }) as Record<K, CodeCondition>) };
}

/** The same for hand-written SQL: `(col = ? or col between ? and ? …)` and its bindings; `false` for no prefix. */
export function codesUnderSql(column: string, prefixes: readonly string[]): { sql: string; bindings: string[] } {
  const { codes, ranges } = terms(prefixes);
  const parts: { sql: string; bindings: string[] }[] = [
    ...(codes.length === 1 ? [{ sql: `${column} = ?`, bindings: codes }] : []),
    ...(codes.length > 1 ? [{ sql: `${column} = any (?::text[])`, bindings: [arrayLiteral(codes)] }] : []),
    ...ranges.map(({ from, to }) => ({ sql: `${column} between ? and ?`, bindings: [from, to] })),
  ];
  if (parts.length === 0) return { sql: 'false', bindings: [] };
  return { sql: `(${parts.map((p) => p.sql).join(' or ')})`, bindings: parts.flatMap((p) => p.bindings) };
}

/**
 * An optional prefix filter for fixed SQL text: `column between ? and ?`, the codes under the
 * prefix, or every code when there is none (the empty prefix's range), so the text never changes
 * and the condition is always one an index can serve. For columns that are never null.
 */
export function codeFilterSql(column: string, prefix: string | undefined): { sql: string; bindings: string[] } {
  const { from, to } = codeRange(prefix ?? '');
  return { sql: `${column} between ? and ?`, bindings: [from, to] };
}

/** Where a rule is rendered: the table's alias, and the qualified column holding the row's region code (`<alias>.region_code` if not given). */
export type RowTarget = { alias: string; code?: string };
export type RowSql = { sql: string; bindings: string[] };

/** The day `years` whole years before `day` (YYYY-MM-DD); 29 February becomes the 28th in a common year. */
function yearsBefore(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const year = y - years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const date = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

/** The prefixes a region-code rule gives the caller; other kinds say nothing in prefixes. */
function prefixesOf(rule: RowRule, viewer: Viewer): readonly string[] | null {
  if (rule.kind === 'inRegionScopes') return viewer.scopes;
  if (rule.kind === 'inPairedVillages') return viewer.pairedVillages.filter((code) => viewer.scopes.some((scope) => code.startsWith(scope)));
  return null;
}

/**
 * A row rule as SQL on a table, and its bindings. Every kind is comparisons (`=`, `<=`, `>`,
 * `between`) of a column with bound values, which PostgreSQL's operators mark leakproof: under
 * row-level security they still become index conditions. Ages are a range of birth dates: age
 * `min` to `max` today is born after the day `max + 1` years ago and on or before the day `min`
 * years ago (as ageOn counts birthdays).
 */
export function ruleSql(rule: RowRule, viewer: Viewer, target: RowTarget, today?: string): RowSql {
  switch (rule.kind) {
    case 'inRegionScopes':
    case 'inPairedVillages':
      return codesUnderSql(target.code ?? `${target.alias}.region_code`, prefixesOf(rule, viewer)!);
    case 'writtenByCaller':
      return { sql: `${target.alias}.${rule.column} = ?`, bindings: [String(viewer.organisationId)] };
    case 'inCallersRecords': {
      const record = `${target.alias}_record`;
      const { table, column, endedBy, widelyHeld } = rule.records;
      return {
        // Widely held, `offset 0` keeps the test a filter on each row rather than a join: under the
        // record table's row-level security PostgreSQL guesses a bank has some 2,000 loans (60,000
        // in the bench), and as a join it read them all and sorted the households before the first
        // of a page; as a filter it walks the households in order and stops (0.4 s → 7 ms at 1M).
        // A backing unit's few pairings are the other way round: the join is the quick one.
        sql: `exists (select 1 from ${table} ${record} where ${record}.${column} = ${target.alias}.${rule.key} and ${record}.organisation_id = ? and ${record}.${endedBy} is null${widelyHeld ? ' offset 0' : ''})`,
        bindings: [String(viewer.organisationId)],
      };
    }
    case 'agedBetween': {
      // Today only where an age asks for it: every read renders its rule, most without an age.
      const day = today ?? chinaToday();
      return {
        sql: `(${target.alias}.${rule.column} > ?::date and ${target.alias}.${rule.column} <= ?::date)`,
        bindings: [yearsBefore(day, rule.max + 1), yearsBefore(day, rule.min)],
      };
    }
    case 'viaHousehold': {
      const household = `${target.alias}_household`;
      const inner = ruleSql(rule.household, viewer, { alias: household, code: `${household}.village_code` }, today);
      return { sql: `exists (select 1 from household ${household} where ${household}.id = ${target.alias}.${rule.column} and ${inner.sql})`, bindings: inner.bindings };
    }
    case 'allOf': {
      const parts = rule.rules.map((r) => ruleSql(r, viewer, target, today));
      return parts.length ? { sql: `(${parts.map((p) => p.sql).join(' and ')})`, bindings: parts.flatMap((p) => p.bindings) } : { sql: 'true', bindings: [] };
    }
  }
}

/**
 * The policy's row rule for a type as a MikroORM condition: the property's code must start with
 * one of the prefixes the rule gives the caller. It runs in SQL, so lists, counts and lookups
 * agree on which rows exist. Only region-code rules have this form; read types with other rules
 * through rowScopeSql.
 */
export function rowScope<K extends string>(viewer: Viewer, type: string, property: K): CodesUnder<K> {
  const rule = rowRule(type, viewer.role);
  const prefixes = prefixesOf(rule, viewer);
  if (!prefixes) throw new Error(`The row rule of ${type} for ${viewer.role} (${rule.kind}) has no MikroORM form: use rowScopeSql`);
  return codesUnder(property, prefixes);
}

/**
 * The same rule for hand-written SQL and its bindings. `on` is the table's alias and its region
 * code column, or just the qualified code column (`h.village_code`: alias `h`).
 */
export function rowScopeSql(viewer: Viewer, type: string, on: string | RowTarget): RowSql {
  const target = typeof on === 'string' ? { alias: on.slice(0, Math.max(on.lastIndexOf('.'), 0)), code: on } : on;
  return ruleSql(rowRule(type, viewer.role), viewer, target);
}
