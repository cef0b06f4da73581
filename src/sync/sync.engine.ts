import { chinaToday } from '../config/clock';
import type { RequestContext } from '../context/request-context';
import { arrayLiteral } from '../db/array-literal';
import { rows } from '../db/read';
import { badUserInput } from '../errors/app-error';
import { fenToYuan } from '../graphql/money.scalar';
import { auditAll, type BulkAuditEntry } from '../modules/audit';
import { MAX_BATCH } from './limits';
import type { AnyKind, RecordProblem, Subject, SyncKind, SyncRecord } from './sync-kind';
import { retractSql, STORE_BATCH, STORED_BATCH, upsertSql, type Retracted, type Written } from './sync.sql';
import { RecordErrorCode, type RecordErrorType, type SyncOptions, type SyncResultType } from './sync.types';

export { PERSON_NOT_FOUND } from './match-person';
const RECORD_NOT_FOUND = 'You hold no record with this externalId';

type Accepted<R, S> = { record: R; person: S };

/** The statements' texts, made once per sector. */
const texts = new WeakMap<object, { upsert: string; retract: string }>();
function textsOf(kind: AnyKind) {
  let made = texts.get(kind);
  if (!made) texts.set(kind, (made = { upsert: upsertSql(kind), retract: retractSql(kind) }));
  return made;
}

/** A batch refused as a whole, before anything is read or written: too large, or its control totals disagree. */
function refuseBatch<R extends SyncRecord>(kind: AnyKind, records: readonly R[], options: SyncOptions): void {
  if (records.length === 0) throw badUserInput('records must hold at least one record', 'records');
  if (records.length > MAX_BATCH) throw badUserInput(`records must hold at most ${MAX_BATCH} records (got ${records.length}): send them in several batches`, 'records');
  if (options.expectedCount != null && options.expectedCount !== records.length) {
    throw badUserInput(`expectedCount is ${options.expectedCount} but the batch holds ${records.length} records: nothing was written`, 'expectedCount');
  }
  if (options.expectedAmount != null) {
    const total = records.reduce((sum, r) => sum + (kind.amountFen(r) ?? 0), 0);
    if (total !== options.expectedAmount) {
      throw badUserInput(`expectedAmount is ${fenToYuan(options.expectedAmount)} but the records add up to ${fenToYuan(total)}: nothing was written`, 'expectedAmount');
    }
  }
}

/** Each record's key for its subject, or null where the key itself is wrong. */
const keyOf = <R extends SyncRecord>(kind: { match: { key: (record: R) => { key: string } | { problem: string } } }, record: R): string | null => {
  const k = kind.match.key(record);
  return 'key' in k ? k.key : null;
};

/** The subjects the records name, found in one statement by the sector's matcher. */
async function findSubjects<R extends SyncRecord, Rules, S extends Subject>(ctx: RequestContext, kind: SyncKind<R, Rules, S>, keys: readonly string[]): Promise<Map<string, S>> {
  const wanted = [...new Set(keys)];
  return wanted.length === 0 ? new Map() : kind.match.find(ctx, wanted);
}

/** Each record's problems, the engine's checks first (duplicates, keys, dates, subjects), then the sector's. */
function sortRecords<R extends SyncRecord, Rules, S extends Subject>(kind: SyncKind<R, Rules, S>, records: readonly R[], subjects: Map<string, S>, rules: Rules) {
  const today = chinaToday();
  const seen = new Set<string>();
  const accepted: Accepted<R, S>[] = [];
  const rejected: RecordErrorType[] = [];
  records.forEach((record, index) => {
    const problems = problemsOf(kind, record, seen, subjects, rules, today);
    if (problems.length === 0) accepted.push({ record, person: subjects.get(keyOf(kind, record)!)! });
    for (const p of problems) rejected.push({ index, externalId: record.externalId, ...p });
  });
  return { accepted, rejected };
}

function problemsOf<R extends SyncRecord, Rules, S extends Subject>(kind: SyncKind<R, Rules, S>, record: R, seen: Set<string>, subjects: Map<string, S>, rules: Rules, today: string): RecordProblem[] {
  if (seen.has(record.externalId)) return [{ field: 'externalId', code: RecordErrorCode.DUPLICATE, message: 'This externalId came earlier in the batch: send each record once' }];
  seen.add(record.externalId);
  const key = kind.match.key(record);
  if ('problem' in key) return [{ field: kind.match.field(record), code: RecordErrorCode.INVALID, message: key.problem }];
  if (kind.date(record) > today) return [{ field: kind.dateField, code: RecordErrorCode.INVALID, message: `${kind.date(record)} is in the future (today is ${today} in China)` }];
  const subject = subjects.get(key.key);
  if (!subject) return [{ field: kind.match.field(record), code: RecordErrorCode.NOT_FOUND, message: kind.match.notFound }];
  return kind.check(record, subject, rules);
}

/** A row as the upsert takes it: the engine's columns and the sector's. */
function rowOf<R extends SyncRecord, S extends Subject>(kind: AnyKind, { record, person }: Accepted<R, S>) {
  return {
    external_id: record.externalId,
    member_id: person.memberId,
    household_id: person.householdId,
    village_code: person.villageCode,
    date: kind.date(record),
    amount_fen: kind.amountFen(record),
    ...kind.values(record, person),
  };
}

/**
 * Runs `work` in a savepoint of the request's transaction: kept when it returns, undone when it
 * throws or when `keep` is false (a dry run writes, counts, and takes it back).
 */
async function inSavepoint<T>(ctx: RequestContext, keep: boolean, work: () => Promise<T>): Promise<T> {
  await rows(ctx, 'savepoint sync_batch');
  try {
    const result = await work();
    await rows(ctx, keep ? 'release savepoint sync_batch' : 'rollback to savepoint sync_batch');
    return result;
  } catch (error) {
    await rows(ctx, 'rollback to savepoint sync_batch');
    throw error;
  }
}

const entryOf = (kind: AnyKind, w: { id: number; villageCode: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }): BulkAuditEntry => ({
  entity: kind.entity,
  entityId: w.id,
  regionCode: w.villageCode,
  before: w.before,
  after: w.after,
});

/**
 * A sector's batch (API.md, Writing): every record matched to a registered person by ID number and
 * checked; the valid ones inserted, or updated where they differ from what is held, in one
 * statement, with one audit entry each (before and after) in one more. Statements per batch, at
 * most: the stored batch, the people, the sector's rules, savepoint, upsert, audit, release, and
 * storing the result, whatever the batch's size.
 */
export async function runSync<R extends SyncRecord, Rules, S extends Subject>(ctx: RequestContext, kind: SyncKind<R, Rules, S>, records: readonly R[], options: SyncOptions): Promise<SyncResultType> {
  refuseBatch(kind, records, options);
  const stored = options.batchId && !options.dryRun ? await storedResult(ctx, kind, options.batchId) : null;
  if (stored) return stored;
  const keys = records.flatMap((r) => keyOf(kind, r) ?? []);
  const subjects = await findSubjects(ctx, kind, keys);
  const matched = records.flatMap((record) => {
    const person = subjects.get(keyOf(kind, record) ?? '');
    return person ? [{ record, person }] : [];
  });
  const rules = (kind.rules ? await kind.rules(ctx, matched) : undefined) as Rules;
  const { accepted, rejected } = sortRecords(kind, records, subjects, rules);
  // An atomic batch with a refused record keeps none of the others.
  const kept = !(options.atomic && rejected.length > 0);
  let written: Written[] = [];
  if (accepted.length > 0 && kept) {
    const batch = JSON.stringify(accepted.map((a) => rowOf(kind, a)));
    const { organisationId, apiKeyId } = ctx.caller;
    written = await inSavepoint(ctx, !options.dryRun, async () => {
      const found = await rows<Written>(ctx, textsOf(kind).upsert, [batch, organisationId, organisationId, apiKeyId]);
      if (!options.dryRun) await auditAll(ctx, kind.operation, found.map((w) => entryOf(kind, w)));
      return found;
    });
  }
  const created = written.filter((w) => w.inserted).length;
  const result: SyncResultType = {
    created,
    updated: written.length - created,
    unchanged: kept ? accepted.length - written.length : 0,
    retracted: 0,
    rejected,
    discarded: options.dryRun || !kept,
    replayed: false,
  };
  if (options.batchId && !options.dryRun) await rows(ctx, STORE_BATCH, [ctx.caller.organisationId, options.batchId, kind.operation, JSON.stringify(result)]);
  return result;
}

/** The first run's answer to a batchId sent again; the same batchId for another mutation is a mistake the caller must hear of. */
async function storedResult(ctx: RequestContext, kind: AnyKind, batchId: string): Promise<SyncResultType | null> {
  const [found] = await rows<{ operation: string; result: SyncResultType }>(ctx, STORED_BATCH, [ctx.caller.organisationId, batchId]);
  if (!found) return null;
  if (found.operation !== kind.operation) throw badUserInput(`batchId ${batchId} was used for ${found.operation}: give each batch its own`, 'batchId');
  return { ...found.result, replayed: true };
}

/**
 * Retracts the caller's records by externalId with a reason (a reversed claim, aid paid in error):
 * kept, marked retracted, audited with before and after, in a fixed number of statements. A
 * record retracted already is unchanged; one the caller does not hold is NOT_FOUND.
 */
export async function retract<R extends SyncRecord, Rules, S extends Subject>(ctx: RequestContext, kind: SyncKind<R, Rules, S>, externalIds: readonly string[], reason: string): Promise<SyncResultType> {
  if (externalIds.length === 0 || externalIds.length > MAX_BATCH) throw badUserInput(`externalIds must hold 1 to ${MAX_BATCH} ids (got ${externalIds.length})`, 'externalIds');
  const { organisationId, apiKeyId } = ctx.caller;
  const found = await inSavepoint(ctx, true, async () => {
    const targets = await rows<Retracted>(ctx, textsOf(kind).retract, [organisationId, arrayLiteral([...new Set(externalIds)]), reason.trim(), apiKeyId]);
    await auditAll(ctx, kind.retraction, targets.filter((r) => r.after).map((r) => entryOf(kind, r)));
    return targets;
  });
  const held = new Map(found.map((r) => [r.externalId, r]));
  const rejected = externalIds.flatMap((externalId, index) =>
    held.has(externalId) ? [] : [{ index, externalId, field: 'externalIds', code: RecordErrorCode.NOT_FOUND, message: RECORD_NOT_FOUND }],
  );
  const retracted = found.filter((r) => r.after).length;
  return { created: 0, updated: 0, unchanged: found.length - retracted, retracted, rejected, discarded: false, replayed: false };
}
