import type { RequestContext } from '../../context/request-context';
import { ParameterName } from '../parameters';
import { assess, type Assurance } from './assurance';
import type { HouseholdRow } from './household.rows';

/** The exit test for a household as of a day (that year's parameters apply); members, partners' records and parameters come from the request's loaders. */
export async function householdAssurance(ctx: RequestContext, household: HouseholdRow, asOf: string): Promise<Assurance> {
  const year = Number(asOf.slice(0, 4));
  const regionCode = household.village.code;
  const parameter = (name: ParameterName) => ctx.loaders.parameterInForce.load({ name, regionCode, year });
  // Enrolments, insurance and assessments come from the education, health and housing modules' loaders, found through the context: this module imports none.
  const [members, enrolments, insurance, housingAssessments, povertyLine, schoolAgeFrom, schoolAgeTo] = await Promise.all([
    ctx.loaders.membersByHousehold.load(household.id),
    ctx.loaders.enrolmentEvidenceByHousehold.load(household.id),
    ctx.loaders.insuranceEvidenceByHousehold.load(household.id),
    ctx.loaders.housingEvidenceByHousehold.load(household.id),
    parameter(ParameterName.POVERTY_LINE),
    parameter(ParameterName.COMPULSORY_SCHOOL_AGE_FROM),
    parameter(ParameterName.COMPULSORY_SCHOOL_AGE_TO),
  ]);
  return assess({ household, members, enrolments, insurance, housingAssessments, year, asOf, povertyLine, schoolAgeFrom, schoolAgeTo });
}
