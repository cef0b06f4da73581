import type { RequestContext } from '../../context/request-context';
import { rows } from '../../db/read';
import { fenToYuan } from '../../graphql/money.scalar';
import { assertParameterYear, parameterInForceSql } from '../parameters';
import { rowScopeSql } from '../../policy/row-scope';
import type { DonationNoticeEntryType, DonationNoticeType, DonationTotalType, DonationType } from './donation.types';

/** Where no SMALL_CELL_MIN_HOUSEHOLDS is in force: three, the fewest for which no one household's figure follows from one other's. */
export const DEFAULT_MIN_HOUSEHOLDS = 3;

/** A year's gifts, not retracted, on the donation alias `d`; bindings: year, year. */
const IN_YEAR = `d.retracted_at is null and d.date >= make_date(?::int, 1, 1) and d.date < make_date(?::int + 1, 1, 1)`;

/**
 * An organisation that row-level security hides from the caller (a donor of another county
 * giving here) still gave: the notice names it as such rather than dropping its gift.
 */
const DONOR = `coalesce(o.name, '外地捐赠单位 a donor of another region')`;

/** Bindings: year, year, then the Donation row rule's. */
const DONATIONS = (scope: string) => `select d.external_id as "externalId", ${DONOR} as donor, d.target, d.village_code as "villageCode", h.number as "householdNumber",
    d.project, d.kind, d.amount_fen as amount, d.description, d.purpose, d.date::text as date, d.receipt_number as "receiptNumber"
  from donation d left join organisation o on o.id = d.organisation_id left join household h on h.id = d.household_id
  where ${IN_YEAR} and ${scope}
  order by d.date, d.id`;

/** The gifts of a year the caller may read: a donor its own, the poverty office and audit their region's. */
export function listDonations(ctx: RequestContext, year: number): Promise<DonationType[]> {
  assertParameterYear(year, 'year');
  const scope = rowScopeSql(ctx.caller, 'Donation', { alias: 'd', code: 'd.village_code' });
  return rows<DonationType>(ctx, DONATIONS(scope.sql), [year, year, ...scope.bindings]);
}

/**
 * Each donor's gifts of a year and the CPPCC plan's threshold for its kind (a committee group's
 * or an association's, chamber's or enterprise's), in force where the donor's first scope lies.
 * Sums as float8: bigint arrives as text, and fen stay exact to 2^53. Bindings: year, year, the
 * Donation row rule's, year.
 */
const TOTALS = (scope: string) => `select ${DONOR} as donor, o.role, k.year, t.count, t.amount, t.cash, t."inKind", p.value::float8 as threshold
  from (select d.organisation_id, count(*)::int as count, sum(d.amount_fen)::float8 as amount,
          coalesce(sum(d.amount_fen) filter (where d.kind = 'CASH'), 0)::float8 as cash,
          coalesce(sum(d.amount_fen) filter (where d.kind = 'IN_KIND'), 0)::float8 as "inKind"
        from donation d where ${IN_YEAR} and ${scope} group by d.organisation_id) t
  cross join (select ?::int as year) k
  left join organisation o on o.id = t.organisation_id
  left join lateral (${parameterInForceSql(
    `case o.role when 'CPPCC' then 'DONATION_AWARD_COMMITTEE_GROUP' else 'DONATION_AWARD_ASSOCIATION' end`,
    'o.scopes[1]',
    'k.year',
  )}) p on true
  order by t.amount desc, donor`;

export async function donationTotals(ctx: RequestContext, year: number): Promise<DonationTotalType[]> {
  assertParameterYear(year, 'year');
  const scope = rowScopeSql(ctx.caller, 'DonationTotal', { alias: 'd', code: 'd.village_code' });
  const found = await rows<Omit<DonationTotalType, 'met'>>(ctx, TOTALS(scope.sql), [year, year, ...scope.bindings, year]);
  return found.map((t) => ({ ...t, met: t.threshold === null ? null : t.amount >= t.threshold }));
}

/**
 * A village's notice of a year, in one statement: each gift to the village or a project as it
 * was given; each donor's gifts to households as one line of how many households and how much,
 * withheld (小数抑制) when from fewer households than the minimum in force. Lines per donor and
 * never across donors, nor a village total: a sum that held a withheld line beside the lines
 * shown would give the withheld one by subtraction (hasura#7660). Bindings: village code, the
 * DonationNotice row rule's, year (the parameter's), year, year.
 */

const NOTICE = (scope: string) => `with v as (
    select r.code, r.name from region r where r.code = ? and r.level = 'VILLAGE' and ${scope}
  ), m as (
    select coalesce((select x.value from (${parameterInForceSql(`'SMALL_CELL_MIN_HOUSEHOLDS'`, 'v.code', 'k.year')}) x), ${DEFAULT_MIN_HOUSEHOLDS})::int as min
    from v cross join (select ?::int as year) k
  ), gifts as (
    select d.*, ${DONOR} as donor from donation d join v on d.village_code = v.code left join organisation o on o.id = d.organisation_id where ${IN_YEAR}
  ), lines as (
    select donor, target, project, kind, description, null::int as households, amount_fen::float8 as amount, purpose, date::text as date, false as withheld
    from gifts where target <> 'HOUSEHOLD'
    union all
    select g.donor, 'HOUSEHOLD', null, null, null, case when g.n >= m.min then g.n end, case when g.n >= m.min then g.amount end,
      case when g.n >= m.min then g.purposes end, case when g.n >= m.min then g.last end, g.n < m.min
    from (select organisation_id, donor, count(distinct household_id)::int as n, sum(amount_fen)::float8 as amount,
            string_agg(distinct purpose, '; ') as purposes, max(date)::text as last
          from gifts where target = 'HOUSEHOLD' group by organisation_id, donor) g cross join m
  )
  select v.code as "villageCode", v.name as "villageName", m.min as "minHouseholds",
    coalesce((select json_agg(l order by l.date nulls last, l.donor, l.target) from lines l), '[]') as entries
  from v cross join m`;

export async function donationNotice(ctx: RequestContext, villageCode: string, year: number): Promise<Omit<DonationNoticeType, 'csv'> | null> {
  assertParameterYear(year, 'year');
  const scope = rowScopeSql(ctx.caller, 'DonationNotice', 'r.code');
  const [found] = await rows<Omit<DonationNoticeType, 'csv' | 'year'>>(ctx, NOTICE(scope.sql), [villageCode, ...scope.bindings, year, year, year]);
  return found ? { ...found, year } : null;
}

const TARGETS: Record<string, string> = { VILLAGE: '本村', HOUSEHOLD: '本村农户', PROJECT: '项目' };
const KINDS: Record<string, string> = { CASH: '资金', IN_KIND: '物资' };
const WITHHELD = '不予公示';

/** A cell as RFC 4180 quotes it; one a spreadsheet would run as a formula (=, +, -, @) is posted as text. */
function cell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The notice for posting 张榜公示: its own lines only, so it shows nothing the entries withhold. */
export function noticeCsv(notice: Omit<DonationNoticeType, 'csv'>): string {
  const header = ['捐赠单位 donor', '对象 target', '项目 project', '方式 kind', '物资 goods', '户数 households', '金额(元) yuan', '用途 purpose', '日期 date'];
  const line = (e: DonationNoticeEntryType) => [
    e.donor,
    TARGETS[e.target],
    e.project ?? '',
    e.kind ? KINDS[e.kind] : '',
    e.description ?? '',
    e.withheld ? WITHHELD : e.households == null ? '' : String(e.households),
    e.withheld ? WITHHELD : fenToYuan(e.amount!),
    e.withheld ? WITHHELD : (e.purpose ?? ''),
    e.withheld ? WITHHELD : (e.date ?? ''),
  ];
  const title = [`${notice.villageName} ${notice.year}年社会扶贫捐赠公示 (${notice.villageCode})`];
  return [title, header, ...notice.entries.map(line)].map((l) => l.map(cell).join(',')).join('\r\n') + '\r\n';
}
