import { VillagePovertyStatus } from '../../src/modules/regions/region.enums';
import { Distribution, type Random } from './random';
import type { VillageFacts } from './rows';

const VILLAGE_EXIT_YEARS = new Distribution([
  [2016, 15],
  [2017, 25],
  [2018, 25],
  [2019, 25],
  [2020, 10],
] as const);

/** Nearly every registered poor village had exited (摘帽) by 2020; a few are kept POOR for the demo. */
const EXITED_SHARE_OF_POOR_VILLAGES = 0.95;

/** Exited villages passed the 一低五有 test, so their five facilities are almost always in place. */
const FACILITY_SHARE: Record<VillagePovertyStatus, number> = { EXITED: 0.97, POOR: 0.6, NON_POOR: 0.85 };
const COLLECTIVE_ECONOMY_SHARE: Record<VillagePovertyStatus, number> = { EXITED: 0.95, POOR: 0.4, NON_POOR: 0.7 };

/** Collective operating income targets in the plans are ≥ 10,000 and ≥ 30,000 yuan a year. */
const FEN_PER_YUAN = 100;
const LOWER_TARGET_FEN = 10_000 * FEN_PER_YUAN;
const HIGHER_TARGET_FEN = 30_000 * FEN_PER_YUAN;
const HIGHEST_INCOME_FEN = 200_000 * FEN_PER_YUAN;

export type VillageKind = 'COMMUNITY' | 'VILLAGE';

/** The facts of one village; `registeredPoor` says whether it was a 贫困村 at all. */
export function drawVillageFacts(random: Random, kind: VillageKind, registeredPoor: boolean): VillageFacts {
  const povertyStatus = drawPovertyStatus(random, registeredPoor);
  const hasCollectiveEconomy = random.chance(COLLECTIVE_ECONOMY_SHARE[povertyStatus]);
  const facility = () => random.chance(FACILITY_SHARE[povertyStatus]);
  return {
    povertyStatus,
    exitYear: povertyStatus === VillagePovertyStatus.EXITED ? random.draw(VILLAGE_EXIT_YEARS) : null,
    groupCount: kind === 'COMMUNITY' ? random.int(4, 12) : random.int(4, 20),
    hasCultureRoom: facility(),
    hasClinic: facility(),
    hasTelecom: facility(),
    hasHardenedRoad: facility(),
    hasCollectiveEconomy,
    collectiveIncomeFen: drawCollectiveIncome(random, hasCollectiveEconomy),
    agriculturalPopulation: null,
  };
}

/** About 3.1 people a registered household (family.ts). */
const MEAN_REGISTERED_HOUSEHOLD_SIZE = 3.1;
/** A village's registered (建档立卡) population is typically 5–30 % of its agricultural registered population. */
const REGISTERED_SHARE = { min: 0.05, max: 0.3 } as const;
/** People a village group holds, for a village without registered households. */
const PEOPLE_PER_GROUP = { min: 30, max: 90 } as const;

/**
 * 农业户籍人口, scaled to the demo's own registered households so that their people are 5–30 %
 * of it (and poverty incidence comes out plausible whatever the size of the data set).
 */
export function drawAgriculturalPopulation(random: Random, households: number, groupCount: number): number {
  if (households === 0) return groupCount * random.int(PEOPLE_PER_GROUP.min, PEOPLE_PER_GROUP.max);
  const share = REGISTERED_SHARE.min + (REGISTERED_SHARE.max - REGISTERED_SHARE.min) * random.float();
  return Math.max(1, Math.round((households * MEAN_REGISTERED_HOUSEHOLD_SIZE) / share));
}

function drawPovertyStatus(random: Random, registeredPoor: boolean): VillagePovertyStatus {
  if (!registeredPoor) return VillagePovertyStatus.NON_POOR;
  return random.chance(EXITED_SHARE_OF_POOR_VILLAGES) ? VillagePovertyStatus.EXITED : VillagePovertyStatus.POOR;
}

/** A village counts as having a collective economy only once its income reaches the lower target. */
function drawCollectiveIncome(random: Random, hasCollectiveEconomy: boolean): number {
  if (!hasCollectiveEconomy) return random.chance(0.5) ? 0 : random.int(0, LOWER_TARGET_FEN - 1);
  return random.chance(0.7)
    ? random.int(HIGHER_TARGET_FEN, HIGHEST_INCOME_FEN)
    : random.int(LOWER_TARGET_FEN, HIGHER_TARGET_FEN - 1);
}
