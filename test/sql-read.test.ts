import request from 'supertest';
import { fenToYuan, fenToYuanSql } from '../src/graphql/money.scalar';
import type { Server } from '../src/http/app';
import { ALL_ROLES } from '../src/kernel/role';
import { MASKS } from '../src/policy/masks';
import { MAX_PREPARED_PER_CONNECTION } from '../src/db/row-security';
import { DEMO_KEYS } from '../seeds/demo';
import { startWithReference, type TestApp } from './harness';

/**
 * Queries that SQL answers whole (src/sql-read) must answer exactly as the resolvers do, for every
 * role: a second server on the same database, with SQL reads off, is the reference.
 */
let t: TestApp;
let resolvers: Server;
let household: number;
let village: string;

beforeAll(async () => {
  ({ t, reference: resolvers, household, village } = await startWithReference());
}, 120_000);
afterAll(async () => {
  await resolvers.stop();
  await t.close();
});

const keyOf = (role: string) => DEMO_KEYS.find((k) => k.role === role && k.county === '430923')!.key;

const warmed = new Set<string>();

/** Both answers, and the statements of the compiled side's (its key already in the API-key cache). */
async function bothWays(key: string, query: string, variables?: Record<string, unknown>) {
  if (!warmed.has(key)) await request(t.server.app).post('/graphql').set('Authorization', `Bearer ${key}`).send({ query: '{ me { role } }' });
  warmed.add(key);
  const asked = (app: Server['app']) => request(app).post('/graphql').set('Content-Type', 'application/json').set('Authorization', `Bearer ${key}`).send({ query, variables });
  const before = t.db.sqlCounter.total;
  const compiled = await asked(t.server.app);
  const statements = t.db.sqlCounter.total - before;
  const reference = await asked(resolvers.app);
  return { compiled: compiled.body, reference: reference.body, status: [compiled.status, reference.status], statements };
}

const MEMBER = 'id name idNumber relation sex birthDate education health disabilityGrade labourCapacity employment version';
const HOUSEHOLD = `id number groupNo registrationYear status exitYear category causes incomePerCapita version members { ${MEMBER} }`;
const QUERIES: [string, string, () => Record<string, unknown>][] = [
  ['household', `query H($id: ID!) { household(id: $id) { ${HOUSEHOLD} } }`, () => ({ id: String(household) })],
  ['village', `query V($code: String!) { village(code: $code) { code name povertyStatus exitYear groupCount agriculturalPopulation households(first: 7) { pageInfo { hasNextPage endCursor } edges { cursor node { ${HOUSEHOLD} } } } } }`, () => ({ code: village })],
  ['households', `{ households(first: 5) { edges { node { ${HOUSEHOLD} } } pageInfo { endCursor hasNextPage } } }`, () => ({})],
  ['a connection without its edges', '{ households { __typename } v: households(first: 1) { pageInfo { endCursor } } }', () => ({})],
  ['aliases, fragments, __typename', `{ a: households(first: 2) { edges { node { ...h __typename x: id } } } } fragment h on Household { number people: members { ... on Member { name } } }`, () => ({})],
];

const READS_ALL = ['POVERTY_OFFICE', 'AUDITOR'];

describe('a query answered by one compiled statement', () => {
  it.each(ALL_ROLES.flatMap((role) => QUERIES.map(([name, query, variables]) => [role, name, query, variables] as const)))(
    '%s, %s: the same answer as the resolvers give',
    async (role, _name, query, variables) => {
      const { compiled, reference, status, statements } = await bothWays(keyOf(role), query, variables());
      expect(status[0]).toBe(status[1]);
      expect(compiled).toEqual(reference);
      // Compiled (one statement) for the roles that may read every field; the others meet the resolvers,
      // which refuse at the path, or find nothing to refuse (a bank's village page without borrowers).
      if (READS_ALL.includes(role)) expect(statements).toBe(1);
    },
  );

  it('sends one message: the scope and the read together, no transaction left to end', async () => {
    const key = keyOf('POVERTY_OFFICE');
    await bothWays(key, '{ me { role } }');
    const { compiled, statements } = await bothWays(key, `query H($id: ID!) { household(id: $id) { ${HOUSEHOLD} } }`, { id: String(household) });
    expect(compiled.data.household.members.length).toBeGreaterThan(0);
    expect(statements).toBe(1);
  });

  it('compiles a bank’s list of its borrowers, with the fields a bank may read, to one statement', async () => {
    const { compiled, reference, statements } = await bothWays(keyOf('FINANCE'), '{ households(first: 20) { edges { node { id number status members { id name idNumber birthDate labourCapacity } } } } }');
    expect(compiled).toEqual(reference);
    expect(compiled.data.households.edges.length).toBeGreaterThan(0);
    expect(statements).toBe(1);
  });

  it('pages as the resolvers page: the next page after a cursor, the same cursors', async () => {
    const key = keyOf('POVERTY_OFFICE');
    const first = await bothWays(key, '{ households(first: 3) { pageInfo { endCursor } } }');
    const query = 'query P($after: String) { households(first: 3, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }';
    const next = await bothWays(key, query, { after: first.compiled.data.households.pageInfo.endCursor });
    expect(next.compiled).toEqual(next.reference);
    expect(next.compiled.data.households.edges).toHaveLength(3);
  });

  it.each([
    ['a bad id', '{ household(id: "x1") { id } }'],
    ['a household out of scope', '{ household(id: "999999999") { id } }'],
    ['a malformed village code', '{ village(code: "43") { code } }'],
    ['a page too large', '{ households(first: 500) { edges { node { id } } } }'],
    ['a cursor of another list', '{ households(first: 2, after: "dmlsbGFnZTox") { edges { node { id } } } }'],
    ['a filter', '{ households(first: 2, filter: { status: [REGISTERED] }) { edges { node { id } } } }'],
    ['a field SQL does not answer', '{ households(first: 2) { edges { node { id head { name } } } } }'],
    ['a count', '{ households(first: 2) { totalCount } }'],
    ['a directive', '{ households(first: 2) { edges { node { id @include(if: false) number } } } }'],
  ])('%s: left to the resolvers, whose answer it is', async (_name, query) => {
    for (const role of ['POVERTY_OFFICE', 'FINANCE', 'EDUCATION']) {
      const { compiled, reference } = await bothWays(keyOf(role), query);
      expect(compiled).toEqual(reference);
    }
  });

  it('writes money and masks in SQL as the API writes them in TypeScript', async () => {
    const fens = [0, 1, 9, 10, 99, 100, 101, 123456, -1, -99, -100, -101, -123456, 2_147_483_647];
    const [row] = await t.sql<{ yuan: string[] }>(`select array[${fens.map((f) => fenToYuanSql(`${f}::bigint`)).join(', ')}] as yuan`);
    expect(row.yuan).toEqual(fens.map(fenToYuan));
    const ids = ['43092319621222119X', '430923196212221', '4309', ''];
    const [masked] = await t.sql<{ ids: string[] }>(`select array[${ids.map((id) => MASKS.idNumber.sql(`'${id}'::text`)).join(', ')}] as ids`);
    expect(masked.ids).toEqual(ids.map(MASKS.idNumber.apply));
  });

  it('keeps at most its share of prepared statements on a connection, however many different queries come', async () => {
    const key = keyOf('POVERTY_OFFICE');
    const distinct = MAX_PREPARED_PER_CONNECTION * 6;
    for (let i = 0; i < distinct; i++) {
      const { body } = await request(t.server.app).post('/graphql').set('Authorization', `Bearer ${key}`).send({ query: `{ q${i}: household(id: "${household}") { id } }` });
      expect(body.data[`q${i}`].id).toBe(String(household));
    }
    const pool = (t.db.orm.em.getConnection().getKnex().client as unknown as { pool: { free: { resource: unknown }[]; used: { resource: unknown }[] } }).pool;
    const prepared = [...pool.free, ...pool.used].map(({ resource }) => Object.keys((resource as { connection: { parsedStatements: object } }).connection.parsedStatements).length);
    expect(Math.max(...prepared)).toBe(MAX_PREPARED_PER_CONNECTION);
  }, 120_000);
});

describe('compiled once per document and caller, filled in from each request’s variables', () => {
  const HOUSEHOLD_QUERY = `query H($id: ID!) { household(id: $id) { ${HOUSEHOLD} } }`;

  it('answers each request from its own variables: other households, a bad id, one out of scope, then the first again', async () => {
    const key = keyOf('POVERTY_OFFICE');
    const [second] = await t.sql<{ id: number }>(`select id from household where village_code like '430923%' and id > ? order by id limit 1`, [household]);
    for (const id of [household, second.id, 'x1', 999_999_999, household]) {
      const { compiled, reference, statements } = await bothWays(key, HOUSEHOLD_QUERY, { id: String(id) });
      expect(compiled).toEqual(reference);
      if (typeof id === 'number' && id !== 999_999_999) {
        expect(compiled.data.household.id).toBe(String(id));
        expect(statements).toBe(1);
      }
    }
  });

  it('never serves one caller’s statement to another: two banks, and roles that may and may not read a field, on the same text', async () => {
    // Each bank sees the households its own loans name (a row rule finer than row-level security, so
    // only the compiled statement keeps them apart): one borrower of each bank, not of the other.
    const organisationOf = (key: string) => DEMO_KEYS.find((k) => k.key === key)!.organisation;
    const borrowerOf = async (bank: string, other: string) =>
      (await t.sql<{ id: number }>(
        `select min(l.household_id) as id from micro_loan l join organisation o on o.id = l.organisation_id
         where o.name = ? and l.retracted_at is null and not exists (select 1 from micro_loan x join organisation y on y.id = x.organisation_id
           where y.name = ? and x.household_id = l.household_id and x.retracted_at is null)`,
        [organisationOf(bank), organisationOf(other)],
      ))[0].id;
    const [a, b] = ['demo-finance', 'demo-finance-b'];
    const [ofA, ofB] = [await borrowerOf(a, b), await borrowerOf(b, a)];
    expect(ofA).not.toBeNull();
    expect(ofB).not.toBeNull();
    const query = 'query H($id: ID!) { household(id: $id) { id number status } }';
    for (const [key, id, sees] of [[a, ofA, true], [b, ofA, false], [b, ofB, true], [a, ofB, false], [a, ofA, true]] as const) {
      const { compiled, reference } = await bothWays(key, query, { id: String(id) });
      expect(compiled).toEqual(reference);
      expect(compiled.data.household?.id ?? null).toBe(sees ? String(id) : null);
    }
    // The poverty office's compiled read of incomes first, then a bureau that may not read them.
    const incomes = 'query H($id: ID!) { household(id: $id) { id incomePerCapita } }';
    for (const role of ['POVERTY_OFFICE', 'EDUCATION', 'POVERTY_OFFICE', 'EDUCATION']) {
      const { compiled, reference } = await bothWays(keyOf(role), incomes, { id: String(household) });
      expect(compiled).toEqual(reference);
      if (role === 'EDUCATION') expect(compiled.errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
  });

  it('pages with the size and cursor each request gives, through one document', async () => {
    const key = keyOf('POVERTY_OFFICE');
    const query = 'query P($first: Int, $after: String) { households(first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }';
    let after: string | null = null;
    for (const first of [2, 5, 2, 1, 5]) {
      const { compiled, reference, statements } = await bothWays(key, query, { first, after });
      expect(compiled).toEqual(reference);
      expect(compiled.data.households.edges).toHaveLength(first);
      expect(statements).toBe(1);
      after = compiled.data.households.pageInfo.endCursor;
    }
    for (const bad of [{ first: 500 }, { first: 2, after: 'dmlsbGFnZTox' }, { first: -1 }]) {
      const { compiled, reference } = await bothWays(key, query, bad);
      expect(compiled).toEqual(reference);
      expect(compiled.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });
});
