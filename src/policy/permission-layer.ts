import { getNamedType, isEnumType, isInputObjectType, isObjectType, type GraphQLArgument, type GraphQLSchema } from 'graphql';
import type { IMiddleware, IMiddlewareFunction, IMiddlewareGenerator } from 'graphql-middleware';
import { deny, rule, shield, type IRules } from 'graphql-shield';
import type { RequestContext } from '../context/request-context';
import { AppError, forbidden, unauthenticated } from '../errors/app-error';
import { ErrorCode } from '../errors/error-codes';
import type { Role } from '../modules/auth/role';
import { MASKS } from './masks';
import { FILTERS, fieldPolicy, ORDERINGS, POLICY, type FieldPolicy } from './policy';

const denial = (role: Role, what: string, field: string) =>
  new AppError(ErrorCode.FORBIDDEN, `Role ${role} may not ${what} ${field}`, { field });

/** Roles that see a field at all: in full, or masked. */
function rolesSeeing(policy: FieldPolicy): Set<Role> {
  return new Set([...policy.read, ...(policy.masked?.roles ?? [])]);
}

function readRule(field: string, policy: FieldPolicy) {
  const roles = rolesSeeing(policy);
  return rule(field, { cache: 'contextual' })((_parent, _args, ctx: RequestContext) => {
    if (!ctx.viewer) return unauthenticated();
    return roles.has(ctx.viewer.role) || denial(ctx.viewer.role, 'read', field);
  });
}

/** graphql-shield rules for every policy entry; whatever the table does not grant is denied. */
function readRules() {
  const rules: IRules = {};
  for (const [type, { fields }] of Object.entries(POLICY)) {
    rules[type] = { '*': deny, ...Object.fromEntries(Object.entries(fields).map(([f, p]) => [f, readRule(`${type}.${f}`, p)])) };
  }
  return shield(rules, { fallbackRule: deny, fallbackError: () => forbidden(), allowExternalErrors: true, debug: false });
}

/** Replaces a value by its mask for the roles the policy shows it masked to. */
function maskMiddleware(): IMiddleware {
  const middleware: Record<string, Record<string, IMiddlewareFunction>> = {};
  for (const [type, { fields }] of Object.entries(POLICY)) {
    for (const [field, { masked }] of Object.entries(fields)) {
      if (!masked) continue;
      const roles = new Set(masked.roles);
      const mask = MASKS[masked.mask];
      (middleware[type] ??= {})[field] = async (resolve, parent, args, ctx: RequestContext, info) => {
        const value = await resolve(parent, args, ctx, info);
        return value != null && ctx.viewer && roles.has(ctx.viewer.role) ? mask(value) : value;
      };
    }
  }
  return middleware;
}

/** The output fields an argument's value tests: a filter's set fields, or an ordering's value. */
function testedFields(arg: GraphQLArgument, value: unknown): string[] {
  const type = getNamedType(arg.type);
  if (value === undefined || value === null) return [];
  if (isEnumType(type)) return [ORDERINGS[type.name][String(value)]];
  return Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0))
    .map(([key]) => FILTERS[type.name][key]);
}

const isTestingArgument = (arg: GraphQLArgument) => {
  const type = getNamedType(arg.type);
  return (isInputObjectType(type) && FILTERS[type.name] !== undefined) || (isEnumType(type) && ORDERINGS[type.name] !== undefined);
};

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
        for (const target of testing.flatMap((arg) => testedFields(arg, args[arg.name]))) {
          if (!fieldPolicy(target)?.read.includes(ctx.caller.role)) throw denial(ctx.caller.role, 'filter or sort by', target);
        }
        return resolve(parent, args, ctx, info);
      };
    }
  }
  return middleware;
}

/** The permission layer, outermost first: read rules, then filter checks, then masks. */
export function permissionLayer(schema: GraphQLSchema): (IMiddleware | IMiddlewareGenerator<unknown, RequestContext, unknown>)[] {
  return [readRules(), filterMiddleware(schema), maskMiddleware()];
}
