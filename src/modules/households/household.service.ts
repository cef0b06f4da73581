import DataLoader from 'dataloader';
import { groupByKey } from '../../context/batch';
import type { RequestContext } from '../../context/request-context';
import { badUserInput } from '../../errors/app-error';
import { integerKey, pageRequest, toPage, type Page, type PageArgs } from '../../graphql/pagination';
import { arrayLiteral } from '../../db/array-literal';
import { rows } from '../../db/read';
import { rowScope, rowScopeSql } from '../../policy/row-scope';
import { assertRegionPrefix } from '../regions/region.service';
import { Household } from './household.entity';
import { HouseholdOrder, type HouseholdFilter } from './household.types';
import { HouseholdIdentification } from './household-identification.entity';
import { HouseholdStatusChange } from './household-status-change.entity';
import {
  HOUSEHOLD_COLUMNS,
  MEMBER_COLUMNS,
  toHouseholdRow,
  toMemberRow,
  type HouseholdColumns,
  type HouseholdRow,
  type MemberColumns,
  type MemberRow,
} from './household.rows';

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
    keyOf: (h: HouseholdRow) => h.id,
    parseKey: integerKey,
    after: (key: string | number) => ({ id: { $gt: Number(key) } }),
    orderBy: { id: 'asc' } as const,
  },
  [HouseholdOrder.PRIORITY]: {
    list: 'household-priority',
    keyOf: (h: HouseholdRow) => `${h.priorityScore}.${h.id}`,
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

export async function findHousehold(ctx: RequestContext, id: string): Promise<HouseholdRow | null> {
  const key = integerKey(id);
  if (key === undefined) throw badUserInput('id must be a household id', 'id');
  return ctx.loaders.householdById.load(key);
}

type VillagePageKey = { villageCode: string; first: number; after?: number };

/** The caller's households among ids; the worked example of src/db/read.ts. */
const HOUSEHOLDS_BY_ID = (scope: string) => `select ${HOUSEHOLD_COLUMNS} from household h where h.id = any(?::int[]) and ${scope}`;

/** Members of households, in id order, so that the head registered first comes first as before. */
const MEMBERS_BY_HOUSEHOLD = (scope: string) => `select ${MEMBER_COLUMNS}
  from member m join household h on h.id = m.household_id
  where m.household_id = any(?::int[]) and ${scope} order by m.id`;

const COUNT_BY_VILLAGE = (scope: string) => `select h.village_code as "villageCode", count(*)::int as n
  from household h where h.village_code = any(?::text[]) and ${scope} group by h.village_code`;

/**
 * Each village's first rows after the cursor, so N villages cost one statement and each reads only
 * its page from the (village_code, id) index. Without a cursor the bound id is 0: ids start at 1.
 */
const VILLAGE_PAGES = (scope: string) => `select p.* from unnest(?::text[]) as v (code)
  cross join lateral (
    select ${HOUSEHOLD_COLUMNS} from household h
    where h.village_code = v.code and ${scope} and h.id > ? order by h.id limit ?
  ) p`;

/** The caller's row rule on households, as SQL on `household h`. */
const householdScope = (ctx: RequestContext) => rowScopeSql(ctx.caller, 'Household', 'h.village_code');

export function createHouseholdLoaders(ctx: RequestContext) {
  return {
    /** One page of households per village, for village.households under a list of villages. */
    householdPageByVillage: new DataLoader<VillagePageKey, Page<HouseholdRow>, string>(
      (keys) => loadVillagePages(ctx, keys),
      { cacheKeyFn: (k) => `${k.villageCode}:${k.first}:${k.after ?? ''}` },
    ),
    householdCountByVillage: new DataLoader<string, number>(async (codes) => {
      const scope = householdScope(ctx);
      const found = await rows<{ villageCode: string; n: number }>(ctx, COUNT_BY_VILLAGE(scope.sql), [arrayLiteral(codes), ...scope.bindings]);
      const counts = new Map(found.map((r) => [r.villageCode, r.n]));
      return codes.map((code) => counts.get(code) ?? 0);
    }),
    householdById: new DataLoader<number, HouseholdRow | null>(async (ids) => {
      const scope = householdScope(ctx);
      const found = await rows<HouseholdColumns>(ctx, HOUSEHOLDS_BY_ID(scope.sql), [arrayLiteral(ids), ...scope.bindings]);
      const byId = new Map(found.map((h) => [h.id, toHouseholdRow(h)]));
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
    membersByHousehold: new DataLoader<number, MemberRow[]>(async (ids) => {
      const scope = householdScope(ctx);
      const found = await rows<MemberColumns>(ctx, MEMBERS_BY_HOUSEHOLD(scope.sql), [arrayLiteral(ids), ...scope.bindings]);
      return groupByKey(ids, found.map(toMemberRow), (m) => m.household.id);
    }),
  };
}

/** Keys asking for the same page size and cursor share one statement. */
async function loadVillagePages(ctx: RequestContext, keys: readonly VillagePageKey[]): Promise<Page<HouseholdRow>[]> {
  const pages = new Map<string, Page<HouseholdRow>>();
  const shapes = groupByKey([...new Set(keys.map(shapeOf))], keys, shapeOf);
  for (const group of shapes) {
    const { first, after } = group[0];
    const codes = group.map((k) => k.villageCode);
    const scope = householdScope(ctx);
    const found = await rows<HouseholdColumns>(ctx, VILLAGE_PAGES(scope.sql), [arrayLiteral(codes), ...scope.bindings, after ?? 0, first + 1]);
    groupByKey(codes, found.map(toHouseholdRow), (h) => h.village.code).forEach((villageRows, i) => {
      const code = codes[i];
      pages.set(`${code}:${shapeOf(group[i])}`, toPage(villageRows, first, () => ctx.loaders.householdCountByVillage.load(code)));
    });
  }
  return keys.map((k) => pages.get(`${k.villageCode}:${shapeOf(k)}`)!);
}

const shapeOf = (k: VillagePageKey) => `${k.first}:${k.after ?? ''}`;
