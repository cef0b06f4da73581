import DataLoader from 'dataloader';
import { groupByKey } from '../context/batch';
import type { RequestContext } from '../context/request-context';
import { arrayLiteral } from '../db/array-literal';
import { rows, type Binding } from '../db/read';
import { ALL_ROLES, type Role } from '../kernel/role';
import { fieldPolicy, type ModulePolicy } from '../policy/policy';
import { rowScopeSql } from '../policy/row-scope';
import { measureRow, MEASURE_COLUMNS, type MeasureBase, type MeasureColumns } from './measure.rows';
import { Sector, SECTOR_DESCRIPTIONS, type MeasureArgs } from './measure.types';
import type { MeasureRecords, SectorMeasures } from './measure-source';

type Declared = MeasureRecords & { sector: string };

/** Every sector's record types, in the module list's order; filled once by installMeasures. */
const RECORDS: Declared[] = [];
const BY_TYPE = new Map<string, Declared>();

/**
 * The roles that list measures: those that may read some sector's record type. Filled by
 * installMeasures from the sectors' own policies, so that a new sector's readers need no edit here.
 */
export const MEASURE_READERS: Role[] = [];

/**
 * Installs the sectors the modules declare, called once by the module list before the policy and
 * the schema: their record types, the values of the Sector enum, the readers of measures.
 */
export function installMeasures(parts: readonly { name: string; measures?: SectorMeasures; policy: ModulePolicy }[]): void {
  const readers = new Set<Role>();
  for (const { name, measures, policy } of parts) {
    if (!measures) continue;
    if (measures.sector in Sector) throw new Error(`The sector ${measures.sector} (module ${name}) is declared twice`);
    Sector[measures.sector] = measures.sector;
    SECTOR_DESCRIPTIONS[measures.sector] = { description: measures.description };
    for (const records of measures.records) {
      const id = policy.types?.[records.type]?.fields.id;
      if (!id) throw new Error(`Module ${name} declares measures of ${records.type}, which its policy does not define with an id`);
      if (BY_TYPE.has(records.type)) throw new Error(`The measures of ${records.type} (module ${name}) are declared twice`);
      id.read.forEach((role) => readers.add(role));
      const declared = { ...records, sector: measures.sector };
      RECORDS.push(declared);
      BY_TYPE.set(records.type, declared);
    }
  }
  MEASURE_READERS.push(...ALL_ROLES.filter((role) => readers.has(role)));
}

type Key = 'household_id' | 'member_id';
/** A record type's rows in a statement of their own: the type's table, and which of its rows are the type's (on alias t). */
const typeRows = (r: MeasureRecords, t: string) => `${r.table} ${t} where ${r.where ? `${r.where(t)} and ` : ''}${t}.retracted_at is null`;

/** One record type's rows of the households or members bound, not retracted, under the caller's row rule (`scope`, on alias t). */
const RECORDS_OF = (r: Declared, t: string, key: Key, scope: string) => `select ${measureSelect(r.type, t)}
  from ${typeRows(r, t)} and ${t}.${key} = any (?::int[]) and ${scope}`;

/**
 * The select list of a record type's rows as measures, on alias t, for a sector's own lists of its
 * records (read back with toMeasureRow): the same columns household.measures reads.
 */
export function measureSelect(type: string, t: string): string {
  const r = BY_TYPE.get(type);
  if (!r) throw new Error(`No measures are declared of ${type}`);
  return `'${r.type}' as "measureType", ${MEASURE_COLUMNS(t)}, ${r.facts(t)} as facts`;
}

export type RecordColumns = MeasureColumns & { measureType: string; facts: unknown };

export function toMeasureRow(c: RecordColumns): MeasureBase {
  const r = BY_TYPE.get(c.measureType)!;
  return measureRow(r.of.prototype, r.type, r.sector, r.kind(c.facts, c), c, r.fields(c.facts, c));
}

/**
 * The measures of the households or members asked for in one tick, oldest first: one statement
 * joining every record type the caller's role may read (its `id`), each under that type's row
 * rule, so a role lists exactly the records it could read through the types themselves.
 */
function measuresBy(ctx: RequestContext, key: Key) {
  return new DataLoader<number, MeasureBase[]>(async (ids) => {
    const readable = readableTypes(ctx);
    if (readable.length === 0) return ids.map(() => []);
    const list = arrayLiteral(ids);
    const parts = readable.map(({ r, t, scope }) => ({ sql: RECORDS_OF(r, t, key, scope.sql), bindings: [list, ...scope.bindings] as Binding[] }));
    const sql = `${parts.map((p) => p.sql).join('\n  union all\n  ')}\n  order by date, id, "measureType"`;
    const found = await rows<RecordColumns>(ctx, sql, parts.flatMap((p) => p.bindings));
    const keyOf = key === 'household_id' ? (m: MeasureBase) => m.household.id : (m: MeasureBase) => m.member?.id ?? -1;
    return groupByKey(ids, found.map(toMeasureRow), keyOf);
  });
}

/** The record types the caller's role may read (their `id`), each with the SQL of its row rule on its own alias. */
function readableTypes(ctx: RequestContext) {
  return RECORDS.filter((r) => fieldPolicy(`${r.type}.id`)?.read.includes(ctx.caller.role)).map((r, i) => {
    const t = `r${i}`;
    return { r, t, scope: rowScopeSql(ctx.caller, r.type, { alias: t, code: `${t}.village_code` }) };
  });
}

/** A household's money and records of one sector in one year (扶贫资金 reaching whom): `amount` in fen. */
export type MeasureTotal = { sector: string; year: number; amount: number; count: number };

type TotalColumns = { householdId: number; sector: string; year: number; amount: string; count: number };

/**
 * Per-household totals by sector and year of the records the caller may read, each type under its
 * own row rule, so that a role's totals add only what it could list through household.measures:
 * one statement for every household asked for in one tick, whatever the sectors declared.
 * A record's amount is its type's (AssistanceMeasure.amount); one without counts, adding nothing.
 */
function totalsByHousehold(ctx: RequestContext) {
  return new DataLoader<number, MeasureTotal[]>(async (ids) => {
    const readable = readableTypes(ctx);
    if (readable.length === 0) return ids.map(() => []);
    const parts = readable.map(({ r, t, scope }) => ({
      sql: `select ${t}.household_id, '${r.sector}'::text as sector, extract(year from ${t}.date)::int as year, ${t}.amount_fen
        from ${typeRows(r, t)} and ${t}.household_id = any (?::int[]) and ${scope.sql}`,
      bindings: [arrayLiteral(ids), ...scope.bindings] as Binding[],
    }));
    const sql = `select m.household_id as "householdId", m.sector, m.year, coalesce(sum(m.amount_fen), 0)::text as amount, count(*)::int as count
      from (${parts.map((p) => p.sql).join('\n  union all\n  ')}) m
      group by m.household_id, m.year, m.sector order by m.year, m.sector`;
    const found = await rows<TotalColumns>(ctx, sql, parts.flatMap((p) => p.bindings));
    return groupByKey(ids, found, (f) => f.householdId).map((list) => list.map(({ sector, year, amount, count }) => ({ sector, year, amount: Number(amount), count })));
  });
}

export function createMeasureLoaders(ctx: RequestContext) {
  return { measuresByHousehold: measuresBy(ctx, 'household_id'), measuresByMember: measuresBy(ctx, 'member_id'), measureTotalsByHousehold: totalsByHousehold(ctx) };
}

/** The measures of one sector, dated within the window (both ends included), as MeasureArgs ask. */
export const chosen = <M extends MeasureBase>(measures: readonly M[], { sector, from, to }: MeasureArgs): M[] =>
  measures.filter((m) => (!sector || m.sector === sector) && (!from || m.date >= from) && (!to || m.date <= to));

/** A household's records of one type (a sector's own field, e.g. household.housingAssessments), from the same statement as household.measures. */
export async function householdRecords<M extends MeasureBase>(ctx: RequestContext, householdId: number, type: M['measureType']): Promise<M[]> {
  return (await ctx.loaders.measuresByHousehold.load(householdId)).filter((m): m is M => m.measureType === type);
}

/** A member's records of one type (a sector's own field, e.g. member.studentAid), from the same statement as member.measures. */
export async function memberRecords<M extends MeasureBase>(ctx: RequestContext, memberId: number, type: M['measureType']): Promise<M[]> {
  return (await ctx.loaders.measuresByMember.load(memberId)).filter((m): m is M => m.measureType === type);
}
