import DataLoader from 'dataloader';
import { groupByKey } from '../../context/batch';
import type { RequestContext } from '../../context/request-context';
import { badUserInput } from '../../errors/app-error';
import { integerKey, pageRequest, toPage, type Page, type PageArgs } from '../../graphql/pagination';
import { arrayLiteral } from '../../db/array-literal';
import { rows, type Binding } from '../../db/read';
import { codeFilterSql, rowScope, rowScopeSql } from '../../policy/row-scope';
import { assertRegionPrefix } from '../regions';
import { HouseholdOrder, type HouseholdFilter } from './household.types';
import { memberScope } from './member.service';
import { HouseholdIdentification } from './household-identification.entity';
import { HouseholdStatusChange } from './household-status-change.entity';
import {
  HOUSEHOLD_COLUMNS,
  MEMBER_COLUMNS,
  MEMBERS_OF_HOUSEHOLD,
  toHouseholdRow,
  toMemberRow,
  type HouseholdColumns,
  type HouseholdRow,
  type MemberColumns,
  type MemberRow,
} from './household.rows';

export const HOUSEHOLD_LIST = 'household';

/**
 * The list's conditions in one fixed text: a filter left out binds null, and PostgreSQL drops
 * `null is null or …` when it plans the statement with its values; the region filter is always a
 * code range (every code when there is none), one an index can serve under row-level security.
 */
const HOUSEHOLD_WHERE = (scope: string, region: string) => `${scope} and ${region}
  and (?::text[] is null or h.status = any(?::text[]))
  and (?::text[] is null or h.category = any(?::text[]))
  and (?::text[] is null or h.causes && ?::text[])`;

function householdWhere(ctx: RequestContext, filter: HouseholdFilter | undefined): { sql: string; bindings: Binding[] } {
  if (filter?.regionCode !== undefined) assertRegionPrefix(filter.regionCode, 'filter.regionCode');
  const scope = householdScope(ctx);
  const region = codeFilterSql('h.village_code', filter?.regionCode || undefined);
  const anyOf = (values: readonly string[] | undefined) => (values?.length ? arrayLiteral(values) : null);
  const conditions = [anyOf(filter?.status), anyOf(filter?.category), anyOf(filter?.cause)];
  return {
    sql: HOUSEHOLD_WHERE(scope.sql, region.sql),
    bindings: [...scope.bindings, ...region.bindings, ...conditions.flatMap((value) => [value, value])],
  };
}

/** Each order has its own cursors, so that a cursor of one order cannot continue the other. */
export const HOUSEHOLD_ORDERS = {
  [HouseholdOrder.ID]: {
    list: HOUSEHOLD_LIST,
    keyOf: (h: HouseholdRow) => h.id,
    parseKey: integerKey,
    /** Without a cursor the bound id is 0: ids start at 1. */
    after: { sql: 'h.id > ?', bindings: (key: string | number | undefined) => [key === undefined ? 0 : Number(key)] },
    orderBy: 'h.id',
  },
  [HouseholdOrder.PRIORITY]: {
    list: 'household-priority',
    keyOf: (h: HouseholdRow) => `${h.priorityScore}.${h.id}`,
    parseKey: (raw: string) => (/^\d\.\d{1,10}$/.test(raw) ? raw : undefined),
    after: {
      sql: '(?::int is null or h.priority_score < ? or (h.priority_score = ? and h.id > ?))',
      bindings: (key: string | number | undefined) => {
        const [score, id] = key === undefined ? [null, null] : String(key).split('.').map(Number);
        return [score, score, score, id];
      },
    },
    orderBy: 'h.priority_score desc, h.id',
  },
};

export async function listHouseholds(
  ctx: RequestContext,
  filter: HouseholdFilter | undefined,
  order: HouseholdOrder,
  args: PageArgs,
  withMembers: boolean,
): Promise<Page<HouseholdRow>> {
  const ordering = HOUSEHOLD_ORDERS[order];
  const page = pageRequest(ordering.list, args, ordering.parseKey);
  const where = householdWhere(ctx, filter);
  const columns = householdColumns(ctx, withMembers);
  const found = await rows<HouseholdColumns>(
    ctx,
    `select ${columns.sql} from household h where ${where.sql} and ${ordering.after.sql} order by ${ordering.orderBy} limit ?`,
    [...columns.bindings, ...where.bindings, ...ordering.after.bindings(page.after), page.first + 1],
  );
  return toPage(toHouseholdRows(ctx, found), page.first, async () => {
    const [{ n }] = await rows<{ n: number }>(ctx, `select count(*)::int as n from household h where ${where.sql}`, where.bindings);
    return n;
  });
}

export async function findHousehold(ctx: RequestContext, id: string, withMembers: boolean): Promise<HouseholdRow | null> {
  const key = integerKey(id);
  if (key === undefined) throw badUserInput('id must be a household id', 'id');
  return (withMembers ? ctx.loaders.householdWithMembersById : ctx.loaders.householdById).load(key);
}

/**
 * A household list's columns, with its members as one more when the query asks for them: the
 * list and its members then cost one statement, not two (`toHouseholdRows` hands the members to
 * the loader that `Household.members` reads). Every role that reaches a household may read its
 * members (the policy's Household.members), and the members column applies the caller's row rule
 * on members, so this reads nothing its caller could not. Its bindings come first: the column
 * stands before the FROM.
 */
function householdColumns(ctx: RequestContext, withMembers: boolean): { sql: string; bindings: Binding[] } {
  if (!withMembers) return { sql: HOUSEHOLD_COLUMNS, bindings: [] };
  const members = memberScope(ctx);
  return { sql: `${HOUSEHOLD_COLUMNS}, ${MEMBERS_OF_HOUSEHOLD(members.sql)}`, bindings: members.bindings };
}

function toHouseholdRows(ctx: RequestContext, found: HouseholdColumns[]): HouseholdRow[] {
  for (const { id, members } of found) if (members) ctx.loaders.membersByHousehold.prime(id, members);
  return found.map(toHouseholdRow);
}

type VillagePageKey = { villageCode: string; first: number; after?: number; withMembers: boolean };

/** The caller's households among ids; the worked example of src/db/read.ts. */
const HOUSEHOLDS_BY_ID = (scope: string, columns: string) => `select ${columns} from household h where h.id = any(?::int[]) and ${scope}`;

/** Members of households, in id order, so that the head registered first comes first as before. */
const MEMBERS_BY_HOUSEHOLD = (scope: string) => `select ${MEMBER_COLUMNS}
  from member m join household h on h.id = m.household_id
  where h.id = any(?::int[]) and ${scope} order by m.id`;

const COUNT_BY_VILLAGE = (scope: string) => `select h.village_code as "villageCode", count(*)::int as n
  from household h where h.village_code = any(?::text[]) and ${scope} group by h.village_code`;

/**
 * Each village's first rows after the cursor, so N villages cost one statement and each reads only
 * its page from the (village_code, id) index. Without a cursor the bound id is 0: ids start at 1.
 */
const VILLAGE_PAGES = (scope: string, columns: string) => `select p.* from unnest(?::text[]) as v (code)
  cross join lateral (
    select ${columns} from household h
    where h.village_code = v.code and ${scope} and h.id > ? order by h.id limit ?
  ) p`;

/** The caller's row rule on households, as SQL on `household h`. */
const householdScope = (ctx: RequestContext) => rowScopeSql(ctx.caller, 'Household', 'h.village_code');

export function createHouseholdLoaders(ctx: RequestContext) {
  return {
    /** One page of households per village, for village.households under a list of villages. */
    householdPageByVillage: new DataLoader<VillagePageKey, Page<HouseholdRow>, string>(
      (keys) => loadVillagePages(ctx, keys),
      { cacheKeyFn: (k) => `${k.villageCode}:${shapeOf(k)}` },
    ),
    householdCountByVillage: new DataLoader<string, number>(async (codes) => {
      const scope = householdScope(ctx);
      const found = await rows<{ villageCode: string; n: number }>(ctx, COUNT_BY_VILLAGE(scope.sql), [arrayLiteral(codes), ...scope.bindings]);
      const counts = new Map(found.map((r) => [r.villageCode, r.n]));
      return codes.map((code) => counts.get(code) ?? 0);
    }),
    householdById: householdsById(ctx, false),
    householdWithMembersById: householdsById(ctx, true),
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
      const scope = memberScope(ctx);
      const found = await rows<MemberColumns>(ctx, MEMBERS_BY_HOUSEHOLD(scope.sql), [arrayLiteral(ids), ...scope.bindings]);
      return groupByKey(ids, found.map(toMemberRow), (m) => m.household.id);
    }),
  };
}

function householdsById(ctx: RequestContext, withMembers: boolean) {
  return new DataLoader<number, HouseholdRow | null>(async (ids) => {
    const scope = householdScope(ctx);
    const columns = householdColumns(ctx, withMembers);
    const found = await rows<HouseholdColumns>(ctx, HOUSEHOLDS_BY_ID(scope.sql, columns.sql), [...columns.bindings, arrayLiteral(ids), ...scope.bindings]);
    const byId = new Map(toHouseholdRows(ctx, found).map((h) => [h.id, h]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Keys asking for the same page size, cursor and columns share one statement. */
async function loadVillagePages(ctx: RequestContext, keys: readonly VillagePageKey[]): Promise<Page<HouseholdRow>[]> {
  const pages = new Map<string, Page<HouseholdRow>>();
  const shapes = groupByKey([...new Set(keys.map(shapeOf))], keys, shapeOf);
  for (const group of shapes) {
    const { first, after, withMembers } = group[0];
    const codes = group.map((k) => k.villageCode);
    const scope = householdScope(ctx);
    const columns = householdColumns(ctx, withMembers);
    const found = await rows<HouseholdColumns>(ctx, VILLAGE_PAGES(scope.sql, columns.sql), [arrayLiteral(codes), ...columns.bindings, ...scope.bindings, after ?? 0, first + 1]);
    groupByKey(codes, toHouseholdRows(ctx, found), (h) => h.village.code).forEach((villageRows, i) => {
      const code = codes[i];
      pages.set(`${code}:${shapeOf(group[i])}`, toPage(villageRows, first, () => ctx.loaders.householdCountByVillage.load(code)));
    });
  }
  return keys.map((k) => pages.get(`${k.villageCode}:${shapeOf(k)}`)!);
}

const shapeOf = (k: VillagePageKey) => `${k.first}:${k.after ?? ''}:${k.withMembers}`;
