/**
 * Rows of the cadre pairing tables as the GraphQL types read them (docs/reading.md): plain
 * objects, dates as text, named as the types' properties.
 */
export type CadreRow = { id: number; name: string; title: string | null; unitHead: boolean; activePairings: number };
export type CadrePairingRow = { id: number; cadreId: number; householdId: number; villageCode: string; since: string; endedOn: string | null; endReason: string | null };
export type PairingVisitRow = { id: number; pairingId: number; date: string; findings: string; measuresDiscussed: string; unitHeadPresent: boolean; externalId: string };
export type WorkTeamRow = { id: number; villageCode: string; firstSecretaryId: number; since: string; endedOn: string | null };

/** On `cadre c`; its active pairings counted under the table's row-level security, which is the county's. */
export const CADRE_COLUMNS = `c.id, c.name, c.title, c.unit_head as "unitHead",
  (select count(*)::int from cadre_pairing a where a.cadre_id = c.id and a.ended_on is null) as "activePairings"`;

/** On `cadre_pairing p`. */
export const PAIRING_COLUMNS = `p.id, p.cadre_id as "cadreId", p.household_id as "householdId", p.village_code as "villageCode",
  p.since::text as since, p.ended_on::text as "endedOn", p.end_reason as "endReason"`;

/** On `pairing_visit v`. */
export const VISIT_COLUMNS = `v.id, v.pairing_id as "pairingId", v.date::text as date, v.findings, v.measures_discussed as "measuresDiscussed",
  v.unit_head_present as "unitHeadPresent", v.external_id as "externalId"`;

/** On `work_team w`. */
export const WORK_TEAM_COLUMNS = `w.id, w.village_code as "villageCode", w.first_secretary_id as "firstSecretaryId", w.since::text as since, w.ended_on::text as "endedOn"`;
