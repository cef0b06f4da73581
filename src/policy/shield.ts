import { deny, rule, shield, type IRules } from 'graphql-shield';
import type { RequestContext } from '../context/request-context';
import { AppError, forbidden, unauthenticated } from '../errors/app-error';
import { ErrorCode } from '../errors/error-codes';
import { POLICY, type FieldPolicy } from './policy';

function readRule(type: string, field: string, policy: FieldPolicy) {
  const roles = new Set(policy.read);
  return rule(`${type}.${field}`, { cache: 'contextual' })((_parent, _args, ctx: RequestContext) => {
    if (!ctx.viewer) return unauthenticated();
    if (roles.has(ctx.viewer.role)) return true;
    return new AppError(ErrorCode.FORBIDDEN, `Role ${ctx.viewer.role} may not read ${type}.${field}`, { field: `${type}.${field}` });
  });
}

/** graphql-shield rules generated from the policy table; whatever the table does not grant is denied. */
export function permissionShield() {
  const rules: IRules = {};
  for (const [type, { fields }] of Object.entries(POLICY)) {
    rules[type] = { '*': deny, ...Object.fromEntries(Object.entries(fields).map(([f, p]) => [f, readRule(type, f, p)])) };
  }
  return shield(rules, {
    fallbackRule: deny,
    fallbackError: () => forbidden(),
    allowExternalErrors: true,
    debug: false,
  });
}

