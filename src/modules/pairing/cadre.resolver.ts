import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { PageArgs, toConnection } from '../../graphql/pagination';
import { HouseholdConnection, HouseholdType, type HouseholdRow } from '../households';
import { VillageType, type RegionRow } from '../regions';
import { addCadre, endPairing, formWorkTeam, logVisit, pairCadre } from './cadre.service';
import type { CadrePairingRow, CadreRow, PairingVisitRow, WorkTeamRow } from './cadre.rows';
import { CadreConnection, CadreInput, CadrePairingConnection, CadrePairingType, CadreType, PairingVisitType, VisitInput, WorkTeamConnection, WorkTeamType } from './cadre.types';
import { batchSyncResolver } from '../../sync/sync.resolver';
import { VISITS } from './visit.sync';
import { VisitRecord } from './cadre.types';
import { cadresOverLimit, pairingsWithoutRecentVisit, uncoveredHouseholds, workTeamsWithoutUnitHeadVisit } from './coverage';

const byId = (r: { id: number }) => r.id;

export const VisitSyncResolver = batchSyncResolver(VISITS, VisitRecord, { records: 'visits 入户走访', matched: 'each to the pairing it names' });

@Resolver(() => CadrePairingType)
export class CadrePairingResolver {
  @Mutation(() => CadreType, { nullable: true, description: 'Adds a cadre 帮扶责任人 to a backing unit 后盾单位' })
  addCadre(@Ctx() ctx: RequestContext, @Arg('input', () => CadreInput) input: CadreInput): Promise<CadreRow> {
    return addCadre(ctx, input);
  }

  @Mutation(() => WorkTeamType, { nullable: true, description: "Sends a backing unit's work team 驻村工作队 to a village, led by a first secretary 第一书记 of the unit; it relieves the team there" })
  formWorkTeam(
    @Ctx() ctx: RequestContext,
    @Arg('unitId', () => ID) unitId: string,
    @Arg('villageCode', () => String) villageCode: string,
    @Arg('firstSecretaryId', () => ID) firstSecretaryId: string,
    @Arg('since', () => LocalDateResolver) since: string,
  ): Promise<WorkTeamRow> {
    return formWorkTeam(ctx, unitId, villageCode, firstSecretaryId, since);
  }

  @Mutation(() => CadrePairingType, { nullable: true, description: "Pairs a cadre with a household 结对帮扶; refused beyond PAIRING_LIMIT households (每名帮扶责任人结对不超过5户) or while the household has a cadre" })
  pairCadre(
    @Ctx() ctx: RequestContext,
    @Arg('cadreId', () => ID) cadreId: string,
    @Arg('householdId', () => ID) householdId: string,
    @Arg('since', () => LocalDateResolver) since: string,
  ): Promise<CadrePairingRow> {
    return pairCadre(ctx, cadreId, householdId, since);
  }

  @Mutation(() => CadrePairingType, { nullable: true, description: 'Ends a pairing with a reason; it stays in the household’s history' })
  endPairing(
    @Ctx() ctx: RequestContext,
    @Arg('pairingId', () => ID) pairingId: string,
    @Arg('endedOn', () => LocalDateResolver) endedOn: string,
    @Arg('reason', () => String) reason: string,
  ): Promise<CadrePairingRow> {
    return endPairing(ctx, pairingId, endedOn, reason);
  }

  @Mutation(() => PairingVisitType, { nullable: true, description: "Logs a visit 入户走访 on a pairing: by the cadre's unit or the poverty office" })
  logVisit(@Ctx() ctx: RequestContext, @Arg('visit', () => VisitInput) visit: VisitInput): Promise<PairingVisitRow> {
    return logVisit(ctx, visit);
  }

  @Query(() => HouseholdConnection, { nullable: true, description: '全覆盖: households not yet out of poverty with no cadre paired now' })
  async uncoveredHouseholds(@Ctx() ctx: RequestContext, @Args() args: PageArgs, @Arg('regionCode', () => String, { nullable: true }) regionCode?: string | null) {
    return toConnection(HouseholdConnection, 'uncoveredHouseholds', await uncoveredHouseholds(ctx, regionCode ?? undefined, args), byId);
  }

  @Query(() => CadrePairingConnection, { nullable: true, description: '每月走访不少于1次: pairings under way for a month or more with no visit in the last month' })
  async pairingsWithoutRecentVisit(@Ctx() ctx: RequestContext, @Args() args: PageArgs, @Arg('regionCode', () => String, { nullable: true }) regionCode?: string | null) {
    return toConnection(CadrePairingConnection, 'pairingsWithoutRecentVisit', await pairingsWithoutRecentVisit(ctx, regionCode ?? undefined, args), byId);
  }

  @Query(() => WorkTeamConnection, { nullable: true, description: "后盾单位主要负责人每季度至少到村1次: work teams whose unit's head has not come to the village this quarter" })
  async workTeamsWithoutUnitHeadVisit(@Ctx() ctx: RequestContext, @Args() args: PageArgs, @Arg('regionCode', () => String, { nullable: true }) regionCode?: string | null) {
    return toConnection(WorkTeamConnection, 'workTeamsWithoutUnitHeadVisit', await workTeamsWithoutUnitHeadVisit(ctx, regionCode ?? undefined, args), byId);
  }

  @Query(() => CadreConnection, { nullable: true, description: 'Cadres paired now with more households than PAIRING_LIMIT' })
  async cadresOverLimit(@Ctx() ctx: RequestContext, @Args() args: PageArgs, @Arg('regionCode', () => String, { nullable: true }) regionCode?: string | null) {
    return toConnection(CadreConnection, 'cadresOverLimit', await cadresOverLimit(ctx, regionCode ?? undefined, args), byId);
  }

  @FieldResolver(() => CadreType, { nullable: true })
  cadre(@Ctx() ctx: RequestContext, @Root() pairing: CadrePairingRow): Promise<CadreRow | null> {
    return ctx.loaders.cadreById.load(pairing.cadreId);
  }

  @FieldResolver(() => HouseholdType, { nullable: true, description: 'The household, while the caller may see it (a unit: while its cadre is paired with it)' })
  household(@Ctx() ctx: RequestContext, @Root() pairing: CadrePairingRow): Promise<HouseholdRow | null> {
    return ctx.loaders.householdById.load(pairing.householdId);
  }

  @FieldResolver(() => [PairingVisitType], { nullable: true, description: 'Visits 走访 on this pairing, oldest first' })
  visits(@Ctx() ctx: RequestContext, @Root() pairing: CadrePairingRow): Promise<PairingVisitRow[]> {
    return ctx.loaders.visitsByPairing.load(pairing.id);
  }
}

@Resolver(() => WorkTeamType)
export class WorkTeamResolver {
  @FieldResolver(() => VillageType, { nullable: true })
  village(@Ctx() ctx: RequestContext, @Root() team: WorkTeamRow): Promise<RegionRow | null> {
    return ctx.loaders.villageByCode.load(team.villageCode);
  }

  @FieldResolver(() => CadreType, { nullable: true, description: 'The first secretary 第一书记' })
  firstSecretary(@Ctx() ctx: RequestContext, @Root() team: WorkTeamRow): Promise<CadreRow | null> {
    return ctx.loaders.cadreById.load(team.firstSecretaryId);
  }
}

@Resolver(() => HouseholdType)
export class HouseholdPairingsResolver {
  @FieldResolver(() => [CadrePairingType], { nullable: true, description: 'Its cadres 帮扶责任人, every pairing past and present, oldest first' })
  cadrePairings(@Ctx() ctx: RequestContext, @Root() household: HouseholdRow): Promise<CadrePairingRow[]> {
    return ctx.loaders.cadrePairingsByHousehold.load(household.id);
  }
}
