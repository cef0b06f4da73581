import { defineModule } from '../module';
import { Region } from './region.entity';
import { RegionResolver, VillageResolver } from './region.resolver';
import { createRegionLoaders } from './region.service';
import { regionSqlReads } from './region.sql-read';
import { regionsPolicy } from './regions.policy';
import { VillageExitResolver } from './village-exit.resolver';

/** Counties, townships and villages by statistical code, and the village exit test (一低五有). */
export const regionsModule = defineModule({
  name: 'regions',
  resolvers: [RegionResolver, VillageResolver, VillageExitResolver],
  entities: [Region],
  loaders: createRegionLoaders,
  policy: regionsPolicy,
  sqlReads: regionSqlReads,
});

declare module '../../context/loaders' {
  interface Loaders extends ReturnType<typeof createRegionLoaders> {}
}
