import type { Region } from './region.entity';
import type { RegionLevel, VillagePovertyStatus } from './region.enums';

/**
 * A region or village as the GraphQL types read it: a plain row from a read, or the entity a
 * write returns, which has the same shape (checked below).
 */
export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parent?: { code: string } | null;
  povertyStatus?: VillagePovertyStatus | null;
  exitYear?: number | null;
  groupCount?: number | null;
  hasCultureRoom?: boolean | null;
  hasClinic?: boolean | null;
  hasTelecom?: boolean | null;
  hasHardenedRoad?: boolean | null;
  hasCollectiveEconomy?: boolean | null;
  collectiveIncomeFen?: number | null;
  agriculturalPopulation?: number | null;
}

type Holds<T extends true> = T;
/** Fails to compile when the entity stops fitting the row. */
export type RegionFitsItsRow = Holds<Region extends RegionRow ? true : false>;

/** The columns of `region r`, named as the row's properties; `toRegionRow` nests the parent. */
export const REGION_COLUMNS = `r.code, r.name, r.level, r.parent_code as "parentCode", r.poverty_status as "povertyStatus",
  r.exit_year as "exitYear", r.group_count as "groupCount", r.has_culture_room as "hasCultureRoom", r.has_clinic as "hasClinic",
  r.has_telecom as "hasTelecom", r.has_hardened_road as "hasHardenedRoad", r.has_collective_economy as "hasCollectiveEconomy",
  r.collective_income_fen as "collectiveIncomeFen", r.agricultural_population as "agriculturalPopulation"`;

export type RegionColumns = Omit<RegionRow, 'parent'> & { parentCode: string | null };

export function toRegionRow({ parentCode, ...columns }: RegionColumns): RegionRow {
  return { ...columns, parent: parentCode === null ? null : { code: parentCode } };
}
