import { Migration } from '@mikro-orm/migrations';

/**
 * The audit chain's head moves once per statement instead of once per entry. The row trigger of
 * 2026-12-01 02 locked and updated the head for every entry, so a statement of 1,000 entries
 * updated one row 1,000 times in one transaction, each update walking the versions before it:
 * 0.65 ms an entry, most of a batch sync's time (docs/benchmarks.md, batch sync). Now a statement
 * trigger locks the head before the first entry and keeps it in the transaction's settings, each
 * entry links to the one before from there, and a statement trigger writes the head back after
 * the last. The chain itself (sequence, previous id, SHA-256 of the previous hash and the entry)
 * is unchanged, and so is the verification. One writer at a time still holds the head's row lock,
 * and a rolled-back statement or savepoint takes its settings and its head update with it.
 */
export class Migration20261202020000_audit_chain_per_statement extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create function audit_entry_chain_open() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
      declare head audit_chain;
      begin
        select * into strict head from audit_chain for update;
        perform set_config('jingzhun.audit_chain_seq', head.last_seq::text, true),
          set_config('jingzhun.audit_chain_id', coalesce(head.last_id::text, ''), true),
          set_config('jingzhun.audit_chain_hash', encode(head.last_hash, 'hex'), true);
        return null;
      end $$;`);
    this.addSql(`
      create or replace function jingzhun_audit_link(e audit_entry) returns audit_entry
      language plpgsql security definer set search_path = public, pg_temp as $$
      begin
        e.chain_seq := current_setting('jingzhun.audit_chain_seq')::bigint + 1;
        e.chain_previous_id := nullif(current_setting('jingzhun.audit_chain_id'), '')::bigint;
        e.chain_hash := jingzhun_audit_digest(e, decode(current_setting('jingzhun.audit_chain_hash'), 'hex'));
        perform set_config('jingzhun.audit_chain_seq', e.chain_seq::text, true),
          set_config('jingzhun.audit_chain_id', e.id::text, true),
          set_config('jingzhun.audit_chain_hash', encode(e.chain_hash, 'hex'), true);
        return e;
      end $$;`);
    this.addSql(`
      create function audit_entry_chain_close() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
      begin
        update audit_chain set last_seq = current_setting('jingzhun.audit_chain_seq')::bigint,
            last_id = nullif(current_setting('jingzhun.audit_chain_id'), '')::bigint,
            last_hash = decode(current_setting('jingzhun.audit_chain_hash'), 'hex')
          where last_seq <> current_setting('jingzhun.audit_chain_seq')::bigint;
        return null;
      end $$;`);
    for (const f of ['audit_entry_chain_open', 'audit_entry_chain_close']) this.addSql(`revoke execute on function ${f}() from public;`);
    this.addSql(`create trigger audit_entry_chain_open before insert on audit_entry for each statement execute function audit_entry_chain_open();`);
    this.addSql(`create trigger audit_entry_chain_close after insert on audit_entry for each statement execute function audit_entry_chain_close();`);
    for (const t of ['audit_entry_chain_open', 'audit_entry_chain_close']) this.addSql(`alter table audit_entry enable always trigger ${t};`);
  }
}
