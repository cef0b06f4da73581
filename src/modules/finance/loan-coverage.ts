import type { RequestContext } from '../../context/request-context';
import { rows, type Binding } from '../../db/read';
import { integerKey, pageRequest, toPage, type Page, type PageArgs } from '../../graphql/pagination';
import { codeFilterSql, rowScopeSql } from '../../policy/row-scope';
import { measureSelect, toMeasureRow, type RecordColumns } from '../../sync/measures';
import { HOUSEHOLD_COLUMNS, toHouseholdRow, type HouseholdColumns, type HouseholdRow } from '../households';
import { BORROWING_AGES } from './loan.rules';
import type { MicroLoanRow } from './loan.rows';

/**
 * The poverty office's coverage lists of small loans (应贷尽贷 and the loans to watch), each paged
 * by id with its count, by region (a prefix within the caller's scope) and under the caller's row
 * rule. A loan's standing is the rule of jingzhun_household_loan_standing (migration 2026-12-06
 * 00): it owes what was issued less repaid and written off, and is overdue while its latest
 * overdue report is not followed by a repayment, renewal or write-off.
 */

/** The other records of the loan of record `l`, not retracted, by the loan index (organisation_id, loan_number). */
const OF_THE_LOAN = (o: string) => `from micro_loan ${o} where ${o}.organisation_id = l.organisation_id and ${o}.loan_number = l.loan_number and ${o}.retracted_at is null`;
/** What the loan of record `l` still owes, in fen. */
const OWED = `(select coalesce(sum(case when o.kind = 'ISSUE' then o.amount_fen when o.kind in ('REPAYMENT', 'WRITE_OFF') then -o.amount_fen else 0 end), 0) ${OF_THE_LOAN('o')})`;

type Where = { sql: string; bindings: Binding[] };

function loanWhere(ctx: RequestContext, regionCode: string | undefined, condition: string): Where {
  const region = codeFilterSql('l.village_code', regionCode);
  const scope = rowScopeSql(ctx.caller, 'MicroLoan', { alias: 'l', code: 'l.village_code' });
  return { sql: `${condition} and l.retracted_at is null and ${region.sql} and ${scope.sql}`, bindings: [...region.bindings, ...scope.bindings] };
}

/** Records of `l` the where selects, one page in id order, and their count when asked. */
async function loanPage(ctx: RequestContext, list: string, w: Where, args: PageArgs): Promise<Page<MicroLoanRow>> {
  const page = pageRequest(list, args, integerKey);
  const found = await rows<RecordColumns>(ctx, `select ${measureSelect('MicroLoan', 'l')} from micro_loan l where ${w.sql} and l.id > ? order by l.id limit ?`, [
    ...w.bindings,
    Number(page.after ?? 0),
    page.first + 1,
  ]);
  return toPage(found.map((c) => toMeasureRow(c) as MicroLoanRow), page.first, () => count(ctx, `select count(*)::int as n from micro_loan l where ${w.sql}`, w.bindings));
}

/** Overdue loans 逾期贷款: the overdue reports that still stand, of loans that still owe (micro_loan_overdue_index). */
export function overdueLoans(ctx: RequestContext, regionCode: string | undefined, args: PageArgs): Promise<Page<MicroLoanRow>> {
  const standing = `l.kind = 'OVERDUE' and ${OWED} > 0
    and not exists (select 1 ${OF_THE_LOAN('later')} and (later.kind = 'OVERDUE' and (later.date, later.id) > (l.date, l.id) or later.kind in ('REPAYMENT', 'RENEWAL', 'WRITE_OFF') and later.date > l.date))`;
  return loanPage(ctx, 'overdueLoans', loanWhere(ctx, regionCode, standing), args);
}

/** Loans still owing whose borrower's household has exited (脱贫) or been removed (清退): the issue of each (micro_loan_issue_index). */
export function loansOfDepartedHouseholds(ctx: RequestContext, regionCode: string | undefined, args: PageArgs): Promise<Page<MicroLoanRow>> {
  const departed = `l.kind = 'ISSUE' and ${OWED} > 0 and exists (select 1 from household h where h.id = l.household_id and h.status in ('EXITED', 'REMOVED'))`;
  return loanPage(ctx, 'loansOfDepartedHouseholds', loanWhere(ctx, regionCode, departed), args);
}

/**
 * 应贷尽贷: registered households (not removed) with a member of borrowing age with labour
 * capacity, to whom no bank has issued a small loan (no issue, not retracted, of any bank), in id
 * order. The household's row rule decides whom the caller sees. Bindings: the ages, region, scope.
 */
function withoutLoansWhere(ctx: RequestContext, regionCode: string | undefined, today: string): Where {
  const region = codeFilterSql('h.village_code', regionCode);
  const scope = rowScopeSql(ctx.caller, 'Household', 'h.village_code');
  const [youngest, oldest] = BORROWING_AGES;
  return {
    sql: `h.status <> 'REMOVED' and ${region.sql} and ${scope.sql}
      and exists (select 1 from member m where m.household_id = h.id and m.labour_capacity in ('ORDINARY', 'SKILLED', 'WEAK')
        and m.birth_date <= ?::date - make_interval(years => ?) and m.birth_date > ?::date - make_interval(years => ?))
      and not exists (select 1 from micro_loan l where l.household_id = h.id and l.kind = 'ISSUE' and l.retracted_at is null)`,
    bindings: [...region.bindings, ...scope.bindings, today, youngest, today, oldest + 1],
  };
}

export async function householdsWithoutLoans(ctx: RequestContext, regionCode: string | undefined, today: string, args: PageArgs): Promise<Page<HouseholdRow>> {
  const page = pageRequest('householdsWithoutLoans', args, integerKey);
  const w = withoutLoansWhere(ctx, regionCode, today);
  const found = await rows<HouseholdColumns>(ctx, `select ${HOUSEHOLD_COLUMNS} from household h where ${w.sql} and h.id > ? order by h.id limit ?`, [
    ...w.bindings,
    Number(page.after ?? 0),
    page.first + 1,
  ]);
  return toPage(found.map(toHouseholdRow), page.first, () => count(ctx, `select count(*)::int as n from household h where ${w.sql}`, w.bindings));
}

async function count(ctx: RequestContext, sql: string, bindings: Binding[]): Promise<number> {
  const [{ n }] = await rows<{ n: number }>(ctx, sql, bindings);
  return n;
}
