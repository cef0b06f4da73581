import { RegionLevel } from '../../src/modules/regions/region.enums';
import { apportion } from './apportion';
import { CITY, COUNTIES, PROVINCE, type CountySeed, type TownshipSeed } from './region-data';
import type { Random } from './random';
import type { RegionRow } from './rows';
import { drawAgriculturalPopulation, drawVillageFacts, type VillageKind } from './villages';
import { drawCommunityNames, drawVillageNames } from './village-names';

/** A village with the number of households the generator will place in it. */
export type VillagePlan = { code: string; county: string; groupCount: number; households: number };

export type RegionPlan = { rows: RegionRow[]; villages: VillagePlan[] };

/** About 20 households a village at the default size; beyond 400 villages, villages grow instead. */
const HOUSEHOLDS_PER_VILLAGE = 20;
const MIN_VILLAGES = 30;
const MAX_VILLAGES = 400;
const MEAN_VILLAGES_PER_TOWNSHIP = 15;
const MIN_VILLAGES_PER_TOWNSHIP = 3;
const MAX_VILLAGES_PER_TOWNSHIP = 20;
/** The household number ends in a 4-digit sequence within its village. */
export const MAX_HOUSEHOLDS_PER_VILLAGE = 9999;

/** Registered poor villages hold more registered households; urban communities hold few. */
const POOR_VILLAGE_HOUSEHOLD_WEIGHT = 1.6;
const COMMUNITY_HOUSEHOLD_WEIGHT = 0.3;
/** Share of a 街道's units that are urban communities, and chance that a town has one at its seat. */
const SUBDISTRICT_COMMUNITY_SHARE = 0.6;
const TOWN_SEAT_COMMUNITY_CHANCE = 0.6;

type VillageDraft = { row: RegionRow; county: string; groupCount: number; weight: number };

/** The region tree for a data set of `households` households, and how they spread over its villages. */
export function planRegions(random: Random, households: number): RegionPlan {
  const villageTarget = clamp(Math.round(households / HOUSEHOLDS_PER_VILLAGE), MIN_VILLAGES, MAX_VILLAGES);
  const householdsPerCounty = apportion(households, COUNTIES.map((county) => county.householdShare));
  const rows: RegionRow[] = [
    regionRow(PROVINCE.code, PROVINCE.name, RegionLevel.PROVINCE, null),
    regionRow(CITY.code, CITY.name, RegionLevel.CITY, PROVINCE.code),
  ];
  const villages: VillagePlan[] = [];
  const drafts: VillageDraft[] = [];
  COUNTIES.forEach((county, index) => {
    const countyCode = `${county.code}000000`;
    rows.push(regionRow(countyCode, county.name, RegionLevel.COUNTY, CITY.code));
    const countyDrafts = planCounty(random, county, Math.round(villageTarget * county.householdShare), rows);
    villages.push(...placeHouseholds(countyDrafts, householdsPerCounty[index]));
    drafts.push(...countyDrafts);
  });
  // Drawn last, once households are placed, so that no earlier draw of the stream moves.
  drafts.forEach((draft, i) => {
    draft.row.village!.agriculturalPopulation = drawAgriculturalPopulation(random, villages[i].households, draft.groupCount);
  });
  return { rows, villages };
}

/** Appends the county's township and village rows to `rows` and returns the villages. */
function planCounty(random: Random, county: CountySeed, villageTarget: number, rows: RegionRow[]): VillageDraft[] {
  const alwaysTaken = leadingNamedTownships(county);
  const townshipCount = clamp(Math.ceil(villageTarget / MEAN_VILLAGES_PER_TOWNSHIP), alwaysTaken, county.townships.length);
  const mean = villageTarget / townshipCount;
  return county.townships.slice(0, townshipCount).flatMap((seed) => {
    const code = `${county.code}${seed.digits}000`;
    rows.push(regionRow(code, seed.name, RegionLevel.TOWNSHIP, `${county.code}000000`));
    const count = clamp(
      random.int(Math.round(mean * 0.7), Math.round(mean * 1.3)),
      Math.max(MIN_VILLAGES_PER_TOWNSHIP, seed.namedVillages.length),
      MAX_VILLAGES_PER_TOWNSHIP,
    );
    const drafts = planTownship(random, county, seed, count);
    rows.push(...drafts.map((draft) => draft.row));
    return drafts;
  });
}

function leadingNamedTownships(county: CountySeed): number {
  const firstUnnamed = county.townships.findIndex((seed) => seed.namedVillages.length === 0);
  return firstUnnamed === -1 ? county.townships.length : firstUnnamed;
}

/** Urban communities take codes 001…, villages 201…, as in the statistical codes. */
function planTownship(random: Random, county: CountySeed, seed: TownshipSeed, count: number): VillageDraft[] {
  const townshipPrefix = `${county.code}${seed.digits}`;
  const communities = Math.min(communityCount(random, seed, count), count - seed.namedVillages.length);
  const drawnCount = count - communities - seed.namedVillages.length;
  const drawnVillages = drawVillageNames(random, county.landscape, drawnCount, seed.namedVillages);
  const communityDrafts = drawCommunityNames(random, communities).map((name, i) =>
    villageDraft(random, county, `${townshipPrefix}${pad3(1 + i)}`, name, 'COMMUNITY', false),
  );
  const villageDrafts = [...seed.namedVillages, ...drawnVillages].map((name, i) => {
    // The named villages are the registered poor villages that county leaders were paired with.
    const registeredPoor = i < seed.namedVillages.length || random.chance(county.poorVillageShare);
    return villageDraft(random, county, `${townshipPrefix}${pad3(201 + i)}`, name, 'VILLAGE', registeredPoor);
  });
  return [...communityDrafts, ...villageDrafts];
}

function communityCount(random: Random, seed: TownshipSeed, count: number): number {
  if (seed.name.endsWith('街道')) return Math.round(count * SUBDISTRICT_COMMUNITY_SHARE);
  if (seed.name.endsWith('镇')) return random.chance(TOWN_SEAT_COMMUNITY_CHANCE) ? 1 : 0;
  return 0;
}

function villageDraft(
  random: Random,
  county: CountySeed,
  code: string,
  name: string,
  kind: VillageKind,
  registeredPoor: boolean,
): VillageDraft {
  const facts = drawVillageFacts(random, kind, registeredPoor);
  const kindWeight = kind === 'COMMUNITY' ? COMMUNITY_HOUSEHOLD_WEIGHT : registeredPoor ? POOR_VILLAGE_HOUSEHOLD_WEIGHT : 1;
  return {
    row: { ...regionRow(code, name, RegionLevel.VILLAGE, code.slice(0, 9) + '000'), village: facts },
    county: county.code,
    groupCount: facts.groupCount,
    weight: kindWeight * (0.8 + 0.4 * random.float()),
  };
}

function placeHouseholds(drafts: readonly VillageDraft[], households: number): VillagePlan[] {
  const counts = apportion(households, drafts.map((draft) => draft.weight));
  return drafts.map((draft, i) => {
    if (counts[i] > MAX_HOUSEHOLDS_PER_VILLAGE) {
      throw new Error(`${counts[i]} households do not fit the 4-digit sequence of village ${draft.row.code}`);
    }
    return { code: draft.row.code, county: draft.county, groupCount: draft.groupCount, households: counts[i] };
  });
}

function regionRow(code: string, name: string, level: RegionLevel, parentCode: string | null): RegionRow {
  return { code, name, level, parentCode, village: null };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function pad3(value: number): string {
  return String(value).padStart(3, '0');
}
