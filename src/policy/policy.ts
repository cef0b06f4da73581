import type { Role } from '../kernel/role';
import type { MaskName } from './masks';
import { EVERYONE } from './role-groups';
import type { RowPolicy, RowRule } from './row-rules';

/**
 * THE permission policy, as data, in the shape of Hasura's per-role metadata:
 * - for every GraphQL type, which rows exist for a caller (`rows`: a rule per role, enforced in SQL);
 * - for every field, the roles that may read it, and roles that see it only masked;
 * - for every filter input field, the output field whose value it tests (filtering by a value you
 *   may not read would reveal it, so it is refused as that field would be).
 * Each module declares its own part in its `<name>.policy.ts`; the module list
 * (src/modules/index.ts) installs them here, so this folder imports no module. graphql-shield
 * rules, masks, filter checks, row scopes and docs/permissions.md are all generated from these
 * tables; a schema field with no entry is denied and fails the policy test.
 */
export type Reason = { zh: string; en: string };
export type FieldPolicy = { read: readonly Role[]; masked?: { roles: readonly Role[]; mask: MaskName }; reason?: Reason };
export type { RowPolicy };
export type TypePolicy = { rows: RowPolicy | string; fields: Record<string, FieldPolicy> };
/** For each input field (or enum value), the output field whose value it tests: `Type.field`. */
export type TestedFields = Record<string, Record<string, string>>;

/** A module's part of the policy. */
export type ModulePolicy = {
  /** The types the module defines: their row rule and fields. */
  types?: Record<string, TypePolicy>;
  /** Fields the module's resolvers add to a type defined elsewhere: Query, Mutation, or another module's type. */
  fields?: Record<string, Record<string, FieldPolicy>>;
  /** For each filter input field, the output field whose value it tests. */
  filters?: TestedFields;
  /** For each ordering enum value, the output field it sorts by: sorting by a hidden value reveals it, as a filter would. */
  orderings?: TestedFields;
};

export const all = (read: readonly Role[], ...fields: string[]): Record<string, FieldPolicy> =>
  Object.fromEntries(fields.map((f) => [f, { read }]));

/** The Relay wrapper types of a list are readable by whoever may read the list itself. */
export function connection(name: string, read: readonly Role[]): Record<string, TypePolicy> {
  return {
    [`${name}Connection`]: { rows: 'as the list', fields: all(read, 'edges', 'pageInfo', 'totalCount') },
    [`${name}Edge`]: { rows: 'as the list', fields: all(read, 'cursor', 'node') },
  };
}

/** The types no module owns: the roots, whose fields the modules add, and the page info every list shares. */
const SHARED_TYPES: Record<string, TypePolicy> = {
  Query: { rows: 'each root field applies the row rule of the type it returns', fields: {} },
  Mutation: { rows: 'writes reach only rows the caller can see; anything else is NOT_FOUND', fields: {} },
  PageInfo: { rows: 'as the list', fields: all(EVERYONE, 'hasNextPage', 'endCursor') },
};

/** A table's own copy of types, so that fields added to them change no module's declaration. */
const copied = (types: Record<string, TypePolicy>) => Object.fromEntries(Object.entries(types).map(([name, type]) => [name, { ...type, fields: { ...type.fields } }]));

export const POLICY: Record<string, TypePolicy> = copied(SHARED_TYPES);
export const FILTERS: TestedFields = {};
export const ORDERINGS: TestedFields = {};

/** Adds entries to a table, refusing a second declaration of one: two modules may not both decide a field. */
function adopt<T>(table: Record<string, T>, entries: Record<string, T>, what: (key: string) => string): void {
  for (const [key, value] of Object.entries(entries)) {
    if (key in table) throw new Error(`${what(key)} is declared twice`);
    table[key] = value;
  }
}

/**
 * Installs the modules' parts, called once by the module list: each type as its module declares
 * it, in the list's order, then the fields modules add to types defined elsewhere.
 */
export function installPolicy(parts: readonly { name: string; policy: ModulePolicy }[]): void {
  for (const { name, policy } of parts) {
    adopt(POLICY, copied(policy.types ?? {}), (type) => `The policy of ${type} (module ${name})`);
    adopt(FILTERS, policy.filters ?? {}, (input) => `The filter ${input} (module ${name})`);
    adopt(ORDERINGS, policy.orderings ?? {}, (order) => `The ordering ${order} (module ${name})`);
  }
  for (const { name, policy } of parts) {
    for (const [type, fields] of Object.entries(policy.fields ?? {})) {
      if (!POLICY[type]) throw new Error(`Module ${name} adds fields to ${type}, which no module defines`);
      adopt(POLICY[type].fields, fields, (field) => `${type}.${field} (module ${name})`);
    }
  }
}

export function fieldPolicy(typeAndField: string): FieldPolicy | undefined {
  const [type, field] = typeAndField.split('.');
  return POLICY[type]?.fields[field];
}

export function rowRule(type: string, role: Role): RowRule {
  const rows = POLICY[type]?.rows;
  if (!rows || typeof rows === 'string') throw new Error(`The policy has no row rule for ${type}`);
  return rows.byRole?.[role] ?? rows.default;
}
