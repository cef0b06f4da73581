import type { RequestContext } from '../../context/request-context';
import { arrayLiteral } from '../../db/array-literal';
import { rows } from '../../db/read';
import { ageProblem, ceilingProblem, invalid } from '../../sync/record-problems';
import type { Person, RecordProblem } from '../../sync/sync-kind';
import { RecordErrorCode } from '../../sync/sync.types';
import { ParameterName, parameterInForceSql } from '../parameters';
import { LoanEventKind } from './loan.enums';
import type { MicroLoanRecord } from './loan.types';

/**
 * Civil-law adulthood (民法典 第十七条) to 65, the oldest a bank commonly lends to without a
 * guarantor: a loan contract needs an adult. The seeds give no ages; a constant like employment's.
 */
export const BORROWING_AGES: readonly [number, number] = [18, 65];

/**
 * The highest annual rate a record may carry, in basis points: a plausibility guard at twice the
 * central bank's 1-to-5-year benchmark of 4.75 % the seeds' 基准利率 (DOMAIN.md) refers to, to
 * catch a rate sent in percent or per mille, not a policy figure.
 */
export const MOST_RATE_BASIS_POINTS = 950;

/** The most days an overdue report may give: ten years, past which a loan is long written off. */
export const MOST_OVERDUE_DAYS = 3650;

/** The loan ceiling (fen) and term (months) in force for a village and year, null where none is set. */
export type LoanLimits = { ceilingFen: number | null; termMonths: number | null };
export type LoanRules = { limits: Map<string, LoanLimits> };

const limitKey = (villageCode: string, date: string) => `${villageCode}:${date.slice(0, 4)}`;

/**
 * LOAN_CEILING and LOAN_TERM_MONTHS for every village and year the batch's issues and renewals
 * name, in one statement: the parameters module's resolution rule for each pair. Bindings: the
 * villages and years as two parallel arrays.
 */
const LIMITS = `select k.code || ':' || k.year as key, c.value as "ceilingFen", t.value as "termMonths"
  from unnest(?::text[], ?::int[]) as k (code, year)
  left join lateral (${parameterInForceSql(`'${ParameterName.LOAN_CEILING}'`, 'k.code', 'k.year')}) c on true
  left join lateral (${parameterInForceSql(`'${ParameterName.LOAN_TERM_MONTHS}'`, 'k.code', 'k.year')}) t on true`;

const LENDING = new Set([LoanEventKind.ISSUE, LoanEventKind.RENEWAL]);

export async function loanRules(ctx: RequestContext, matched: readonly { record: MicroLoanRecord; person: Person }[]): Promise<LoanRules> {
  const keys = [...new Set(matched.filter((m) => LENDING.has(m.record.kind)).map((m) => limitKey(m.person.villageCode, m.record.date)))];
  const limits = new Map<string, LoanLimits>();
  if (keys.length === 0) return { limits };
  const pairs = keys.map((k) => k.split(':'));
  const found = await rows<{ key: string; ceilingFen: string | null; termMonths: string | null }>(ctx, LIMITS, [arrayLiteral(pairs.map(([code]) => code)), arrayLiteral(pairs.map(([, year]) => year))]);
  const number = (v: string | null) => (v === null ? null : Number(v));
  for (const f of found) limits.set(f.key, { ceilingFen: number(f.ceilingFen), termMonths: number(f.termMonths) });
  return { limits };
}

/** Which of a record's own fields each event has: required (true), allowed (false), or absent from the map: not allowed. */
const FIELDS: Record<LoanEventKind, Partial<Record<'termMonths' | 'rateBasisPoints' | 'purpose' | 'interestSubsidised' | 'overdueDays', boolean>>> = {
  ISSUE: { termMonths: true, rateBasisPoints: true, purpose: true, interestSubsidised: true },
  RENEWAL: { termMonths: true, rateBasisPoints: false, interestSubsidised: false },
  REPAYMENT: {},
  OVERDUE: { overdueDays: true },
  WRITE_OFF: {},
};

/**
 * Each event's own fields present where it needs them and absent where it has none; a positive
 * amount; an issue or renewal within the region's and year's LOAN_CEILING and LOAN_TERM_MONTHS
 * (where none is set the record waits until the poverty office sets them), to an adult borrower.
 */
export function microLoanProblems(r: MicroLoanRecord, person: Person, rules: LoanRules): RecordProblem[] {
  const problems: RecordProblem[] = [];
  if (r.amount <= 0) problems.push(invalid('amount', `${r.kind} moves a positive amount`));
  const fields = FIELDS[r.kind];
  for (const field of ['termMonths', 'rateBasisPoints', 'purpose', 'interestSubsidised', 'overdueDays'] as const) {
    const given = r[field] != null;
    if (!given && fields[field]) problems.push(invalid(field, `${r.kind} needs its ${field}`));
    if (given && !(field in fields)) problems.push(invalid(field, `${r.kind} has no ${field}`));
  }
  if (r.rateBasisPoints != null && (r.rateBasisPoints < 0 || r.rateBasisPoints > MOST_RATE_BASIS_POINTS)) {
    problems.push(invalid('rateBasisPoints', `An annual rate of 0 to ${MOST_RATE_BASIS_POINTS} basis points (${MOST_RATE_BASIS_POINTS / 100} %)`));
  }
  if (r.overdueDays != null && (r.overdueDays < 1 || r.overdueDays > MOST_OVERDUE_DAYS)) problems.push(invalid('overdueDays', `Overdue for 1 to ${MOST_OVERDUE_DAYS} days`));
  if (!LENDING.has(r.kind)) return problems;
  problems.push(...ageProblem(person, r.date, BORROWING_AGES, 'a small loan'));
  const year = r.date.slice(0, 4);
  const limits = rules.limits.get(limitKey(person.villageCode, r.date));
  if (limits?.ceilingFen == null || limits.termMonths == null) {
    problems.push(invalid('amount', `No loan ceiling or term (LOAN_CEILING, LOAN_TERM_MONTHS) is set for this person's region in ${year}: ask the poverty office to set them`));
    return problems;
  }
  problems.push(...ceilingProblem(r.amount, limits.ceilingFen, `a small loan in ${year} (LOAN_CEILING)`));
  if (r.termMonths != null && (r.termMonths < 1 || r.termMonths > limits.termMonths)) {
    problems.push({ field: 'termMonths', code: r.termMonths < 1 ? RecordErrorCode.INVALID : RecordErrorCode.ABOVE_CEILING, message: `A term of 1 to ${limits.termMonths} months in ${year} (LOAN_TERM_MONTHS)` });
  }
  return problems;
}
