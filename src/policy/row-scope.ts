import type { Viewer } from '../kernel/viewer';
import { arrayLiteral } from '../db/array-literal';
import { rowRule } from './policy';

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

/**
 * The policy's row rule for a type as a MikroORM condition: the property's code must start with
 * one of the prefixes the rule gives the caller. It runs in SQL, so lists, counts and lookups
 * agree on which rows exist.
 */
export function rowScope<K extends string>(viewer: Viewer, type: string, property: K): CodesUnder<K> {
  return codesUnder(property, rowRule(type, viewer.role).prefixes(viewer));
}

/** The same rule for hand-written SQL: `(col between ? and ? or …)` and its bindings. */
export function rowScopeSql(viewer: Viewer, type: string, column: string): { sql: string; bindings: string[] } {
  return codesUnderSql(column, rowRule(type, viewer.role).prefixes(viewer));
}
