import pino from 'pino';
import { RequestContext } from '../../context/request-context';
import { createLoaders } from '..';
import { beginScopedTransaction, endScopedTransaction } from '../../db/row-security';
import { startTestApp, type TestApp } from '../../../test/harness';
import { Organisation } from '../auth/organisation.entity';
import { Role } from '../../kernel/role';
import { audited } from './audit.service';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ households: 40 });
});
afterAll(() => t.close());

const AUDIT_LOG = `query($filter: AuditLogFilter, $first: Int) {
  auditLog(filter: $filter, first: $first) {
    totalCount
    edges { node { operation entity entityId regionCode apiKeyPrefix before after organisation { name role } } }
  }
}`;

async function personIn(county: string): Promise<string> {
  const [row] = await t.sql<{ id_number: string }>(
    `select m.id_number from member m join household h on h.id = m.household_id where h.village_code like ? order by m.id limit 1`,
    [`${county}%`],
  );
  return row.id_number;
}

describe('write audit', () => {
  it('records every mutation with who, which key, what and before → after, for the auditor of that region only', async () => {
    const created = await t.gql('demo-education', 'mutation { createApiKey(name: "sync job") { key apiKey { id prefix } } }');
    const { key, apiKey } = created.body.data!.createApiKey;
    const id = apiKey.id;
    await t.gql('demo-education', `mutation { revokeApiKey(id: "${id}") { revokedAt } }`);

    const { body } = await t.gql('demo-auditor', AUDIT_LOG, { filter: { entity: 'ApiKey' }, first: 10 });
    const entries = body.data!.auditLog.edges.map((e: any) => e.node).filter((n: any) => n.entityId === id);
    expect(entries.map((e: any) => e.operation)).toEqual(['revokeApiKey', 'createApiKey']);
    const [revoke, create] = entries;
    expect(create).toMatchObject({ regionCode: '430923', apiKeyPrefix: 'demo-edu', organisation: { role: 'EDUCATION' }, before: null });
    expect(create.after).toMatchObject({ name: 'sync job', revokedAt: null });
    expect(JSON.stringify(body)).not.toContain(key);
    expect(JSON.stringify(create.after)).not.toMatch(/hash/i);
    expect(revoke.before.revokedAt).toBeNull();
    expect(revoke.after.revokedAt).toEqual(expect.any(String));

    const other = await t.gql('demo-auditor-2', AUDIT_LOG, { filter: { entity: 'ApiKey' }, first: 100 });
    expect(other.body.data!.auditLog.edges.map((e: any) => e.node.entityId)).not.toContain(id);
  });

  it('filters by organisation and period, and counts what it lists', async () => {
    const before = new Date().toISOString();
    await t.gql('demo-health', 'mutation { createApiKey(name: "claims") { apiKey { id } } }');
    const [org] = await t.sql<{ id: number }>(`select id from organisation where role = 'HEALTH' and scopes = '{430923}'`);
    const [{ n }] = await t.sql<{ n: number }>(`select count(*)::int as n from audit_entry where organisation_id = ? and at >= ?`, [org.id, before]);
    const { body } = await t.gql('demo-auditor', AUDIT_LOG, { filter: { organisationId: String(org.id), from: before } });
    expect(n).toBeGreaterThan(0);
    expect(body.data!.auditLog.totalCount).toBe(n);
    expect(body.data!.auditLog.edges.every((e: any) => e.node.organisation.role === 'HEALTH')).toBe(true);
    const empty = await t.gql('demo-auditor', AUDIT_LOG, { filter: { organisationId: String(org.id), to: before, from: before } });
    expect(empty.body.data!.auditLog.totalCount).toBe(0);
  });

  it('keeps nothing of a write that fails: neither the change nor its audit entry', async () => {
    const count = async () => (await t.sql<{ n: number }>('select (select count(*) from organisation)::int + (select count(*) from audit_entry)::int as n'))[0].n;
    const start = await count();
    const viewer = (await t.gql('demo-poverty-office', '{ me { organisationId } }')).body.data!.me;
    const caller = { organisationId: Number(viewer.organisationId), organisationName: '', role: Role.POVERTY_OFFICE, scopes: ['430923'], pairedVillages: [], apiKeyId: 1, apiKeyPrefix: 'demo-pov' };
    // As a request runs: the API role, inside a transaction carrying the caller's scopes, committed at the end.
    const em = t.db.orm.em.fork();
    await beginScopedTransaction(em, caller);
    const ctx = new RequestContext(caller, em, pino({ level: 'silent' }), 'test', createLoaders);
    await expect(
      audited(ctx, 'registerOrganisation', async (em, audit) => {
        const organisation = em.create(Organisation, { name: '半途而废', role: Role.CPPCC, scopes: ['430923'] });
        await em.flush();
        audit({ entity: 'Organisation', entityId: organisation.id, regionCode: '430923', after: { name: organisation.name } });
        throw new Error('failure after the write');
      }),
    ).rejects.toThrow('failure after the write');
    await expect(audited(ctx, 'registerOrganisation', async () => 'no trace')).rejects.toThrow(/wrote no audit entry/);
    await endScopedTransaction(em, 'commit');
    expect(await count()).toBe(start);
  });

  it.each([
    ['update the audit log', `update audit_entry set operation = 'forged'`],
    ['delete from the audit log', 'delete from audit_entry'],
    ['truncate the audit log', 'truncate audit_entry'],
    ['update the access log', `update access_log set purpose = 'forged'`],
    ['delete from the access log', 'delete from access_log'],
    ['truncate the access log', 'truncate access_log'],
  ])('refuses to %s, even to the database owner', async (_what, statement) => {
    await t.gql('demo-poverty-office', `{ member(idNumber: "${await personIn('430923')}", purpose: "trace for immutability test") { id } }`);
    await expect(t.sql(statement)).rejects.toThrow(/append-only/);
  });
});

describe('read audit (PIPL purpose limitation)', () => {
  const LOOKUP = `query($id: String!, $purpose: String!) { member(idNumber: $id, purpose: $purpose) { name household { number } } }`;
  const HISTORY = `query($id: String!) { accessHistory(idNumber: $id) { lookup purpose found organisation { name role } } }`;

  it('logs a look-up with caller and purpose, shown to the poverty office and auditor of that region', async () => {
    const idNumber = await personIn('430923');
    const found = await t.gql('demo-health', LOOKUP, { id: idNumber, purpose: 'reimbursement claim 2024-117' });
    expect(found.body.data!.member.name).toEqual(expect.any(String));
    for (const key of ['demo-poverty-office', 'demo-auditor']) {
      const { body } = await t.gql(key, HISTORY, { id: idNumber });
      expect(body.data!.accessHistory).toContainEqual({
        lookup: 'MEMBER',
        purpose: 'reimbursement claim 2024-117',
        found: true,
        organisation: { name: expect.any(String), role: 'HEALTH' },
      });
    }
    const otherCounty = await t.gql('demo-poverty-office-2', HISTORY, { id: idNumber });
    expect(otherCounty.body.data!.accessHistory).toEqual([]);
  });

  it('finds the look-ups of a person asked for with blanks around the ID number or a lower-case x (issue 11)', async () => {
    const [row] = await t.sql<{ id_number: string }>(
      `select m.id_number from member m join household h on h.id = m.household_id where h.village_code like '430923%' and m.id_number like '%X' order by m.id limit 1`,
    );
    await t.gql('demo-health', LOOKUP, { id: row.id_number, purpose: 'claim with a check character X' });
    for (const asked of [`  ${row.id_number} `, row.id_number.toLowerCase()]) {
      const { body } = await t.gql('demo-poverty-office', HISTORY, { id: asked });
      expect(body.errors).toBeUndefined();
      expect(body.data!.accessHistory).toContainEqual(expect.objectContaining({ lookup: 'MEMBER', purpose: 'claim with a check character X', found: true }));
    }
  });

  it('logs a look-up outside scope as not found, and answers null', async () => {
    const idNumber = await personIn('430981');
    const { body } = await t.gql('demo-finance', LOOKUP, { id: idNumber, purpose: 'loan application 88' });
    expect(body.data!.member).toBeNull();
    const [row] = await t.sql<{ found: boolean; region_code: string }>(`select found, region_code from access_log where id_number = ? and purpose = 'loan application 88'`, [idNumber]);
    expect(row).toEqual({ found: false, region_code: '430923' });
  });

  it('refuses a look-up without a purpose, with a vague one, or with a malformed ID number', async () => {
    const idNumber = await personIn('430923');
    const missing = await t.gql('demo-health', `{ member(idNumber: "${idNumber}") { name } }`);
    expect(missing.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const vague = await t.gql('demo-health', LOOKUP, { id: idNumber, purpose: ' x ' });
    expect(vague.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'purpose' });
    const malformed = await t.gql('demo-health', LOOKUP, { id: idNumber.slice(0, 17) + (idNumber[17] === '1' ? '2' : '1'), purpose: 'reimbursement claim' });
    expect(malformed.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/check character/), extensions: { code: 'BAD_USER_INPUT', field: 'idNumber' } });
  });
});
