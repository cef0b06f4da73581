import { Migration } from '@mikro-orm/migrations';

/**
 * The employment and industry sectors' records (issue 12): employment support from the human
 * resources bureau and industry support from the poverty office, with the bookkeeping columns
 * every record table has (migration 2026-12-02 00, whose shape the batch-sync engine writes; a
 * migration states its tables in full, since it must not change when code does). Under row-level
 * security a record is visible in the request's region scopes, as its household is, and written
 * only by the organisation of the request; nothing is ever deleted. One migration for both, so
 * that the record table's shape is stated once more, not twice.
 */
export class Migration20261205000000_employment_industry extends Migration {
  override async up(): Promise<void> {
    const sectorColumns: [table: string, columns: string][] = [
      ['employment_support', `kind text not null, title text not null, until date, out_of_province boolean, hours integer, certificate text`],
      ['industry_support', `kind text not null, project text not null`],
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
