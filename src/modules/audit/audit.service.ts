import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../context/request-context';
import { arrayLiteral } from '../../db/array-literal';
import { inUnitOfWork, type Change, type Notes } from '../../db/unit-of-work';
import { badUserInput } from '../../errors/app-error';
import { integerKey, pageRequest, toPage, type Page, type PageArgs } from '../../graphql/pagination';
import { codesUnder, rowScope } from '../../policy/row-scope';
import type { ApiKey, Organisation } from '../auth';
import { assertRegionPrefix } from '../regions';
import { AccessLogEntry, type PersonLookup } from './access-log-entry.entity';
import { AuditEntry } from './audit-entry.entity';
import type { AuditLogFilter, AuditLogProblem, AuditLogVerificationType } from './audit.types';

export const AUDIT_LIST = 'audit';
const ACCESS_HISTORY_LIMIT = 200;

/** An entry of a write the unit of work cannot see, made in plain SQL: it says itself what it changed. */
export type AuditRecord = Omit<Change, 'entityId' | 'before' | 'after'> & {
  entityId: string | number;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

/**
 * What a write may add to its audit: `note` a fact kept nowhere else (a reason, an override's
 * failed items) in an entity's `after`; called with a record, an entry of a write in plain SQL.
 */
export type Audit = ((record: AuditRecord) => void) & Notes;

function actor(ctx: RequestContext, em: EntityManager) {
  return {
    // By entity name, as the trace's relations are (trace.entity.ts).
    organisation: em.getReference<Organisation>('Organisation', ctx.caller.organisationId),
    apiKey: em.getReference<ApiKey>('ApiKey', ctx.caller.apiKeyId),
  };
}

/** Who an audit entry names as the author of a write. */
export type AuditAuthor = { organisation: Organisation; apiKey: ApiKey | null };

/**
 * Runs a write as a unit of work (src/db/unit-of-work.ts): the change and its audit entries, one
 * for each record it changed with before and after as the entities declare them, in one
 * transaction, both kept or neither. A write that changes nothing audited is a programming error
 * and is rolled back, so no write can skip its trace. `author` is asked when the entries are
 * made, so a write that creates its own author (the admin command's first organisation) can name it.
 */
export async function auditedAs<T>(
  em: EntityManager,
  operation: string,
  author: (em: EntityManager) => AuditAuthor,
  work: (em: EntityManager, audit: Audit) => Promise<T>,
): Promise<T> {
  const recorded: Change[] = [];
  return inUnitOfWork(
    em,
    (tx, notes) => {
      const audit: Audit = Object.assign((record: AuditRecord) => void recorded.push({ before: null, after: null, ...record, entityId: String(record.entityId) }), { note: notes.note.bind(notes) });
      return work(tx, audit);
    },
    (tx, changes) => {
      const entries = [...changes, ...recorded];
      if (entries.length === 0) throw new Error(`${operation} wrote no audit entry`);
      for (const entry of entries) tx.persist(tx.create(AuditEntry, { ...author(tx), operation, ...entry }));
    },
  );
}

/** A write of the request's caller, audited as theirs. */
export function audited<T>(ctx: RequestContext, operation: string, work: (em: EntityManager, audit: Audit) => Promise<T>): Promise<T> {
  return auditedAs(ctx.em, operation, (em) => actor(ctx, em), work);
}

export type PersonLookupEntry = { lookup: PersonLookup; idNumber: string; purpose: string; regionCode: string | null };

/**
 * Logs look-ups of people by ID number, all in one insert; `regionCode` is the person's village,
 * or the caller's region when not found.
 */
export async function logPersonLookups(ctx: RequestContext, entries: PersonLookupEntry[]): Promise<void> {
  const { em } = ctx;
  for (const entry of entries) {
    em.persist(em.create(AccessLogEntry, { ...actor(ctx, em), ...entry, regionCode: entry.regionCode ?? ctx.caller.scopes[0], found: entry.regionCode !== null }));
  }
  await em.flush();
}

export function logPersonLookup(ctx: RequestContext, entry: PersonLookupEntry): Promise<void> {
  return logPersonLookups(ctx, [entry]);
}

/**
 * The same log entries written by the look-up's own statement, as a data-modifying `with` part of
 * it (`with logged as (…) select …`), for a look-up that is one statement and one round trip
 * (loanEligibility): the read and its trace are one implicit transaction, so neither is kept
 * without the other. `found` names a relation of that statement with `id_number` and
 * `region_code`, one row per person found.
 */
export function personLookupsSql(ctx: RequestContext, lookup: PersonLookup, idNumbers: readonly string[], purpose: string, found: string): { sql: string; bindings: (string | number)[] } {
  const { organisationId, apiKeyId, scopes } = ctx.caller;
  return {
    sql: `insert into access_log (organisation_id, api_key_id, lookup, id_number, region_code, purpose, found)
      select ?::int, ?::int, ?, q.id_number, coalesce(f.region_code, ?), ?, f.region_code is not null
      from unnest(?::text[]) with ordinality q (id_number, n) left join ${found} f on f.id_number = q.id_number
      order by q.n`,
    bindings: [organisationId, apiKeyId, lookup, scopes[0], purpose, arrayLiteral(idNumbers)],
  };
}

export async function listAuditLog(ctx: RequestContext, filter: AuditLogFilter | undefined, args: PageArgs): Promise<Page<AuditEntry>> {
  const page = pageRequest(AUDIT_LIST, args, integerKey);
  if (filter?.regionCode !== undefined) assertRegionPrefix(filter.regionCode, 'filter.regionCode');
  if (filter?.from && filter?.to && filter.from > filter.to) throw badUserInput('filter.from must not be after filter.to', 'filter.from');
  const where = {
    $and: [
      rowScope(ctx.caller, 'AuditEntry', 'regionCode'),
      ...(filter?.regionCode ? [codesUnder('regionCode', [filter.regionCode])] : []),
      ...(filter?.entity ? [{ entity: filter.entity }] : []),
      ...(filter?.organisationId ? [{ organisation: Number(filter.organisationId) }] : []),
      ...(filter?.from ? [{ at: { $gte: filter.from } }] : []),
      ...(filter?.to ? [{ at: { $lt: filter.to } }] : []),
    ],
  };
  const rows = await ctx.em.find(
    AuditEntry,
    page.after !== undefined ? { $and: [where, { id: { $lt: String(page.after) } }] } : where,
    { orderBy: { id: 'desc' }, limit: page.first + 1, populate: ['apiKey'] },
  );
  return toPage(rows, page.first, () => ctx.em.count(AuditEntry, where));
}

/** Who looked this person up (`idNumber` as assertIdNumber gives it), when and why: newest first, the last 200, within the caller's region. */
export async function accessHistory(ctx: RequestContext, idNumber: string): Promise<AccessLogEntry[]> {
  return ctx.em.find(
    AccessLogEntry,
    { $and: [{ idNumber }, rowScope(ctx.caller, 'AccessLogEntry', 'regionCode')] },
    { orderBy: { id: 'desc' }, limit: ACCESS_HISTORY_LIMIT },
  );
}

type ChainVerdict = { intact: boolean; entries: string; head_hash: string; broken_entry_id: string | null; problem: AuditLogProblem | null; detail: string | null };

/**
 * Walks the whole audit log's hash chain (migration 2026-12-01 02). The chain spans every region
 * while an auditor reads only its own, so the walk runs in the owner's function, which answers
 * with a verdict and entry ids only.
 */
export async function verifyAuditLog(ctx: RequestContext): Promise<AuditLogVerificationType> {
  const [row] = await ctx.em.execute<ChainVerdict[]>('select * from jingzhun_verify_audit_log()');
  return { intact: row.intact, entries: Number(row.entries), headHash: row.head_hash, brokenEntryId: row.broken_entry_id, problem: row.problem, detail: row.detail };
}
