import { Migration } from '@mikro-orm/migrations';

/**
 * The registry's rules (建档立卡动态管理): the facts the exit test and identification look at,
 * each household's identification record (五看五不录六优先), and the dated history of every
 * status change with its reason and actor.
 */
export class Migration20261123040000_household_rules extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table household
        add column food_and_clothing_secure boolean,
        add column safe_drinking_water boolean,
        add column housing_grade text check (housing_grade in ('A', 'B', 'C', 'D')),
        add column priority_score smallint not null default 0 check (priority_score between 0 and 6);`);
    this.addSql(`create index household_priority_index on household (priority_score desc, id);`);

    this.addSql(`
      create table household_identification (
        household_id integer primary key references household (id) on delete cascade,
        motor_vehicle boolean not null,
        newly_built_house boolean not null,
        urban_commercial_housing boolean not null,
        public_servant_member boolean not null,
        registered_business boolean not null,
        disaster_victim boolean not null,
        durable_goods boolean,
        excluded_by text[] not null default '{}',
        override_justification text,
        assessed_at timestamptz not null default now(),
        check (cardinality(excluded_by) = 0 or override_justification is not null)
      );`);

    this.addSql(`
      create table household_status_change (
        id bigint generated always as identity primary key,
        household_id integer not null references household (id) on delete cascade,
        kind text not null check (kind in ('IDENTIFICATION', 'STATUS', 'MEMBER_ADDED', 'MEMBER_REMOVED', 'MERGE')),
        from_status text,
        to_status text not null,
        reason text not null check (length(btrim(reason)) >= 2),
        effective_date date not null,
        organisation_id integer not null references organisation (id),
        override_justification text,
        failed_items text[] not null default '{}',
        recorded_at timestamptz not null default clock_timestamp()
      );`);
    this.addSql(`create index household_status_change_household_index on household_status_change (household_id, id);`);

    for (const table of ['household_identification', 'household_status_change']) {
      this.addSql(`alter table ${table} enable row level security;`);
      this.addSql(`
        create policy ${table}_in_scope on ${table} to jingzhun_app
          using (exists (select 1 from household h where h.id = ${table}.household_id))
          with check (exists (select 1 from household h where h.id = ${table}.household_id));`);
    }
  }
}
