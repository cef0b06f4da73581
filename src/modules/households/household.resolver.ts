import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { MoneyScalar } from '../../graphql/money.scalar';
import { integerKey, PageArgs, pageRequest, toConnection } from '../../graphql/pagination';
import { selects } from '../../graphql/selection';
import type { RegionRow } from '../regions';
import { VillageType } from '../regions';
import type { HouseholdRow, MemberRow } from './household.rows';
import { findHousehold, HOUSEHOLD_LIST, HOUSEHOLD_ORDERS, listHouseholds } from './household.service';
import { HouseholdConnection, HouseholdFilter, HouseholdOrder, HouseholdType, MemberType } from './household.types';
import { Relation } from './member.enums';

const byId = (h: HouseholdRow) => h.id;

/** Whether the households at `path` below this field are asked for their members, so that one statement reads both. */
const membersAsked = (info: GraphQLResolveInfo, path: string[]) => selects(info, [...path, 'members']) || selects(info, [...path, 'head']);
const NODES = ['edges', 'node'];

@Resolver(() => HouseholdType)
export class HouseholdResolver {
  @Query(() => HouseholdConnection, { nullable: true, description: 'Registered households within your scope, ordered by id' })
  async households(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => HouseholdFilter, { nullable: true }) filter: HouseholdFilter | undefined,
    @Arg('orderBy', () => HouseholdOrder, { nullable: true, defaultValue: HouseholdOrder.ID }) orderBy: HouseholdOrder,
    @Args(() => PageArgs) args: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    const { list, keyOf } = HOUSEHOLD_ORDERS[orderBy];
    return toConnection(HouseholdConnection, list, await listHouseholds(ctx, filter, orderBy, args, membersAsked(info, NODES)), keyOf);
  }

  @Query(() => HouseholdType, { nullable: true, description: 'A household by id, if within your scope' })
  household(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Info() info: GraphQLResolveInfo): Promise<HouseholdRow | null> {
    return findHousehold(ctx, id, membersAsked(info, []));
  }

  @FieldResolver(() => VillageType, { nullable: true })
  village(@Ctx() ctx: RequestContext, @Root() household: HouseholdRow): Promise<RegionRow | null> {
    return ctx.loaders.villageByCode.load(household.village.code);
  }

  @FieldResolver(() => [MemberType], { nullable: true, description: 'Household members 家庭成员, head first' })
  members(@Ctx() ctx: RequestContext, @Root() household: HouseholdRow): Promise<MemberRow[]> {
    return ctx.loaders.membersByHousehold.load(household.id);
  }

  @FieldResolver(() => MemberType, { nullable: true, description: 'Head of household 户主' })
  async head(@Ctx() ctx: RequestContext, @Root() household: HouseholdRow): Promise<MemberRow | null> {
    const members = await ctx.loaders.membersByHousehold.load(household.id);
    return members.find((m) => m.relation === Relation.HEAD) ?? null;
  }

  @FieldResolver(() => MoneyScalar, { nullable: true, description: 'Net income per capita per year 人均纯收入, in yuan' })
  incomePerCapita(@Root() household: HouseholdRow): number {
    return household.incomePerCapitaFen;
  }
}

@Resolver(() => VillageType)
export class VillageHouseholdsResolver {
  @FieldResolver(() => HouseholdConnection, { nullable: true, description: 'Registered households of this village' })
  async households(@Ctx() ctx: RequestContext, @Root() village: RegionRow, @Args(() => PageArgs) args: PageArgs, @Info() info: GraphQLResolveInfo) {
    const { first, after } = pageRequest(HOUSEHOLD_LIST, args, integerKey);
    const page = await ctx.loaders.householdPageByVillage.load({ villageCode: village.code, first, after: after as number | undefined, withMembers: membersAsked(info, NODES) });
    return toConnection(HouseholdConnection, HOUSEHOLD_LIST, page, byId);
  }
}
