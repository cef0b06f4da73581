import DataLoader from 'dataloader';
import { chinaToday, chinaYear } from '../../config/clock';
import { groupByKey } from '../../context/batch';
import type { RequestContext } from '../../context/request-context';
import { arrayLiteral } from '../../db/array-literal';
import { rows, type Binding } from '../../db/read';
import { integerKey, pageRequest, toPage, type Page, type PageArgs } from '../../graphql/pagination';
import { codeFilterSql, rowScopeSql } from '../../policy/row-scope';
import { HOUSEHOLD_COLUMNS, toHouseholdRow, type HouseholdColumns, type HouseholdRow } from '../households';
import { assertRegionPrefix, } from '../regions';
import { parameterInForceSql } from '../parameters';
import { CADRE_COLUMNS, PAIRING_COLUMNS, VISIT_COLUMNS, WORK_TEAM_COLUMNS, type CadrePairingRow, type CadreRow, type PairingVisitRow, type WorkTeamRow } from './cadre.rows';

/**
 * The coverage the seeds demand (seed 000, 落实驻村帮扶责任), as lists for the poverty office and
 * audit: each a fixed statement with its region filter and the caller's row rule, paged by id,
 * with a count on demand.
 */

/** Registered and not yet out of poverty: the households 全覆盖 is about. Monitored and exited households are followed up, not required to have a cadre. */
const UNEXITED = arrayLiteral(['NOT_EXITED', 'RETURNED', 'ROLLED_BACK']);

type Listed<C> = { table: string; alias: string; code: string; type: string; columns: string; where: string; bindings: Binding[] };

async function pageOf<C extends { id: number }>(ctx: RequestContext, list: string, l: Listed<C>, regionCode: string | undefined, args: PageArgs): Promise<Page<C>> {
  if (regionCode !== undefined) assertRegionPrefix(regionCode, 'regionCode');
  const page = pageRequest(list, args, integerKey);
  const region = codeFilterSql(l.code, regionCode || undefined);
  const scope = rowScopeSql(ctx.caller, l.type, { alias: l.alias, code: l.code });
  const where = `${l.where} and ${region.sql} and ${scope.sql}`;
  const bindings = [...l.bindings, ...region.bindings, ...scope.bindings];
  const found = await rows<C>(ctx, `select ${l.columns} from ${l.table} ${l.alias} where ${where} and ${l.alias}.id > ? order by ${l.alias}.id limit ?`, [...bindings, Number(page.after ?? 0), page.first + 1]);
  return toPage(found, page.first, async () => (await rows<{ n: number }>(ctx, `select count(*)::int as n from ${l.table} ${l.alias} where ${where}`, bindings))[0].n);
}

/**
 * 全覆盖: households not yet out of poverty with no cadre paired now. Written `not in` (household_id
 * is never null) so that the county's active pairings are read once and hashed, not looked up or
 * compared household by household.
 */
export async function uncoveredHouseholds(ctx: RequestContext, regionCode: string | undefined, args: PageArgs): Promise<Page<HouseholdRow>> {
  const page = await pageOf<HouseholdColumns & { id: number }>(ctx, 'uncoveredHouseholds', {
    table: 'household', alias: 'h', code: 'h.village_code', type: 'Household', columns: HOUSEHOLD_COLUMNS,
    where: `h.status = any (?::text[]) and h.id not in (select p.household_id from cadre_pairing p where p.ended_on is null)`,
    bindings: [UNEXITED],
  }, regionCode, args);
  return { ...page, nodes: page.nodes.map(toHouseholdRow) };
}

/**
 * 每月走访不少于1次: pairings under way for a month or more with no visit (not retracted) in the
 * month up to today, i.e. after the same day of last month. A pairing younger than a month is not
 * late yet.
 */
export function pairingsWithoutRecentVisit(ctx: RequestContext, regionCode: string | undefined, args: PageArgs): Promise<Page<CadrePairingRow>> {
  const today = chinaToday();
  return pageOf<CadrePairingRow>(ctx, 'pairingsWithoutRecentVisit', {
    table: 'cadre_pairing', alias: 'p', code: 'p.village_code', type: 'CadrePairing', columns: PAIRING_COLUMNS,
    where: `p.ended_on is null and p.since <= (?::date - interval '1 month')
      and not exists (select 1 from pairing_visit v where v.pairing_id = p.id and v.retracted_at is null and v.date > (?::date - interval '1 month'))`,
    bindings: [today, today],
  }, regionCode, args);
}

/**
 * 后盾单位主要负责人每季度至少要到村1次: work teams in their village now whose unit's head came on
 * no visit (not retracted) in that village since the quarter began.
 */
export function workTeamsWithoutUnitHeadVisit(ctx: RequestContext, regionCode: string | undefined, args: PageArgs): Promise<Page<WorkTeamRow>> {
  return pageOf<WorkTeamRow>(ctx, 'workTeamsWithoutUnitHeadVisit', {
    table: 'work_team', alias: 'w', code: 'w.village_code', type: 'WorkTeam', columns: WORK_TEAM_COLUMNS,
    where: `w.ended_on is null and not exists (select 1 from pairing_visit v where v.village_code = w.village_code and v.unit_id = w.organisation_id
      and v.unit_head_present and v.retracted_at is null and v.date >= date_trunc('quarter', ?::date)::date)`,
    bindings: [chinaToday()],
  }, regionCode, args);
}

/**
 * Cadres paired now with more households than the PAIRING_LIMIT in force for their region this
 * year: pairCadre refuses the next one, but a limit lowered later, or pairings recorded before
 * this server, leave some over it.
 */
export function cadresOverLimit(ctx: RequestContext, regionCode: string | undefined, args: PageArgs): Promise<Page<CadreRow>> {
  const year = chinaYear();
  return pageOf<CadreRow>(ctx, 'cadresOverLimit', {
    table: 'cadre', alias: 'c', code: 'c.region_code', type: 'Cadre', columns: CADRE_COLUMNS,
    where: `(select count(*) from cadre_pairing a where a.cadre_id = c.id and a.ended_on is null)
      > (select l.value from (${parameterInForceSql(`'PAIRING_LIMIT'`, 'c.region_code', '?::int')}) l)`,
    bindings: [year, year],
  }, regionCode, args);
}

/** The lists under a household, a pairing and a team: one statement per list level (docs/reading.md). */
export function createPairingLoaders(ctx: RequestContext) {
  return {
    cadreById: new DataLoader<number, CadreRow | null>(async (ids) => {
      const scope = rowScopeSql(ctx.caller, 'Cadre', 'c.region_code');
      const found = await rows<CadreRow>(ctx, `select ${CADRE_COLUMNS} from cadre c where c.id = any (?::int[]) and ${scope.sql}`, [arrayLiteral(ids), ...scope.bindings]);
      const byId = new Map(found.map((c) => [c.id, c]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    cadrePairingsByHousehold: new DataLoader<number, CadrePairingRow[]>(async (ids) => {
      const scope = rowScopeSql(ctx.caller, 'CadrePairing', 'p.village_code');
      const found = await rows<CadrePairingRow>(
        ctx,
        `select ${PAIRING_COLUMNS} from cadre_pairing p where p.household_id = any (?::int[]) and ${scope.sql} order by p.since, p.id`,
        [arrayLiteral(ids), ...scope.bindings],
      );
      return groupByKey(ids, found, (p) => p.householdId);
    }),
    visitsByPairing: new DataLoader<number, PairingVisitRow[]>(async (ids) => {
      const scope = rowScopeSql(ctx.caller, 'PairingVisit', 'v.village_code');
      const found = await rows<PairingVisitRow>(
        ctx,
        `select ${VISIT_COLUMNS} from pairing_visit v where v.pairing_id = any (?::int[]) and v.retracted_at is null and ${scope.sql} order by v.date, v.id`,
        [arrayLiteral(ids), ...scope.bindings],
      );
      return groupByKey(ids, found, (v) => v.pairingId);
    }),
  };
}
