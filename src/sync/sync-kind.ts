import type { RequestContext } from '../context/request-context';
import type { RecordErrorCode } from './sync.types';

/**
 * What a record is for, as the engine stores it on the row: the member (a person's records), the
 * household (none for a gift to a village) and the village whose region scopes the row.
 */
export type Subject = { memberId: number | null; householdId: number | null; villageCode: string };

/** A registered person a record is matched to by ID number, within the caller's region. */
export type Person = Subject & { idNumber: string; memberId: number; householdId: number; birthDate: string };

export type RecordProblem = { field: string | null; code: RecordErrorCode; message: string };

/** What every record carries: the partner's key for it. */
export type SyncRecord = { externalId: string };

/**
 * How a sector's records find what they are for, in one statement for the whole batch. Most are
 * for a person, by ID number (the engine's BY_ID_NUMBER); a donation is for a village, a household
 * by its number or a project, so that no donor ever sends an ID number.
 */
export type SubjectMatch<R, S extends Subject> = {
  /** The record's subject in normal form, or why it cannot name one (INVALID on `field`). */
  key: (record: R) => { key: string } | { problem: string };
  /** The field a refusal names. */
  field: (record: R) => string;
  /** The subjects the keys name in the caller's region; a key absent from the answer is NOT_FOUND. */
  find: (ctx: RequestContext, keys: readonly string[]) => Promise<Map<string, S>>;
  /** The one answer for a key that names nothing the caller may write for. */
  notFound: string;
};

/** A column of a sector's own, as its table declares it. */
export type SectorColumn = { name: string; type: 'text' | 'integer' | 'date' | 'boolean' };

/**
 * What a sector declares to get a batch mutation (src/sync/sync.engine.ts): its table, its own
 * columns and how a record fills them, its checks. The engine does the rest the same for every
 * sector: ID-number matching, idempotent upserts, audit, batch replay, retraction.
 */
export type SyncKind<R extends SyncRecord, Rules = undefined, S extends Subject = Person> = SubjectOf<R, S> & {
  /** The GraphQL type of its records (the row rule's), and the entity name its audit entries give. */
  entity: string;
  /** The batch mutation's name, the audit entries' operation. */
  operation: string;
  retraction: string;
  /** Its table, with the engine's bookkeeping columns (migration 2026-12-02 00). */
  table: string;
  columns: readonly SectorColumn[];
  /** The record's values of its own columns, by column name. */
  values: (record: R) => Record<string, string | number | boolean | null>;
  /** The date of the measure, YYYY-MM-DD, checked not to be in the future; `dateField` names it in a refusal. */
  date: (record: R) => string;
  dateField: string;
  /** Its amount in fen, or null where no money moves; control totals add these. */
  amountFen: (record: R) => number | null;
  /**
   * What the checks need for a whole batch, read once in one statement: given the records whose
   * person was found, so that a rule that varies by place and year (a policy parameter) is
   * resolved for the places and years the batch holds.
   */
  rules?: (ctx: RequestContext, matched: readonly { record: R; person: S }[]) => Promise<Rules>;
  /** The record's own problems, given the person (or subject) it is for; empty when it may be kept. */
  check: (record: R, person: S, rules: Rules) => RecordProblem[];
};

/** A record with an ID number may leave its subject to the engine (a person); any other must say how it finds its own. */
type SubjectOf<R, S extends Subject> = R extends { idNumber: string } ? { subject?: SubjectMatch<R, S> } : { subject: SubjectMatch<R, S> };

export const defineSyncKind = <R extends SyncRecord, Rules = undefined, S extends Subject = Person>(kind: SyncKind<R, Rules, S>): SyncKind<R, Rules, S> => kind;

/** A sector's declaration where its record and rules types do not matter (the statements' texts, audit entries). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKind = SyncKind<any, any, any>;
