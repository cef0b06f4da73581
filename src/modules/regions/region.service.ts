import DataLoader from 'dataloader';
import { groupByKey } from '../../context/batch';
import type { RequestContext } from '../../context/request-context';
import { badUserInput } from '../../errors/app-error';
import { pageRequest, toPage, type PageArgs, type Page } from '../../graphql/pagination';
import { arrayLiteral } from '../../db/array-literal';
import { rows } from '../../db/read';
import { codeFilterSql, rowScopeSql } from '../../policy/row-scope';
import { isRegionPrefix, REGION_CODE_PATTERN } from '../../kernel/region-code';
import { REGION_COLUMNS, toRegionRow, type RegionColumns, type RegionRow } from './region.rows';
import type { VillageFilter } from './region.types';

export const VILLAGE_LIST = 'village';

export function assertRegionPrefix(value: string, field: string): void {
  if (!isRegionPrefix(value)) throw badUserInput(`${field} must be a region-code prefix of 2 to 12 digits`, field);
}

/** A region by its full code, or null when it does not exist or lies outside the caller's scope. */
export async function findRegion(ctx: RequestContext, code: string): Promise<RegionRow | null> {
  if (!REGION_CODE_PATTERN.test(code)) throw badUserInput('code must be a 12-digit region code', 'code');
  return ctx.loaders.regionByCode.load(code);
}

export async function findVillage(ctx: RequestContext, code: string): Promise<RegionRow | null> {
  if (!REGION_CODE_PATTERN.test(code)) throw badUserInput('code must be a 12-digit village code', 'code');
  return ctx.loaders.villageByCode.load(code);
}

/** Villages in code order after the cursor; a filter left out binds null, as in the household list. */
const VILLAGE_WHERE = (scope: string, region: string) => `${scope} and r.level = 'VILLAGE' and ${region}
  and (?::text[] is null or r.poverty_status = any(?::text[]))`;

export async function listVillages(ctx: RequestContext, filter: VillageFilter | undefined, args: PageArgs): Promise<Page<RegionRow>> {
  const page = pageRequest(VILLAGE_LIST, args, (raw) => (REGION_CODE_PATTERN.test(raw) ? raw : undefined));
  if (filter?.regionCode !== undefined) assertRegionPrefix(filter.regionCode, 'filter.regionCode');
  const scope = rowScopeSql(ctx.caller, 'Village', 'r.code');
  const region = codeFilterSql('r.code', filter?.regionCode || undefined);
  const statuses = filter?.povertyStatus?.length ? arrayLiteral(filter.povertyStatus) : null;
  const where = { sql: VILLAGE_WHERE(scope.sql, region.sql), bindings: [...scope.bindings, ...region.bindings, statuses, statuses] };
  // Without a cursor the bound code is '': every code sorts after it.
  const found = await rows<RegionColumns>(
    ctx,
    `select ${REGION_COLUMNS} from region r where ${where.sql} and r.code > ? order by r.code limit ?`,
    [...where.bindings, page.after === undefined ? '' : String(page.after), page.first + 1],
  );
  return toPage(found.map(toRegionRow), page.first, async () => {
    const [{ n }] = await rows<{ n: number }>(ctx, `select count(*)::int as n from region r where ${where.sql}`, where.bindings);
    return n;
  });
}

const REGIONS_BY_CODE = (scope: string) => `select ${REGION_COLUMNS} from region r where r.code = any(?::text[]) and ${scope}`;
const VILLAGES_BY_CODE = (scope: string) => `${REGIONS_BY_CODE(scope)} and r.level = 'VILLAGE'`;
const CHILDREN = (scope: string) => `select ${REGION_COLUMNS} from region r where r.parent_code = any(?::text[]) and ${scope} order by r.code`;

/** Regions by code under the row rule of `type`: Region is public geography, Village carries poverty facts. */
function regionsByCode(ctx: RequestContext, type: 'Region' | 'Village') {
  return new DataLoader<string, RegionRow | null>(async (codes) => {
    const scope = rowScopeSql(ctx.caller, type, 'r.code');
    const found = await rows<RegionColumns>(ctx, (type === 'Village' ? VILLAGES_BY_CODE : REGIONS_BY_CODE)(scope.sql), [arrayLiteral(codes), ...scope.bindings]);
    const byCode = new Map(found.map((r) => [r.code, toRegionRow(r)]));
    return codes.map((code) => byCode.get(code) ?? null);
  });
}

export function createRegionLoaders(ctx: RequestContext) {
  return {
    regionByCode: regionsByCode(ctx, 'Region'),
    villageByCode: regionsByCode(ctx, 'Village'),
    regionChildren: new DataLoader<string, RegionRow[]>(async (parents) => {
      const scope = rowScopeSql(ctx.caller, 'Region', 'r.code');
      const found = await rows<RegionColumns>(ctx, CHILDREN(scope.sql), [arrayLiteral(parents), ...scope.bindings]);
      return groupByKey(parents, found.map(toRegionRow), (r) => r.parent?.code ?? '');
    }),
  };
}
