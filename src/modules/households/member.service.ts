import type { RequestContext } from '../../context/request-context';
import { badUserInput } from '../../errors/app-error';
import { textProblem, TEXT } from '../../kernel/text';
import { rows } from '../../db/read';
import { rowScopeSql } from '../../policy/row-scope';
import { PersonLookup } from '../audit';
import { logPersonLookup } from '../audit';
import { describeIdNumberProblem, normalisedIdNumber, parseIdNumber } from '../../kernel/id-number';
import { MEMBER_COLUMNS, toMemberRow, type MemberColumns, type MemberRow } from './household.rows';

/** Every ID number that enters the system is checked here first (GB 11643). */
export function assertIdNumber(value: string, field: string): string {
  const parsed = parseIdNumber(value);
  if (!parsed.ok) throw badUserInput(describeIdNumberProblem(parsed.problem), field);
  return normalisedIdNumber(value);
}

/** The edge has checked it already; this keeps the access log's rule where the log is written, with the same limits. */
export function assertPurpose(purpose: string): string {
  const problem = textProblem(purpose, TEXT.PURPOSE);
  if (problem) throw badUserInput(`purpose must say why you look this person up: it ${problem}`, 'purpose');
  return purpose.trim();
}

/** The caller's row rule on members, as SQL on `member m join household h` (the region is the household's village). */
export const memberScope = (ctx: RequestContext) => rowScopeSql(ctx.caller, 'Member', { alias: 'm', code: 'h.village_code' });

const MEMBER_BY_ID_NUMBER = (scope: string) => `select ${MEMBER_COLUMNS}, h.village_code as "villageCode"
  from member m join household h on h.id = m.household_id where m.id_number = ? and ${scope}`;

/**
 * A person by exact ID number, if registered within the caller's scope. Every look-up is logged
 * with the caller and the stated purpose, found or not (PIPL: purpose limitation).
 */
export async function findMemberByIdNumber(ctx: RequestContext, rawIdNumber: string, rawPurpose: string): Promise<MemberRow | null> {
  const idNumber = assertIdNumber(rawIdNumber, 'idNumber');
  const purpose = assertPurpose(rawPurpose);
  const scope = memberScope(ctx);
  const [found] = await rows<MemberColumns & { villageCode: string }>(ctx, MEMBER_BY_ID_NUMBER(scope.sql), [idNumber, ...scope.bindings]);
  await logPersonLookup(ctx, { lookup: PersonLookup.MEMBER, idNumber, purpose, regionCode: found?.villageCode ?? null });
  if (!found) return null;
  const { villageCode: _villageCode, ...member } = found;
  return toMemberRow(member);
}
