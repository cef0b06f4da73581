import { Migration20261123050000_village_exit } from '../../../migrations/Migration20261123050000_village_exit';
import type { RequestContext } from '../../context/request-context';
import { TEXT } from '../../kernel/text';
import { defineModule } from '../module';
import { Region } from './region.entity';
import { RegionResolver, VillageResolver } from './region.resolver';
import { createRegionLoaders } from './region.service';
import { regionSqlReads } from './region.sql-read';
import { regionsPolicy } from './regions.policy';
import { VillageExitResolver } from './village-exit.resolver';
import { createVillageExitLoaders } from './village-exit.service';

const createLoaders = (ctx: RequestContext) => ({ ...createRegionLoaders(ctx), ...createVillageExitLoaders(ctx) });

/** Counties, townships and villages by statistical code, and the village exit test (一低五有). */
export const regionsModule = defineModule({
  name: 'regions',
  resolvers: [RegionResolver, VillageResolver, VillageExitResolver],
  entities: [Region],
  loaders: createLoaders,
  policy: regionsPolicy,
  sqlReads: regionSqlReads,
  inputs: {
    'Query.villages(after)': TEXT.CURSOR,
    'Query.region(code)': TEXT.REGION_CODE,
    'Query.village(code)': TEXT.REGION_CODE,
    'VillageFilter.regionCode': TEXT.REGION_CODE,
    'Mutation.changeVillageStatus(reason)': TEXT.REASON,
    'Mutation.changeVillageStatus(code)': TEXT.REGION_CODE,
  },
  migrations: [Migration20261123050000_village_exit],
});

declare module '../../context/loaders' {
  interface Loaders extends ReturnType<typeof createLoaders> {}
}
