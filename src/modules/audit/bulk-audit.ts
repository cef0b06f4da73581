import type { RequestContext } from '../../context/request-context';
import { rows } from '../../db/read';

/** One entry of a set-based write: the record, where it lives, and what it was and became. */
export type BulkAuditEntry = {
  entity: string;
  entityId: string | number;
  regionCode: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/**
 * The entries in one statement, in the order given. The chain needs nothing more: its BEFORE
 * INSERT trigger (migration 2026-12-01 02) links each row of a multi-row insert in turn under the
 * chain head's row lock, exactly as it links single inserts.
 */
const INSERT_ENTRIES = `insert into audit_entry (organisation_id, api_key_id, operation, entity, entity_id, region_code, before, after)
  select ?, ?, ?, e.value->>'entity', e.value->>'entity_id', e.value->>'region_code', (e.value->'before')::jsonb, (e.value->'after')::jsonb
  from json_array_elements(?::json) with ordinality as e(value, n)
  order by e.n`;

/**
 * Audit entries of a set-based write of the request's caller, e.g. a batch of a thousand records:
 * one statement whatever their number, on the request's transaction, so they are kept exactly
 * when the write is. For writes that go through the unit of work, `audited` is the way.
 */
export async function auditAll(ctx: RequestContext, operation: string, records: readonly BulkAuditEntry[]): Promise<void> {
  if (records.length === 0) return;
  const entries = records.map((r) => ({ entity: r.entity, entity_id: String(r.entityId), region_code: r.regionCode, before: r.before, after: r.after }));
  await rows(ctx, INSERT_ENTRIES, [ctx.caller.organisationId, ctx.caller.apiKeyId, operation, JSON.stringify(entries)]);
}
