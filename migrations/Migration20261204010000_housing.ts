import { Migration } from '@mikro-orm/migrations';
import { partnerRecordSecurity, recordTable } from './partner-records';

/**
 * The housing sector's records (issue 12): house-safety assessments, renovations and relocations
 * in one table, told apart by kind, since a bureau sends them in one batch; each kind's own
 * columns are empty for the others. The bookkeeping columns are every record table's (migration
 * 2026-12-02 00, whose shape the batch-sync engine writes); the date is the assessment, the start
 * of works or the move-in, the amount a renovation's subsidy. Under row-level security a record
 * is visible in the request's region scopes, as its household is, and written only by the
 * organisation of the request; nothing is ever deleted.
 */
export class Migration20261204010000_housing extends Migration {
  override async up(): Promise<void> {
    const own = [
      `kind text not null check (kind in ('ASSESSMENT', 'RENOVATION', 'RELOCATION'))`,
      `grade text check (grade in ('A', 'B', 'C', 'D'))`,
      'assessor text',
      'completed_on date',
      'site text',
    ].join(',\n        ');
    const constraints = [
      `constraint housing_measure_assessment check (kind <> 'ASSESSMENT' or (grade is not null and assessor is not null))`,
      `constraint housing_measure_relocation check (kind <> 'RELOCATION' or site is not null)`,
    ];
    for (const sql of recordTable('housing_measure', own, constraints)) this.addSql(sql);
    for (const sql of partnerRecordSecurity('housing_measure')) this.addSql(sql);
  }
}
