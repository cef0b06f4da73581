import { chinaToday } from '../../config/clock';
import { syncClient, type Person, type SyncCase, type SyncWorld } from '../../../test/batch-sync-cases';
import { startTestApp, statementsOf, type TestApp } from '../../../test/harness';

/** Cadres paired with households (结对帮扶, issue 13) over HTTP on real PostgreSQL. */
let t: TestApp;
let unitId: number;
let otherUnitKey: string;
const PO = 'demo-poverty-office';
const UNIT = 'demo-backing-unit';
const today = chinaToday();
const daysAgo = (n: number) => new Date(Date.parse(today) - n * 86_400_000).toISOString().slice(0, 10);

async function ok(key: string, text: string): Promise<any> {
  const { body } = await t.gql(key, text);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
/**
 * Households of the county with no pairing at all, made not yet out of poverty: the demo data's
 * backing unit has taken its county's first unexited ones, and most demo households have exited.
 */
const freeHouseholds = async (n: number) =>
  (await t.sql<{ id: number }>(
    `update household set status = 'NOT_EXITED', exit_year = null where id in (
       select h.id from household h where h.village_code like '430923%' and h.status <> 'REMOVED'
       and not exists (select 1 from cadre_pairing p where p.household_id = h.id) order by h.id desc limit ?) returning id`, [n])).map((h) => h.id);
const addCadre = async (name: string, unit = unitId) => Number((await ok(PO, `mutation { addCadre(input: { unitId: "${unit}", name: "${name}" }) { id } }`)).addCadre.id);
const pair = (cadre: number, household: number, since = today) => t.gql(PO, `mutation { pairCadre(cadreId: "${cadre}", householdId: "${household}", since: "${since}") { id since endedOn } }`);

beforeAll(async () => {
  t = await startTestApp({ households: 300 });
  [{ id: unitId }] = await t.sql<{ id: number }>(`select id from organisation where role = 'BACKING_UNIT' and scopes = '{430923}'`);
  const { createOrganisationWithKey } = await import('../auth/create-organisation.command');
  ({ key: otherUnitKey } = await createOrganisationWithKey(t.owner.orm, { name: '第二后盾单位', role: 'BACKING_UNIT' as never, scopes: ['430923'], keyName: 'test', expiresAt: null }));
});
afterAll(() => t.close());

describe('pairCadre and endPairing', () => {
  it('refuses a cadre’s sixth active household (PAIRING_LIMIT 5) and takes it once one pairing has ended', async () => {
    const cadre = await addCadre('限额干部');
    const households = await freeHouseholds(6);
    const pairings = [];
    for (const h of households.slice(0, 5)) {
      const { body } = await pair(cadre, h);
      expect(body.errors).toBeUndefined();
      pairings.push(body.data!.pairCadre.id);
    }
    const sixth = await pair(cadre, households[5]);
    expect(sixth.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(sixth.body.errors)).toMatch(/PAIRING_LIMIT/);
    await ok(PO, `mutation { endPairing(pairingId: "${pairings[0]}", endedOn: "${today}", reason: "调整帮扶责任人") { endedOn } }`);
    expect((await pair(cadre, households[5])).body.errors).toBeUndefined();
  });

  it('keeps a household’s history across a change of cadre, and refuses a second cadre while one is paired', async () => {
    const [first, second] = [await addCadre('原帮扶干部'), await addCadre('新帮扶干部')];
    const [household] = await freeHouseholds(1);
    const { body } = await pair(first, household, daysAgo(30));
    const pairing = body.data!.pairCadre.id;
    expect((await pair(second, household)).body.errors?.[0].message).toMatch(/endPairing/);
    await ok(PO, `mutation { endPairing(pairingId: "${pairing}", endedOn: "${daysAgo(1)}", reason: "干部调整") { id } }`);
    expect((await pair(second, household)).body.errors).toBeUndefined();
    const data = await ok(PO, `{ household(id: "${household}") { cadrePairings { cadre { name } since endedOn endReason } } }`);
    expect(data.household.cadrePairings).toEqual([
      { cadre: { name: '原帮扶干部' }, since: daysAgo(30), endedOn: daysAgo(1), endReason: '干部调整' },
      { cadre: { name: '新帮扶干部' }, since: today, endedOn: null, endReason: null },
    ]);
    expect(await t.sql(`select 1 from cadre_pairing where household_id = ?`, [household])).toHaveLength(2);
  });
});

describe('coverage queries: each gap found, its near miss not', () => {
  /** Whether a list names the id, read page by page with the region filter. */
  const listed = async (field: string, id: number | string) => {
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const { body } = await t.gql(PO, `query($after: String) { ${field}(first: 100, after: $after, regionCode: "430923") { pageInfo { hasNextPage endCursor } edges { node { id } } } }`, { after });
      const page = (body.data as any)[field];
      ids.push(...page.edges.map((e: any) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return ids.includes(String(id));
  };

  it('全覆盖: an unexited household without a cadre is listed; one with a cadre, or exited, is not', async () => {
    const [bare, paired] = await freeHouseholds(2);
    const cadre = await addCadre('覆盖干部');
    await pair(cadre, paired);
    expect(await listed('uncoveredHouseholds', bare)).toBe(true);
    expect(await listed('uncoveredHouseholds', paired)).toBe(false);
    await t.sql(`update household set status = 'EXITED', exit_year = 2020 where id = ?`, [bare]);
    expect(await listed('uncoveredHouseholds', bare)).toBe(false);
  });

  it('每月走访: a pairing of two months with its last visit a month and a day ago is listed; one visited 29 days ago, or paired 20 days ago, is not', async () => {
    const cadre = await addCadre('走访干部');
    const [late, visited, young] = await freeHouseholds(3);
    const id = async (h: number, since: string) => Number((await pair(cadre, h, since)).body.data!.pairCadre.id);
    const [lateP, visitedP, youngP] = [await id(late, daysAgo(60)), await id(visited, daysAgo(60)), await id(young, daysAgo(20))];
    const visit = (p: number, date: string) => ok(UNIT, `mutation { logVisit(visit: { pairingId: "${p}", date: "${date}", findings: "在家", measuresDiscussed: "产业" }) { id } }`);
    await visit(lateP, daysAgo(32));
    await visit(visitedP, daysAgo(29));
    expect(await listed('pairingsWithoutRecentVisit', lateP)).toBe(true);
    expect(await listed('pairingsWithoutRecentVisit', visitedP)).toBe(false);
    expect(await listed('pairingsWithoutRecentVisit', youngP)).toBe(false);
  });

  it("后盾单位主要负责人每季度到村: a team whose unit's head came with no visit this quarter is listed; one whose head came today is not", async () => {
    const households = await freeHouseholds(40);
    const [a, b] = await t.sql<{ id: number; village_code: string }>(
      `select distinct on (village_code) id, village_code from household where id = any (?::int[])
       and village_code not in (select village_code from work_team) order by village_code, id limit 2`, [`{${households.join(',')}}`]);
    const secretary = await addCadre('第一书记');
    const team = async (village: string) => Number((await ok(PO, `mutation { formWorkTeam(unitId: "${unitId}", villageCode: "${village}", firstSecretaryId: "${secretary}", since: "${daysAgo(100)}") { id } }`)).formWorkTeam.id);
    const [absent, present] = [await team(a.village_code), await team(b.village_code)];
    const p = Number((await pair(secretary, b.id, daysAgo(50))).body.data!.pairCadre.id);
    await ok(UNIT, `mutation { logVisit(visit: { pairingId: "${p}", date: "${today}", findings: "到村", measuresDiscussed: "集体经济", unitHeadPresent: true }) { id } }`);
    expect(await listed('workTeamsWithoutUnitHeadVisit', absent)).toBe(true);
    expect(await listed('workTeamsWithoutUnitHeadVisit', present)).toBe(false);
  });

  it('cadres over the limit: six active pairings are listed, five are not', async () => {
    const [five, six] = [await addCadre('五户干部'), await addCadre('六户干部')];
    const households = await freeHouseholds(11);
    await t.sql(
      `insert into cadre_pairing (cadre_id, organisation_id, household_id, village_code, since)
       select case when n <= 5 then ?::int else ?::int end, ?, h.id, h.village_code, current_date
       from unnest(?::int[]) with ordinality as x (id, n) join household h on h.id = x.id`,
      [five, six, unitId, `{${households.join(',')}}`],
    );
    expect(await listed('cadresOverLimit', six)).toBe(true);
    expect(await listed('cadresOverLimit', five)).toBe(false);
  });
});

describe('BACKING_UNIT: its cadres’ households, what a visit needs and nothing more', () => {
  it('sees households its cadres are paired with now, and no other unit’s', async () => {
    const mine = await ok(UNIT, `{ households(first: 100) { totalCount edges { node { id number status head { name } members { name relation } } } } }`);
    const [{ n }] = await t.sql<{ n: number }>(`select count(distinct household_id)::int as n from cadre_pairing where organisation_id = ? and ended_on is null`, [unitId]);
    expect(mine.households.totalCount).toBe(n);
    const other = await ok(otherUnitKey, `{ households(first: 1) { totalCount } }`);
    expect(other.households.totalCount).toBe(0);
    const someId = mine.households.edges[0].node.id;
    expect((await ok(otherUnitKey, `{ household(id: "${someId}") { id } }`)).household).toBeNull();
    expect((await t.gql(otherUnitKey, `mutation { logVisit(visit: { pairingId: "1", date: "${today}", findings: "x", measuresDiscussed: "x" }) { id } }`)).body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('reads no ID number, birth date, income, health, causes or registry history', async () => {
    const { body } = await t.gql(UNIT, `{ households(first: 1) { edges { node { incomePerCapita causes members { idNumber birthDate health disabilityGrade } } } } }`);
    const denied = (body.errors ?? []).map((e) => e.extensions?.field).sort();
    expect(denied).toEqual(expect.arrayContaining(['Household.causes', 'Household.incomePerCapita', 'Member.birthDate', 'Member.disabilityGrade', 'Member.health', 'Member.idNumber']));
    expect(body.errors!.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
    expect((await t.gql(UNIT, `{ uncoveredHouseholds(first: 1) { totalCount } }`)).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(UNIT, `mutation { pairCadre(cadreId: "1", householdId: "1", since: "${today}") { id } }`)).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('logVisit: one visit, retracted like a batch’s by its externalId', () => {
  const logVisit = (key: string, pairing: number, externalId?: string) =>
    t.gql(key, `mutation($visit: VisitInput!) { logVisit(visit: $visit) { id date externalId } }`, {
      visit: { pairingId: String(pairing), date: today, findings: '在家', measuresDiscussed: '产业', ...(externalId === undefined ? {} : { externalId }) },
    });
  const retractVisits = async (key: string, externalIds: string[]) => {
    const { body } = await t.gql(key, `mutation($ids: [String!]!) { retractVisits(externalIds: $ids, reason: "错录 logged on the wrong pairing") { retracted unchanged rejected { code } } }`, { ids: externalIds });
    expect(body.errors).toBeUndefined();
    return body.data!.retractVisits;
  };
  /** The visits a pairing lists (retracted ones are not), by externalId. */
  const visitsOf = async (pairing: number, household: number) =>
    ((await ok(UNIT, `{ household(id: "${household}") { cadrePairings { id visits { externalId } } } }`)).household.cadrePairings as any[])
      .find((p) => p.id === String(pairing)).visits.map((v: any) => v.externalId);
  let pairing: { id: number; household_id: number };

  beforeAll(async () => {
    [pairing] = await t.sql<{ id: number; household_id: number }>(`select id, household_id from cadre_pairing where organisation_id = ? and ended_on is null order by id limit 1`, [unitId]);
  });

  it('keeps the externalId sent, answers it, and retracts the visit by it', async () => {
    const { body } = await logVisit(UNIT, pairing.id, 'FIELD-APP-0001');
    expect(body.errors).toBeUndefined();
    expect(body.data!.logVisit).toMatchObject({ date: today, externalId: 'FIELD-APP-0001' });
    expect(await visitsOf(pairing.id, pairing.household_id)).toContain('FIELD-APP-0001');
    expect(await retractVisits(UNIT, ['FIELD-APP-0001'])).toEqual({ retracted: 1, unchanged: 0, rejected: [] });
    expect(await visitsOf(pairing.id, pairing.household_id)).not.toContain('FIELD-APP-0001');
    const audit = await t.sql<{ operation: string }>(`select operation from audit_entry where entity = 'PairingVisit' and entity_id = ? order by id`, [body.data!.logVisit.id]);
    expect(audit.map((a) => a.operation)).toEqual(['logVisit', 'retractVisits']);
  });

  it('makes an externalId when none is sent, answers it, and that one retracts the visit', async () => {
    const { body } = await logVisit(UNIT, pairing.id);
    expect(body.errors).toBeUndefined();
    const made = body.data!.logVisit.externalId;
    expect(made).toMatch(/^logVisit:[0-9a-f-]{36}$/);
    expect(await retractVisits(UNIT, [made])).toMatchObject({ retracted: 1 });
    expect(await visitsOf(pairing.id, pairing.household_id)).not.toContain(made);
  });

  it('refuses an externalId the caller has used already, one malformed, and lets another organisation use the same', async () => {
    expect((await logVisit(UNIT, pairing.id, 'FIELD-APP-0002')).body.errors).toBeUndefined();
    for (const externalId of ['FIELD-APP-0002', 'FIELD-APP-0001', ' spaced out', '']) {
      const { body } = await logVisit(UNIT, pairing.id, externalId);
      expect(body.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', expect.stringMatching(/externalId$/)]]);
    }
    expect(await t.sql(`select 1 from pairing_visit where external_id = 'FIELD-APP-0002'`)).toHaveLength(1);
    // Two at once with one new externalId: one visit is logged, the other refused the same way, not an internal error.
    const both = await Promise.all([logVisit(UNIT, pairing.id, 'FIELD-APP-0003'), logVisit(UNIT, pairing.id, 'FIELD-APP-0003')]);
    expect(both.map((r) => r.body.errors?.[0].extensions?.code ?? 'OK').sort()).toEqual(['BAD_USER_INPUT', 'OK']);
    expect(await t.sql(`select 1 from pairing_visit where external_id = 'FIELD-APP-0003'`)).toHaveLength(1);
    // The poverty office keeps its own keys: the unit's do not bind it.
    expect((await logVisit(PO, pairing.id, 'FIELD-APP-0002')).body.errors).toBeUndefined();
  });
});

describe('recordVisits: visits in batches through the batch-sync engine, matched to their pairing', () => {
  const k: SyncCase = {
    sync: 'recordVisits', retract: 'retractVisits', input: 'VisitRecord', table: 'pairing_visit', entity: 'PairingVisit', dateField: 'date',
    valid: (externalId, p, change = 0) => ({ externalId, pairingId: String(p.householdId), date: daysAgo(1 + change), findings: '在家', measuresDiscussed: '产业' }),
    amount: () => 0,
  };
  let pairings: number[];
  const world = { key: UNIT } as SyncWorld;
  const client = syncClient(() => ({ ...world, t }));
  /** Each pairing as the case's "person": its id in householdId, which the case sends as pairingId. */
  const asPerson = (id: number): Person => ({ idNumber: '', memberId: 0, householdId: id });

  beforeAll(async () => {
    pairings = (await t.sql<{ id: number }>(`select id from cadre_pairing where organisation_id = ? and ended_on is null and since <= current_date - 5 order by id limit 10`, [unitId])).map((p) => p.id);
  });

  it('creates, leaves a re-send unchanged, updates a changed visit, and replays a batchId', async () => {
    const records = pairings.slice(0, 3).map((p, i) => k.valid(`v-${i}`, asPerson(p)));
    expect((await client.sync(k, records)).result).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    expect((await client.sync(k, records)).result).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    const changed = [k.valid('v-0', asPerson(pairings[0]), 1), ...records.slice(1)];
    expect((await client.sync(k, changed, { batchId: 'visits-1' })).result).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect((await client.sync(k, changed, { batchId: 'visits-1' })).result).toMatchObject({ updated: 1, replayed: true });
    const audit = await client.auditOf(k, 'v-0');
    expect(audit.map((a) => a.operation)).toEqual(['recordVisits', 'recordVisits']);
    const [row] = await t.sql<{ unit_id: number; pairing_id: number; member_id: number | null }>(`select unit_id, pairing_id, member_id from pairing_visit where external_id = 'v-0'`);
    expect(row).toEqual({ unit_id: unitId, pairing_id: pairings[0], member_id: null });
  });

  it('answers NOT_FOUND for another unit’s pairing and an unknown one, INVALID for a day outside the pairing, and keeps the rest', async () => {
    const [{ id: theirs }] = await t.sql<{ id: number }>(`select id from cadre_pairing where organisation_id <> ? order by id limit 1`, [unitId]);
    const { result } = await client.sync(k, [
      k.valid('nf-1', asPerson(theirs)),
      k.valid('nf-2', asPerson(999_999)),
      { ...k.valid('bad-date', asPerson(pairings[4])), date: '2001-01-01' },
      k.valid('fine', asPerson(pairings[5])),
    ]);
    expect(result.created).toBe(1);
    expect(result.rejected.map((r: any) => [r.index, r.field, r.code])).toEqual([[0, 'pairingId', 'NOT_FOUND'], [1, 'pairingId', 'NOT_FOUND'], [2, 'date', 'INVALID']]);
    expect(result.rejected[0].message).toBe(result.rejected[1].message);
  });

  it('retracts with a reason, and the visit no longer counts for 每月走访', async () => {
    const [p] = pairings.slice(6, 7);
    await t.sql(`update pairing_visit set retracted_at = now(), retraction_reason = 'test' where pairing_id = ? and external_id not like 'r-%'`, [p]);
    await t.sql(`update cadre_pairing set since = current_date - 90 where id = ?`, [p]);
    await client.sync(k, [k.valid('r-1', asPerson(p))]);
    const listed = async () => ((await ok(PO, `{ pairingsWithoutRecentVisit(first: 100, regionCode: "430923") { edges { node { id } } } }`)).pairingsWithoutRecentVisit.edges as any[]).some((e) => e.node.id === String(p));
    expect(await listed()).toBe(false);
    expect((await client.retract(k, ['r-1'])).result).toMatchObject({ retracted: 1 });
    expect((await client.retract(k, ['r-1'])).result).toMatchObject({ retracted: 0, unchanged: 1 });
    expect(await listed()).toBe(true);
  });

  it('sends as many statements for 100 visits as for 10', async () => {
    await t.gql(UNIT, '{ me { role } }');
    const count = async (prefix: string, n: number) => {
      const records = Array.from({ length: n }, (_, i) => k.valid(`${prefix}-${i}`, asPerson(pairings[i % pairings.length])));
      const before = t.db.sqlCounter.total;
      expect((await client.sync(k, records)).result.created).toBe(n);
      return t.db.sqlCounter.total - before;
    };
    const [small, large] = [await count('s10', 10), await count('s100', 100)];
    console.log(`recordVisits: ${small} statements for 10 visits, ${large} for 100`);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(10);
  });
});

describe('statements per list level', () => {
  it('reads a unit’s households with their pairings, cadres and visits in as many statements for 50 as for 1', async () => {
    const page = (n: number) => `{ households(first: ${n}) { edges { node { number members { name } cadrePairings { since cadre { name } visits { date } } } } } }`;
    const one = await statementsOf(t, UNIT, page(1));
    const fifty = await statementsOf(t, UNIT, page(50));
    expect(fifty.body.errors).toBeUndefined();
    expect((fifty.body.data as any).households.edges.length).toBeGreaterThan(1);
    console.log(`a unit's households with pairings, cadres and visits: ${one.statements} statements for 1, ${fifty.statements} for a page`);
    expect(fifty.statements).toBe(one.statements);
  });

  it('lists each coverage gap in the same statements for a page of 50 as for 1', async () => {
    for (const list of ['uncoveredHouseholds(first: N) { totalCount edges { node { number } } }', 'pairingsWithoutRecentVisit(first: N) { totalCount edges { node { since cadre { name } household { number } visits { date } } } }']) {
      const [one, fifty] = [await statementsOf(t, PO, `{ ${list.replace('N', '1')} }`), await statementsOf(t, PO, `{ ${list.replace('N', '50')} }`)];
      expect(fifty.statements).toBe(one.statements);
    }
  });
});
