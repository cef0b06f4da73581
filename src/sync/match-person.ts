import type { RequestContext } from '../context/request-context';
import { arrayLiteral } from '../db/array-literal';
import { rows } from '../db/read';
import { describeIdNumberProblem, normalisedIdNumber, parseIdNumber } from '../kernel/id-number';
import { inRegionScopes } from '../policy/row-rules';
import { ruleSql } from '../policy/row-scope';
import type { Matcher, Person, PersonRecord } from './subject';

/** The one answer for a person who is unknown, removed or registered elsewhere: none of the three may be told apart. */
export const PERSON_NOT_FOUND = 'No registered person with this ID number in your region';

/**
 * Registered people by ID number, in the caller's region (`scope`, on `household h`), not under
 * the household's row rule: a write needs no read, and a bank records the first loan of someone
 * it does not read yet. A removed household (status REMOVED, household.enums.ts) holds no one a
 * partner may write for. Bindings: ID numbers (array literal), then the scope's.
 */
const PEOPLE_BY_ID_NUMBER = (scope: string) => `select m.id_number as "idNumber", m.id as "memberId", m.household_id as "householdId",
    h.village_code as "villageCode", m.birth_date::text as "birthDate"
  from member m join household h on h.id = m.household_id
  where m.id_number = any (?::text[]) and h.status <> 'REMOVED' and ${scope}`;

/** Registered people by normal-form ID number, in the caller's region, in one statement. */
export const BY_ID_NUMBER: Matcher<PersonRecord, Person> = {
  field: () => 'idNumber',
  key: (record) => {
    const parsed = parseIdNumber(record.idNumber);
    return parsed.ok ? { key: normalisedIdNumber(record.idNumber) } : { problem: describeIdNumberProblem(parsed.problem) };
  },
  find: async (ctx: RequestContext, idNumbers: readonly string[]) => {
    const scope = ruleSql(inRegionScopes, ctx.caller, { alias: 'h', code: 'h.village_code' });
    const found = await rows<Person>(ctx, PEOPLE_BY_ID_NUMBER(scope.sql), [arrayLiteral(idNumbers), ...scope.bindings]);
    return new Map(found.map((p) => [p.idNumber, p]));
  },
  notFound: PERSON_NOT_FOUND,
};
