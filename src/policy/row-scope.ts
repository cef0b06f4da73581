import type { Viewer } from '../context/request-context';
import { rowRule } from './policy';

/**
 * The policy's row rule for a type as a MikroORM condition: the property's code must start with
 * one of the prefixes the rule gives the caller. It runs in SQL, so lists, counts and lookups
 * agree on which rows exist.
 */
export function rowScope<K extends string>(viewer: Viewer, type: string, property: K) {
  const prefixes = rowRule(type, viewer.role).prefixes(viewer);
  if (prefixes.length === 0) return { [property]: { $in: [] as string[] } } as Record<K, { $in: string[] }>;
  return { $or: prefixes.map((prefix) => ({ [property]: { $like: `${prefix}%` } })) } as Record<'$or', Record<K, { $like: string }>[]>;
}

/** The same rule for hand-written SQL: `(col like ? or …)` and its bindings. */
export function rowScopeSql(viewer: Viewer, type: string, column: string): { sql: string; bindings: string[] } {
  const prefixes = rowRule(type, viewer.role).prefixes(viewer);
  if (prefixes.length === 0) return { sql: 'false', bindings: [] };
  return { sql: `(${prefixes.map(() => `${column} like ?`).join(' or ')})`, bindings: prefixes.map((p) => `${p}%`) };
}
