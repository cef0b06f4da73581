/** The public entry of the module: what other modules and the server may use of it (docs/modules.md). */
export { Region } from './region.entity';
export type { RegionRow } from './region.rows';
export { assertRegionPrefix, findVillage } from './region.service';
export { VillageType } from './region.types';
