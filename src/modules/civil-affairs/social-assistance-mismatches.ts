import { chinaToday } from '../../config/clock';
import type { RequestContext } from '../../context/request-context';
import { rows } from '../../db/read';
import { integerKey, pageRequest, toPage, type Page, type PageArgs } from '../../graphql/pagination';
import { codeFilterSql, rowScopeSql } from '../../policy/row-scope';
import { measureSelect, toMeasureRow, type RecordColumns } from '../../sync/measures';
import type { SocialAssistanceRow } from './civil-affairs.rows';

/**
 * 低保 in force today (not retracted, no last day or one not yet passed) whose household is
 * registered (not REMOVED) as GENERAL 一般贫困户: the registry says the household is not a 低保
 * household, civil affairs pays it one. Which is wrong is for the poverty office to find out
 * (DOMAIN.md, Oversight: 数据比对), so it is listed, not refused at the write. Read by region in
 * the records' order (social_assistance_allowance_index), under the caller's row rule on
 * SocialAssistance. Bindings: today, the region's, the row rule's.
 */
function where(ctx: RequestContext, regionCode: string | undefined) {
  const region = codeFilterSql('s.village_code', regionCode);
  const scope = rowScopeSql(ctx.caller, 'SocialAssistance', { alias: 's', code: 's.village_code' });
  return {
    sql: `s.kind = 'SUBSISTENCE_ALLOWANCE' and s.retracted_at is null and (s.valid_until is null or s.valid_until >= ?::date) and ${region.sql} and ${scope.sql}
      and exists (select 1 from household h where h.id = s.household_id and h.category = 'GENERAL' and h.status <> 'REMOVED')`,
    bindings: [chinaToday(), ...region.bindings, ...scope.bindings],
  };
}

export async function socialAssistanceMismatches(ctx: RequestContext, regionCode: string | undefined, args: PageArgs): Promise<Page<SocialAssistanceRow>> {
  const page = pageRequest('socialAssistanceMismatches', args, integerKey);
  const w = where(ctx, regionCode);
  const found = await rows<RecordColumns>(
    ctx,
    `select ${measureSelect('SocialAssistance', 's')} from social_assistance s where ${w.sql} and s.id > ? order by s.id limit ?`,
    [...w.bindings, Number(page.after ?? 0), page.first + 1],
  );
  return toPage(found.map((c) => toMeasureRow(c) as SocialAssistanceRow), page.first, async () => {
    const [{ n }] = await rows<{ n: number }>(ctx, `select count(*)::int as n from social_assistance s where ${w.sql}`, w.bindings);
    return n;
  });
}
