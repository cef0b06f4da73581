import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { OverrideInput } from '../households';
import type { Region } from './region.entity';
import type { RegionRow } from './region.rows';
import { VillagePovertyStatus } from './region.enums';
import { VillageType } from './region.types';
import type { VillageExitReadiness } from './village-exit';
import { changeVillageStatus, villageExitReadiness } from './village-exit.service';
import { VillageExitReadinessType } from './village-exit.types';

@Resolver(() => VillageType)
export class VillageExitResolver {
  @FieldResolver(() => VillageExitReadinessType, {
    nullable: true,
    description: 'The village exit test 一低五有 for a year (default: this year): each item with its verdict and evidence',
  })
  exitReadiness(
    @Ctx() ctx: RequestContext,
    @Root() village: RegionRow,
    @Arg('year', () => Int, { nullable: true, description: 'Whose parameters apply; 2010 to 2100, default this year' }) year?: number | null,
  ): Promise<VillageExitReadiness | null> {
    return villageExitReadiness(ctx, village, year);
  }

  @Mutation(() => VillageType, {
    nullable: true,
    description:
      'Changes a village’s poverty status: POOR → EXITED only when exitReadiness for that year is ready (or with an override), EXITED → POOR (回退), NON_POOR ↔ POOR; audited',
  })
  changeVillageStatus(
    @Ctx() ctx: RequestContext,
    @Arg('code', () => String) code: string,
    @Arg('to', () => VillagePovertyStatus) to: VillagePovertyStatus,
    @Arg('year', () => Int, { description: 'The year of the change; an exit is tested against this year’s parameters and becomes exitYear' }) year: number,
    @Arg('reason', () => String) reason: string,
    @Arg('override', () => OverrideInput, { nullable: true, description: 'Exits despite failed exit-test items, with a written justification; kept in the audit log' })
    override?: OverrideInput | null,
  ): Promise<Region> {
    return changeVillageStatus(ctx, { code, to, year, reason, override });
  }
}
