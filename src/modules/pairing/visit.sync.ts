import type { RequestContext } from '../../context/request-context';
import { arrayLiteral } from '../../db/array-literal';
import { rows } from '../../db/read';
import { rowScopeSql } from '../../policy/row-scope';
import { invalid } from '../../sync/record-problems';
import { defineSubjectSyncKind, type Subject } from '../../sync/sync-kind';
import type { VisitRecord } from './cadre.types';

/** A visit's subject: the pairing it is logged on, with its household and unit. */
type PairingSubject = Subject & { pairingId: number; unitId: number; since: string; endedOn: string | null };

/** Pairings by id under the caller's row rule on CadrePairing (a unit: its own). Bindings: ids (array literal), the scope's. */
const PAIRINGS_BY_ID = (scope: string) => `select p.id as "pairingId", null::int as "memberId", p.household_id as "householdId", p.village_code as "villageCode",
    p.organisation_id as "unitId", p.since::text as since, p.ended_on::text as "endedOn"
  from cadre_pairing p where p.id = any (?::int[]) and ${scope}`;

async function findPairings(ctx: RequestContext, keys: readonly string[]): Promise<Map<string, PairingSubject>> {
  const scope = rowScopeSql(ctx.caller, 'CadrePairing', 'p.village_code');
  const found = await rows<PairingSubject>(ctx, PAIRINGS_BY_ID(scope.sql), [arrayLiteral(keys), ...scope.bindings]);
  return new Map(found.map((p) => [String(p.pairingId), p]));
}

/**
 * Visits cadres log from the field (帮扶干部每月下村入户走访), in batches through the engine
 * (table pairing_visit, migration 2026-12-07 00): keyed by the writer's externalId like any
 * sector's records, but matched to the pairing they name, not to a person by ID number.
 */
export const VISITS = defineSubjectSyncKind<VisitRecord, PairingSubject>({
  match: {
    field: () => 'pairingId',
    key: (r) => (/^\d{1,10}$/.test(r.pairingId) ? { key: String(Number(r.pairingId)) } : { problem: 'pairingId must be a pairing id' }),
    find: findPairings,
    notFound: 'No pairing with this id that you may log visits on',
  },
  entity: 'PairingVisit',
  operation: 'recordVisits',
  retraction: 'retractVisits',
  table: 'pairing_visit',
  columns: [
    { name: 'pairing_id', type: 'integer' },
    { name: 'unit_id', type: 'integer' },
    { name: 'findings', type: 'text' },
    { name: 'measures_discussed', type: 'text' },
    { name: 'unit_head_present', type: 'boolean' },
  ],
  values: (r, pairing) => ({
    pairing_id: pairing.pairingId,
    unit_id: pairing.unitId,
    findings: r.findings.trim(),
    measures_discussed: r.measuresDiscussed.trim(),
    unit_head_present: r.unitHeadPresent ?? false,
  }),
  date: (r) => r.date,
  dateField: 'date',
  amountFen: () => null,
  check: (r, pairing) =>
    r.date < pairing.since || (pairing.endedOn !== null && r.date > pairing.endedOn)
      ? [invalid('date', `A visit on pairing ${pairing.pairingId} falls from ${pairing.since} to ${pairing.endedOn ?? 'today'}`)]
      : [],
});
