import { Migration } from '@mikro-orm/migrations';

/**
 * api_key and organisation under row-level security, and key hashes out of the application's
 * reach. The application role reads an organisation when one of its scopes meets one of the
 * request's (inside it, or around it: a province body that wrote in a county's trail), and the
 * keys of the organisations it reads, without their hash: `key_hash` is not among the columns it
 * may select. It writes organisations and keys only inside the request's scopes and revokes only
 * its own organisation's keys (jingzhun.organisation_id, set with the scope). The one way from a
 * key to its organisation is jingzhun_authenticate(hash), run as the owner.
 */
export class Migration20261201010000_keys_and_organisations_under_rls extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create function jingzhun_scope_patterns() returns text[] language sql stable as $$
        select string_to_array(nullif(current_setting('jingzhun.scope_patterns', true), ''), ',')
      $$;`);
    this.addSql(`
      create function jingzhun_organisation_id() returns integer language sql stable as $$
        select nullif(current_setting('jingzhun.organisation_id', true), '')::integer
      $$;`);
    this.addSql(`
      create function jingzhun_within_scope(scopes text[]) returns boolean language sql stable as $$
        select cardinality(scopes) > 0 and not exists (select 1 from unnest(scopes) s where not jingzhun_in_scope(s))
      $$;`);
    this.addSql(`
      create function jingzhun_meets_scope(scopes text[]) returns boolean language sql stable as $$
        select exists (select 1 from unnest(scopes) s, unnest(jingzhun_scope_patterns()) p where s like p or p like s || '%')
      $$;`);

    this.addSql(`alter table organisation enable row level security;`);
    this.addSql(`create policy organisation_read on organisation for select to jingzhun_app using (jingzhun_meets_scope(scopes));`);
    this.addSql(`create policy organisation_insert on organisation for insert to jingzhun_app with check (jingzhun_within_scope(scopes));`);
    this.addSql(`
      create policy organisation_update on organisation for update to jingzhun_app
        using (jingzhun_within_scope(scopes)) with check (jingzhun_within_scope(scopes));`);
    this.addSql(`revoke delete, truncate on organisation from jingzhun_app;`);

    this.addSql(`alter table api_key enable row level security;`);
    this.addSql(`create policy api_key_read on api_key for select to jingzhun_app using (exists (select 1 from organisation o where o.id = api_key.organisation_id));`);
    this.addSql(`
      create policy api_key_insert on api_key for insert to jingzhun_app
        with check (exists (select 1 from organisation o where o.id = api_key.organisation_id and jingzhun_within_scope(o.scopes)));`);
    this.addSql(`
      create policy api_key_revoke on api_key for update to jingzhun_app
        using (organisation_id = jingzhun_organisation_id()) with check (organisation_id = jingzhun_organisation_id());`);
    this.addSql(`revoke all on api_key from jingzhun_app;`);
    this.addSql(`grant select (id, organisation_id, prefix, name, created_at, expires_at, revoked_at) on api_key to jingzhun_app;`);
    this.addSql(`grant insert (organisation_id, prefix, key_hash, name, created_at, expires_at, revoked_at) on api_key to jingzhun_app;`);
    this.addSql(`grant update (revoked_at) on api_key to jingzhun_app;`);

    // The whole organisation row as JSON, so that columns added to organisation later reach the caller unchanged.
    this.addSql(`
      create function jingzhun_authenticate(wanted_hash text)
      returns table (key_id integer, revoked_at timestamptz, expires_at timestamptz, organisation jsonb, paired_villages text[])
      language sql stable security definer set search_path = public, pg_temp as $$
        select k.id, k.revoked_at, k.expires_at, to_jsonb(o),
               array(select p.village_code::text from organisation_pairing p where p.organisation_id = o.id order by p.village_code)
        from api_key k join organisation o on o.id = k.organisation_id
        where k.key_hash = wanted_hash
      $$;`);
    this.addSql(`revoke execute on function jingzhun_authenticate(text) from public;`);
    this.addSql(`grant execute on function jingzhun_authenticate(text) to jingzhun_app;`);
  }
}
