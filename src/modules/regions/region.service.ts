import DataLoader from 'dataloader';
import { groupByKey } from '../../context/batch';
import type { RequestContext } from '../../context/request-context';
import { badUserInput } from '../../errors/app-error';
import { pageRequest, toPage, type PageArgs, type Page } from '../../graphql/pagination';
import { rowScope } from '../../policy/row-scope';
import { isRegionPrefix, REGION_CODE_PATTERN } from './region-code';
import { Region } from './region.entity';
import { RegionLevel } from './region.enums';
import type { VillageFilter } from './region.types';

export const VILLAGE_LIST = 'village';

export function assertRegionPrefix(value: string, field: string): void {
  if (!isRegionPrefix(value)) throw badUserInput(`${field} must be a region-code prefix of 2 to 12 digits`, field);
}

/** A region by its full code, or null when it does not exist or lies outside the caller's scope. */
export async function findRegion(ctx: RequestContext, code: string): Promise<Region | null> {
  if (!REGION_CODE_PATTERN.test(code)) throw badUserInput('code must be a 12-digit region code', 'code');
  return ctx.loaders.regionByCode.load(code);
}

export async function findVillage(ctx: RequestContext, code: string): Promise<Region | null> {
  if (!REGION_CODE_PATTERN.test(code)) throw badUserInput('code must be a 12-digit village code', 'code');
  return ctx.loaders.villageByCode.load(code);
}

export async function listVillages(ctx: RequestContext, filter: VillageFilter | undefined, args: PageArgs): Promise<Page<Region>> {
  const page = pageRequest(VILLAGE_LIST, args, (raw) => (REGION_CODE_PATTERN.test(raw) ? raw : undefined));
  if (filter?.regionCode !== undefined) assertRegionPrefix(filter.regionCode, 'filter.regionCode');
  const where = {
    $and: [
      rowScope(ctx.caller, 'Village', 'code'),
      { level: RegionLevel.VILLAGE },
      ...(filter?.regionCode ? [{ code: { $like: `${filter.regionCode}%` } }] : []),
      ...(filter?.povertyStatus?.length ? [{ povertyStatus: { $in: filter.povertyStatus } }] : []),
    ],
  };
  const rows = await ctx.em.find(
    Region,
    page.after ? { $and: [where, { code: { $gt: String(page.after) } }] } : where,
    { orderBy: { code: 'asc' }, limit: page.first + 1 },
  );
  return toPage(rows, page.first, () => ctx.em.count(Region, where));
}

/** Regions by code under the row rule of `type`: Region is public geography, Village carries poverty facts. */
function regionsByCode(ctx: RequestContext, type: 'Region' | 'Village') {
  return new DataLoader<string, Region | null>(async (codes) => {
    const rows = await ctx.em.find(Region, {
      $and: [rowScope(ctx.caller, type, 'code'), { code: { $in: [...codes] } }, ...(type === 'Village' ? [{ level: RegionLevel.VILLAGE }] : [])],
    });
    const byCode = new Map(rows.map((r) => [r.code, r]));
    return codes.map((code) => byCode.get(code) ?? null);
  });
}

export function createRegionLoaders(ctx: RequestContext) {
  return {
    regionByCode: regionsByCode(ctx, 'Region'),
    villageByCode: regionsByCode(ctx, 'Village'),
    regionChildren: new DataLoader<string, Region[]>(async (parents) => {
      const rows = await ctx.em.find(
        Region,
        { $and: [rowScope(ctx.caller, 'Region', 'code'), { parent: { code: { $in: [...parents] } } }] },
        { orderBy: { code: 'asc' } },
      );
      return groupByKey(parents, rows, (r) => r.parent?.code ?? '');
    }),
  };
}
