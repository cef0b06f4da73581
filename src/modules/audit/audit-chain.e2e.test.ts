import { startTestApp, type TestApp } from '../../../test/harness';

/**
 * The audit log's hash chain: whoever changes the log with its append-only triggers switched off
 * (only the owner can) leaves a break that verifyAuditLog finds and names.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ households: 20 });
  for (const key of ['demo-education', 'demo-health', 'demo-finance']) {
    await t.gql(key, 'mutation { createApiKey(name: "chain test") { apiKey { id } } }');
  }
});
afterAll(() => t.close());

const VERIFY = '{ verifyAuditLog { intact entries headHash brokenEntryId problem detail } }';
const TRIGGERS = ['audit_entry_append_only', 'audit_entry_chain'];

async function verify(key = 'demo-auditor') {
  const { body } = await t.gql(key, VERIFY);
  expect(body.errors).toBeUndefined();
  return body.data!.verifyAuditLog;
}

/** Runs statements as the owner in one transaction, with the audit log's triggers switched off, as a tamperer would. */
async function tamper(statement: string, params: unknown[] = []): Promise<void> {
  await t.owner.orm.em.fork().transactional(async (em) => {
    for (const trigger of TRIGGERS) await em.execute(`alter table audit_entry disable trigger ${trigger}`);
    await em.execute(statement, params);
    for (const trigger of TRIGGERS) await em.execute(`alter table audit_entry enable always trigger ${trigger}`);
  });
}

async function entryIds(): Promise<string[]> {
  return (await t.sql<{ id: string }>('select id::text from audit_entry order by chain_seq')).map((r) => r.id);
}

async function saved(id: string): Promise<unknown> {
  return (await t.sql<{ row: unknown }>('select to_jsonb(e) as row from audit_entry e where id = ?', [id]))[0].row;
}

const restore = (row: unknown) => tamper('insert into audit_entry overriding system value select * from jsonb_populate_record(null::audit_entry, ?::jsonb)', [JSON.stringify(row)]);

describe('the audit log hash chain', () => {
  it('holds for every entry written, and its head is the last entry’s hash', async () => {
    const [{ n, head }] = await t.sql<{ n: number; head: string }>(`select (select count(*)::int from audit_entry) as n, (select encode(last_hash, 'hex') from audit_chain) as head`);
    expect(n).toBeGreaterThanOrEqual(3);
    expect(await verify()).toEqual({ intact: true, entries: n, headHash: head, brokenEntryId: null, problem: null, detail: null });
    const [{ gaps }] = await t.sql<{ gaps: number }>('select count(*)::int as gaps from audit_entry where chain_seq is null or chain_hash is null');
    expect(gaps).toBe(0);
  });

  it('does not fork under concurrent writers: positions run 1…n without a gap or a twin', async () => {
    const keys = ['demo-poverty-office', 'demo-education', 'demo-health', 'demo-employment', 'demo-poverty-office-2', 'demo-education-2'];
    const answers = await Promise.all(keys.flatMap((key) => [1, 2].map(() => t.gql(key, 'mutation { createApiKey(name: "concurrent") { apiKey { id } } }'))));
    expect(answers.flatMap((a) => a.body.errors ?? [])).toEqual([]);
    const [row] = await t.sql<{ n: number; first: number; last: number; distinct: number }>(
      'select count(*)::int as n, min(chain_seq)::int as first, max(chain_seq)::int as last, count(distinct chain_seq)::int as distinct from audit_entry',
    );
    expect(row).toEqual({ n: row.n, first: 1, last: row.n, distinct: row.n });
    expect((await verify()).intact).toBe(true);
  });

  it('no longer lets session_replication_role = replica skip the append-only trigger, even for the owner', async () => {
    const [id] = await entryIds();
    await expect(
      t.owner.orm.em.fork().transactional(async (em) => {
        await em.execute('set local session_replication_role = replica');
        await em.execute('delete from audit_entry where id = ?', [id]);
      }),
    ).rejects.toThrow(/append-only/);
  });

  it.each([
    ['in the middle', (ids: string[]) => ids[1]],
    ['at the end', (ids: string[]) => ids.at(-1)!],
  ])('names an entry the owner deleted %s, with the triggers off, as MISSING', async (_where, pick) => {
    const id = pick(await entryIds());
    const row = await saved(id);
    await tamper('delete from audit_entry where id = ?', [id]);
    expect(await verify()).toMatchObject({ intact: false, brokenEntryId: id, problem: 'MISSING', detail: expect.stringContaining(`entry ${id}`) });
    await restore(row);
    expect((await verify()).intact).toBe(true);
  });

  it('names an entry the owner altered as ALTERED, in whichever region the auditor asks from', async () => {
    const id = (await entryIds())[2];
    const row = await saved(id);
    await tamper(`update audit_entry set after = jsonb_set(after, '{name}', '"forged"') where id = ?`, [id]);
    for (const auditor of ['demo-auditor', 'demo-auditor-2']) {
      expect(await verify(auditor)).toMatchObject({ intact: false, brokenEntryId: id, problem: 'ALTERED' });
    }
    // Recomputing the altered entry's own hash moves the break to the link after it.
    await tamper(`update audit_entry e set chain_hash = jingzhun_audit_digest(e, (select p.chain_hash from audit_entry p where p.id = e.chain_previous_id)) where id = ?`, [id]);
    const next = (await entryIds())[3];
    expect(await verify()).toMatchObject({ intact: false, brokenEntryId: next, problem: 'ALTERED' });
    await tamper('delete from audit_entry where id = ?', [id]);
    await restore(row);
    expect((await verify()).intact).toBe(true);
  });

  it('names an entry slipped in with the chain trigger off as UNCHAINED', async () => {
    const [org] = await t.sql<{ id: number }>(`select id from organisation where role = 'POVERTY_OFFICE' and scopes = '{430923}'`);
    await tamper(`insert into audit_entry (organisation_id, operation, entity, entity_id, region_code) values (?, 'forged', 'Household', '1', '430923')`, [org.id]);
    const [forged] = await t.sql<{ id: string }>(`select id::text from audit_entry where operation = 'forged'`);
    expect(await verify()).toMatchObject({ intact: false, brokenEntryId: forged.id, problem: 'UNCHAINED' });
    await tamper('delete from audit_entry where id = ?', [forged.id]);
    expect((await verify()).intact).toBe(true);
  });

  it('is not the application role’s to move: it cannot touch the chain’s head nor link an entry itself', async () => {
    await expect(asApiRole('update audit_chain set last_seq = last_seq + 1')).rejects.toThrow(/permission denied/);
    await expect(asApiRole('select jingzhun_audit_link(e) from audit_entry e limit 1')).rejects.toThrow(/permission denied/);
  });
});

/** One statement on the API's own connection, inside a transaction as requests have; rolled back. */
async function asApiRole(statement: string) {
  const em = t.db.orm.em.fork();
  await em.begin();
  try {
    if (t.db.role.embedded) await em.execute(`select set_config('role', 'jingzhun_api', true)`);
    return await em.execute(statement);
  } finally {
    await em.rollback();
  }
}
