import { Migration } from '@mikro-orm/migrations';

/**
 * A county's oversight reads who tried to register one of its people again: the organisation
 * behind a REGISTRATION entry in its access log, though that organisation's scopes lie elsewhere.
 * A second permissive policy, OR'd with organisation_read; the subquery sees only the access-log
 * rows in the request's scopes, so nothing else of other counties' organisations becomes visible.
 * The attempt's author is now the request's own organisation (jingzhun.organisation_id, set with
 * the scope, migration 2026-12-01 01) and a key of it, not whatever the caller passes.
 */
export class Migration20261201110000_registration_trace_authors extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index access_log_registration_index on access_log (organisation_id) where lookup = 'REGISTRATION';`);
    this.addSql(`
      create policy organisation_tried_registration on organisation for select to jingzhun_app
        using (exists (select 1 from access_log l where l.organisation_id = organisation.id and l.lookup = 'REGISTRATION'));`);

    this.addSql(`drop function jingzhun_log_registration_attempt(text[], integer, integer, text);`);
    this.addSql(`
      create function jingzhun_log_registration_attempt(id_numbers text[], by_api_key integer, attempt text)
      returns setof text language sql security definer set search_path = pg_catalog, public as $$
        insert into access_log (organisation_id, api_key_id, lookup, id_number, region_code, purpose, found)
        select jingzhun_organisation_id(),
               (select k.id from api_key k where k.id = by_api_key and k.organisation_id = jingzhun_organisation_id()),
               'REGISTRATION', m.id_number, h.village_code, attempt, true
        from member m join household h on h.id = m.household_id
        where m.id_number = any (id_numbers)
        returning id_number
      $$;`);
    this.addSql(`revoke all on function jingzhun_log_registration_attempt(text[], integer, text) from public;`);
    this.addSql(`grant execute on function jingzhun_log_registration_attempt(text[], integer, text) to jingzhun_app;`);
  }
}
