import { Migration } from '@mikro-orm/migrations';
import { partnerRecordSecurity, recordTable } from './partner-records';

/**
 * The employment and industry sectors' records (issue 12): employment support from the human
 * resources bureau and industry support from the poverty office, with the bookkeeping columns
 * every record table has (migration 2026-12-02 00, whose shape the batch-sync engine writes; a
 * migration's SQL must not change when code does: partner-records.ts is frozen with it). Under
 * row-level security a record is visible in the request's region scopes, as its household is, and
 * written only by the organisation of the request; nothing is ever deleted.
 */
export class Migration20261205000000_employment_industry extends Migration {
  override async up(): Promise<void> {
    const sectorColumns: [table: string, columns: string][] = [
      ['employment_support', `kind text not null, title text not null, until date, out_of_province boolean, hours integer, certificate text`],
      ['industry_support', `kind text not null, project text not null`],
    ];
    for (const [table, columns] of sectorColumns) {
      for (const sql of [...recordTable(table, columns), ...partnerRecordSecurity(table)]) this.addSql(sql);
    }
  }
}
