import { arrayLiteral } from '../../db/array-literal';
import type { RequestContext } from '../../context/request-context';
import { badUserInput, forbidden, notFound } from '../../errors/app-error';
import { isRegionPrefix } from '../regions/region-code';
import { Region } from '../regions/region.entity';
import { audited } from '../audit/audit.service';
import type { RegisterOrganisationInput } from './auth.types';
import { issueKey } from './api-key.service';
import { Organisation } from './organisation.entity';
import { Role } from './role';

/** The poverty office registers partners; the bodies that oversee it, and its peers, are set up by the deployment. */
const REGISTRABLE = new Set<Role>(Object.values(Role).filter((r) => r !== Role.POVERTY_OFFICE && r !== Role.AUDITOR));
const NAME_MAX = 100;

export function organisationSnapshot(o: Organisation) {
  return { id: o.id, name: o.name, role: o.role, scopes: o.scopes };
}

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
  if (name.length === 0 || name.length > NAME_MAX) throw badUserInput(`name must be 1 to ${NAME_MAX} characters`, 'name');
  if (!REGISTRABLE.has(input.role)) throw forbidden(`A ${ctx.caller.role} may not register ${input.role} organisations`);
  const scopes = await checkScopes(ctx, input.scopes);
  return audited(ctx, 'registerOrganisation', async (em, audit) => {
    const organisation = em.create(Organisation, { name, role: input.role, scopes });
    await em.flush();
    audit({ entity: 'Organisation', entityId: organisation.id, regionCode: scopes[0], after: organisationSnapshot(organisation) });
    const { key } = await issueKey(em, audit, organisation, { name: 'first key', expiresAt: null });
    return { organisation, key };
  });
}
