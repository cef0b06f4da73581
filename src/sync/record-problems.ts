import { fenToYuan } from '../graphql/money.scalar';
import { ageOn } from '../modules/households';
import type { Person, RecordProblem } from './sync-kind';
import { RecordErrorCode } from './sync.types';

/**
 * The refusals sectors' checks share, so that every sector words an age, a ceiling or a missing
 * value the same way and partners can branch on the code alone.
 */
export const invalid = (field: string, message: string): RecordProblem => ({ field, code: RecordErrorCode.INVALID, message });

/** The person's full years on `day` outside `[min, max]` (both included) is IMPLAUSIBLE_AGE, on idNumber. */
export function ageProblem(person: Person, day: string, [min, max]: readonly [number, number], what: string): RecordProblem[] {
  const age = ageOn(person.birthDate, day);
  if (age >= min && age <= max) return [];
  return [{ field: 'idNumber', code: RecordErrorCode.IMPLAUSIBLE_AGE, message: `This person is ${age} on ${day}; ${what} is for ages ${min} to ${max}` }];
}

/** An amount above the ceiling for its kind; a kind without a ceiling (null) is never above one. */
export function ceilingProblem(amountFen: number, ceilingFen: number | null, what: string, field = 'amount'): RecordProblem[] {
  if (ceilingFen === null || amountFen <= ceilingFen) return [];
  return [{ field, code: RecordErrorCode.ABOVE_CEILING, message: `${fenToYuan(amountFen)} is above the ceiling of ${fenToYuan(ceilingFen)} for ${what}` }];
}
