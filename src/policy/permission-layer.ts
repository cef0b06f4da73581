import { getNamedType, isAbstractType, isEnumType, isInputObjectType, isObjectType, type GraphQLArgument, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { IMiddleware, IMiddlewareFunction } from 'graphql-middleware';
import type { IMiddlewareResolver } from 'graphql-middleware/dist/types';
import { deny, rule, shield, type IRules } from 'graphql-shield';
import type { RequestContext } from '../context/request-context';
import { AppError, forbidden, unauthenticated } from '../errors/app-error';
import { ErrorCode } from '../errors/error-codes';
import { ALL_ROLES, type Role } from '../kernel/role';
import { MASKS } from './masks';
import { FILTERS, fieldPolicy, ORDERINGS, POLICY, type FieldPolicy } from './policy';

export const denial = (role: Role, what: string, field: string) =>
  new AppError(ErrorCode.FORBIDDEN, `Role ${role} may not ${what} ${field}`, { field });

/** Roles that see a field at all: in full, or masked. */
export function rolesSeeing(policy: FieldPolicy): Set<Role> {
  return new Set([...policy.read, ...(policy.masked?.roles ?? [])]);
}

function readRule(field: string, policy: FieldPolicy) {
  const roles = rolesSeeing(policy);
  return rule(field, { cache: 'contextual' })((_parent, _args, ctx: RequestContext) => {
    if (!ctx.viewer) return unauthenticated();
    return roles.has(ctx.viewer.role) || denial(ctx.viewer.role, 'read', field);
  });
}

const ROOT_TYPES = new Set(['Query', 'Mutation']);

/**
 * The roles that can hold an object of each type: a type is reached only through fields that
 * return it, by roles those fields admit, starting from the root (where every role starts).
 */
export function reachingRoles(schema: GraphQLSchema): Map<string, Set<Role>> {
  const reach = new Map<string, Set<Role>>([...ROOT_TYPES].map((t) => [t, new Set(ALL_ROLES)]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [typeName, roles] of [...reach]) {
      const type = schema.getType(typeName) as GraphQLObjectType;
      for (const field of Object.values(type.getFields())) {
        const policy = POLICY[typeName]?.fields[field.name];
        if (!policy) continue;
        const named = getNamedType(field.type);
        const targets = isAbstractType(named) ? schema.getPossibleTypes(named) : isObjectType(named) ? [named] : [];
        const admitted = [...roles].filter((role) => rolesSeeing(policy).has(role));
        for (const target of targets) {
          const known = reach.get(target.name) ?? new Set<Role>();
          const before = known.size;
          admitted.forEach((role) => known.add(role));
          reach.set(target.name, known);
          changed ||= known.size !== before;
        }
      }
    }
  }
  return reach;
}

/**
 * graphql-shield rules for every policy entry; whatever the table does not grant is denied.
 * A field whose rule admits every role that can reach its type would always pass, so its
 * wrapper is dropped: wrapping every field of a long list made each one asynchronous and cost
 * half the throughput (graphql-shield issue 812). Root fields keep theirs: they also check that
 * there is a caller at all.
 */
function readRules(schema: GraphQLSchema) {
  const rules: IRules = {};
  for (const [type, { fields }] of Object.entries(POLICY)) {
    rules[type] = { '*': deny, ...Object.fromEntries(Object.entries(fields).map(([f, p]) => [f, readRule(`${type}.${f}`, p)])) };
  }
  const generated = shield(rules, { fallbackRule: deny, fallbackError: () => forbidden(), allowExternalErrors: true, debug: false }).generate(schema) as Record<
    string,
    Record<string, unknown>
  >;
  const reach = reachingRoles(schema);
  for (const [type, { fields }] of Object.entries(POLICY)) {
    if (ROOT_TYPES.has(type) || !generated[type]) continue;
    const reaching = [...(reach.get(type) ?? [])];
    for (const [field, policy] of Object.entries(fields)) {
      const seeing = rolesSeeing(policy);
      if (reaching.every((role) => seeing.has(role))) delete generated[type][field];
      else generated[type][field] = passGrantedRolesThrough(seeing, generated[type][field] as IMiddlewareResolver);
    }
  }
  return generated as IMiddleware;
}

/**
 * A caller whose role the rule grants would pass graphql-shield's check; letting it through
 * synchronously keeps the field synchronous, so a role-dependent field on a list of thousands
 * costs nothing for the roles that may read it. Every other caller meets the shield rule, which
 * refuses it exactly as before.
 */
function passGrantedRolesThrough(granted: Set<Role>, shieldCheck: IMiddlewareResolver): IMiddlewareResolver {
  return (resolve, parent, args, ctx: RequestContext, info) =>
    ctx.viewer && granted.has(ctx.viewer.role) ? resolve(parent, args, ctx, info) : shieldCheck(resolve, parent, args, ctx, info);
}

/** Replaces a value by its mask for the roles the policy shows it masked to. */
function maskMiddleware(): IMiddleware {
  const middleware: Record<string, Record<string, IMiddlewareFunction>> = {};
  for (const [type, { fields }] of Object.entries(POLICY)) {
    for (const [field, { masked }] of Object.entries(fields)) {
      if (!masked) continue;
      const roles = new Set(masked.roles);
      const mask = MASKS[masked.mask].apply;
      // Synchronous unless the resolver is not: an async wrapper would make every value of a long list a promise.
      (middleware[type] ??= {})[field] = (resolve, parent, args, ctx: RequestContext, info) => {
        if (!ctx.viewer || !roles.has(ctx.viewer.role)) return resolve(parent, args, ctx, info);
        const value = resolve(parent, args, ctx, info);
        const masked = (v: string | null | undefined) => (v == null ? v : mask(v));
        return value instanceof Promise ? value.then(masked) : masked(value);
      };
    }
  }
  return middleware;
}

/** The output fields an argument's value tests: a filter's set fields, or an ordering's value. */
export function testedFields(arg: GraphQLArgument, value: unknown): string[] {
  const type = getNamedType(arg.type);
  if (value === undefined || value === null) return [];
  if (isEnumType(type)) return [ORDERINGS[type.name][String(value)]];
  return Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0))
    .map(([key]) => FILTERS[type.name][key]);
}

export const isTestingArgument = (arg: GraphQLArgument) => {
  const type = getNamedType(arg.type);
  return (isInputObjectType(type) && FILTERS[type.name] !== undefined) || (isEnumType(type) && ORDERINGS[type.name] !== undefined);
};

export function checkTestingArguments(ctx: RequestContext, testing: readonly GraphQLArgument[], args: Record<string, unknown>): void {
  for (const target of testing.flatMap((arg) => testedFields(arg, args[arg.name]))) {
    if (!fieldPolicy(target)?.read.includes(ctx.caller.role)) throw denial(ctx.caller.role, 'filter or sort by', target);
  }
}

/**
 * Refuses a filter or an ordering on a value the caller may not read in full, as reading it
 * would be refused: a list narrowed or sorted by a hidden value reveals it (Keystone #7710).
 */
function filterMiddleware(schema: GraphQLSchema): IMiddleware {
  const middleware: Record<string, Record<string, IMiddlewareFunction>> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const testing = field.args.filter(isTestingArgument);
      if (testing.length === 0) continue;
      (middleware[type.name] ??= {})[field.name] = (resolve, parent, args, ctx: RequestContext, info) => {
        checkTestingArguments(ctx, testing, args);
        return resolve(parent, args, ctx, info);
      };
    }
  }
  return middleware;
}

/** The permission layer, outermost first: read rules, then filter checks, then masks. */
export function permissionLayer(schema: GraphQLSchema): IMiddleware[] {
  return [readRules(schema), filterMiddleware(schema), maskMiddleware()];
}
