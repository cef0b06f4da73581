import pino from 'pino';
import { RequestContext } from '../src/context/request-context';
import { beginScopedTransaction, endScopedTransaction } from '../src/db/row-security';
import { composeIdNumber } from '../src/kernel/id-number';
import { Role } from '../src/kernel/role';
import { audited } from '../src/modules/audit';
import { AccessLogEntry } from '../src/modules/audit/access-log-entry.entity';
import { createLoaders } from '../src/modules';
import { startTestApp, type TestApp } from './harness';

/**
 * Writes run as units of work: each record a write changes gets an audit entry whose before and
 * after come from MikroORM's change sets, as the entity declares them (src/db/unit-of-work.ts),
 * and the hash chain stays whole.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ households: 60 });
});
afterAll(() => t.close());

const PO = 'demo-poverty-office';
type Entry = { operation: string; entity: string; entity_id: string; region_code: string | null; before: any; after: any };
let seen = 0;
/** The entries written since this was last asked, in the order written. */
async function lastWrite(): Promise<Entry[]> {
  const entries = await t.sql<Entry & { id: string }>(`select id, operation, entity, entity_id, region_code, before, after from audit_entry where id > ? order by id`, [seen]);
  seen = Math.max(seen, ...entries.map((e) => Number(e.id)));
  return entries.map(({ id: _id, ...entry }) => entry);
}
async function write(query: string, variables: Record<string, unknown>): Promise<any> {
  if (query.startsWith('mutation')) await lastWrite();
  const { body } = await t.gql(PO, query, variables);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return Object.values(body.data!)[0];
}

const HOUSEHOLD = `query($id: ID!) { household(id: $id) { id version status members { id version relation } } }`;
const used: number[] = [0];
/** A household of the county with two members or more that no test of this file has written yet. */
async function householdOf(): Promise<{ id: string; version: number; status: string; members: { id: string; version: number; relation: string }[]; village: string }> {
  const [row] = await t.sql<{ id: number; village_code: string }>(
    `select h.id, h.village_code from household h where h.village_code like '430923%' and h.status <> 'REMOVED' and h.id <> all (?::int[])
       and (select count(*) from member m where m.household_id = h.id) >= 2 order by h.id limit 1`,
    [`{${used.join(',')}}`],
  );
  used.push(row.id);
  return { ...(await write(HOUSEHOLD, { id: String(row.id) })), village: row.village_code };
}

describe('the unit of work', () => {
  it('audits a registration as the household with its identification joined, each member and the history row', async () => {
    const [village] = await t.sql<{ code: string }>(`select code from region where level = 'VILLAGE' and code like '430923%' order by code limit 1`);
    const person = (relation: string, day: number) => ({
      name: `登记${day}`, idNumber: composeIdNumber('430923', `198001${String(day).padStart(2, '0')}`, 971 + day * 2), relation, sex: 'MALE', birthDate: `1980-01-${String(day).padStart(2, '0')}`,
      education: 'PRIMARY', schoolStage: 'NOT_IN_SCHOOL', health: 'HEALTHY', labourCapacity: 'ORDINARY', employment: 'FARMING', medicalInsurance: true,
    });
    const household = await write(`mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }`, {
      input: {
        villageCode: village.code, groupNo: 1, registrationYear: 2019, category: 'GENERAL', causes: ['ILLNESS'], incomePerCapita: '2800.00', housingGrade: 'B',
        identification: { motorVehicle: false, newlyBuiltHouse: false, urbanCommercialHousing: false, publicServantMember: false, registeredBusiness: false, disasterVictim: true },
        members: [person('HEAD', 1), person('SON', 2)],
      },
    });
    const entries = await lastWrite();
    expect(entries.map((e) => [e.entity, e.before, e.region_code])).toEqual([
      ['Household', null, village.code], ['Member', null, village.code], ['Member', null, village.code], ['HouseholdStatusChange', null, village.code],
    ]);
    expect(entries[0].after).toMatchObject({ id: Number(household.id), village: village.code, incomePerCapitaFen: 280000, version: 1, disasterVictim: true, excludedBy: [], overrideJustification: null });
    expect(entries[0].after).not.toHaveProperty('assessedAt');
    expect(entries[0].after).not.toHaveProperty('household');
    expect(entries.slice(1, 3).map((e) => e.after.household)).toEqual([Number(household.id), Number(household.id)]);
    expect(entries[3].after).toMatchObject({ kind: 'IDENTIFICATION', toStatus: 'NOT_EXITED', household: Number(household.id) });
  });

  it('audits an update with the record as it was and became, and nothing else', async () => {
    const household = await householdOf();
    const member = household.members.find((m) => m.relation !== 'HEAD')!;
    await write(`mutation($id: ID!, $v: Int!) { updateMember(id: $id, version: $v, patch: { name: "改名后" }) { id } }`, { id: member.id, v: member.version });
    const [entry, ...more] = await lastWrite();
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ operation: 'updateMember', entity: 'Member', entity_id: member.id, region_code: household.village });
    expect(entry.after).toEqual({ ...entry.before, name: '改名后', version: member.version + 1 });
    expect(entry.before).toMatchObject({ id: Number(member.id), household: Number(household.id), birthDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it('audits a removal with before and no after, and the history row it adds as its own record', async () => {
    const household = await householdOf();
    const member = household.members.find((m) => m.relation !== 'HEAD')!;
    await write(`mutation($id: ID!, $v: Int!) { removeMember(id: $id, version: $v, reason: DEATH, effectiveDate: "2024-01-01") { id } }`, { id: member.id, v: member.version });
    const entries = await lastWrite();
    expect(entries.map((e) => [e.entity, e.before === null, e.after === null])).toEqual(
      expect.arrayContaining([['Member', false, true], ['HouseholdStatusChange', true, false]]),
    );
    const history = entries.find((e) => e.entity === 'HouseholdStatusChange')!;
    expect(history).toMatchObject({ region_code: household.village, after: { household: Number(household.id), kind: 'MEMBER_REMOVED' } });
    expect(history.after).not.toHaveProperty('recordedAt');
  });

  it('audits a merge as every record it moved: both households, each member, both histories', async () => {
    const [pair] = await t.sql<{ into: number; from: number; village: string }>(
      `select min(h.id) as into, max(h.id) as from, h.village_code as village from household h
        where h.village_code like '430923%' and h.status <> 'REMOVED' and h.id <> all (?::int[]) group by h.village_code having count(*) >= 2 limit 1`,
      [`{${used.join(',')}}`],
    );
    const into = { ...(await write(HOUSEHOLD, { id: String(pair.into) })), village: pair.village };
    const fromHousehold = await write(HOUSEHOLD, { id: String(pair.from) });
    await write(
      `mutation($into: ID!, $iv: Int!, $from: ID!, $fv: Int!) { mergeHouseholds(intoId: $into, intoVersion: $iv, fromId: $from, fromVersion: $fv, reason: "合户", effectiveDate: "2024-03-01") { id } }`,
      { into: into.id, iv: into.version, from: fromHousehold.id, fv: fromHousehold.version },
    );
    const entries = await lastWrite();
    const of = (entity: string) => entries.filter((e) => e.entity === entity);
    expect(of('Household').map((e) => [e.entity_id, e.before.status, e.after.status]).sort()).toEqual(
      [[into.id, into.status, into.status], [fromHousehold.id, fromHousehold.status, 'REMOVED']].sort(),
    );
    expect(of('Member').map((e) => [e.entity_id, e.before.household, e.after.household, e.after.relation === 'HEAD'])).toEqual(
      expect.arrayContaining(fromHousehold.members.map((m: { id: string }) => [m.id, Number(fromHousehold.id), Number(into.id), false])),
    );
    expect(of('Member')).toHaveLength(fromHousehold.members.length);
    expect(of('HouseholdStatusChange').map((e) => e.after.kind)).toEqual(['MERGE', 'MERGE']);
  });

  it('never audits a hidden property: an API key without its hash', async () => {
    await write(`mutation { createApiKey(name: "单元测试") { key apiKey { id } } }`, {});
    const [entry] = await lastWrite();
    expect(entry).toMatchObject({ entity: 'ApiKey', before: null, after: { name: '单元测试', revokedAt: null, expiresAt: null } });
    expect(Object.keys(entry.after).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'name', 'organisation', 'prefix', 'revokedAt']);
  });

  it('refuses, and keeps nothing of, a write of an entity that declares no audit', async () => {
    const viewer = (await t.gql(PO, '{ me { organisationId } }')).body.data!.me;
    const caller = { organisationId: Number(viewer.organisationId), organisationName: '', role: Role.POVERTY_OFFICE, scopes: ['430923'], pairedVillages: [], apiKeyId: 1, apiKeyPrefix: 'x' };
    const em = t.db.orm.em.fork();
    await beginScopedTransaction(em, caller);
    const ctx = new RequestContext(caller, em, pino({ level: 'silent' }), 'test', createLoaders);
    const written = audited(ctx, 'undeclared', async (tx) => {
      tx.create(AccessLogEntry, { organisation: caller.organisationId, apiKey: null, lookup: 'MEMBER', idNumber: '430923199001010000', purpose: 'x', regionCode: '430923', found: false } as never);
    });
    await expect(written).rejects.toThrow(/AccessLogEntry .* declares no audit/);
    await endScopedTransaction(em, 'rollback');
  });

  it('leaves the hash chain whole', async () => {
    const [verdict] = await t.sql<{ intact: boolean }>('select * from jingzhun_verify_audit_log()');
    expect(verdict.intact).toBe(true);
  });
});
