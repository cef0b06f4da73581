import type { MeasureColumns } from './measure.rows';

/**
 * One type of a sector's records as household.measures and member.measures read them. The
 * table has the engine's columns (migration 2026-12-02 00); its own ride as one JSON object.
 */
export type MeasureRecords<F = any, T extends object = object> = {
  /** Its GraphQL type's name: that type's row rule and readers decide who lists which of its rows. */
  type: string;
  /** Its GraphQL class: rows are made with its prototype, by which the interface finds their type. */
  of: { prototype: object };
  table: string;
  /**
   * Which of the table's rows are of this type, on alias `t`, where one table holds several
   * (a sector writing one mutation for records of different shapes); all of them when absent.
   */
  where?: (t: string) => string;
  /** Its own columns on alias `t` as one SQL expression (a json_build_object), read back as `facts`. */
  facts: (t: string) => string;
  /** The measure's kind (AssistanceMeasure.kind), from the facts. */
  kind: (facts: F, c: MeasureColumns) => string;
  /** The fields its GraphQL type adds to the interface's. */
  fields: (facts: F, c: MeasureColumns) => T;
};

/** What a sector's module declares (its module file's `measures`): the sector and its record types. */
export type SectorMeasures = { sector: string; description: string; records: readonly MeasureRecords[] };

export const defineMeasureRecords = <F, T extends object>(records: MeasureRecords<F, T>): MeasureRecords<F, T> => records;
