import { Migration } from '@mikro-orm/migrations';

/**
 * Records partners own, written in batches (issue 11): the stored results of batches sent with a
 * batchId, and the education bureau's student aid and enrolments.
 *
 * Every record table has the same bookkeeping columns (the batch-sync engine, src/sync/, writes
 * them): the organisation that wrote it and its own externalId (unique together: the upsert's
 * conflict target, so two concurrent batches cannot duplicate a record), the member and household
 * it reaches, the household's village (the row-level security scope, as household's), the
 * measure's date and amount in fen, and a retraction with its reason.
 * Under row-level security a record is visible in the request's region scopes, as its household
 * is, and written only by the organisation of the request; nothing is ever deleted.
 */
export class Migration20261202000000_batch_sync_education extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table sync_batch (
        organisation_id integer not null references organisation (id),
        batch_id text not null,
        operation text not null,
        result jsonb not null,
        created_at timestamptz not null default now(),
        primary key (organisation_id, batch_id)
      );`);
    this.addSql(`alter table sync_batch enable row level security;`);
    this.addSql(`create policy sync_batch_own on sync_batch to jingzhun_app using (organisation_id = jingzhun_organisation_id()) with check (organisation_id = jingzhun_organisation_id());`);
    this.addSql(`revoke update, delete, truncate on sync_batch from jingzhun_app;`);

    const sectorColumns: [table: string, columns: string][] = [
      ['student_aid', `kind text not null, school text not null, academic_year text not null, term text not null, days integer`],
      ['enrolment', `school text not null, stage text not null, grade integer not null, status text not null`],
    ];
    for (const [table, columns] of sectorColumns) {
      this.addSql(`
        create table ${table} (
          id serial primary key,
          organisation_id integer not null references organisation (id),
          api_key_id integer references api_key (id),
          external_id text not null,
          member_id integer references member (id) on delete set null,
          household_id integer not null references household (id),
          village_code varchar(12) not null,
          date date not null,
          amount_fen integer,
          ${columns},
          retracted_at timestamptz,
          retraction_reason text,
          recorded_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          unique (organisation_id, external_id)
        );`);
      this.addSql(`create index ${table}_member_index on ${table} (member_id, date);`);
      this.addSql(`create index ${table}_household_index on ${table} (household_id, date);`);
      this.addSql(`create index ${table}_village_code_index on ${table} (village_code, id);`);
      this.addSql(`alter table ${table} enable row level security;`);
      this.addSql(
        `create policy ${table}_in_scope on ${table} to jingzhun_app using (${inScope('village_code')}) ` +
          `with check (${inScope('village_code')} and organisation_id = jingzhun_organisation_id());`,
      );
      this.addSql(`revoke delete, truncate on ${table} from jingzhun_app;`);
    }
  }
}

/** As migration 2026-12-01 20 writes it: an index range first, then the exact prefix test. */
function inScope(column: string): string {
  return (
    `${column} >= any (jingzhun_scope_prefixes()) and ${column} <= any (jingzhun_scope_upper_bounds())` +
    ` and ${column}::text ^@ any ((select jingzhun_scope_prefixes())::text[])`
  );
}
