import type { RequestContext } from '../../context/request-context';
import { ParameterName } from '../parameters';
import { parameterLoader } from '../parameters';
import { assess, type Assurance } from './assurance';
import type { HouseholdRow } from './household.rows';

/** The exit test for a household as of a day (that year's parameters apply); members, enrolments and parameters come from the request's loaders. */
export async function householdAssurance(ctx: RequestContext, household: HouseholdRow, asOf: string): Promise<Assurance> {
  const year = Number(asOf.slice(0, 4));
  const regionCode = household.village.code;
  const parameter = (name: ParameterName) => parameterLoader(ctx).load({ name, regionCode, year });
  // Enrolments come from the education module's loader, found through the context: this module imports none of it.
  const [members, enrolments, povertyLine, schoolAgeFrom, schoolAgeTo] = await Promise.all([
    ctx.loaders.membersByHousehold.load(household.id),
    ctx.loaders.enrolmentEvidenceByHousehold.load(household.id),
    parameter(ParameterName.POVERTY_LINE),
    parameter(ParameterName.COMPULSORY_SCHOOL_AGE_FROM),
    parameter(ParameterName.COMPULSORY_SCHOOL_AGE_TO),
  ]);
  return assess({ household, members, enrolments, year, asOf, povertyLine, schoolAgeFrom, schoolAgeTo });
}
