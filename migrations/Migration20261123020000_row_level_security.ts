import { Migration } from '@mikro-orm/migrations';

/**
 * Defence in depth: the county boundary enforced by PostgreSQL itself. Each API request runs in a
 * transaction as the role jingzhun_app, with its organisation's scope prefixes in the
 * transaction-local setting jingzhun.scope_patterns ('430923%,430981%'); rows outside them are
 * invisible and unwritable whatever SQL the application sends. The owner (migrations, seeding,
 * authentication) is not subject to the policies.
 */
export class Migration20261123020000_row_level_security extends Migration {
  override async up(): Promise<void> {
    // Roles are shared by every database of the server: another database may have made it already.
    this.addSql(`
      do $$ begin
        create role jingzhun_app nologin;
      exception when duplicate_object or unique_violation then null;
      end $$;`);
    this.addSql(`grant jingzhun_app to current_user;`);
    this.addSql(`grant usage on schema public to jingzhun_app;`);
    this.addSql(`grant select, insert, update, delete on all tables in schema public to jingzhun_app;`);
    this.addSql(`grant usage, select on all sequences in schema public to jingzhun_app;`);
    this.addSql(`alter default privileges in schema public grant select, insert, update, delete on tables to jingzhun_app;`);
    this.addSql(`alter default privileges in schema public grant usage, select on sequences to jingzhun_app;`);

    this.addSql(`
      create function jingzhun_in_scope(code text) returns boolean language sql stable as $$
        select coalesce(code like any (string_to_array(nullif(current_setting('jingzhun.scope_patterns', true), ''), ',')), false)
      $$;`);

    const byCode: [table: string, column: string][] = [
      ['region', 'code'],
      ['household', 'village_code'],
      ['organisation_pairing', 'village_code'],
      ['audit_entry', 'region_code'],
      ['access_log', 'region_code'],
    ];
    for (const [table, column] of byCode) {
      this.addSql(`alter table ${table} enable row level security;`);
      this.addSql(`create policy ${table}_in_scope on ${table} to jingzhun_app using (jingzhun_in_scope(${column})) with check (jingzhun_in_scope(${column}));`);
    }
    this.addSql(`alter table member enable row level security;`);
    this.addSql(`
      create policy member_in_scope on member to jingzhun_app
        using (exists (select 1 from household h where h.id = member.household_id))
        with check (exists (select 1 from household h where h.id = member.household_id));`);
  }
}
