import { Migration } from '@mikro-orm/migrations';

/**
 * A hash chain through the audit log, so that a change made with the append-only triggers
 * switched off is evident. Each entry carries its place in the chain, the id of the entry before
 * it and SHA-256(previous hash || the entry's fields). The chain's head is one row in
 * audit_chain, updated by the BEFORE INSERT trigger: its row lock lets one writer at a time
 * extend the chain, so concurrent transactions cannot fork it, and a rolled-back write leaves no
 * link. Only the owner touches audit_chain; jingzhun_verify_audit_log() walks the chain as the
 * owner and returns verdicts and ids, never other regions' entries.
 * The append-only triggers fire ALWAYS, so session_replication_role = replica no longer skips them.
 */
export class Migration20261201020000_audit_chain extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table audit_entry add column chain_seq bigint, add column chain_previous_id bigint, add column chain_hash bytea;`);
    this.addSql(`create unique index audit_entry_chain_seq_index on audit_entry (chain_seq);`);
    this.addSql(`
      create table audit_chain (
        singleton boolean primary key default true check (singleton),
        last_seq bigint not null,
        last_id bigint,
        last_hash bytea not null
      );`);
    this.addSql(`revoke all on audit_chain from jingzhun_app;`);
    this.addSql(`create function jingzhun_audit_genesis() returns bytea language sql immutable as $$ select sha256(convert_to('jingzhun audit chain', 'UTF8')) $$;`);
    this.addSql(`insert into audit_chain (last_seq, last_id, last_hash) values (0, null, jingzhun_audit_genesis());`);

    // The fields hashed, in a fixed order; jsonb prints objects canonically, the epoch carries no time zone.
    this.addSql(`
      create function jingzhun_audit_digest(e audit_entry, previous_hash bytea) returns bytea language sql stable as $$
        select sha256(previous_hash || convert_to(jsonb_build_array(
          e.chain_seq, e.chain_previous_id, e.id, extract(epoch from e.at)::text, e.organisation_id, e.api_key_id,
          e.operation, e.entity, e.entity_id, e.region_code, e.before, e.after)::text, 'UTF8'))
      $$;`);
    this.addSql(`
      create function jingzhun_audit_link(e audit_entry) returns audit_entry
      language plpgsql security definer set search_path = public, pg_temp as $$
      declare head audit_chain;
      begin
        select * into strict head from audit_chain for update;
        e.chain_seq := head.last_seq + 1;
        e.chain_previous_id := head.last_id;
        e.chain_hash := jingzhun_audit_digest(e, head.last_hash);
        update audit_chain set last_seq = e.chain_seq, last_id = e.id, last_hash = e.chain_hash;
        return e;
      end $$;`);
    this.addSql(`revoke execute on function jingzhun_audit_link(audit_entry) from public;`);
    this.addSql(`
      create function audit_entry_chain() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
      begin
        return jingzhun_audit_link(new);
      end $$;`);

    // Entries written before the chain existed join it in id order.
    this.addSql(`alter table audit_entry disable trigger audit_entry_append_only;`);
    this.addSql(`
      do $$ declare e audit_entry;
      begin
        for e in select * from audit_entry order by id loop
          e := jingzhun_audit_link(e);
          update audit_entry set chain_seq = e.chain_seq, chain_previous_id = e.chain_previous_id, chain_hash = e.chain_hash where id = e.id;
        end loop;
      end $$;`);
    this.addSql(`alter table audit_entry enable always trigger audit_entry_append_only;`);
    this.addSql(`create trigger audit_entry_chain before insert on audit_entry for each row execute function audit_entry_chain();`);
    for (const trigger of ['audit_entry_chain', 'audit_entry_no_truncate']) this.addSql(`alter table audit_entry enable always trigger ${trigger};`);
    for (const trigger of ['access_log_append_only', 'access_log_no_truncate']) this.addSql(`alter table access_log enable always trigger ${trigger};`);

    this.addSql(`
      create function jingzhun_verify_audit_log()
      returns table (intact boolean, entries bigint, head_hash text, broken_entry_id bigint, problem text, detail text)
      language plpgsql stable security definer set search_path = public, pg_temp as $$
      declare
        head audit_chain;
        total bigint;
        bad record;
      begin
        select * into strict head from audit_chain;
        select count(*) into total from audit_entry;
        entries := total;
        head_hash := encode(head.last_hash, 'hex');
        intact := false;

        select e.id into bad from audit_entry e where e.chain_seq is null or e.chain_hash is null order by e.id limit 1;
        if found then
          broken_entry_id := bad.id; problem := 'UNCHAINED'; detail := 'entry ' || bad.id || ' carries no link: written with the chain trigger off';
          return next; return;
        end if;

        select * into bad from (
          select e.id, e.chain_seq, e.chain_previous_id, e.chain_hash,
                 lag(e.chain_seq, 1, 0::bigint) over w as previous_seq,
                 lag(e.id) over w as previous_id,
                 jingzhun_audit_digest(e, lag(e.chain_hash, 1, jingzhun_audit_genesis()) over w) as expected
          from audit_entry e window w as (order by e.chain_seq)
        ) link
        where link.chain_seq <> link.previous_seq + 1 or link.chain_hash <> link.expected or link.chain_previous_id is distinct from link.previous_id
        order by link.chain_seq limit 1;
        if found then
          if bad.chain_seq <> bad.previous_seq + 1 then
            broken_entry_id := bad.chain_previous_id; problem := 'MISSING';
            detail := (bad.chain_seq - bad.previous_seq - 1) || ' entries missing before entry ' || bad.id || '; the last of them was entry ' || bad.chain_previous_id;
          else
            broken_entry_id := bad.id; problem := 'ALTERED';
            detail := 'entry ' || bad.id || ' does not match its hash: it, or the link to the entry before it, was changed';
          end if;
          return next; return;
        end if;

        select e.id, e.chain_seq, e.chain_hash into bad from audit_entry e order by e.chain_seq desc limit 1;
        if coalesce(bad.chain_seq, 0) < head.last_seq then
          broken_entry_id := head.last_id; problem := 'MISSING';
          detail := (head.last_seq - coalesce(bad.chain_seq, 0)) || ' entries missing at the end of the log; the last of them was entry ' || head.last_id;
          return next; return;
        end if;
        if bad.chain_seq > head.last_seq or bad.chain_hash <> head.last_hash then
          broken_entry_id := bad.id; problem := 'ALTERED';
          detail := 'entry ' || bad.id || ' does not match the head of the chain';
          return next; return;
        end if;

        intact := true;
        return next;
      end $$;`);
    this.addSql(`revoke execute on function jingzhun_verify_audit_log() from public;`);
    this.addSql(`grant execute on function jingzhun_verify_audit_log() to jingzhun_app;`);
  }
}
