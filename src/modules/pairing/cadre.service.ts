import { randomUUID } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { chinaToday } from '../../config/clock';
import type { RequestContext } from '../../context/request-context';
import { rows } from '../../db/read';
import { badUserInput, notFound } from '../../errors/app-error';
import { Role } from '../../kernel/role';
import { rowScopeSql } from '../../policy/row-scope';
import { audited } from '../audit';
import { findVisibleOrganisation } from '../auth';
import { HouseholdStatus } from '../households';
import { findParameterInForce, ParameterName } from '../parameters';
import { findVillage } from '../regions';
import { Cadre, CadrePairing, PairingVisit, WorkTeam } from './cadre.entities';
import { PAIRING_COLUMNS, type CadrePairingRow, type CadreRow, type PairingVisitRow, type WorkTeamRow } from './cadre.rows';
import type { CadreInput, VisitInput } from './cadre.types';

const idOf = (id: string, field: string) => {
  if (!/^\d{1,10}$/.test(id)) throw badUserInput(`${field} must be an id`, field);
  return Number(id);
};

/** A backing unit the caller may see; another role's organisation is a mistake the caller must hear of. */
async function backingUnit(ctx: RequestContext, unitId: string) {
  const unit = await findVisibleOrganisation(ctx, unitId);
  if (unit.role !== Role.BACKING_UNIT) throw badUserInput('Cadres and work teams belong to a BACKING_UNIT organisation 后盾单位', 'unitId');
  return unit;
}

/** A cadre under the caller's row rule on Cadre, or NOT_FOUND. */
async function visibleCadre(ctx: RequestContext, id: number): Promise<{ id: number; unitId: number }> {
  const scope = rowScopeSql(ctx.caller, 'Cadre', 'c.region_code');
  const [found] = await rows<{ id: number; unitId: number }>(ctx, `select c.id, c.organisation_id as "unitId" from cadre c where c.id = ? and ${scope.sql}`, [id, ...scope.bindings]);
  if (!found) throw notFound(`No cadre ${id} in your region`);
  return found;
}

export async function addCadre(ctx: RequestContext, input: CadreInput): Promise<CadreRow> {
  const unit = await backingUnit(ctx, input.unitId);
  return audited(ctx, 'addCadre', async (em) => {
    // The unit's first scope as a 12-digit code: the county boundary row-level security keeps its cadres within.
    const cadre = em.create(Cadre, { unitId: unit.id, regionCode: unit.scopes[0].padEnd(12, '0'), name: input.name.trim(), title: input.title?.trim() || null, unitHead: input.unitHead ?? false });
    await em.flush();
    return { id: cadre.id, name: cadre.name, title: cadre.title, unitHead: cadre.unitHead, activePairings: 0 };
  });
}

/** A village's work team; one that replaces the team in the village now ends that one the day before (驻村轮换). */
export async function formWorkTeam(ctx: RequestContext, unitId: string, villageCode: string, firstSecretaryId: string, since: string): Promise<WorkTeamRow> {
  const unit = await backingUnit(ctx, unitId);
  const village = await findVillage(ctx, villageCode);
  if (!village) throw notFound(`No village ${villageCode} in your region`);
  const secretary = await visibleCadre(ctx, idOf(firstSecretaryId, 'firstSecretaryId'));
  if (secretary.unitId !== unit.id) throw badUserInput('The first secretary 第一书记 is a cadre of the team’s own unit', 'firstSecretaryId');
  if (since > chinaToday()) throw badUserInput(`${since} is in the future`, 'since');
  return audited(ctx, 'formWorkTeam', async (em) => {
    const current = await em.findOne(WorkTeam, { villageCode: village.code, endedOn: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (current) {
      if (current.since >= since) throw badUserInput(`The village's team has been there since ${current.since}: a new one starts after it`, 'since');
      current.endedOn = new Date(Date.parse(since) - 86_400_000).toISOString().slice(0, 10);
      await em.flush();
    }
    const team = em.create(WorkTeam, { unitId: unit.id, villageCode: village.code, firstSecretaryId: secretary.id, since });
    await em.flush();
    return { id: team.id, villageCode: team.villageCode, firstSecretaryId: team.firstSecretaryId, since: team.since, endedOn: null };
  });
}

/**
 * Pairs a cadre with a household (结对帮扶). Refused: a household removed from the register, one
 * paired now (end that pairing first: a change of cadre keeps both), and a cadre with PAIRING_LIMIT
 * households already (每名帮扶责任人结对不超过5户, seed 000), counted with the cadre's row locked so
 * that two concurrent pairings cannot both take the last place.
 */
export async function pairCadre(ctx: RequestContext, cadreId: string, householdId: string, since: string): Promise<CadrePairingRow> {
  const cadre = await visibleCadre(ctx, idOf(cadreId, 'cadreId'));
  const scope = rowScopeSql(ctx.caller, 'Household', 'h.village_code');
  const [household] = await rows<{ id: number; villageCode: string; status: string }>(
    ctx,
    `select h.id, h.village_code as "villageCode", h.status from household h where h.id = ? and ${scope.sql}`,
    [idOf(householdId, 'householdId'), ...scope.bindings],
  );
  if (!household || household.status === HouseholdStatus.REMOVED) throw notFound(`No registered household ${householdId} in your region`);
  if (since > chinaToday()) throw badUserInput(`${since} is in the future`, 'since');
  const limit = await findParameterInForce(ctx, ParameterName.PAIRING_LIMIT, household.villageCode, Number(since.slice(0, 4)));
  if (!limit) throw badUserInput(`No PAIRING_LIMIT is in force for ${household.villageCode} in ${since.slice(0, 4)}`, 'since');
  return audited(ctx, 'pairCadre', async (em) => {
    await em.findOneOrFail(Cadre, cadre.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const active = await em.count(CadrePairing, { cadreId: cadre.id, endedOn: null });
    if (active >= limit.value) throw badUserInput(`Cadre ${cadre.id} is paired with ${active} households, the most PAIRING_LIMIT allows (${limit.value}, ${limit.source})`, 'cadreId');
    if (await em.count(CadrePairing, { householdId: household.id, endedOn: null })) {
      throw badUserInput(`Household ${household.id} has a cadre now: end that pairing (endPairing) before pairing another`, 'householdId');
    }
    const pairing = em.create(CadrePairing, { cadreId: cadre.id, unitId: cadre.unitId, householdId: household.id, villageCode: household.villageCode, since });
    await em.flush();
    return { id: pairing.id, cadreId: cadre.id, householdId: household.id, villageCode: household.villageCode, since, endedOn: null, endReason: null };
  });
}

/** A pairing under the caller's row rule on CadrePairing, or NOT_FOUND. */
async function visiblePairing(ctx: RequestContext, id: string, field: string): Promise<CadrePairingRow & { unitId: number }> {
  const scope = rowScopeSql(ctx.caller, 'CadrePairing', 'p.village_code');
  const [found] = await rows<CadrePairingRow & { unitId: number }>(
    ctx,
    `select ${PAIRING_COLUMNS}, p.organisation_id as "unitId" from cadre_pairing p where p.id = ? and ${scope.sql}`,
    [idOf(id, field), ...scope.bindings],
  );
  if (!found) throw notFound(`No pairing ${id} in your region`);
  return found;
}

/** Ends a pairing on a day, with a reason; ending one ended already is refused. */
export async function endPairing(ctx: RequestContext, pairingId: string, endedOn: string, reason: string): Promise<CadrePairingRow> {
  const found = await visiblePairing(ctx, pairingId, 'pairingId');
  if (found.endedOn) throw badUserInput(`Pairing ${found.id} ended on ${found.endedOn}`, 'pairingId');
  if (endedOn < found.since || endedOn > chinaToday()) throw badUserInput(`endedOn must be from ${found.since} to today`, 'endedOn');
  return audited(ctx, 'endPairing', async (em) => {
    const pairing = await em.findOneOrFail(CadrePairing, found.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (pairing.endedOn) throw badUserInput(`Pairing ${found.id} ended on ${pairing.endedOn}`, 'pairingId');
    pairing.endedOn = endedOn;
    pairing.endReason = reason.trim();
    await em.flush();
    const { unitId: _unit, ...row } = found;
    return { ...row, endedOn, endReason: pairing.endReason };
  });
}

/**
 * A visit on a pairing the caller sees (a unit: its own), on a day within the pairing, under the
 * caller's externalId or one made for it: the key the engine's retraction (retractVisits) takes,
 * answered so that a visit logged one at a time can be retracted like one sent in a batch.
 */
export async function logVisit(ctx: RequestContext, input: VisitInput): Promise<PairingVisitRow> {
  const pairing = await visiblePairing(ctx, input.pairingId, 'pairingId');
  if (input.date < pairing.since || input.date > (pairing.endedOn ?? chinaToday())) {
    throw badUserInput(`The visit's date must be from ${pairing.since} to ${pairing.endedOn ?? 'today'}`, 'date');
  }
  const externalId = input.externalId ?? `logVisit:${randomUUID()}`;
  const taken = () => badUserInput(`externalId ${externalId} already names a visit you recorded: recordVisits updates it`, 'externalId');
  const [held] = await rows(ctx, 'select 1 from pairing_visit where organisation_id = ? and external_id = ?', [ctx.caller.organisationId, externalId]);
  if (held) throw taken();
  try {
    return await audited(ctx, 'logVisit', async (em) => {
      const visit = em.create(PairingVisit, {
        writerId: ctx.caller.organisationId,
        apiKeyId: ctx.caller.apiKeyId,
        externalId,
        householdId: pairing.householdId,
        villageCode: pairing.villageCode,
        date: input.date,
        pairingId: pairing.id,
        unitId: pairing.unitId,
        findings: input.findings.trim(),
        measuresDiscussed: input.measuresDiscussed.trim(),
        unitHeadPresent: input.unitHeadPresent ?? false,
      });
      await em.flush();
      const { id, date, findings, measuresDiscussed, unitHeadPresent } = visit;
      return { id, pairingId: pairing.id, date, findings, measuresDiscussed, unitHeadPresent, externalId };
    });
  } catch (error) {
    // Logged meanwhile under the same externalId, after the look above: refused the same way.
    if (error instanceof UniqueConstraintViolationException) throw taken();
    throw error;
  }
}
