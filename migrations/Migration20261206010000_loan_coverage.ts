import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes for the poverty office's small-loan coverage lists (src/modules/finance/loan-coverage.ts):
 * - overdue reports and issues each by region in id order, the lists' order, only the rows that
 *   are not retracted, so a page reads its own kind's records and no other;
 * - a loan's other records (what it owes, a later repayment) by the loan, live ones only;
 * - a household's issued loans, for the households without one (应贷尽贷).
 */
export class Migration20261206010000_loan_coverage extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index micro_loan_overdue_index on micro_loan (village_code, id) where kind = 'OVERDUE' and retracted_at is null;`);
    this.addSql(`create index micro_loan_issue_index on micro_loan (village_code, id) include (household_id) where kind = 'ISSUE' and retracted_at is null;`);
    this.addSql(`create index micro_loan_live_loan_index on micro_loan (organisation_id, loan_number, date) include (kind, amount_fen) where retracted_at is null;`);
    this.addSql(`create index micro_loan_household_issue_index on micro_loan (household_id) where kind = 'ISSUE' and retracted_at is null;`);
    this.addSql(`drop index micro_loan_loan_index;`);
  }
}
