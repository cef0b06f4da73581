import { arrayLiteral } from '../../db/array-literal';
import type { RequestContext } from '../../context/request-context';
import { badUserInput, forbidden, InputProblems, notFound } from '../../errors/app-error';
import { MAX_LOOKUPS_PER_HOUR, MAX_REQUESTS_PER_MINUTE } from '../../rate-limit/limits';
import { isRegionPrefix } from '../../kernel/region-code';
import { Region } from '../regions';
import { audited } from '../audit';
import type { RateLimitsInput, RegisterOrganisationInput } from './auth.types';
import { issueKey } from './api-key.service';
import { Organisation } from './organisation.entity';
import { Role } from '../../kernel/role';
import { keysChanged } from './viewer-cache';

/** The poverty office registers partners; the bodies that oversee it, and its peers, are set up by the deployment. */
const REGISTRABLE = new Set<Role>(Object.values(Role).filter((r) => r !== Role.POVERTY_OFFICE && r !== Role.AUDITOR));

/** Organisations whose every scope lies inside the caller's scopes: an office sees the partners of its own region. */
const WITHIN_SCOPES = `not exists (select 1 from unnest(o.scopes) s where not (s like any (?::text[])))`;

async function organisationsWithinScopes(ctx: RequestContext, id?: number): Promise<Organisation[]> {
  const rows = await ctx.em.execute(
    `select o.* from organisation o where ${WITHIN_SCOPES} ${id === undefined ? '' : 'and o.id = ?'} order by o.id`,
    [arrayLiteral(ctx.caller.scopes.map((s) => `${s}%`)), ...(id === undefined ? [] : [id])],
  );
  return rows.map((row: Record<string, unknown>) => ctx.em.map(Organisation, row));
}

export function listOrganisations(ctx: RequestContext): Promise<Organisation[]> {
  return organisationsWithinScopes(ctx);
}

export async function findVisibleOrganisation(ctx: RequestContext, id: string): Promise<Organisation> {
  const [organisation] = /^\d{1,10}$/.test(id) ? await organisationsWithinScopes(ctx, Number(id)) : [];
  if (!organisation) throw notFound(`No organisation ${id} in your region`);
  return organisation;
}

async function checkScopes(ctx: RequestContext, scopes: string[]): Promise<string[]> {
  const unique = [...new Set(scopes.map((s) => s.trim()))];
  if (unique.length === 0) throw badUserInput('scopes must name at least one region-code prefix', 'scopes');
  const bad = unique.find((s) => !isRegionPrefix(s));
  if (bad !== undefined) throw badUserInput(`scope "${bad}" is not a region-code prefix of 2 to 12 digits`, 'scopes');
  const outside = unique.find((s) => !ctx.caller.scopes.some((own) => s.startsWith(own)));
  if (outside) throw forbidden(`Scope ${outside} lies outside your own scopes (${ctx.caller.scopes.join(', ')})`);
  const codes = unique.map((s) => s.padEnd(12, '0'));
  const found = new Set((await ctx.em.find(Region, { code: { $in: codes } })).map((r) => r.code));
  const unknown = unique.find((s) => !found.has(s.padEnd(12, '0')));
  if (unknown) throw badUserInput(`scope ${unknown} is not a known region`, 'scopes');
  return unique;
}

export async function registerOrganisation(ctx: RequestContext, input: RegisterOrganisationInput) {
  const name = input.name.trim();
  if (!REGISTRABLE.has(input.role)) throw forbidden(`A ${ctx.caller.role} may not register ${input.role} organisations`);
  const scopes = await checkScopes(ctx, input.scopes);
  return audited(ctx, 'registerOrganisation', async (em) => {
    const organisation = em.create(Organisation, { name, role: input.role, scopes });
    const { key } = issueKey(em, organisation, { name: 'first key', expiresAt: null });
    await em.flush();
    keysChanged(ctx, organisation.id);
    return { organisation, key };
  });
}

function checkLimit(problems: InputProblems, field: string, value: number | null | undefined, maximum: number): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1 || value > maximum) problems.add(field, `must be 1 to ${maximum}, or null for the default`);
  return value;
}

/**
 * Sets a partner's own budgets, or puts the defaults back (null). Like registration, only for
 * partners inside the caller's scopes: peers and overseers are the deployment's to set.
 */
export async function setOrganisationLimits(ctx: RequestContext, id: string, input: RateLimitsInput): Promise<Organisation> {
  const problems = new InputProblems();
  const requestsPerMinute = checkLimit(problems, 'limits.requestsPerMinute', input.requestsPerMinute, MAX_REQUESTS_PER_MINUTE);
  const lookupsPerHour = checkLimit(problems, 'limits.lookupsPerHour', input.lookupsPerHour, MAX_LOOKUPS_PER_HOUR);
  problems.throwIfAny();
  const organisation = await findVisibleOrganisation(ctx, id);
  if (!REGISTRABLE.has(organisation.role)) throw forbidden(`The limits of ${organisation.role} organisations are set by the deployment, not by a poverty office`);
  return audited(ctx, 'setOrganisationLimits', async (em) => {
    em.assign(organisation, { requestsPerMinute, lookupsPerHour });
    await em.flush();
    keysChanged(ctx, organisation.id);
    return organisation;
  });
}
