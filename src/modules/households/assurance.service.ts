import DataLoader from 'dataloader';
import type { RequestContext } from '../../context/request-context';
import { assess, type Assurance, type ParameterFact } from './assurance';
import type { Household } from './household.entity';

type ParameterKey = { name: string; regionCode: string; year: number };
type ParameterRow = { i: number; id: number; value: string; source: string; region_prefix: string; from_year: number };

/** `{a,b}` for codes, names and integers only, which need no quoting: knex would spread a JS array. */
const literal = (values: readonly (string | number)[]) => `{${values.join(',')}}`;

/**
 * The parameters a batch of keys needs, in one statement: for each key, the row with the longest
 * matching region prefix whose years cover the year, the latest from_year first.
 */
export function createParameterFactLoader(ctx: RequestContext) {
  return new DataLoader<ParameterKey, ParameterFact | null, string>(
    async (keys) => {
      const rows = await ctx.em.execute<ParameterRow[]>(
        `select distinct on (k.i) k.i, p.id, p.value, p.source, p.region_prefix, p.from_year
         from unnest(?::int[], ?::text[], ?::text[], ?::int[]) as k (i, name, code, year)
         join policy_parameter p on p.name = k.name and k.code like p.region_prefix || '%'
           and p.from_year <= k.year and (p.to_year is null or k.year <= p.to_year)
         order by k.i, length(p.region_prefix) desc, p.from_year desc`,
        [literal(keys.map((_, i) => i)), literal(keys.map((k) => k.name)), literal(keys.map((k) => k.regionCode)), literal(keys.map((k) => k.year))],
      );
      const byIndex = new Map(rows.map((r) => [r.i, r]));
      return keys.map((_, i) => {
        const row = byIndex.get(i);
        return row ? { id: row.id, value: Number(row.value), source: row.source, regionPrefix: row.region_prefix, fromYear: row.from_year } : null;
      });
    },
    { cacheKeyFn: (k) => `${k.name}:${k.regionCode}:${k.year}` },
  );
}

/** The exit test for a household as of a day (its year's parameters apply); members come from the request's loader. */
export async function householdAssurance(ctx: RequestContext, household: Household, asOf: string): Promise<Assurance> {
  const year = Number(asOf.slice(0, 4));
  const regionCode = household.village.code;
  const parameter = (name: string) => ctx.loaders.parameterFact.load({ name, regionCode, year });
  const [members, povertyLine, schoolAgeFrom, schoolAgeTo] = await Promise.all([
    ctx.loaders.membersByHousehold.load(household.id),
    parameter('POVERTY_LINE'),
    parameter('COMPULSORY_SCHOOL_AGE_FROM'),
    parameter('COMPULSORY_SCHOOL_AGE_TO'),
  ]);
  return assess({ household, members, year, asOf, povertyLine, schoolAgeFrom, schoolAgeTo });
}
