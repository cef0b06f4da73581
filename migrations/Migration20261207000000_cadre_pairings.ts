import { Migration } from '@mikro-orm/migrations';
import { inScope } from './partner-records';

/**
 * Cadres paired with households (结对帮扶, issue 13): backing units (后盾单位) log in as
 * organisations of the new role BACKING_UNIT; their cadres (帮扶责任人), the village work teams
 * (驻村工作队) with their first secretary (第一书记), the pairings of a cadre with a household and
 * the visits (走访) logged on them. A pairing is never deleted: it ends, with a reason, so a
 * household that changes cadre keeps its history; at most one pairing of a household is active.
 * Every table carries the region code row-level security scopes it by (the county boundary),
 * and the unit (organisation_id) whose rows a BACKING_UNIT caller sees; nothing is ever deleted.
 * Visits have the batch-sync engine's bookkeeping columns (migration 2026-12-02 00), so that a
 * batch of them is upserted by externalId like any sector's records.
 */
export class Migration20261207000000_cadre_pairings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table organisation drop constraint organisation_role_check;`);
    this.addSql(`alter table organisation add constraint organisation_role_check check (role in ('POVERTY_OFFICE','EDUCATION','HEALTH','FINANCE','CIVIL_AFFAIRS',
      'HOUSING','EMPLOYMENT','CPPCC','BUSINESS_ASSOCIATION','AUDITOR','BACKING_UNIT'));`);
    this.addSql(`
      create table cadre (
        id serial primary key,
        organisation_id integer not null references organisation (id),
        region_code varchar(12) not null,
        name text not null,
        title text,
        unit_head boolean not null default false,
        created_at timestamptz not null default now()
      );`);
    this.addSql(`create index cadre_unit_index on cadre (organisation_id, id);`);
    this.addSql(`create index cadre_region_code_index on cadre (region_code, id);`);
    this.addSql(`
      create table work_team (
        id serial primary key,
        organisation_id integer not null references organisation (id),
        village_code varchar(12) not null references region (code),
        first_secretary_id integer not null references cadre (id),
        since date not null,
        ended_on date,
        created_at timestamptz not null default now()
      );`);
    this.addSql(`create unique index work_team_active_village on work_team (village_code) where ended_on is null;`);
    this.addSql(`
      create table cadre_pairing (
        id serial primary key,
        cadre_id integer not null references cadre (id),
        organisation_id integer not null references organisation (id),
        household_id integer not null references household (id),
        village_code varchar(12) not null,
        since date not null,
        ended_on date,
        end_reason text,
        created_at timestamptz not null default now(),
        check ((ended_on is null) = (end_reason is null)),
        check (ended_on is null or ended_on >= since)
      );`);
    // One active cadre per household: a second pairCadre while one is active is refused by the index, not by a race.
    this.addSql(`create unique index cadre_pairing_active_household on cadre_pairing (household_id) where ended_on is null;`);
    this.addSql(`create index cadre_pairing_household_index on cadre_pairing (household_id, since);`);
    this.addSql(`create index cadre_pairing_cadre_active on cadre_pairing (cadre_id) where ended_on is null;`);
    this.addSql(`create index cadre_pairing_unit_active on cadre_pairing (organisation_id, household_id) where ended_on is null;`);
    this.addSql(`create index cadre_pairing_village_active on cadre_pairing (village_code, id) where ended_on is null;`);
    this.addSql(`
      create table pairing_visit (
        id serial primary key,
        organisation_id integer not null references organisation (id),
        api_key_id integer references api_key (id),
        external_id text not null,
        member_id integer references member (id) on delete set null,
        household_id integer not null references household (id),
        village_code varchar(12) not null,
        date date not null,
        amount_fen integer,
        pairing_id integer not null references cadre_pairing (id),
        unit_id integer not null references organisation (id),
        findings text not null,
        measures_discussed text not null,
        -- The unit's head (主要负责人) came on this visit: the seeds want them in each village once a quarter.
        unit_head_present boolean not null default false,
        retracted_at timestamptz,
        retraction_reason text,
        recorded_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (organisation_id, external_id)
      );`);
    this.addSql(`create index pairing_visit_pairing_index on pairing_visit (pairing_id, date);`);
    this.addSql(`create index pairing_visit_household_index on pairing_visit (household_id, date);`);
    // The unit heads' visits since a day (workTeamsWithoutUnitHeadVisit), a few among the cadres' many.
    this.addSql(`create index pairing_visit_unit_head_index on pairing_visit (date, village_code, unit_id) where unit_head_present and retracted_at is null;`);
    // Households not yet out of poverty (a few in a hundred) of a region, without reading the others (uncoveredHouseholds).
    this.addSql(`create index household_status_village_index on household (status, village_code, id);`);
    for (const [table, column] of [['cadre', 'region_code'], ['work_team', 'village_code'], ['cadre_pairing', 'village_code'], ['pairing_visit', 'village_code']]) {
      this.addSql(`alter table ${table} enable row level security;`);
      this.addSql(`create policy ${table}_in_scope on ${table} to jingzhun_app using (${inScope(column)}) with check (${inScope(column)});`);
      this.addSql(`revoke delete, truncate on ${table} from jingzhun_app;`);
    }
  }
}
