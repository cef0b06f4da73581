import type { RequestContext } from '../context/request-context';

/** What the engine matches records to (src/sync/sync-kind.ts): apart from the kinds, so that a matcher the kinds use by default imports no kind. */

/** A registered person a record is matched to by ID number, within the caller's region. */
export type Person = { idNumber: string; memberId: number; householdId: number; villageCode: string; birthDate: string };

/**
 * What a record is matched to and written against: the member (a person's records), the household
 * (none for a gift to a village) and the village whose region scopes the row.
 */
export type Subject = { memberId: number | null; householdId: number | null; villageCode: string };

/** What every record carries: the partner's key for it. */
export type SyncRecord = { externalId: string };
/** A record for a person, matched by ID number (every sector's but visits' and donations'). */
export type PersonRecord = SyncRecord & { idNumber: string };

/**
 * How a sector's records find their subject: a key from each record, every subject of a batch's
 * keys that the caller may write for in one statement, and the refusal for a key that finds none.
 */
export type Matcher<R, S extends Subject> = {
  /** The record's field naming its subject, as a refusal names it (a gift's varies with its target). */
  field: (record: R) => string;
  /** The record's key for its subject, or what is wrong with it (a malformed ID number). */
  key: (record: R) => { key: string } | { problem: string };
  find: (ctx: RequestContext, keys: readonly string[]) => Promise<Map<string, S>>;
  /** The one answer for a key that finds nothing, whatever the reason, so that none may be told apart. */
  notFound: string;
};

