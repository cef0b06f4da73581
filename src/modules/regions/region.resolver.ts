import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { MoneyScalar } from '../../graphql/money.scalar';
import { PageArgs, toConnection } from '../../graphql/pagination';
import type { RegionRow } from './region.rows';
import { findRegion, findVillage, listVillages, VILLAGE_LIST } from './region.service';
import { RegionType, VillageConnection, VillageFacilities, VillageFilter, VillageType } from './region.types';

@Resolver(() => RegionType)
export class RegionResolver {
  @Query(() => RegionType, { nullable: true, description: 'A county, township or village by its 12-digit statistical code, if within your scope' })
  region(@Ctx() ctx: RequestContext, @Arg('code', () => String) code: string): Promise<RegionRow | null> {
    return findRegion(ctx, code);
  }

  @FieldResolver(() => RegionType, { nullable: true, description: 'The enclosing region, if within your scope' })
  parent(@Ctx() ctx: RequestContext, @Root() region: RegionRow): Promise<RegionRow | null> | null {
    return region.parent ? ctx.loaders.regionByCode.load(region.parent.code) : null;
  }

  @FieldResolver(() => [RegionType], { nullable: true, description: 'The regions directly under this one, within your scope' })
  children(@Ctx() ctx: RequestContext, @Root() region: RegionRow): Promise<RegionRow[]> {
    return ctx.loaders.regionChildren.load(region.code);
  }
}

@Resolver(() => VillageType)
export class VillageResolver {
  @Query(() => VillageConnection, { description: 'Villages within your scope, ordered by code' })
  async villages(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => VillageFilter, { nullable: true }) filter: VillageFilter | undefined,
    @Args(() => PageArgs) args: PageArgs,
  ) {
    return toConnection(VillageConnection, VILLAGE_LIST, await listVillages(ctx, filter, args), (v) => v.code);
  }

  @Query(() => VillageType, { nullable: true, description: 'A village by its 12-digit code, if within your scope' })
  village(@Ctx() ctx: RequestContext, @Arg('code', () => String) code: string): Promise<RegionRow | null> {
    return findVillage(ctx, code);
  }

  @FieldResolver(() => RegionType, { nullable: true, description: 'The township 乡镇 the village belongs to' })
  township(@Ctx() ctx: RequestContext, @Root() village: RegionRow): Promise<RegionRow | null> | null {
    return village.parent ? ctx.loaders.regionByCode.load(village.parent.code) : null;
  }

  @FieldResolver(() => VillageFacilities, { nullable: true })
  facilities(@Root() village: RegionRow): VillageFacilities {
    return {
      cultureRoom: village.hasCultureRoom ?? null,
      clinic: village.hasClinic ?? null,
      telecom: village.hasTelecom ?? null,
      hardenedRoad: village.hasHardenedRoad ?? null,
      collectiveEconomy: village.hasCollectiveEconomy ?? null,
    };
  }

  @FieldResolver(() => MoneyScalar, { nullable: true, description: 'Village collective operating income per year 村集体经济收入' })
  collectiveIncome(@Root() village: RegionRow): number {
    return village.collectiveIncomeFen ?? 0;
  }
}
