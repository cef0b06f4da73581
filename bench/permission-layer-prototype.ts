/**
 * Variants of the permission layer, built here only to measure what its parts cost and what a
 * cheaper layer would gain. Nothing in src/ uses them; the served layer is src/policy/permission-layer.ts.
 *
 * - `servedPartsSchema`: the served layer's own middlewares (permissionLayer()), a chosen subset of them.
 * - `shieldEverywhereSchema`: graphql-shield's read rules on every field, as the layer was before it
 *   dropped the wrappers of fields that always pass (commit 6692435), with a chosen cache option.
 * - `syncRulesSchema`: the served layer with its graphql-shield rules replaced by plain synchronous
 *   graphql-middleware functions doing the same role check, on the same fields (the smallest change
 *   to src/policy/permission-layer.ts that keeps guarded fields synchronous).
 * - `compiledSchema`: the same decisions without graphql-shield or graphql-middleware: each field's
 *   roles, mask and filter tests are looked up once when the schema is built, and its resolver is
 *   wrapped by one synchronous function, so a field that resolves synchronously stays synchronous.
 *   With `skipProven`, fields that every role able to reach their type may read are left unwrapped.
 */

import {
  defaultFieldResolver,
  getNamedType,
  isIntrospectionType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { applyMiddleware, type IMiddleware, type IMiddlewareFunction } from 'graphql-middleware';
import { deny, rule, shield, type IRules } from 'graphql-shield';
import type { RequestContext } from '../src/context/request-context';
import { forbidden, unauthenticated } from '../src/errors/app-error';
import { buildBareSchema } from '../src/graphql/schema';
import { ALL_ROLES, type Role } from '../src/kernel/role';
import { MASKS } from '../src/policy/masks';
import { checkTestingArguments, denial, isTestingArgument, permissionLayer, reachingRoles, rolesSeeing } from '../src/policy/permission-layer';
import { POLICY } from '../src/policy/policy';

type ShieldCache = 'contextual' | 'no_cache' | 'strict';

// ---- the served layer, in parts ------------------------------------------------------------------

export type ServedParts = { shield?: boolean; filters?: boolean; masks?: boolean };

/** A fresh bare schema under a subset of the served layer's middlewares (src/policy/permission-layer.ts), in their order. */
export async function servedPartsSchema(parts: ServedParts): Promise<GraphQLSchema> {
  const schema = await buildBareSchema();
  const [shieldRules, filters, masks] = permissionLayer(schema);
  const chosen = [parts.shield && shieldRules, parts.filters && filters, parts.masks && masks].filter((m) => !!m);
  return applyMiddleware(schema, ...(chosen as IMiddleware[]));
}

/** graphql-shield's read rules alone on every field (none dropped), with the given cache option. */
export async function shieldEverywhereSchema(cache: ShieldCache): Promise<GraphQLSchema> {
  const rules: IRules = {};
  for (const [type, { fields }] of Object.entries(POLICY)) {
    const typeRules: Record<string, ReturnType<ReturnType<typeof rule>> | typeof deny> = { '*': deny };
    for (const [f, p] of Object.entries(fields)) {
      const roles = rolesSeeing(p);
      const name = `${type}.${f}`;
      typeRules[f] = rule(name, { cache })((_parent, _args, ctx: RequestContext) => {
        if (!ctx.viewer) return unauthenticated();
        return roles.has(ctx.viewer.role) || denial(ctx.viewer.role, 'read', name);
      });
    }
    rules[type] = typeRules;
  }
  const generator = shield(rules, { fallbackRule: deny, fallbackError: () => forbidden(), allowExternalErrors: true, debug: false });
  return applyMiddleware(await buildBareSchema(), generator as unknown as IMiddleware);
}

/** graphql-middleware types a middleware as returning a promise; these return plain values unless the resolver does not. */
const synchronous = (
  middleware: (resolve: GraphQLFieldResolver<unknown, RequestContext>, parent: unknown, args: Record<string, unknown>, ctx: RequestContext, info: GraphQLResolveInfo) => unknown,
) => middleware as unknown as IMiddlewareFunction;

/**
 * The served layer with `readRules()` swapped for synchronous middleware: the same check (a caller,
 * and a role the field admits), on the same fields (all root fields, and every other field whose
 * rule does not admit every role that can reach its type), FORBIDDEN for fields the table lacks.
 * The filter and mask middlewares are the served ones.
 */
export async function syncRulesSchema(): Promise<GraphQLSchema> {
  const schema = await buildBareSchema();
  const [, filters, masks] = permissionLayer(schema);
  const reach = reachingRoles(schema);
  const rules: Record<string, Record<string, IMiddlewareFunction>> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    const root = type === schema.getQueryType() || type === schema.getMutationType();
    const reaching = [...(reach.get(type.name) ?? [])];
    for (const field of Object.values(type.getFields())) {
      const policy = POLICY[type.name]?.fields[field.name];
      const name = `${type.name}.${field.name}`;
      if (!policy) {
        (rules[type.name] ??= {})[field.name] = synchronous(() => forbidden());
        continue;
      }
      const seeing = rolesSeeing(policy);
      if (!root && reaching.every((role) => seeing.has(role))) continue;
      (rules[type.name] ??= {})[field.name] = synchronous((resolve, parent, args, ctx, info) => {
        if (!ctx.viewer) return unauthenticated();
        if (!seeing.has(ctx.viewer.role)) return denial(ctx.viewer.role, 'read', name);
        return resolve(parent, args, ctx, info);
      });
    }
  }
  return applyMiddleware(schema, rules, filters, masks);
}

// ---- the compiled layer --------------------------------------------------------------------------

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  value !== null && typeof value === 'object' && typeof (value as PromiseLike<unknown>).then === 'function';

/**
 * Roles that can hold an object of each type: the root types for everyone; any other type for the
 * roles that may read some field returning it on a type they can hold (a fixpoint over the schema).
 */
function rolesReaching(schema: GraphQLSchema): Map<string, Set<Role>> {
  const reach = new Map<string, Set<Role>>();
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (root) reach.set(root.name, new Set(ALL_ROLES));
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || isIntrospectionType(type)) continue;
      const holders = reach.get(type.name);
      if (!holders) continue;
      for (const field of Object.values(type.getFields())) {
        const target = getNamedType(field.type);
        if (!isObjectType(target)) continue;
        const policy = POLICY[type.name]?.fields[field.name];
        if (!policy) continue;
        const seeing = rolesSeeing(policy);
        const into = reach.get(target.name) ?? new Set<Role>();
        for (const role of holders) {
          if (seeing.has(role) && !into.has(role)) {
            into.add(role);
            changed = true;
          }
        }
        reach.set(target.name, into);
      }
    }
  }
  return reach;
}

/**
 * The permission layer as one synchronous wrapper per field, decided from the policy when the
 * schema is built: read check by role (a Set lookup), filter checks where the field has filter
 * or ordering arguments, mask only for the roles that see the field masked. Same answers and errors as the
 * served layer; a field that resolves synchronously stays synchronous.
 */
export async function compiledSchema(options: { skipProven?: boolean } = {}): Promise<GraphQLSchema> {
  return compilePermissionLayer(await buildBareSchema(), options);
}

/** Wraps the resolvers of `schema` in place (a freshly built schema, not shared) and returns it. */
export function compilePermissionLayer(schema: GraphQLSchema, options: { skipProven?: boolean } = {}): GraphQLSchema {
  const reach = options.skipProven ? rolesReaching(schema) : undefined;
  const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name, schema.getSubscriptionType()?.name]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const name = `${type.name}.${field.name}`;
      const policy = POLICY[type.name]?.fields[field.name];
      const inner: GraphQLFieldResolver<unknown, RequestContext> = field.resolve ?? defaultFieldResolver;
      if (!policy) {
        // As graphql-shield's deny and fallbackRule: FORBIDDEN, whoever asks.
        field.resolve = () => forbidden();
        continue;
      }
      const seeing = rolesSeeing(policy);
      const testing = field.args.filter(isTestingArgument);
      const maskRoles = policy.masked ? new Set(policy.masked.roles) : undefined;
      const mask = policy.masked ? (MASKS[policy.masked.mask].apply as (value: unknown) => unknown) : undefined;
      const proven = reach !== undefined && !roots.has(type.name) && [...(reach.get(type.name) ?? [])].every((role) => seeing.has(role));
      if (proven && testing.length === 0 && !maskRoles) continue;
      field.resolve = (parent, args, ctx: RequestContext, info) => {
        const viewer = ctx.viewer;
        if (!proven) {
          if (!viewer) return unauthenticated();
          if (!seeing.has(viewer.role)) return denial(viewer.role, 'read', name);
        }
        try {
          if (testing.length > 0) checkTestingArguments(ctx, testing, args);
          const value = inner(parent, args, ctx, info);
          if (!maskRoles || !viewer || !maskRoles.has(viewer.role)) return value;
          return isThenable(value) ? Promise.resolve(value).then((v) => (v != null ? mask!(v) : v)) : value != null ? mask!(value) : value;
        } catch (error) {
          // graphql-shield with allowExternalErrors returns what a resolver throws; so does this.
          return error;
        }
      };
    }
  }
  return schema;
}
