import type { RequestContext } from '../context/request-context';
import { BY_ID_NUMBER } from './match-person';
import type { Matcher, Person, PersonRecord, Subject, SyncRecord } from './subject';
import type { RecordErrorCode } from './sync.types';

export type { Matcher, Person, PersonRecord, Subject, SyncRecord };

export type RecordProblem = { field: string | null; code: RecordErrorCode; message: string };

/** A column of a sector's own, as its table declares it. */
export type SectorColumn = { name: string; type: 'text' | 'integer' | 'date' | 'boolean' };

/**
 * What a sector declares to get a batch mutation (src/sync/sync.engine.ts): its table, its own
 * columns and how a record fills them, its checks. The engine does the rest the same for every
 * sector: ID-number matching, idempotent upserts, audit, batch replay, retraction.
 */
export type SyncKind<R extends SyncRecord, Rules = undefined, S extends Subject = Person> = {
  /** How records find their subject; defineSyncKind matches people by ID number. */
  match: Matcher<R, S>;
  /** The GraphQL type of its records (the row rule's), and the entity name its audit entries give. */
  entity: string;
  /** The batch mutation's name, the audit entries' operation. */
  operation: string;
  retraction: string;
  /** Its table, with the engine's bookkeeping columns (migration 2026-12-02 00). */
  table: string;
  columns: readonly SectorColumn[];
  /** The record's values of its own columns, by column name. */
  values: (record: R, subject: S) => Record<string, string | number | boolean | null>;
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
  /** The record's own problems, given the person it is for; empty when it may be kept. */
  check: (record: R, person: S, rules: Rules) => RecordProblem[];
};

/** A sector whose records are for people, matched by ID number within the caller's region. */
export const defineSyncKind = <R extends PersonRecord, Rules = undefined>(kind: Omit<SyncKind<R, Rules>, 'match'>): SyncKind<R, Rules> => ({ ...kind, match: BY_ID_NUMBER });

/** A sector whose records name another subject (a visit its pairing), with its own matcher. */
export const defineSubjectSyncKind = <R extends SyncRecord, S extends Subject, Rules = undefined>(kind: SyncKind<R, Rules, S>): SyncKind<R, Rules, S> => kind;

/** A sector's declaration where its record and rules types do not matter (the statements' texts, audit entries). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKind = SyncKind<any, any, any>;
