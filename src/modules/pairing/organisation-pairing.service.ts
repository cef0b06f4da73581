import type { RequestContext } from '../../context/request-context';
import { badUserInput, notFound } from '../../errors/app-error';
import { audited } from '../audit';
import { Role } from '../../kernel/role';
import { findVisibleOrganisation } from '../auth';
import { findVillage } from '../regions';
import { keysChanged } from '../auth';
import { OrganisationPairing } from './organisation-pairing.entity';

/** Only donors' pairings decide what they see; other pairings (cadres 帮扶责任人) have their own records. */
const PAIRABLE = new Set<Role>([Role.CPPCC, Role.BUSINESS_ASSOCIATION]);

/** Pairs a donor organisation with a village (万企帮万村); pairing it again changes nothing. */
export async function pairOrganisation(ctx: RequestContext, organisationId: string, villageCode: string): Promise<OrganisationPairing> {
  const organisation = await findVisibleOrganisation(ctx, organisationId);
  if (!PAIRABLE.has(organisation.role)) throw badUserInput(`Only CPPCC and business-association organisations pair with villages`, 'organisationId');
  const village = await findVillage(ctx, villageCode);
  if (!village) throw notFound(`No village ${villageCode} in your region`);
  const existing = await ctx.em.findOne(OrganisationPairing, { organisation, village: village.code }, { populate: ['organisation'] });
  if (existing) return existing;
  return audited(ctx, 'pairOrganisation', async (em) => {
    const pairing = em.create(OrganisationPairing, { organisation: organisation.id, village: village.code });
    await em.flush();
    // The database dates the pairing (since): read it back for the answer and the audit.
    await em.refresh(pairing);
    keysChanged(ctx, organisation.id);
    return pairing;
  });
}
