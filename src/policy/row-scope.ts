import type { Viewer } from '../context/request-context';

/**
 * The region row scope as a MikroORM condition: the column's code starts with one of the caller's
 * scope prefixes. It runs in SQL, so lists, counts and lookups agree on which rows exist.
 */
export function regionScope<K extends string>(viewer: Viewer, property: K) {
  return { $or: viewer.scopes.map((scope) => ({ [property]: { $like: `${scope}%` } })) } as Record<'$or', Record<K, { $like: string }>[]>;
}

/** The same scope for hand-written SQL: `(col like ? or col like ?)` and its bindings. */
export function regionScopeSql(viewer: Viewer, column: string): { sql: string; bindings: string[] } {
  return {
    sql: `(${viewer.scopes.map(() => `${column} like ?`).join(' or ')})`,
    bindings: viewer.scopes.map((scope) => `${scope}%`),
  };
}
