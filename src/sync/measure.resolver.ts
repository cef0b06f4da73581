import { Ctx, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { OrganisationType, type Organisation } from '../modules/auth';
import { HouseholdType, MemberType, type HouseholdRow, type MemberRow } from '../modules/households';

/** What every sector's record row holds of the people and organisation it reaches. */
export type MeasureLinks = { household: { id: number }; member: { id: number } | null; organisationId: number };

/**
 * The fields of AssistanceMeasure that reach other types, for one sector's record type: the
 * household, the member (through the household's members, so a page of records costs no more
 * statements than one) and the recording organisation.
 */
export function measureLinksResolver<T extends object>(type: ClassType<T>) {
  @Resolver(() => type)
  class MeasureLinksResolver {
    @FieldResolver(() => HouseholdType, { nullable: true })
    household(@Ctx() ctx: RequestContext, @Root() m: MeasureLinks): Promise<HouseholdRow | null> {
      return ctx.loaders.householdById.load(m.household.id);
    }

    @FieldResolver(() => MemberType, { nullable: true })
    async member(@Ctx() ctx: RequestContext, @Root() m: MeasureLinks): Promise<MemberRow | null> {
      if (!m.member) return null;
      const members = await ctx.loaders.membersByHousehold.load(m.household.id);
      return members.find((member) => member.id === m.member!.id) ?? null;
    }

    @FieldResolver(() => OrganisationType)
    recordedBy(@Ctx() ctx: RequestContext, @Root() m: MeasureLinks): Promise<Organisation> {
      return ctx.loaders.organisationById.load(m.organisationId);
    }
  }
  return MeasureLinksResolver;
}
