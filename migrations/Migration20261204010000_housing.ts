import { Migration } from '@mikro-orm/migrations';

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
    this.addSql(`
      create table housing_measure (
        id serial primary key,
        organisation_id integer not null references organisation (id),
        api_key_id integer references api_key (id),
        external_id text not null,
        member_id integer references member (id) on delete set null,
        household_id integer not null references household (id),
        village_code varchar(12) not null,
        date date not null,
        amount_fen integer,
        kind text not null check (kind in ('ASSESSMENT', 'RENOVATION', 'RELOCATION')),
        grade text check (grade in ('A', 'B', 'C', 'D')),
        assessor text,
        completed_on date,
        site text,
        retracted_at timestamptz,
        retraction_reason text,
        recorded_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (organisation_id, external_id),
        constraint housing_measure_assessment check (kind <> 'ASSESSMENT' or (grade is not null and assessor is not null)),
        constraint housing_measure_relocation check (kind <> 'RELOCATION' or site is not null)
      );`);
    this.addSql(`create index housing_measure_member_index on housing_measure (member_id, date);`);
    this.addSql(`create index housing_measure_household_index on housing_measure (household_id, date);`);
    this.addSql(`create index housing_measure_village_code_index on housing_measure (village_code, id);`);
    this.addSql(`alter table housing_measure enable row level security;`);
    this.addSql(
      `create policy housing_measure_in_scope on housing_measure to jingzhun_app using (${inScope('village_code')}) ` +
        `with check (${inScope('village_code')} and organisation_id = jingzhun_organisation_id());`,
    );
    this.addSql(`revoke delete, truncate on housing_measure from jingzhun_app;`);
  }
}

/** As migration 2026-12-01 20 writes it: an index range first, then the exact prefix test. */
function inScope(column: string): string {
  return (
    `${column} >= any (jingzhun_scope_prefixes()) and ${column} <= any (jingzhun_scope_upper_bounds())` +
    ` and ${column}::text ^@ any ((select jingzhun_scope_prefixes())::text[])`
  );
}
