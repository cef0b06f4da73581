import DataLoader from 'dataloader';
import { groupByKey } from '../../context/batch';
import type { RequestContext } from '../../context/request-context';
import { badUserInput } from '../../errors/app-error';
import { integerKey, pageRequest, toPage, type Page, type PageArgs } from '../../graphql/pagination';
import { rowScope, rowScopeSql } from '../../policy/row-scope';
import { assertRegionPrefix } from '../regions/region.service';
import { Household } from './household.entity';
import { HouseholdOrder, type HouseholdFilter } from './household.types';
import { HouseholdIdentification } from './household-identification.entity';
import { HouseholdStatusChange } from './household-status-change.entity';
import { Member } from './member.entity';

export const HOUSEHOLD_LIST = 'household';

function householdWhere(ctx: RequestContext, filter: HouseholdFilter | undefined) {
  if (filter?.regionCode !== undefined) assertRegionPrefix(filter.regionCode, 'filter.regionCode');
  return {
    $and: [
      { village: rowScope(ctx.caller, 'Household', 'code') },
      ...(filter?.regionCode ? [{ village: { code: { $like: `${filter.regionCode}%` } } }] : []),
      ...(filter?.status?.length ? [{ status: { $in: filter.status } }] : []),
      ...(filter?.category?.length ? [{ category: { $in: filter.category } }] : []),
      ...(filter?.cause?.length ? [{ causes: { $overlap: filter.cause } }] : []),
    ],
  };
}

/** Each order has its own cursors, so that a cursor of one order cannot continue the other. */
export const HOUSEHOLD_ORDERS = {
  [HouseholdOrder.ID]: {
    list: HOUSEHOLD_LIST,
    keyOf: (h: Household) => h.id,
    parseKey: integerKey,
    after: (key: string | number) => ({ id: { $gt: Number(key) } }),
    orderBy: { id: 'asc' } as const,
  },
  [HouseholdOrder.PRIORITY]: {
    list: 'household-priority',
    keyOf: (h: Household) => `${h.priorityScore}.${h.id}`,
    parseKey: (raw: string) => (/^\d\.\d{1,10}$/.test(raw) ? raw : undefined),
    after: (key: string | number) => {
      const [score, id] = String(key).split('.').map(Number);
      return { $or: [{ priorityScore: { $lt: score } }, { priorityScore: score, id: { $gt: id } }] };
    },
    orderBy: { priorityScore: 'desc', id: 'asc' } as const,
  },
};

export async function listHouseholds(
  ctx: RequestContext,
  filter: HouseholdFilter | undefined,
  order: HouseholdOrder,
  args: PageArgs,
): Promise<Page<Household>> {
  const ordering = HOUSEHOLD_ORDERS[order];
  const page = pageRequest(ordering.list, args, ordering.parseKey);
  const where = householdWhere(ctx, filter);
  const rows = await ctx.em.find(Household, page.after !== undefined ? { $and: [where, ordering.after(page.after)] } : where, {
    orderBy: ordering.orderBy,
    limit: page.first + 1,
  });
  return toPage(rows, page.first, () => ctx.em.count(Household, where));
}

export async function findHousehold(ctx: RequestContext, id: string): Promise<Household | null> {
  const key = integerKey(id);
  if (key === undefined) throw badUserInput('id must be a household id', 'id');
  return ctx.loaders.householdById.load(key);
}

type VillagePageKey = { villageCode: string; first: number; after?: number };

export function createHouseholdLoaders(ctx: RequestContext) {
  return {
    /** One page of households per village, for village.households under a list of villages. */
    householdPageByVillage: new DataLoader<VillagePageKey, Page<Household>, string>(
      (keys) => loadVillagePages(ctx, keys),
      { cacheKeyFn: (k) => `${k.villageCode}:${k.first}:${k.after ?? ''}` },
    ),
    householdCountByVillage: new DataLoader<string, number>(async (codes) => {
      const scope = rowScopeSql(ctx.caller, 'Household', 'village_code');
      const rows: { village_code: string; n: string }[] = await ctx.em.execute(
        `select village_code, count(*) as n from household where village_code in (${codes.map(() => '?').join(',')}) and ${scope.sql} group by village_code`,
        [...codes, ...scope.bindings],
      );
      const counts = new Map(rows.map((r) => [r.village_code, Number(r.n)]));
      return codes.map((code) => counts.get(code) ?? 0);
    }),
    householdById: new DataLoader<number, Household | null>(async (ids) => {
      const rows = await ctx.em.find(Household, { id: { $in: [...ids] }, village: rowScope(ctx.caller, 'Household', 'code') });
      const byId = new Map(rows.map((h) => [h.id, h]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    statusHistoryByHousehold: new DataLoader<number, HouseholdStatusChange[]>(async (ids) => {
      const rows = await ctx.em.find(HouseholdStatusChange, { household: { id: { $in: [...ids] }, village: rowScope(ctx.caller, 'Household', 'code') } }, { orderBy: { id: 'asc' } });
      return groupByKey(ids, rows, (c) => c.household.id);
    }),
    identificationByHousehold: new DataLoader<number, HouseholdIdentification | null>(async (ids) => {
      const rows = await ctx.em.find(HouseholdIdentification, { household: { id: { $in: [...ids] }, village: rowScope(ctx.caller, 'Household', 'code') } });
      const byId = new Map(rows.map((r) => [r.household.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    membersByHousehold: new DataLoader<number, Member[]>(async (ids) => {
      const rows = await ctx.em.find(
        Member,
        { household: { id: { $in: [...ids] }, village: rowScope(ctx.caller, 'Household', 'code') } },
        { orderBy: { id: 'asc' } },
      );
      return groupByKey(ids, rows, (m) => m.household.id);
    }),
  };
}

/**
 * Keys asking for the same page size and cursor share one statement: a window over the villages
 * numbers each village's households, so N villages cost one round-trip, not N.
 */
async function loadVillagePages(ctx: RequestContext, keys: readonly VillagePageKey[]): Promise<Page<Household>[]> {
  const pages = new Map<string, Page<Household>>();
  const shapes = groupByKey([...new Set(keys.map(shapeOf))], keys, shapeOf);
  for (const group of shapes) {
    const { first, after } = group[0];
    const codes = group.map((k) => k.villageCode);
    const scope = rowScopeSql(ctx.caller, 'Household', 'h.village_code');
    const rows: Record<string, unknown>[] = await ctx.em.execute(
      `select * from (
         select h.*, row_number() over (partition by h.village_code order by h.id) as page_row
         from household h
         where h.village_code in (${codes.map(() => '?').join(',')}) and ${scope.sql} ${after !== undefined ? 'and h.id > ?' : ''}
       ) t where page_row <= ? order by village_code, id`,
      [...codes, ...scope.bindings, ...(after !== undefined ? [after] : []), first + 1],
    );
    const households = rows.map((row) => ctx.em.map(Household, row));
    groupByKey(codes, households, (h) => h.village.code).forEach((villageRows, i) => {
      const code = codes[i];
      pages.set(`${code}:${shapeOf(group[i])}`, toPage(villageRows, first, () => ctx.loaders.householdCountByVillage.load(code)));
    });
  }
  return keys.map((k) => pages.get(`${k.villageCode}:${shapeOf(k)}`)!);
}

const shapeOf = (k: VillagePageKey) => `${k.first}:${k.after ?? ''}`;
