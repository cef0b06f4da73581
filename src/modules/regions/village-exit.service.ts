import { arrayLiteral } from '../../db/array-literal';
import { chinaYear } from '../../config/clock';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { RequestContext } from '../../context/request-context';
import { AppError, badUserInput, notFound } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-codes';
import { Verdict } from '../households';
import { ParameterName } from '../parameters';
import { assertParameterYear, parameterInForceSql, PARAMETER_YEARS, toResolved } from '../parameters';
import { audited } from '../audit';
import { REGION_CODE_PATTERN } from '../../kernel/region-code';
import { Region } from './region.entity';
import { VillagePovertyStatus } from './region.enums';
import { findVillage } from './region.service';
import { assessVillageExit, POOR_STATUSES, type VillageExitReadiness } from './village-exit';

export type ExitKey = { code: string; year: number };

const sqlText = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** The parameter columns of a lateral join aliased `alias`, prefixed so that two can share a row. */
const parameterColumns = (alias: string) =>
  ['id', 'name', 'region_prefix', 'from_year', 'to_year', 'value', 'source'].map((c) => `${alias}.${c} as ${alias}_${c}`).join(', ');

/**
 * Everything the exit test reads for a batch of (village, year), in one statement whatever the
 * number of villages: the village's facts, the persons of its poor households, and the two
 * parameters in force for its code and the year (the resolution rule of parameter.service.ts).
 */
const READINESS_SQL = `
  select k.i, r.code, k.year, r.agricultural_population, r.has_culture_room, r.has_clinic, r.has_telecom,
    r.has_hardened_road, r.collective_income_fen, poor.households as poor_households, poor.persons as poor_persons,
    ${parameterColumns('t')}, ${parameterColumns('c')}
  from unnest(?::int[], ?::text[], ?::int[]) as k (i, code, year)
  join region r on r.code = k.code and r.level = 'VILLAGE'
  cross join lateral (
    select count(distinct h.id)::int as households, count(m.id)::int as persons
    from household h join member m on m.household_id = h.id
    where h.village_code = r.code and h.status in (${POOR_STATUSES.map(sqlText).join(', ')})
  ) poor
  left join lateral (${parameterInForceSql(sqlText(ParameterName.VILLAGE_EXIT_INCIDENCE_TARGET), 'r.code', 'k.year')}) t on true
  left join lateral (${parameterInForceSql(sqlText(ParameterName.VILLAGE_COLLECTIVE_INCOME_MIN), 'r.code', 'k.year')}) c on true`;

type ReadinessRow = Record<string, any>;

function parameterOf(row: ReadinessRow, alias: string) {
  if (row[`${alias}_id`] === null) return null;
  return toResolved({
    id: row[`${alias}_id`],
    name: row[`${alias}_name`],
    region_prefix: row[`${alias}_region_prefix`],
    from_year: row[`${alias}_from_year`],
    to_year: row[`${alias}_to_year`],
    value: row[`${alias}_value`],
    source: row[`${alias}_source`],
  });
}

/** The exit test for many (village, year) keys in one statement; null for a village the caller cannot see. */
export async function computeExitReadiness(em: EntityManager, keys: readonly ExitKey[]): Promise<(VillageExitReadiness | null)[]> {
  if (keys.length === 0) return [];
  const rows = await em.execute<ReadinessRow[]>(READINESS_SQL, [
    arrayLiteral(keys.map((_, i) => i)),
    arrayLiteral(keys.map((k) => k.code)),
    arrayLiteral(keys.map((k) => k.year)),
  ]);
  const byIndex = new Map(
    rows.map((row) => [
      Number(row.i),
      assessVillageExit({
        code: row.code,
        year: Number(row.year),
        agriculturalPopulation: row.agricultural_population,
        poorPersons: Number(row.poor_persons),
        poorHouseholds: Number(row.poor_households),
        hasCultureRoom: row.has_culture_room,
        hasClinic: row.has_clinic,
        hasTelecom: row.has_telecom,
        hasHardenedRoad: row.has_hardened_road,
        collectiveIncomeFen: row.collective_income_fen,
        incidenceTarget: parameterOf(row, 't'),
        collectiveIncomeMin: parameterOf(row, 'c'),
      }),
    ]),
  );
  return keys.map((_, i) => byIndex.get(i) ?? null);
}

/** The module's per-request loader (ctx.loaders): the readiness of every village of a page in one statement. */
export function createVillageExitLoaders(ctx: RequestContext) {
  return {
    exitReadiness: new DataLoader<ExitKey, VillageExitReadiness | null, string>((keys) => computeExitReadiness(ctx.em, keys), { cacheKeyFn: (k) => `${k.code}:${k.year}` }),
  };
}

export function villageExitReadiness(ctx: RequestContext, village: Pick<Region, 'code'>, year: number | undefined | null): Promise<VillageExitReadiness | null> {
  const y = year ?? chinaYear();
  assertParameterYear(y, 'year');
  return ctx.loaders.exitReadiness.load({ code: village.code, year: y });
}

/** Which status a village may move to from which: exit 退出, rollback 回退, identification 识别 and its reversal. */
const TRANSITIONS: Readonly<Record<VillagePovertyStatus, readonly VillagePovertyStatus[]>> = {
  POOR: [VillagePovertyStatus.EXITED, VillagePovertyStatus.NON_POOR],
  EXITED: [VillagePovertyStatus.POOR],
  NON_POOR: [VillagePovertyStatus.POOR],
};


export type ChangeVillageStatusArgs = {
  code: string;
  to: VillagePovertyStatus;
  year: number;
  reason: string;
  override?: { justification: string } | null;
};

/**
 * Moves a village between POOR, EXITED and NON_POOR, audited with before and after. An exit needs
 * the exit test of that year to be ready; otherwise it is refused with the failing items, unless a
 * written override is given, which the audit entry keeps with the items it overrode.
 */
export async function changeVillageStatus(ctx: RequestContext, args: ChangeVillageStatusArgs): Promise<Region> {
  if (!REGION_CODE_PATTERN.test(args.code)) throw badUserInput('code must be a 12-digit village code', 'code');
  const thisYear = chinaYear();
  if (!Number.isInteger(args.year) || args.year < PARAMETER_YEARS.min || args.year > thisYear) {
    throw badUserInput(`year must be from ${PARAMETER_YEARS.min} to this year, ${thisYear}`, 'year');
  }
  // Lengths of the reason and the justification are checked at the edge (kernel TEXT).
  const reason = args.reason.trim();
  const justification = args.override ? args.override.justification.trim() : null;
  if (!(await findVillage(ctx, args.code))) throw notFound(`No village ${args.code} in your region`);

  return audited(ctx, 'changeVillageStatus', async (em, audit) => {
    const village = await em.findOneOrFail(Region, { code: args.code }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    const from = village.povertyStatus!;
    if (from === args.to) throw badUserInput(`Village ${args.code} is already ${from}`, 'to');
    if (!TRANSITIONS[from].includes(args.to)) {
      throw badUserInput(`A village cannot go from ${from} to ${args.to}; from ${from} it may go to ${TRANSITIONS[from].join(' or ')}`, 'to');
    }
    const exit = args.to === VillagePovertyStatus.EXITED;
    if (justification !== null && !exit) throw badUserInput('override applies only to an exit (POOR → EXITED) whose exit test is not met', 'override');

    let exitTest: Record<string, unknown> | null = null;
    let override: Record<string, unknown> | null = null;
    if (exit) {
      const [readiness] = await computeExitReadiness(em, [{ code: args.code, year: args.year }]);
      const failed = readiness!.items.filter((i) => i.verdict !== Verdict.MET).map(({ item, verdict, evidence }) => ({ item, verdict, evidence }));
      if (failed.length > 0 && justification === null) {
        throw new AppError(
          ErrorCode.BAD_USER_INPUT,
          `Village ${args.code} does not meet the exit test 一低五有 for ${args.year}: ${failed.map((f) => `${f.item} ${f.verdict}`).join(', ')}; ` +
            'fix the records or parameters, or give an override with a written justification',
          { field: 'to', failedItems: failed },
        );
      }
      exitTest = { year: args.year, ready: readiness!.ready, items: Object.fromEntries(readiness!.items.map((i) => [i.item, i.verdict])) };
      if (failed.length > 0) override = { justification, failedItems: failed };
    }

    village.povertyStatus = args.to;
    village.exitYear = exit ? args.year : null;
    // The verdict and reason are kept nowhere else: the entry holds them with the new status.
    audit.note(village, { year: args.year, reason, exitTest, override });
    return village;
  });
}
