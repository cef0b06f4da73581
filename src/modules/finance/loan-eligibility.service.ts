import { chinaToday } from '../../config/clock';
import type { RequestContext } from '../../context/request-context';
import { badUserInput } from '../../errors/app-error';
import { batchSize } from '../../rate-limit/person-lookups';
import { PersonLookup } from '../audit';
import { logPersonLookups } from '../audit';
import { arrayLiteral } from '../../db/array-literal';
import { rows } from '../../db/read';
import { assertIdNumber, assertPurpose } from '../households';
import { ParameterName } from '../parameters';
import { parameterLoader } from '../parameters';
import { rowScopeSql } from '../../policy/row-scope';
import { judgeLoanEligibility, type LoanApplicant, type LoanVerdict } from './loan-eligibility';

export type LoanCheck = LoanVerdict & { idNumber: string; checkedOn: string };

/** A bank's eligibility check by ID number: the verdict and its reasons only, logged with the stated purpose. */
export async function checkLoanEligibility(ctx: RequestContext, rawIdNumber: string, rawPurpose: string): Promise<LoanCheck> {
  const [check] = await judgeApplicants(ctx, [assertIdNumber(rawIdNumber, 'idNumber')], assertPurpose(rawPurpose));
  return check;
}

/** The same check for up to 100 applicants with one purpose: one query, one insert into the access log, answers in the order asked. */
export async function checkLoanEligibilities(ctx: RequestContext, rawIdNumbers: string[], rawPurpose: string): Promise<LoanCheck[]> {
  if (batchSize(rawIdNumbers) === 0) throw badUserInput('idNumbers must name at least one ID number', 'idNumbers');
  const idNumbers = rawIdNumbers.map((id, i) => assertIdNumber(id, `idNumbers[${i}]`));
  return judgeApplicants(ctx, idNumbers, assertPurpose(rawPurpose));
}

/** What the verdict reads of each applicant registered within the caller's scope, and where, for the access log. */
type Applicant = NonNullable<LoanApplicant> & { idNumber: string; villageCode: string };

const APPLICANTS = (scope: string) => `select m.id_number as "idNumber", m.birth_date as "birthDate", m.labour_capacity as "labourCapacity",
    h.status as "householdStatus", h.village_code as "villageCode"
  from member m join household h on h.id = m.household_id where m.id_number = any(?::text[]) and ${scope}`;

async function judgeApplicants(ctx: RequestContext, idNumbers: string[], purpose: string): Promise<LoanCheck[]> {
  const today = chinaToday();
  const year = Number(today.slice(0, 4));
  const distinct = [...new Set(idNumbers)];
  const scope = rowScopeSql(ctx.caller, 'Household', 'h.village_code');
  const found = await rows<Applicant>(ctx, APPLICANTS(scope.sql), [arrayLiteral(distinct), ...scope.bindings]);
  const byIdNumber = new Map(found.map((a) => [a.idNumber, a]));
  const regionOf = (id: string) => byIdNumber.get(id)?.villageCode ?? null;
  await logPersonLookups(ctx, distinct.map((idNumber) => ({ lookup: PersonLookup.LOAN_ELIGIBILITY, idNumber, purpose, regionCode: regionOf(idNumber) })));
  const parameter = (name: ParameterName, regionCode: string | null) => (regionCode ? parameterLoader(ctx).load({ name, regionCode, year }) : Promise.resolve(null));
  const verdicts = new Map(
    await Promise.all(
      distinct.map(async (idNumber) => {
        const applicant = byIdNumber.get(idNumber);
        const regionCode = regionOf(idNumber);
        const [ceiling, term] = await Promise.all([parameter(ParameterName.LOAN_CEILING, regionCode), parameter(ParameterName.LOAN_TERM_MONTHS, regionCode)]);
        return [idNumber, judgeLoanEligibility(applicant ?? null, today, ceiling, term)] as const;
      }),
    ),
  );
  return idNumbers.map((idNumber) => ({ ...verdicts.get(idNumber)!, idNumber, checkedOn: today }));
}
