import { Arg, Args, Ctx, FieldResolver, ID, Int, Resolver, Root, type ClassType } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { OrganisationType, type Organisation } from '../modules/auth';
import { HouseholdType, MemberType, type HouseholdRow, type MemberRow } from '../modules/households';
import { measureId, type MeasureBase, type MeasureLinks } from './measure.rows';
import { AssistanceMeasure, MEASURE_ID_DESCRIPTION, MeasureArgs, MeasureTotalType } from './measure.types';
import { chosen, type MeasureTotal } from './measures';

/**
 * The fields of AssistanceMeasure that reach other types, for one sector's record type: the
 * household, the member (through the household's members, so a page of records costs no more
 * statements than one) and the recording organisation; and its id, unique across the sectors.
 */
export function measureLinksResolver<T extends object>(type: ClassType<T>) {
  @Resolver(() => type)
  class MeasureLinksResolver {
    @FieldResolver(() => ID, { description: MEASURE_ID_DESCRIPTION })
    id(@Root() m: MeasureBase): string {
      return measureId(m.measureType, m.id);
    }

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

const LISTED = 'the kinds of record you may read, under their row rules; oldest first';

@Resolver(() => HouseholdType)
export class HouseholdMeasuresResolver {
  @FieldResolver(() => [AssistanceMeasure], { nullable: true, description: `Assistance measures 帮扶措施 partners recorded for its members, of every sector: ${LISTED}` })
  async measures(@Ctx() ctx: RequestContext, @Root() household: HouseholdRow, @Args(() => MeasureArgs) args: MeasureArgs): Promise<MeasureBase[]> {
    return chosen(await ctx.loaders.measuresByHousehold.load(household.id), args);
  }

  @FieldResolver(() => [MeasureTotalType], {
    nullable: true,
    description: `Assistance reaching it 扶贫资金到户, by sector and year: how many records and their amounts, of ${LISTED.replace('; oldest first', '')}; earliest year first`,
  })
  async measureTotals(
    @Ctx() ctx: RequestContext,
    @Root() household: HouseholdRow,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year' }) year: number | undefined,
  ): Promise<MeasureTotal[]> {
    const totals = await ctx.loaders.measureTotalsByHousehold.load(household.id);
    return year == null ? totals : totals.filter((t) => t.year === year);
  }
}

@Resolver(() => MemberType)
export class MemberMeasuresResolver {
  @FieldResolver(() => [AssistanceMeasure], { nullable: true, description: `Assistance measures 帮扶措施 partners recorded for this member, of every sector: ${LISTED}` })
  async measures(@Ctx() ctx: RequestContext, @Root() member: MemberRow, @Args(() => MeasureArgs) args: MeasureArgs): Promise<MeasureBase[]> {
    return chosen(await ctx.loaders.measuresByMember.load(member.id), args);
  }
}
