import { Migration } from '@mikro-orm/migrations';
import { inScope, partnerRecordSecurity, recordTable } from './partner-records';

/**
 * Banks' small loans 扶贫小额信贷 (issue 12): one row per event of a loan (its issue, a renewal, a
 * repayment, an overdue report, a write-off by the risk compensation fund), keyed by the bank's
 * externalId for the event and grouped into a loan by the bank's loan_number, with the bookkeeping
 * columns every record table has (migration 2026-12-02 00). Row-level security as for every
 * sector's records: visible in the request's region scopes, written only by the request's
 * organisation; nothing is ever deleted.
 *
 * A bank may read only its own loans (the application's row rule), yet its eligibility check must
 * count what the household owes every bank. jingzhun_household_loan_standing(household) runs as
 * the owner, which row-level security does not restrict, and returns two aggregates only (the
 * outstanding principal of the household's loans, and how many of them are overdue), never a
 * row, a bank or a loan: so no caller learns which bank lent. It still answers only for a
 * household inside the request's scopes, as the audit log's verification answers only verdicts.
 */
export class Migration20261206000000_micro_loans extends Migration {
  override async up(): Promise<void> {
    const own = ['loan_number text not null', 'kind text not null', 'term_months integer', 'rate_basis_points integer', 'purpose text', 'interest_subsidised boolean', 'overdue_days integer'];
    for (const sql of recordTable('micro_loan', own.join(',\n        '))) this.addSql(sql);
    this.addSql(`create index micro_loan_loan_index on micro_loan (organisation_id, loan_number);`);
    for (const sql of partnerRecordSecurity('micro_loan')) this.addSql(sql);

    // A loan's outstanding principal: issued, less repaid and written off (a renewal carries it on).
    // It is overdue while its latest overdue report is not followed by a repayment, renewal or write-off.
    this.addSql(`
      create function jingzhun_household_loan_standing(target integer)
      returns table (outstanding_fen bigint, overdue_loans integer)
      language sql stable security definer set search_path = public, pg_temp as $$
        with loan as (
          select greatest(coalesce(sum(l.amount_fen) filter (where l.kind = 'ISSUE'), 0)
                   - coalesce(sum(l.amount_fen) filter (where l.kind in ('REPAYMENT', 'WRITE_OFF')), 0), 0) as outstanding,
                 max(l.date) filter (where l.kind = 'OVERDUE') as overdue_on,
                 max(l.date) filter (where l.kind in ('REPAYMENT', 'RENEWAL', 'WRITE_OFF')) as settled_on
          from micro_loan l
          where l.household_id = target and l.retracted_at is null and ${inScope('l.village_code')}
          group by l.organisation_id, l.loan_number
        )
        select coalesce(sum(outstanding), 0)::bigint,
               (count(*) filter (where overdue_on is not null and outstanding > 0 and (settled_on is null or settled_on <= overdue_on)))::int
        from loan
      $$;`);
    this.addSql(`revoke execute on function jingzhun_household_loan_standing(integer) from public;`);
    this.addSql(`grant execute on function jingzhun_household_loan_standing(integer) to jingzhun_app;`);
  }
}
