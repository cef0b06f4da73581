import type { AnyKind, SectorColumn } from './sync-kind';

/**
 * The engine's statements for a sector, as fixed text: a function of the sector's declaration
 * only, the same for every batch, each taking the whole batch as one bound value (a JSON array or
 * an array literal). So a batch costs the same statements for ten records as for a thousand.
 */

/** The engine's columns every record table has (migration 2026-12-02 00) that a record fills. */
export const RECORD_COLUMNS: readonly SectorColumn[] = [
  { name: 'external_id', type: 'text' },
  { name: 'member_id', type: 'integer' },
  { name: 'household_id', type: 'integer' },
  { name: 'village_code', type: 'text' },
  { name: 'date', type: 'date' },
  { name: 'amount_fen', type: 'integer' },
];

/** A row as its audit entry shows it: every column but the time of the last write, which the entry has. */
const SNAPSHOT = (alias: string) => `to_jsonb(${alias}) - 'updated_at'`;

export type Written = { id: number; externalId: string; villageCode: string; inserted: boolean; before: Record<string, unknown> | null; after: Record<string, unknown> };

/**
 * Inserts the batch's records, or updates those held already that differ from what is sent (or
 * were retracted); a record held exactly as sent is not written and not returned: unchanged.
 * Rows are written in externalId order, so two batches that overlap lock their rows in the same
 * order and wait for each other rather than deadlock. `previous` reads the rows as they were
 * before the statement: a data-modifying WITH sees the snapshot its statement started with. Each
 * record's held row is looked up on its own, by the (organisation_id, external_id) index, whatever
 * the planner believes of the table: written as a join (`in (select …)`), and with statistics from
 * before the table grew, PostgreSQL compared every row the organisation held with every record
 * sent (5,000,000 comparisons for 1,000 records against 5,000 held).
 * Bindings: records (JSON), organisation, organisation, API key.
 */
export function upsertSql(kind: AnyKind): string {
  const columns = [...RECORD_COLUMNS, ...kind.columns];
  const names = columns.map((c) => c.name);
  const compared = names.filter((n) => n !== 'external_id');
  return `with input as (
    select * from json_to_recordset(?::json) as i(${columns.map((c) => `${c.name} ${c.type}`).join(', ')})
  ), previous as (
    select i.external_id, (select ${SNAPSHOT('t')} from ${kind.table} t where t.organisation_id = ? and t.external_id = i.external_id) as before
    from input i
  ), written as (
    insert into ${kind.table} as t (organisation_id, api_key_id, ${names.join(', ')})
    select ?, ?, ${names.map((n) => `i.${n}`).join(', ')} from input i order by i.external_id
    on conflict (organisation_id, external_id) do update
      set api_key_id = excluded.api_key_id, ${compared.map((n) => `${n} = excluded.${n}`).join(', ')},
        retracted_at = null, retraction_reason = null, updated_at = now()
      where (${compared.map((n) => `t.${n}`).join(', ')}) is distinct from (${compared.map((n) => `excluded.${n}`).join(', ')})
        or t.retracted_at is not null
    returning t.id, t.external_id, t.village_code, (t.xmax = 0) as inserted, ${SNAPSHOT('t')} as after
  )
  select w.id, w.external_id as "externalId", w.village_code as "villageCode", w.inserted, p.before, w.after
  from written w left join previous p on p.external_id = w.external_id`;
}

export type Retracted = { id: number; externalId: string; villageCode: string; before: Record<string, unknown>; after: Record<string, unknown> | null };

/**
 * Marks the caller's records retracted with a reason; each record asked for comes back, with
 * `after` null when it was retracted already. Bindings: organisation, externalIds (array literal),
 * reason, API key.
 */
export function retractSql(kind: AnyKind): string {
  return `with target as (
    select t.id, t.external_id, t.village_code, t.retracted_at, ${SNAPSHOT('t')} as before from ${kind.table} t
    where t.organisation_id = ? and t.external_id = any (?::text[]) order by t.external_id for update
  ), retracted as (
    update ${kind.table} t set retracted_at = now(), retraction_reason = ?, api_key_id = ?, updated_at = now()
    from target where t.id = target.id and target.retracted_at is null
    returning t.id, ${SNAPSHOT('t')} as after
  )
  select target.id, target.external_id as "externalId", target.village_code as "villageCode", target.before, r.after
  from target left join retracted r on r.id = target.id`;
}

/** A batch's stored result; row-level security shows an organisation only its own. Bindings: organisation, batchId. */
export const STORED_BATCH = `select operation, result from sync_batch where organisation_id = ? and batch_id = ?`;

/** Bindings: organisation, batchId, operation, result (JSON). A concurrent first run of the same batchId has stored its own. */
export const STORE_BATCH = `insert into sync_batch (organisation_id, batch_id, operation, result) values (?, ?, ?, ?::jsonb) on conflict do nothing`;
