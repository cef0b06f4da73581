import { chinaToday } from '../../config/clock';
import type { RequestContext } from '../../context/request-context';
import { PersonLookup } from '../audit/access-log-entry.entity';
import { logPersonLookup } from '../audit/audit.service';
import { Member } from '../households/member.entity';
import { assertIdNumber, assertPurpose } from '../households/member.service';
import { ParameterName } from '../parameters/parameter.enums';
import { parameterLoader } from '../parameters/parameter.service';
import { rowScope } from '../../policy/row-scope';
import { judgeLoanEligibility, type LoanVerdict } from './loan-eligibility';

/** A bank's eligibility check by ID number: the verdict and its reasons only, logged with the stated purpose. */
export async function checkLoanEligibility(ctx: RequestContext, rawIdNumber: string, rawPurpose: string): Promise<LoanVerdict & { checkedOn: string }> {
  const idNumber = assertIdNumber(rawIdNumber, 'idNumber');
  const purpose = assertPurpose(rawPurpose);
  const today = chinaToday();
  const member = await ctx.em.findOne(
    Member,
    { idNumber, household: { village: rowScope(ctx.caller, 'Household', 'code') } },
    { populate: ['household'] },
  );
  const regionCode = member?.household.village.code ?? null;
  await logPersonLookup(ctx, { lookup: PersonLookup.LOAN_ELIGIBILITY, idNumber, purpose, regionCode });
  const year = Number(today.slice(0, 4));
  const parameter = (name: ParameterName) => (regionCode ? parameterLoader(ctx).load({ name, regionCode, year }) : Promise.resolve(null));
  const [ceiling, term] = await Promise.all([parameter(ParameterName.LOAN_CEILING), parameter(ParameterName.LOAN_TERM_MONTHS)]);
  const applicant = member && { birthDate: member.birthDate, labourCapacity: member.labourCapacity, householdStatus: member.household.status };
  return { ...judgeLoanEligibility(applicant, today, ceiling, term), checkedOn: today };
}
