import type { RequestContext } from '../src/context/request-context';
import { rows } from '../src/db/read';
import { beginScopedTransaction, endScopedTransaction } from '../src/db/row-security';
import { Role } from '../src/kernel/role';
import { startTestApp, type TestApp } from './harness';

/**
 * The county boundary held by PostgreSQL itself: SQL run as the application role, with a
 * caller's scopes set as the API sets them, sees and writes nothing outside them, even when it
 * carries no scope filter of its own.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ households: 60 });
});
afterAll(() => t.close());

/** Runs statements in one transaction as jingzhun_app with the given scope patterns; always rolled back. */
async function asApplication<T>(patterns: string | null, work: (sql: (text: string, params?: unknown[]) => Promise<any[]>) => Promise<T>): Promise<T> {
  const em = t.db.orm.em.fork();
  await em.begin();
  try {
    await em.execute(`select set_config('role', 'jingzhun_app', true)`);
    if (patterns !== null) await em.execute(`select set_config('jingzhun.scope_patterns', ?, true)`, [patterns]);
    return await work((text, params = []) => em.execute(text, params));
  } finally {
    await em.rollback();
  }
}

const ownerCount = async (sql: string) => (await t.sql<{ n: number }>(`select count(*)::int as n from ${sql}`))[0].n;

describe('row-level security', () => {
  it('shows unfiltered SQL only the rows of the scopes set for the transaction', async () => {
    const expected = {
      households: await ownerCount(`household where village_code like '430981%'`),
      members: await ownerCount(`member m join household h on h.id = m.household_id where h.village_code like '430981%'`),
      regions: await ownerCount(`region where code like '430981%'`),
    };
    expect(expected.households).toBeGreaterThan(0);
    const seen = await asApplication('430981%', async (sql) => ({
      households: (await sql('select count(*)::int as n from household'))[0].n,
      members: (await sql('select count(*)::int as n from member'))[0].n,
      regions: (await sql('select count(*)::int as n from region'))[0].n,
      foreign: (await sql(`select count(*)::int as n from household where village_code like '430923%'`))[0].n,
    }));
    expect(seen).toEqual({ ...expected, foreign: 0 });
  });

  it('shows nothing at all when no scope is set: deny by default', async () => {
    const seen = await asApplication(null, async (sql) => (await sql('select (select count(*) from household) + (select count(*) from member) + (select count(*) from region) as n'))[0].n);
    expect(Number(seen)).toBe(0);
  });

  it('refuses to write a row outside the scopes', async () => {
    const [village] = await t.sql<{ code: string }>(`select code from region where level = 'VILLAGE' and code like '430923%' limit 1`);
    await expect(
      asApplication('430981%', (sql) =>
        sql(
          `insert into household (number, village_code, group_no, registration_year, status, category, income_per_capita_fen)
           values ('X-RLS-1', ?, 1, 2016, 'NOT_EXITED', 'GENERAL', 100000)`,
          [village.code],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    const moved = await asApplication('430981%', (sql) => sql(`update household set status = 'REMOVED' where village_code like '430923%' returning id`));
    expect(moved).toEqual([]);
  });

  it('is what API requests run under: the caller’s scopes and organisation are set as each request’s transaction begins, in the message of its first statement', async () => {
    const statements: { sql: string; sharesMessage?: boolean }[] = [];
    const knex = t.db.orm.em.getConnection().getKnex();
    const capture = (query: { sql: string; sharesMessage?: boolean }) => statements.push(query);
    knex.on('query', capture);
    try {
      const { body } = await t.gql('demo-poverty-office-2', '{ villages(first: 1) { totalCount } }');
      expect(body.errors).toBeUndefined();
    } finally {
      knex.off('query', capture);
    }
    const settings = statements.findIndex((q) => q.sql.includes('set_config('));
    const [{ id }] = await t.sql<{ id: number }>(`select id from organisation where role = 'POVERTY_OFFICE' and scopes = '{430981}'`);
    // The connection already is the API role; only PGlite, where every connection is the superuser, also switches the role.
    expect(statements[settings].sql).toContain(`set_config('jingzhun.scope_patterns', '430981%', true), set_config('jingzhun.organisation_id', '${id}', true)`);
    expect(statements[settings].sql.includes("set_config('role'")).toBe(t.db.role.embedded);
    expect(statements[settings].sql).toMatch(/^begin; select set_config\(/);
    // No round trip of its own: it went in one message with the request's first read, the villages.
    expect(statements[settings].sharesMessage).toBe(true);
    expect(statements.at(-1)!.sql.toLowerCase()).toMatch(/commit/);
    expect(statements.some((q) => /from "?region"?\s/.test(q.sql))).toBe(true);
  });

  it('runs nothing when a transaction cannot be opened with its scope, and gives the connection back at its end', async () => {
    const em = t.db.orm.em.fork();
    // Scopes come from the database and cannot hold a NUL; one here makes the opening fail.
    const broken = { organisationId: 1, organisationName: 'x', role: Role.POVERTY_OFFICE, scopes: ['4309\u0000'], pairedVillages: [], apiKeyId: 1, apiKeyPrefix: 'x' };
    await beginScopedTransaction(em, broken);
    const ctx = { em } as RequestContext;
    await expect(rows(ctx, 'select count(*)::int as n from household where id > ?', [0])).rejects.toThrow();
    await expect(rows(ctx, 'select 1 as one')).rejects.toThrow(/aborted/);
    await endScopedTransaction(em, 'rollback');
    expect(em.isInTransaction()).toBe(false);
    const answers = await Promise.all(Array.from({ length: 12 }, () => t.gql('demo-poverty-office', '{ villages(first: 1) { totalCount } }')));
    expect(answers.map((a) => a.body.errors)).toEqual(answers.map(() => undefined));
  });
});
