import { HouseholdCategory, HouseholdStatus, PovertyCause } from '../../src/modules/households/household.enums';
import { HousingGrade } from '../../src/modules/households/registry.enums';
import { Distribution, type Random } from './random';

/** Most households had exited by 2020; the rest are the cases that the dynamic management (动态管理) tracks. */
const STATUSES = new Distribution([
  [HouseholdStatus.EXITED, 82],
  [HouseholdStatus.MONITORED_UNSTABLE, 5],
  [HouseholdStatus.MONITORED_MARGINAL, 4],
  [HouseholdStatus.MONITORED_SUDDEN_HARDSHIP, 2],
  [HouseholdStatus.NOT_EXITED, 2.5],
  [HouseholdStatus.RETURNED, 1.5],
  [HouseholdStatus.ROLLED_BACK, 1],
  [HouseholdStatus.REMOVED, 2],
] as const);

const CATEGORIES = new Distribution([
  [HouseholdCategory.GENERAL, 70],
  [HouseholdCategory.SUBSISTENCE_ALLOWANCE, 25],
  [HouseholdCategory.EXTREME_POVERTY_SUPPORT, 5],
] as const);

/** Most households were identified in the first registration (建档立卡) of 2014, the rest in later reviews. */
const REGISTRATION_YEARS = new Distribution([
  [2014, 60],
  [2015, 10],
  [2016, 8],
  [2017, 8],
  [2018, 8],
  [2019, 6],
] as const);

const FIRST_EXIT_YEAR = 2015;
const LAST_EXIT_YEAR = 2020;

/**
 * Main causes (主要致贫原因): illness leads with about 40 % of all households. Schooling applies only
 * where someone is at school, so it weighs more there.
 */
const CAUSE_WEIGHTS: readonly (readonly [PovertyCause, number])[] = [
  [PovertyCause.ILLNESS, 40],
  [PovertyCause.LACK_OF_SKILLS, 14],
  [PovertyCause.LACK_OF_LABOUR, 12],
  [PovertyCause.DISABILITY, 10],
  [PovertyCause.SCHOOLING, 20],
  [PovertyCause.LACK_OF_CAPITAL, 8],
  [PovertyCause.LACK_OF_MOTIVATION, 2.5],
  [PovertyCause.DISASTER, 2],
  [PovertyCause.LACK_OF_LAND, 1.5],
  [PovertyCause.TRANSPORT, 1.5],
  [PovertyCause.LACK_OF_WATER, 0.5],
];

const CAUSES = {
  withStudent: new Distribution(CAUSE_WEIGHTS),
  withoutStudent: new Distribution(CAUSE_WEIGHTS.filter(([cause]) => cause !== PovertyCause.SCHOOLING)),
  elderly: new Distribution([
    [PovertyCause.LACK_OF_LABOUR, 40],
    [PovertyCause.ILLNESS, 35],
    [PovertyCause.DISABILITY, 25],
  ] as const),
};

const CAUSE_COUNTS = new Distribution([
  [1, 55],
  [2, 35],
  [3, 10],
] as const);

/** Hunan's 2018 poverty line, 3,430 yuan a year per person, in fen. */
export const POVERTY_LINE_FEN = 343_000;

/** Income per capita in yuan: exited households clear the line, those still in poverty fall below it. */
const INCOME_RANGE_YUAN: Record<HouseholdStatus, readonly [number, number]> = {
  EXITED: [4_000, 15_000],
  MONITORED_UNSTABLE: [3_600, 6_000],
  MONITORED_MARGINAL: [3_500, 6_500],
  MONITORED_SUDDEN_HARDSHIP: [1_500, 5_000],
  NOT_EXITED: [1_500, 3_400],
  RETURNED: [1_500, 3_400],
  ROLLED_BACK: [1_500, 3_400],
  // Removed as wrongly registered (错评): they were never poor.
  REMOVED: [8_000, 30_000],
};

export function drawStatus(random: Random): HouseholdStatus {
  return random.draw(STATUSES);
}

export function drawCategory(random: Random): HouseholdCategory {
  return random.draw(CATEGORIES);
}

export function drawRegistrationYear(random: Random): number {
  return random.draw(REGISTRATION_YEARS);
}

/** Only exited households carry an exit year, never before their registration. */
export function drawExitYear(random: Random, status: HouseholdStatus, registrationYear: number): number | null {
  if (status !== HouseholdStatus.EXITED) return null;
  return random.int(Math.max(FIRST_EXIT_YEAR, registrationYear), LAST_EXIT_YEAR);
}

/** Skewed towards the lower end of the range, as incomes are. */
export function drawIncomePerCapitaFen(random: Random, status: HouseholdStatus): number {
  const [low, high] = INCOME_RANGE_YUAN[status];
  const unit = random.float();
  return Math.round((low + (high - low) * unit * unit) * 100);
}

/** One to three causes, the main one first. */
export function drawCauses(random: Random, category: HouseholdCategory, hasStudent: boolean): PovertyCause[] {
  const pool = hasStudent ? CAUSES.withStudent : CAUSES.withoutStudent;
  const main = random.draw(category === HouseholdCategory.EXTREME_POVERTY_SUPPORT ? CAUSES.elderly : pool);
  const causes = [main];
  const count = random.draw(CAUSE_COUNTS);
  while (causes.length < count) {
    const cause = random.draw(pool);
    if (!causes.includes(cause)) causes.push(cause);
  }
  return causes;
}

export type LivingConditions = { foodAndClothingSecure: boolean | null; safeDrinkingWater: boolean | null; housingGrade: HousingGrade | null };

/** Households still in poverty more often lack safe water or live in a dangerous house. */
const SAFE_HOUSING = new Distribution<HousingGrade>([[HousingGrade.A, 45], [HousingGrade.B, 50], [HousingGrade.C, 4], [HousingGrade.D, 1]]);
const POOR_HOUSING = new Distribution<HousingGrade>([[HousingGrade.A, 20], [HousingGrade.B, 45], [HousingGrade.C, 25], [HousingGrade.D, 10]]);
const UNSURVEYED = 0.03;

/**
 * 两不愁 and house safety as the poverty office last surveyed them; a few households were never
 * surveyed, so the exit test has unknowns to show.
 */
export function drawLivingConditions(random: Random, status: HouseholdStatus): LivingConditions {
  const exited = status === HouseholdStatus.EXITED;
  const surveyed = <T>(value: () => T): T | null => (random.chance(UNSURVEYED) ? null : value());
  return {
    foodAndClothingSecure: surveyed(() => random.chance(exited ? 0.99 : 0.8)),
    safeDrinkingWater: surveyed(() => random.chance(exited ? 0.97 : 0.75)),
    housingGrade: surveyed(() => (exited ? SAFE_HOUSING : POOR_HOUSING).at(random.float())),
  };
}
