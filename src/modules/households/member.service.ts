import type { RequestContext } from '../../context/request-context';
import { badUserInput } from '../../errors/app-error';
import { rowScope } from '../../policy/row-scope';
import { PersonLookup } from '../audit/access-log-entry.entity';
import { logPersonLookup } from '../audit/audit.service';
import { describeIdNumberProblem, parseIdNumber } from './id-number';
import { Member } from './member.entity';

const PURPOSE_MIN = 4;
const PURPOSE_MAX = 200;

/** Every ID number that enters the system is checked here first (GB 11643). */
export function assertIdNumber(value: string, field: string): string {
  const parsed = parseIdNumber(value);
  if (!parsed.ok) throw badUserInput(describeIdNumberProblem(parsed.problem), field);
  return value.trim().toUpperCase();
}

export function assertPurpose(purpose: string): string {
  const trimmed = purpose.trim();
  if (trimmed.length < PURPOSE_MIN || trimmed.length > PURPOSE_MAX) {
    throw badUserInput(`purpose must say why you look this person up, in ${PURPOSE_MIN} to ${PURPOSE_MAX} characters`, 'purpose');
  }
  return trimmed;
}

/**
 * A person by exact ID number, if registered within the caller's scope. Every look-up is logged
 * with the caller and the stated purpose, found or not (PIPL: purpose limitation).
 */
export async function findMemberByIdNumber(ctx: RequestContext, rawIdNumber: string, rawPurpose: string): Promise<Member | null> {
  const idNumber = assertIdNumber(rawIdNumber, 'idNumber');
  const purpose = assertPurpose(rawPurpose);
  const member = await ctx.em.findOne(
    Member,
    { idNumber, household: { village: rowScope(ctx.caller, 'Household', 'code') } },
    { populate: ['household'] },
  );
  await logPersonLookup(ctx, { lookup: PersonLookup.MEMBER, idNumber, purpose, regionCode: member?.household.village.code ?? null });
  return member;
}
