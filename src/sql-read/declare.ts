import type { SqlField, SqlObjectType, SqlReadTypes } from './sql-read';

/** A module's part of the SQL reads: whole types it owns, and fields it adds to others' types (as its resolvers do). */
export type SqlReads = Record<string, Partial<Omit<SqlObjectType, 'fields'>> & { fields: Record<string, SqlField> }>;

/** One column as its JSON: `column(name)` reads `<alias>.<name>`, or `column(name, (c) => …)` renders it (`${c}::text` for an ID). */
export const column =
  (name: string, render: (qualified: string) => string = (qualified) => qualified): SqlField => ({ value: (alias) => render(`${alias}.${name}`) });

/** The modules' declarations as one map by type; a type whose table no module declares has only root fields (Query). */
export function mergeSqlReads(parts: readonly (SqlReads | undefined)[]): SqlReadTypes {
  const merged: SqlReadTypes = {};
  for (const part of parts) {
    for (const [type, { fields, ...owned }] of Object.entries(part ?? {})) {
      const known = (merged[type] ??= { table: '', rows: () => ({ sql: 'false', bindings: [] }), fields: {} });
      for (const name of Object.keys(fields)) if (name in known.fields) throw new Error(`SQL read ${type}.${name} is declared twice`);
      Object.assign(known, owned, { fields: { ...known.fields, ...fields } });
    }
  }
  return merged;
}
