import { chinaToday } from '../../config/clock';
import type { RequestContext } from '../../context/request-context';
import { badUserInput } from '../../errors/app-error';
import { batchSize } from '../../rate-limit/person-lookups';
import { personLookupsSql, PersonLookup } from '../audit';
import { arrayLiteral } from '../../db/array-literal';
import { inlined, soleRead, statement } from '../../db/read';
import { assertIdNumber, assertPurpose } from '../households';
import { ParameterName, parameterInForceSql } from '../parameters';
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
type ApplicantColumns = Omit<Applicant, 'outstandingFen' | 'ceilingFen' | 'termMonths'> & { outstandingFen: string; ceilingFen: string | null; termMonths: string | null };

/**
 * The applicants, what their households owe every bank, and the region's loan ceiling and term for
 * the year, read and logged in one statement: a check is one round trip (issue 10), and its
 * access-log entries are kept exactly when it was answered. The debts come from
 * jingzhun_household_loan_standing (migration 2026-12-06 00), which runs as the owner because a
 * bank may not read other banks' loans, and returns only the household's sums; the parameters by
 * the parameters module's own resolution rule. The caller's scope is written into the text, as
 * SQL reads write row rules (src/sql-read), since the statement is prepared. Bindings: year, ID
 * numbers, then the access log's.
 */
const APPLICANTS = (scope: string, logged: string) => `with applicant as (
    select m.id_number as "idNumber", m.birth_date as "birthDate", m.labour_capacity as "labourCapacity",
      h.status as "householdStatus", h.village_code as "villageCode", s.outstanding_fen::text as "outstandingFen", s.overdue_loans as "overdueLoans",
      c.value::text as "ceilingFen", t.value::text as "termMonths"
    from (select ?::int as year) k
    cross join member m join household h on h.id = m.household_id
    cross join lateral jingzhun_household_loan_standing(h.id) s
    left join lateral (${parameterInForceSql(`'${ParameterName.LOAN_CEILING}'`, 'h.village_code', 'k.year')}) c on true
    left join lateral (${parameterInForceSql(`'${ParameterName.LOAN_TERM_MONTHS}'`, 'h.village_code', 'k.year')}) t on true
    where m.id_number = any(?::text[]) and ${scope}),
  logged as (${logged})
  select * from applicant`;

const orNull = (v: string | null) => (v === null ? null : Number(v));

async function judgeApplicants(ctx: RequestContext, idNumbers: string[], purpose: string): Promise<LoanCheck[]> {
  const today = chinaToday();
  const distinct = [...new Set(idNumbers)];
  const scope = rowScopeSql(ctx.caller, 'LoanEligibility', 'h.village_code');
  const logged = personLookupsSql(ctx, PersonLookup.LOAN_ELIGIBILITY, distinct, purpose, '(select "idNumber" as id_number, "villageCode" as region_code from applicant)');
  const bindings = [Number(today.slice(0, 4)), arrayLiteral(distinct), ...logged.bindings];
  const found = await soleRead<ApplicantColumns>(ctx, statement(APPLICANTS(inlined(scope.sql, scope.bindings), logged.sql), bindings.length), bindings);
  const byIdNumber = new Map<string, Applicant>(
    found.map((a) => [a.idNumber, { ...a, outstandingFen: Number(a.outstandingFen), ceilingFen: orNull(a.ceilingFen), termMonths: orNull(a.termMonths) }]),
  );
  const verdicts = new Map(distinct.map((idNumber) => [idNumber, judgeLoanEligibility(byIdNumber.get(idNumber) ?? null, today)]));
  return idNumbers.map((idNumber) => ({ ...verdicts.get(idNumber)!, idNumber, checkedOn: today }));
}
