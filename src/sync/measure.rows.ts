
/** What every sector's record row holds of the people and organisation it reaches. */
export type MeasureLinks = { household: { id: number }; member: { id: number } | null; organisationId: number };

/** The engine's columns of every record table (migration 2026-12-02 00), on alias `t`, named as `MeasureColumns`. */
export const MEASURE_COLUMNS = (t: string) => `${t}.id, ${t}.household_id as "householdId", ${t}.member_id as "memberId", ${t}.organisation_id as "organisationId",
  ${t}.external_id as "externalId", ${t}.date::text as date, ${t}.amount_fen as "amountFen", (extract(epoch from ${t}.recorded_at) * 1000)::float8 as "recordedAtMs"`;

export type MeasureColumns = {
  id: number;
  householdId: number;
  memberId: number | null;
  organisationId: number;
  externalId: string;
  date: string;
  amountFen: number | null;
  recordedAtMs: number;
};

/**
 * A record's id in the API (AssistanceMeasure.id): its GraphQL type's name and its row's key,
 * `StudentAid:17`. The key alone repeats across sectors' tables, and one list
 * (household.measures) holds every sector's, so a client that caches by id would merge a student
 * aid with a loan. Plain rather than base64, as the API's other ids are readable keys and an
 * audit entry names its record by type and key; a type's rows are of one table, so it is unique.
 */
export const measureId = (measureType: string, id: number): string => `${measureType}:${id}`;

/**
 * What every record's row holds for AssistanceMeasure; `measureType` is its GraphQL type's name,
 * `id` its row's key in its table (lists page by it), answered as `measureId`.
 */
export type MeasureBase = MeasureLinks & { id: number; measureType: string; sector: string; kind: string; externalId: string; date: string; amount: number | null; recordedAt: Date };

/**
 * A record's AssistanceMeasure fields, made with its GraphQL type's prototype so that the
 * interface finds its type (measure.types.ts), with the sector's own `facts`.
 */
export function measureRow<T extends object>(prototype: object, measureType: string, sector: string, kind: string, c: MeasureColumns, facts: T): MeasureBase & T {
  const base: MeasureBase = {
    id: c.id,
    measureType,
    sector,
    kind,
    household: { id: c.householdId },
    member: c.memberId === null ? null : { id: c.memberId },
    organisationId: c.organisationId,
    externalId: c.externalId,
    date: c.date,
    amount: c.amountFen,
    recordedAt: new Date(c.recordedAtMs),
  };
  return Object.assign(Object.create(prototype) as MeasureBase & T, base, facts);
}
