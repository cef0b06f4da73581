import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { measureLinksResolver } from '../../sync/measure.resolver';
import { householdRecords } from '../../sync/measures';
import { batchSyncResolver } from '../../sync/sync.resolver';
import { HouseholdType, type HouseholdRow } from '../households';
import type { HousingAssessmentRow, HousingRenovationRow, RelocationRow } from './housing.rows';
import { HOUSING_MEASURE } from './housing.sync';
import { HousingAssessmentType, HousingMeasureRecord, HousingRenovationType, RelocationType } from './housing.types';

export const HousingMeasureSyncResolver = batchSyncResolver(HOUSING_MEASURE, HousingMeasureRecord, {
  records: 'housing records 住房安全 (危房鉴定, 危房改造, 易地扶贫搬迁)',
});

export const HousingAssessmentResolver = measureLinksResolver(HousingAssessmentType);
export const HousingRenovationResolver = measureLinksResolver(HousingRenovationType);
export const RelocationResolver = measureLinksResolver(RelocationType);

@Resolver(() => HouseholdType)
export class HouseholdHousingResolver {
  @FieldResolver(() => [HousingAssessmentType], { nullable: true, description: "This household's house-safety assessments 危房鉴定, oldest first" })
  housingAssessments(@Ctx() ctx: RequestContext, @Root() household: HouseholdRow): Promise<HousingAssessmentRow[]> {
    return householdRecords(ctx, household.id, 'HousingAssessment');
  }

  @FieldResolver(() => HousingAssessmentType, {
    nullable: true,
    description: 'The latest assessment 最新鉴定 (by date, then as recorded): its grade is the household’s, which the exit test’s safe-housing item rests on; null when none',
  })
  async latestHousingAssessment(@Ctx() ctx: RequestContext, @Root() household: HouseholdRow): Promise<HousingAssessmentRow | null> {
    // Oldest first by date then id, as every measure list reads: the last is the latest.
    return (await householdRecords<HousingAssessmentRow>(ctx, household.id, 'HousingAssessment')).at(-1) ?? null;
  }

  @FieldResolver(() => [HousingRenovationType], { nullable: true, description: "This household's renovations 危房改造, oldest first" })
  housingRenovations(@Ctx() ctx: RequestContext, @Root() household: HouseholdRow): Promise<HousingRenovationRow[]> {
    return householdRecords(ctx, household.id, 'HousingRenovation');
  }

  @FieldResolver(() => [RelocationType], { nullable: true, description: "This household's relocations 易地扶贫搬迁, oldest first" })
  relocations(@Ctx() ctx: RequestContext, @Root() household: HouseholdRow): Promise<RelocationRow[]> {
    return householdRecords(ctx, household.id, 'Relocation');
  }
}
