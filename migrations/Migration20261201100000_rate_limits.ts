import { Migration } from '@mikro-orm/migrations';

/**
 * Rate limits and duplicate registrations (docs/security.md, "Rate limits").
 * organisation.requests_per_minute / lookups_per_hour: the poverty office's values for one
 * organisation; null means the server's default. access_log gains REGISTRATION: an attempt to
 * register a person already registered, logged where the holder's auditors see it.
 */
export class Migration20261201100000_rate_limits extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table organisation
        add column requests_per_minute integer check (requests_per_minute between 1 and 60000),
        add column lookups_per_hour integer check (lookups_per_hour between 1 and 100000);`);
    this.addSql(`comment on column organisation.requests_per_minute is 'requests a minute per API key of the organisation; null: the default';`);
    this.addSql(`comment on column organisation.lookups_per_hour is 'people looked up by ID number an hour by the organisation; null: the default';`);

    this.addSql(`alter table access_log drop constraint access_log_lookup_check;`);
    this.addSql(`alter table access_log add constraint access_log_lookup_check check (lookup in ('MEMBER', 'LOAN_ELIGIBILITY', 'REGISTRATION'));`);

    // The registering office may not see, nor write a trace into, another county's rows; the
    // holder's auditors must see the attempt all the same. This function does exactly that and
    // returns only which of the given ID numbers are registered: no county, household or name.
    this.addSql(`
      create function jingzhun_log_registration_attempt(id_numbers text[], by_organisation integer, by_api_key integer, attempt text)
      returns setof text language sql security definer set search_path = pg_catalog, public as $$
        insert into access_log (organisation_id, api_key_id, lookup, id_number, region_code, purpose, found)
        select by_organisation, by_api_key, 'REGISTRATION', m.id_number, h.village_code, attempt, true
        from member m join household h on h.id = m.household_id
        where m.id_number = any (id_numbers)
        returning id_number
      $$;`);
    this.addSql(`revoke all on function jingzhun_log_registration_attempt(text[], integer, integer, text) from public;`);
    this.addSql(`grant execute on function jingzhun_log_registration_attempt(text[], integer, integer, text) to jingzhun_app;`);
  }
}
