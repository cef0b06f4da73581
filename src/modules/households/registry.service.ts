import { chinaToday, chinaYear } from '../../config/clock';
import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../context/request-context';
import { arrayLiteral } from '../../db/array-literal';
import { badUserInput, conflict, InputProblems, notFound } from '../../errors/app-error';
import { audited } from '../audit';
import { Organisation } from '../auth';
import type { RegionRow } from '../regions';
import { findVillage } from '../regions';
import { householdAssurance } from './assurance.service';
import { HouseholdIdentification } from './household-identification.entity';
import { HouseholdStatusChange } from './household-status-change.entity';
import { Household } from './household.entity';
import { HouseholdStatus } from './household.enums';
import { rowScope } from '../../policy/row-scope';
import { checkDisability, checkMember } from './member-input';
import { normalisedIdNumber } from '../../kernel/id-number';
import { Member } from './member.entity';
import { Relation } from './member.enums';
import { EXCLUSION_TEXT, exclusionsHit, exitYearAfter, isAllowedTransition, priorityScore, TRANSITIONS } from './registry-rules';
import { type MemberChangeReason, StatusChangeKind, Verdict } from './registry.enums';
import type { HouseholdPatch, MemberInput, MemberPatch, OverrideInput, RegisterHouseholdInput, StatusChangeInput } from './registry.types';

const FIRST_REGISTRATION_YEAR = 2013;


// Lengths of reasons and justifications are checked at the edge (kernel TEXT).
const justificationOf = (override: OverrideInput | null | undefined): string | null => override?.justification.trim() ?? null;

/** A household the caller may write, or NOT_FOUND; a stale version is CONFLICT with the current one. */
async function householdForWrite(ctx: RequestContext, em: EntityManager, id: string, version?: number): Promise<Household> {
  const household = /^\d{1,10}$/.test(id)
    ? await em.findOne(Household, { id: Number(id), village: rowScope(ctx.caller, 'Household', 'code') }, { populate: ['village'] })
    : null;
  if (!household) throw notFound(`No household ${id} in your region`);
  if (version !== undefined && household.version !== version) {
    throw conflict(`Household ${id} has changed since version ${version}: read it again and re-apply`, household.version);
  }
  return household;
}

/** All a caller learns of a person registered elsewhere: no county, household or name. */
const ALREADY_REGISTERED = 'This person is already registered 已建档立卡';

/**
 * Refuses people who are registered already, anywhere, each by its input field, and leaves the
 * attempt in the access log where the holder county's oversight sees it. The caller may not read
 * or write the holder's rows, so a function of the owner's (migrations 2026-12-01 10 and 11) looks and
 * logs. The log entry is written in the request's own transaction, outside the refused write.
 */
async function refuseRegistered(ctx: RequestContext, operation: string, people: { field: string; idNumber: string }[]): Promise<void> {
  const registered = await ctx.em.execute<{ id_number: string }[]>('select jingzhun_log_registration_attempt(?::text[], ?, ?) as id_number', [
    arrayLiteral(people.map((p) => p.idNumber)),
    ctx.caller.apiKeyId,
    `${operation} refused: already registered`,
  ]);
  const found = new Set(registered.map((r) => r.id_number));
  const problems = new InputProblems();
  for (const person of people.filter((p) => found.has(p.idNumber))) problems.add(person.field, ALREADY_REGISTERED);
  problems.throwIfAny();
}

/** Maps the database's refusals that input can cause to the caller's errors. */
async function flushWrite(em: EntityManager, current: () => number): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof OptimisticLockError) throw conflict('Changed by someone else meanwhile: read it again and re-apply', current());
    // Registered meanwhile, after refuseRegistered looked: refused the same way, without the trace.
    if (error instanceof UniqueConstraintViolationException && /id_number/.test(error.message)) throw badUserInput(ALREADY_REGISTERED, 'idNumber');
    throw error;
  }
}

function recordHistory(
  ctx: RequestContext,
  em: EntityManager,
  household: Household,
  entry: { kind: StatusChangeKind; from: HouseholdStatus | null; reason: string; effectiveDate: string; override?: string | null; failedItems?: string[] },
): void {
  em.create(HouseholdStatusChange, {
    household,
    kind: entry.kind,
    fromStatus: entry.from,
    toStatus: household.status,
    reason: entry.reason,
    effectiveDate: entry.effectiveDate,
    organisation: em.getReference(Organisation, ctx.caller.organisationId),
    overrideJustification: entry.override ?? null,
    failedItems: entry.failedItems ?? [],
  });
}

function checkRegistration(input: RegisterHouseholdInput, village: RegionRow, problems: InputProblems): void {
  if (!Number.isInteger(input.groupNo) || input.groupNo < 1 || input.groupNo > (village.groupCount ?? 0)) {
    problems.add('groupNo', `must be a village group of ${village.name}, 1 to ${village.groupCount}`);
  }
  const year = chinaYear();
  if (input.registrationYear < FIRST_REGISTRATION_YEAR || input.registrationYear > year) {
    problems.add('registrationYear', `must be ${FIRST_REGISTRATION_YEAR} to ${year}`);
  }
  if (input.causes.length === 0) problems.add('causes', 'must name at least one cause of poverty (致贫原因)');
  if (input.members.length === 0) problems.add('members', 'must list the household members');
  const heads = input.members.filter((m) => m.relation === Relation.HEAD).length;
  if (heads !== 1) problems.add('members', `must have exactly one HEAD (户主), not ${heads}`);
  const seen = new Set<string>();
  input.members.forEach((member, i) => {
    checkMember(problems, `members[${i}]`, member, chinaToday());
    const id = normalisedIdNumber(member.idNumber);
    if (seen.has(id)) problems.add(`members[${i}].idNumber`, 'appears twice in this household');
    seen.add(id);
  });
}

function newMember(em: EntityManager, household: Household, input: MemberInput): Member {
  return em.create(Member, { ...input, name: input.name.trim(), idNumber: normalisedIdNumber(input.idNumber), household, disabilityGrade: input.disabilityGrade ?? null });
}

/** The next household number in a village; the advisory lock serialises registrations in one village. */
async function nextHouseholdNumber(em: EntityManager, villageCode: string): Promise<string> {
  await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`household-number:${villageCode}`]);
  const [row] = await em.execute<{ next: number }[]>(
    `select coalesce(max(right(number, 4)::int), 0) + 1 as next from household where village_code = ?`,
    [villageCode],
  );
  return `${villageCode}${String(row.next).padStart(4, '0')}`;
}

/**
 * 新识别: registers a household with its members. A household that 五不录 excludes is refused,
 * naming each rule, unless a written override is given; the override is kept and audited.
 */
export async function registerHousehold(ctx: RequestContext, input: RegisterHouseholdInput): Promise<Household> {
  const village = await findVillage(ctx, input.villageCode);
  if (!village) throw notFound(`No village ${input.villageCode} in your region`);
  const problems = new InputProblems('input');
  checkRegistration(input, village, problems);
  const justification = justificationOf(input.override);
  problems.throwIfAny();
  await refuseRegistered(ctx, 'registerHousehold', input.members.map((m, i) => ({ field: `input.members[${i}].idNumber`, idNumber: normalisedIdNumber(m.idNumber) })));
  const excluded = exclusionsHit(input.identification);
  if (excluded.length && !justification) {
    throw badUserInput(`五不录: ${excluded.map((r) => `${r} ${EXCLUSION_TEXT[r]}`).join('; ')}. Give an override with a written justification to register anyway.`, 'input.identification');
  }
  return audited(ctx, 'registerHousehold', async (em) => {
    const { identification, members, override: _override, incomePerCapita, ...facts } = input;
    const household = em.create(Household, {
      ...facts,
      number: await nextHouseholdNumber(em, village.code),
      village: village.code,
      incomePerCapitaFen: incomePerCapita,
      status: HouseholdStatus.NOT_EXITED,
      exitYear: null,
      priorityScore: priorityScore(members, input.housingGrade, identification.disasterVictim),
    });
    em.create(HouseholdIdentification, { household, ...identification, excludedBy: excluded, overrideJustification: justification });
    members.forEach((m) => newMember(em, household, m));
    recordHistory(ctx, em, household, { kind: StatusChangeKind.IDENTIFICATION, from: null, reason: '新识别 registration', effectiveDate: chinaToday(), override: justification });
    await flushWrite(em, () => 1);
    return household;
  });
}

export async function updateHousehold(ctx: RequestContext, id: string, version: number, patch: HouseholdPatch): Promise<Household> {
  return audited(ctx, 'updateHousehold', async (em) => {
    const household = await householdForWrite(ctx, em, id, version);
    const problems = new InputProblems();
    if (patch.groupNo !== undefined && (patch.groupNo < 1 || patch.groupNo > (household.village.groupCount ?? 0))) {
      problems.add('patch.groupNo', `must be 1 to ${household.village.groupCount}`);
    }
    if (patch.causes !== undefined && patch.causes.length === 0) problems.add('patch.causes', 'must name at least one cause');
    problems.throwIfAny();
    const { incomePerCapita, ...rest } = patch;
    em.assign(household, { ...rest, ...(incomePerCapita !== undefined ? { incomePerCapitaFen: incomePerCapita } : {}) });
    await flushWrite(em, () => household.version);
    return household;
  });
}

/**
 * 动态调整: a status change allowed by TRANSITIONS, dated and explained. Exiting runs the exit
 * test as of the effective date and is refused with the failing items unless overridden.
 */
export async function changeHouseholdStatus(ctx: RequestContext, id: string, version: number, change: StatusChangeInput): Promise<Household> {
  return audited(ctx, 'changeHouseholdStatus', async (em) => {
    const household = await householdForWrite(ctx, em, id, version);
    const problems = new InputProblems();
    const reason = change.reason.trim();
    const justification = justificationOf(change.override);
    if (change.effectiveDate > chinaToday()) problems.add('change.effectiveDate', 'must not be in the future');
    if (Number(change.effectiveDate.slice(0, 4)) < household.registrationYear) problems.add('change.effectiveDate', 'must not be before the registration year');
    if (!isAllowedTransition(household.status, change.to)) {
      problems.add('change.to', `a ${household.status} household cannot become ${change.to}; allowed: ${TRANSITIONS[household.status].join(', ') || 'none'}`);
    }
    problems.throwIfAny();
    const failedItems = change.to === HouseholdStatus.EXITED ? await failedExitItems(ctx, household, change.effectiveDate) : [];
    if (failedItems.length && !justification) {
      throw badUserInput(`The exit test 一超过两不愁三保障 fails: ${failedItems.map((f) => `${f.item} ${f.verdict}`).join(', ')}`, 'change.to');
    }
    const from = household.status;
    household.status = change.to;
    household.exitYear = exitYearAfter(change.to, Number(change.effectiveDate.slice(0, 4)), household.exitYear ?? null);
    recordHistory(ctx, em, household, {
      kind: StatusChangeKind.STATUS,
      from,
      reason,
      effectiveDate: change.effectiveDate,
      override: failedItems.length ? justification : null,
      failedItems: failedItems.map((f) => f.item),
    });
    await flushWrite(em, () => household.version);
    return household;
  });
}

async function failedExitItems(ctx: RequestContext, household: Household, effectiveDate: string) {
  ctx.loaders.membersByHousehold.clear(household.id);
  const assurance = await householdAssurance(ctx, household, effectiveDate);
  return assurance.items.filter((i) => i.verdict !== Verdict.MET);
}

/** 自然增加: a member joins (birth, marriage, moving in); recorded in the household's history. */
export async function addMember(ctx: RequestContext, householdId: string, input: MemberInput, reason: MemberChangeReason, effectiveDate: string): Promise<Member> {
  const problems = new InputProblems();
  checkMember(problems, 'member', input, chinaToday());
  if (input.relation === Relation.HEAD) problems.add('member.relation', 'a household has one HEAD already; change relations with updateMember');
  if (effectiveDate > chinaToday()) problems.add('effectiveDate', 'must not be in the future');
  problems.throwIfAny();
  await refuseRegistered(ctx, 'addMember', [{ field: 'member.idNumber', idNumber: normalisedIdNumber(input.idNumber) }]);
  return audited(ctx, 'addMember', async (em) => {
    const household = await householdForWrite(ctx, em, householdId);
    const member = newMember(em, household, input);
    recordHistory(ctx, em, household, { kind: StatusChangeKind.MEMBER_ADDED, from: household.status, reason: `${reason}: ${member.name}`, effectiveDate });
    await flushWrite(em, () => household.version);
    ctx.loaders.membersByHousehold.clear(household.id);
    return member;
  });
}

async function memberForWrite(ctx: RequestContext, em: EntityManager, id: string, version: number): Promise<Member> {
  const member = /^\d{1,10}$/.test(id)
    ? await em.findOne(Member, { id: Number(id), household: { village: rowScope(ctx.caller, 'Household', 'code') } }, { populate: ['household', 'household.village'] })
    : null;
  if (!member) throw notFound(`No member ${id} in your region`);
  if (member.version !== version) throw conflict(`Member ${id} has changed since version ${version}: read it again and re-apply`, member.version);
  return member;
}

export async function updateMember(ctx: RequestContext, id: string, version: number, patch: MemberPatch): Promise<Member> {
  return audited(ctx, 'updateMember', async (em) => {
    const member = await memberForWrite(ctx, em, id, version);
    const problems = new InputProblems();
    if (patch.name !== undefined && patch.name.trim().length === 0) problems.add('patch.name', 'must not be empty');
    if (patch.relation !== undefined && (patch.relation === Relation.HEAD) !== (member.relation === Relation.HEAD)) {
      problems.add('patch.relation', 'a change of head (户主变更) is not supported yet: the HEAD stays HEAD');
    }
    checkDisability(problems, 'patch', patch.health ?? member.health, patch.disabilityGrade !== undefined ? patch.disabilityGrade : member.disabilityGrade);
    problems.throwIfAny();
    em.assign(member, patch);
    await flushWrite(em, () => member.version);
    ctx.loaders.membersByHousehold.clear(member.household.id);
    return member;
  });
}

/** 自然减少: a member leaves (death, marriage, moving out). The head cannot leave while others stay. */
export async function removeMember(ctx: RequestContext, id: string, version: number, reason: MemberChangeReason, effectiveDate: string): Promise<Household> {
  if (effectiveDate > chinaToday()) throw badUserInput('effectiveDate must not be in the future', 'effectiveDate');
  return audited(ctx, 'removeMember', async (em) => {
    const member = await memberForWrite(ctx, em, id, version);
    const household = member.household;
    if (member.relation === Relation.HEAD) throw badUserInput('The head of household cannot be removed: a change of head (户主变更) is not supported yet', 'id');
    em.remove(member);
    recordHistory(ctx, em, household, { kind: StatusChangeKind.MEMBER_REMOVED, from: household.status, reason: `${reason}: ${member.name}`, effectiveDate });
    await flushWrite(em, () => household.version);
    ctx.loaders.membersByHousehold.clear(household.id);
    return household;
  });
}


/**
 * 合户: the members of one household join another in the same village. The household merged away
 * keeps its records and history and leaves the registry as REMOVED, its history saying MERGE.
 */
export async function mergeHouseholds(
  ctx: RequestContext,
  into: { id: string; version: number },
  from: { id: string; version: number },
  reason: string,
  effectiveDate: string,
): Promise<Household> {
  const problems = new InputProblems();
  const why = reason.trim();
  if (effectiveDate > chinaToday()) problems.add('effectiveDate', 'must not be in the future');
  if (into.id === from.id) problems.add('fromId', 'must be another household');
  problems.throwIfAny();
  return audited(ctx, 'mergeHouseholds', async (em) => {
    const target = await householdForWrite(ctx, em, into.id, into.version);
    const merged = await householdForWrite(ctx, em, from.id, from.version);
    if (merged.village.code !== target.village.code) throw badUserInput('Households merge only within one village', 'fromId');
    if (target.status === HouseholdStatus.REMOVED || merged.status === HouseholdStatus.REMOVED) throw badUserInput('A removed household cannot take part in a merge', 'fromId');
    const movers = await em.find(Member, { household: merged });
    for (const member of movers) {
      member.household = target;
      if (member.relation === Relation.HEAD) member.relation = Relation.OTHER;
    }
    const fromStatus = merged.status;
    merged.status = HouseholdStatus.REMOVED;
    recordHistory(ctx, em, target, { kind: StatusChangeKind.MERGE, from: target.status, reason: `${why}: 并入 #${merged.id} ${merged.number}`, effectiveDate });
    recordHistory(ctx, em, merged, { kind: StatusChangeKind.MERGE, from: fromStatus, reason: `${why}: 并入 #${target.id} ${target.number}`, effectiveDate });
    // The target's composition changed: touching it moves its version, so a concurrent writer sees CONFLICT.
    target.updatedAt = new Date();
    await flushWrite(em, () => target.version);
    ctx.loaders.membersByHousehold.clearAll();
    return target;
  });
}
