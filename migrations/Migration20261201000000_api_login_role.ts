import { Migration } from '@mikro-orm/migrations';

/**
 * The API logs in as jingzhun_api: a role that owns nothing, holds no attribute beyond LOGIN and
 * is a member of jingzhun_app only, so the row-level security policies and table privileges
 * written for jingzhun_app apply to it and it cannot become the owner. Migrations and seeding
 * run as the owner, on a connection of their own. An operator gives the role a password
 * (`alter role jingzhun_api password '…'`) where the server asks for one.
 */
export class Migration20261201000000_api_login_role extends Migration {
  override async up(): Promise<void> {
    // Roles are shared by every database of the server: another database may have made it already.
    this.addSql(`
      do $$ begin
        create role jingzhun_api login nosuperuser nocreatedb nocreaterole noreplication nobypassrls inherit;
      exception when duplicate_object or unique_violation then null;
      end $$;`);
    this.addSql(`grant jingzhun_app to jingzhun_api;`);
  }
}
