import { arrayLiteral } from '../../db/array-literal';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { RequestContext } from '../../context/request-context';
import { badUserInput, forbidden } from '../../errors/app-error';
import { audited } from '../audit';
import { codesUnder } from '../../policy/row-scope';
import { isRegionPrefix } from '../../kernel/region-code';
import { Region } from '../regions';
import { PolicyParameter } from './parameter.entity';
import { PARAMETER_UNITS, ParameterName, ParameterUnit } from './parameter.enums';
import { parseParameterValue } from './parameter-value';

/** A parameter row with its unit: the value in force for a place and year, and where it came from. */
export type ResolvedParameter = {
  id: number;
  name: ParameterName;
  unit: ParameterUnit;
  value: number;
  regionPrefix: string;
  fromYear: number;
  toYear: number | null;
  source: string;
};

export type ParameterKey = { name: ParameterName; regionCode: string; year: number };

/** Years a parameter may be set for. */
export const PARAMETER_YEARS = { min: 2010, max: 2100 } as const;
/** Prefix lengths that are a region: province, city, county, township, village. */
const REGION_PREFIX_LENGTHS = new Set([2, 4, 6, 9, 12]);

type ParameterRow = { id: number; name: string; region_prefix: string; from_year: number; to_year: number | null; value: string | number; source: string };

const COLUMNS = 'p.id, p.name, p.region_prefix, p.from_year, p.to_year, p.value, p.source';

/**
 * THE resolution rule, as a subquery for a lateral join: of the rows of `name` whose prefix starts
 * `code` and whose years cover `year` (to_year inclusive, null open-ended), the longest prefix wins
 * (village over township over county over city over province), then the latest from_year.
 * The arguments are SQL expressions, e.g. columns of the keys being resolved.
 */
export function parameterInForceSql(nameSql: string, codeSql: string, yearSql: string): string {
  return `select ${COLUMNS} from policy_parameter p
    where p.name = ${nameSql} and left(${codeSql}, length(p.region_prefix)) = p.region_prefix
      and p.from_year <= ${yearSql} and (p.to_year is null or ${yearSql} <= p.to_year)
    order by length(p.region_prefix) desc, p.from_year desc
    limit 1`;
}

export function toResolved(row: ParameterRow): ResolvedParameter {
  const name = row.name as ParameterName;
  return {
    id: Number(row.id),
    name,
    unit: PARAMETER_UNITS[name],
    value: Number(row.value),
    regionPrefix: row.region_prefix,
    fromYear: Number(row.from_year),
    toYear: row.to_year === null ? null : Number(row.to_year),
    source: row.source,
  };
}

function fromEntity(p: PolicyParameter): ResolvedParameter {
  return { id: p.id, name: p.name, unit: PARAMETER_UNITS[p.name], value: p.value, regionPrefix: p.regionPrefix, fromYear: p.fromYear, toYear: p.toYear ?? null, source: p.source };
}


/**
 * The parameter in force for a region code (any prefix of 2–12 digits) and year, or null when no
 * row matches — which callers must treat as "unknown", never as a number. Runs on the given
 * EntityManager, i.e. inside the request's transaction when given `ctx.em`.
 */
export async function resolveParameter(em: EntityManager, name: ParameterName, regionCode: string, year: number): Promise<ResolvedParameter | null> {
  const rows = await em.execute<ParameterRow[]>(
    `select x.* from (select ?::text as name, ?::text as code, ?::int as year) k
     cross join lateral (${parameterInForceSql('k.name', 'k.code', 'k.year')}) x`,
    [name, regionCode, year],
  );
  return rows.length ? toResolved(rows[0]) : null;
}

/** Many keys in one statement; the result is in the order of the keys. */
export async function resolveParameters(em: EntityManager, keys: readonly ParameterKey[]): Promise<(ResolvedParameter | null)[]> {
  if (keys.length === 0) return [];
  const rows = await em.execute<(ParameterRow & { i: number })[]>(
    `select k.i, x.* from unnest(?::int[], ?::text[], ?::text[], ?::int[]) as k (i, name, code, year)
     cross join lateral (${parameterInForceSql('k.name', 'k.code', 'k.year')}) x`,
    [arrayLiteral(keys.map((_, i) => i)), arrayLiteral(keys.map((k) => k.name)), arrayLiteral(keys.map((k) => k.regionCode)), arrayLiteral(keys.map((k) => k.year))],
  );
  const byIndex = new Map(rows.map((row) => [Number(row.i), toResolved(row)]));
  return keys.map((_, i) => byIndex.get(i) ?? null);
}

/**
 * The module's per-request loaders (ctx.loaders): every parameter a GraphQL response needs, of
 * any module, resolved in one statement.
 */
export function createParameterLoaders(ctx: RequestContext) {
  return {
    parameterInForce: new DataLoader<ParameterKey, ResolvedParameter | null, string>((keys) => resolveParameters(ctx.em, keys), {
      cacheKeyFn: (k) => `${k.name}:${k.regionCode}:${k.year}`,
    }),
  };
}

export function assertParameterYear(year: number, field: string): void {
  if (!Number.isInteger(year) || year < PARAMETER_YEARS.min || year > PARAMETER_YEARS.max) {
    throw badUserInput(`${field} must be a year from ${PARAMETER_YEARS.min} to ${PARAMETER_YEARS.max}`, field);
  }
}

function assertCode(regionCode: string, field: string): void {
  if (!isRegionPrefix(regionCode)) throw badUserInput(`${field} must be a region code or prefix of 2 to 12 digits`, field);
}

export async function findParameterInForce(ctx: RequestContext, name: ParameterName, regionCode: string, year: number): Promise<ResolvedParameter | null> {
  assertCode(regionCode, 'regionCode');
  assertParameterYear(year, 'year');
  return ctx.loaders.parameterInForce.load({ name, regionCode, year });
}

/** Every prefix of a code that could be a row's prefix: '430923' → 43, 430, 4309, 43092, 430923. */
function prefixesOf(code: string): string[] {
  return Array.from({ length: code.length - 1 }, (_, i) => code.slice(0, i + 2));
}

/**
 * The rows themselves: of one name or all; for a region code, the rows that apply to it (their
 * prefix is a prefix of it) and those that lie under it (more specific rows inside it).
 * Parameters are published policy, so they are not limited to the caller's scopes.
 */
export async function listParameters(ctx: RequestContext, name: ParameterName | undefined, regionCode: string | undefined): Promise<ResolvedParameter[]> {
  if (regionCode !== undefined) assertCode(regionCode, 'regionCode');
  const rows = await ctx.em.find(
    PolicyParameter,
    {
      ...(name ? { name } : {}),
      ...(regionCode ? { $or: [{ regionPrefix: { $in: prefixesOf(regionCode) } }, codesUnder('regionPrefix', [regionCode])] } : {}),
    },
    { orderBy: { name: 'asc', regionPrefix: 'asc', fromYear: 'asc' } },
  );
  return rows.map(fromEntity);
}

export type SetPolicyParameterArgs = {
  name: ParameterName;
  regionPrefix: string;
  fromYear: number;
  toYear?: number | null;
  value: string;
  source: string;
};

type Wanted = Omit<ResolvedParameter, 'id'>;

const sameValues = (a: Wanted, b: Wanted) => a.toYear === b.toYear && a.value === b.value && a.source === b.source;

function checkInput(input: SetPolicyParameterArgs): Wanted {
  const regionPrefix = input.regionPrefix.trim();
  if (!isRegionPrefix(regionPrefix) || !REGION_PREFIX_LENGTHS.has(regionPrefix.length)) {
    throw badUserInput('input.regionPrefix must be the prefix of a region: 2 (province), 4, 6 (county), 9 (township) or 12 digits', 'input.regionPrefix');
  }
  assertParameterYear(input.fromYear, 'input.fromYear');
  const toYear = input.toYear ?? null;
  if (toYear !== null) {
    assertParameterYear(toYear, 'input.toYear');
    if (toYear < input.fromYear) throw badUserInput('input.toYear must not be before input.fromYear', 'input.toYear');
  }
  const unit = PARAMETER_UNITS[input.name];
  const value = parseParameterValue(unit, input.value, 'input.value');
  const source = input.source.trim();
  return { name: input.name, unit, value, regionPrefix, fromYear: input.fromYear, toYear, source };
}

/**
 * Sets the value of (name, regionPrefix, fromYear), inserting or replacing it, with an audit entry
 * holding before and after. Only inside the caller's own scopes: a county office may not set a
 * province-wide value (FORBIDDEN). Setting what is already there writes nothing.
 */
export async function setPolicyParameter(ctx: RequestContext, input: SetPolicyParameterArgs): Promise<ResolvedParameter> {
  const wanted = checkInput(input);
  if (!ctx.caller.scopes.some((scope) => wanted.regionPrefix.startsWith(scope))) {
    throw forbidden(`Region prefix ${wanted.regionPrefix} lies outside your own scopes (${ctx.caller.scopes.join(', ')})`);
  }
  if (!(await ctx.em.findOne(Region, { code: wanted.regionPrefix.padEnd(12, '0') }))) {
    throw badUserInput(`input.regionPrefix ${wanted.regionPrefix} is not a known region`, 'input.regionPrefix');
  }
  const key = { name: wanted.name, regionPrefix: wanted.regionPrefix, fromYear: wanted.fromYear };
  const current = await ctx.em.findOne(PolicyParameter, key);
  if (current && sameValues(fromEntity(current), wanted)) return fromEntity(current);
  const values = { toYear: wanted.toYear, value: wanted.value, source: wanted.source };
  return audited(ctx, 'setPolicyParameter', async (em) => {
    // Settings of one key take turns, the first one too (no row to lock yet): the later one replaces the earlier.
    await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`policy-parameter:${wanted.name}:${wanted.regionPrefix}:${wanted.fromYear}`]);
    const locked = await em.findOne(PolicyParameter, key, { refresh: true });
    const parameter = locked ? em.assign(locked, values) : em.create(PolicyParameter, { ...key, ...values });
    await em.flush();
    return fromEntity(parameter);
  });
}
