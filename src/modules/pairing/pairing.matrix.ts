import { chinaToday } from '../../config/clock';
import { Role } from '../../kernel/role';
import { defineMatrix, mutation, query, retraction, type MatrixSetUp, type RowCase } from '../../../test/matrix-routes';

/** A member of the unit's paired household, and a household no cadre is paired with and a member of it. */
type Unpaired = { pairedMember: number; household: number; member: number };

type Cadres = { unpaired: Unpaired; unitId: number; householdId: number; pairingId: number; cadreId: number; freeHousehold: number; endingPairing: number; secretaryId: number };

/**
 * The demo county's backing unit, a household its cadre is paired with (with visits, no earlier
 * pairing) and, for the writes, a cadre of its own with a pairing to end and a household without
 * a cadre to pair.
 */
async function cadreFixtures({ t, keyOf }: MatrixSetUp): Promise<Cadres> {
  const [unit] = await t.sql<{ id: number }>(`select id from organisation where role = 'BACKING_UNIT' and scopes = '{430923}'`);
  const [paired] = await t.sql<{ id: number; household_id: number; cadre_id: number }>(
    `select p.id, p.household_id, p.cadre_id from cadre_pairing p where p.organisation_id = ? and p.ended_on is null
       and exists (select 1 from pairing_visit v where v.pairing_id = p.id)
       and not exists (select 1 from cadre_pairing e where e.household_id = p.household_id and e.ended_on is not null) order by p.id limit 1`,
    [unit.id],
  );
  // The households other modules' routes read by id (prepared before this one: the registry's
  // family, and the one civil affairs and housing give every sector's records) are paired with the
  // unit too, so that the unit's denials there are proven on households it sees. Written as the
  // owner: they are the matrix's fixtures, not writes under test.
  await t.sql(
    `insert into cadre_pairing (cadre_id, organisation_id, household_id, village_code, since)
     select ?, ?, h.id, h.village_code, current_date from household h
     where h.id in (select household_id from social_assistance where external_id = 'matrix-sa'
                    union select household_id from member where name = '矩阵' and relation = 'SPOUSE')
       and not exists (select 1 from cadre_pairing p where p.household_id = h.id and p.ended_on is null)`,
    [paired.cadre_id, unit.id],
  );
  // The demo unit has every unexited household of the county: two more are made not yet exited.
  const free = await t.sql<{ id: number }>(
    `update household set status = 'NOT_EXITED', exit_year = null where id in (
       select h.id from household h where h.village_code like '430923%' and h.status <> 'REMOVED'
       and not exists (select 1 from cadre_pairing p where p.household_id = h.id)
       and not exists (select 1 from member m where m.household_id = h.id and m.name = '矩阵') order by h.id limit 2) returning id`,
  );
  const po = keyOf(Role.POVERTY_OFFICE);
  const gql = async (text: string) => {
    const { body } = await t.gql(po, text);
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data as any;
  };
  const cadre = await gql(`mutation { addCadre(input: { unitId: "${unit.id}", name: "矩阵干部" }) { id } }`);
  const ending = await gql(`mutation { pairCadre(cadreId: "${cadre.addCadre.id}", householdId: "${free[0].id}", since: "${chinaToday()}") { id } }`);
  // A cadre over the limit, as pairings recorded before the limit was kept would leave one (cadresOverLimit).
  await t.sql(
    `with over as (insert into cadre (organisation_id, region_code, name) values (?, '430923000000', '矩阵超限干部') returning id)
     insert into cadre_pairing (cadre_id, organisation_id, household_id, village_code, since)
     select over.id, ?, h.id, h.village_code, current_date from over, household h
     where h.id in (select h2.id from household h2 where h2.village_code like '430923%' and h2.status <> 'REMOVED'
       and not exists (select 1 from cadre_pairing p where p.household_id = h2.id) and h2.id <> all (?::int[]) order by h2.id desc limit 6)`,
    [unit.id, unit.id, `{${free.map((h) => h.id).join(',')}}`],
  );
  const [secretary] = await t.sql<{ id: number }>(`select id from cadre where organisation_id = ? order by id offset 1 limit 1`, [unit.id]);
  const [unpaired] = await t.sql<Unpaired>(
    `select (select min(id) from member where household_id = ?) as "pairedMember", h.id as household, m.id as member
     from household h join member m on m.household_id = h.id
     where h.village_code like '430923%' and not exists (select 1 from cadre_pairing p where p.household_id = h.id) and h.id <> all (?::int[])
     order by h.id, m.id limit 1`,
    [paired.household_id, `{${free.map((h) => h.id).join(',')}}`],
  );
  return {
    unpaired,
    unitId: unit.id, householdId: paired.household_id, pairingId: paired.id, cadreId: Number(cadre.addCadre.id),
    freeHousehold: free[1].id, endingPairing: Number(ending.pairCadre.id), secretaryId: secretary.id,
  };
}

/** A backing unit reads the households its cadres are paired with now and their members, no other (households.policy.ts). */
const unitRows = (c: Cadres): RowCase[] => [
  { role: Role.BACKING_UNIT, type: 'Household', why: 'a household its cadre is paired with; not one no cadre is', sees: [c.householdId], hides: [c.unpaired.household] },
  { role: Role.BACKING_UNIT, type: 'Member', why: 'a member of a paired household; not of another', sees: [c.unpaired.pairedMember], hides: [c.unpaired.member] },
];

export const matrix = defineMatrix<Cadres>({
  prepare: cadreFixtures,
  rows: unitRows,
  routes: (f, c) => {
    const household = { field: 'household', args: `(id: "${c.householdId}")` };
    const today = chinaToday();
    return {
      OrganisationPairing: mutation({ field: 'pairOrganisation', args: `(organisationId: "${f.donorId}", villageCode: "${f.villageCode}")` }),
      CadrePairing: query(household, { field: 'cadrePairings' }),
      Cadre: query(household, { field: 'cadrePairings' }, { field: 'cadre' }),
      PairingVisit: query(household, { field: 'cadrePairings' }, { field: 'visits' }),
      WorkTeam: query({ field: 'workTeamsWithoutUnitHeadVisit', args: '(first: 1)' }, { field: 'edges' }, { field: 'node' }),
      CadreConnection: query({ field: 'cadresOverLimit', args: '(first: 1)' }),
      CadreEdge: query({ field: 'cadresOverLimit', args: '(first: 1)' }, { field: 'edges' }),
      CadrePairingConnection: query({ field: 'pairingsWithoutRecentVisit', args: '(first: 1)' }),
      CadrePairingEdge: query({ field: 'pairingsWithoutRecentVisit', args: '(first: 1)' }, { field: 'edges' }),
      WorkTeamConnection: query({ field: 'workTeamsWithoutUnitHeadVisit', args: '(first: 1)' }),
      WorkTeamEdge: query({ field: 'workTeamsWithoutUnitHeadVisit', args: '(first: 1)' }, { field: 'edges' }),
      'Mutation.addCadre': mutation({ field: 'addCadre', args: `(input: { unitId: "${c.unitId}", name: "矩阵干部" })` }),
      'Mutation.formWorkTeam': mutation({ field: 'formWorkTeam', args: `(unitId: "${c.unitId}", villageCode: "${f.villageCode}", firstSecretaryId: "${c.secretaryId}", since: "${today}")` }),
      'Mutation.pairCadre': mutation({ field: 'pairCadre', args: `(cadreId: "${c.cadreId}", householdId: "${c.freeHousehold}", since: "${today}")` }),
      'Mutation.endPairing': mutation({ field: 'endPairing', args: `(pairingId: "${c.endingPairing}", endedOn: "${today}", reason: "矩阵 matrix")` }),
      'Mutation.recordVisits': mutation({ field: 'recordVisits', args: `(records: [{ externalId: "matrix-visit", pairingId: "${c.pairingId}", date: "${today}", findings: "矩阵", measuresDiscussed: "矩阵" }])` }),
      'Mutation.retractVisits': retraction('retractVisits', 'matrix-visit'),
      'Mutation.logVisit': mutation({ field: 'logVisit', args: `(visit: { pairingId: "${c.pairingId}", date: "${today}", findings: "矩阵", measuresDiscussed: "矩阵" })` }),
    };
  },
});
