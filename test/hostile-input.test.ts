import request from 'supertest';
import { startTestApp, type TestApp } from './harness';

/** Issue 9, item 1: bad characters and oversized text are refused at the edge; nothing can hang a request or hold its connection. */
let t: TestApp;
let idNumber: string;
beforeAll(async () => {
  t = await startTestApp({ households: 10 });
  [{ id_number: idNumber }] = await t.sql(
    `select m.id_number from member m join household h on h.id = m.household_id where h.village_code like '430923%' order by m.id limit 1`,
  );
});
afterAll(() => t.close());

const PO = 'demo-poverty-office';
const NUL = 'ab\u0000cd';
const LONE_SURROGATE = 'ab\ud800cd';
const HUGE = 'x'.repeat(1_000_000);

/** Connections of this test's database other than the one asking, with what they are doing. */
async function otherConnections(): Promise<{ state: string }[]> {
  return t.sql(`select state from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`);
}

async function traceCounts(): Promise<{ audit: number; access: number }> {
  const [row] = await t.sql(`select (select count(*) from audit_entry)::int as audit, (select count(*) from access_log)::int as access`);
  return row as { audit: number; access: number };
}

describe('the request that used to hang', () => {
  const HANGING = () => `{ a: member(idNumber: "${idNumber}", purpose: "ab\\u0000cd") { id } b: villages(first: 1) { totalCount } }`;

  it('answers BAD_USER_INPUT naming the argument, eight at once, and leaves the pool free', async () => {
    const before = await traceCounts();
    const answers = await Promise.all(Array.from({ length: 8 }, () => t.gql('demo-education', HANGING())));
    for (const { status, body } of answers) {
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'purpose' }) })]);
      expect(body.errors![0].message).toMatch(/U\+0000/);
    }
    expect(await traceCounts()).toEqual(before);
    expect((await otherConnections()).filter((c) => c.state !== 'idle')).toEqual([]);
    expect((await request(t.server.app).get('/readyz')).status).toBe(200);
    const normal = await t.gql('demo-education', '{ villages(first: 1) { totalCount } }');
    expect(normal.body.data?.villages.totalCount).toBeGreaterThan(0);
  });

  it.each([
    ['an empty body', ''],
    ['a body with no query', '{}'],
    ['a batch (not accepted)', '[{"query":"{ me { role } }"}]'],
    ['variables as a string', '{"query":"{ me { role } }","variables":"{}"}'],
  ])('refuses %s from a caller with a key without holding a connection (Apollo makes the context before reading the body)', async (_name, body) => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => request(t.server.app).post('/graphql').set('Content-Type', 'application/json').set('Authorization', `Bearer ${PO}`).send(body)),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    expect((await otherConnections()).filter((c) => c.state !== 'idle')).toEqual([]);
    const normal = await t.gql(PO, '{ villages(first: 1) { totalCount } }');
    expect(normal.body.data?.villages.totalCount).toBeGreaterThan(0);
  });

  it('answers, and frees its connection, when a write fails inside the transaction while another field reads', async () => {
    // Whatever makes a statement fail (here a trigger the owner adds), the other field must not wait for ever.
    await t.sql(`create function refuse_lookup() returns trigger language plpgsql as $$ begin raise exception 'refused for the test'; end $$`);
    await t.sql(`create trigger refuse_lookup before insert on access_log for each row execute function refuse_lookup()`);
    try {
      const query = `{ a: member(idNumber: "${idNumber}", purpose: "student aid check") { id } b: villages(first: 1) { totalCount } }`;
      const answers = await Promise.all(Array.from({ length: 6 }, () => t.gql('demo-education', query)));
      for (const { body } of answers) {
        expect(body.errors?.map((e) => e.extensions?.code)).toContain('INTERNAL_SERVER_ERROR');
        expect(JSON.stringify(body)).not.toMatch(/refused for the test|access_log|insert/);
      }
      expect((await otherConnections()).filter((c) => c.state !== 'idle')).toEqual([]);
    } finally {
      await t.sql(`drop trigger refuse_lookup on access_log; drop function refuse_lookup()`);
    }
    const normal = await t.gql('demo-education', `{ member(idNumber: "${idNumber}", purpose: "student aid check") { id } }`);
    expect(normal.body.errors).toBeUndefined();
  });
});

type Case = { name: string; key?: string; query: string; variables: (bad: string) => Record<string, unknown>; field: string };

/** One bad string in each place a caller can put text, with placeholders that are well-formed elsewhere. */
const CASES: Case[] = [
  { name: 'member purpose', query: 'query($v: String!) { member(idNumber: "430923195510070153", purpose: $v) { id } }', variables: (v) => ({ v }), field: 'purpose' },
  { name: 'loanEligibility purpose', query: 'query($v: String!) { loanEligibility(idNumber: "430923195510070153", purpose: $v) { eligible } }', variables: (v) => ({ v }), field: 'purpose' },
  { name: 'createApiKey name', query: 'mutation($v: String!) { createApiKey(name: $v) { key } }', variables: (v) => ({ v }), field: 'name' },
  {
    name: 'registerOrganisation name',
    query: 'mutation($v: String!) { registerOrganisation(input: { name: $v, role: EDUCATION, scopes: ["430923"] }) { key } }',
    variables: (v) => ({ v }),
    field: 'input.name',
  },
  { name: 'updateMember name', query: 'mutation($v: String!) { updateMember(id: "1", version: 1, patch: { name: $v }) { id } }', variables: (v) => ({ v }), field: 'patch.name' },
  {
    name: 'changeHouseholdStatus reason',
    query: 'mutation($v: String!) { changeHouseholdStatus(id: "1", version: 1, change: { to: EXITED, reason: $v, effectiveDate: "2024-01-01" }) { id } }',
    variables: (v) => ({ v }),
    field: 'change.reason',
  },
  {
    name: 'override justification',
    query: 'mutation($v: String!) { changeHouseholdStatus(id: "1", version: 1, change: { to: EXITED, reason: "脱贫", effectiveDate: "2024-01-01", override: { justification: $v } }) { id } }',
    variables: (v) => ({ v }),
    field: 'change.override.justification',
  },
  {
    name: 'mergeHouseholds reason',
    query: 'mutation($v: String!) { mergeHouseholds(intoId: "1", intoVersion: 1, fromId: "2", fromVersion: 1, reason: $v, effectiveDate: "2024-01-01") { id } }',
    variables: (v) => ({ v }),
    field: 'reason',
  },
  {
    name: 'changeVillageStatus reason',
    query: 'mutation($v: String!) { changeVillageStatus(code: "430923102201", to: EXITED, year: 2024, reason: $v) { code } }',
    variables: (v) => ({ v }),
    field: 'reason',
  },
  {
    name: 'setPolicyParameter source',
    query: 'mutation($v: String!) { setPolicyParameter(input: { name: POVERTY_LINE, regionPrefix: "430923", fromYear: 2030, value: "5000", source: $v }) { id } }',
    variables: (v) => ({ v }),
    field: 'input.source',
  },
  { name: 'auditLog cursor', key: 'demo-auditor', query: 'query($v: String) { auditLog(after: $v) { totalCount } }', variables: (v) => ({ v }), field: 'after' },
];

describe.each([
  ['a NUL', NUL],
  ['a lone surrogate', LONE_SURROGATE],
  ['1,000,000 characters', HUGE],
])('%s in a string argument', (_label, bad) => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s is BAD_USER_INPUT naming the argument, and nothing is written', async (_name, c) => {
    const before = await traceCounts();
    const { status, body } = await t.gql(c.key ?? PO, c.query, c.variables(bad));
    expect(status).toBe(400);
    expect(body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: c.field }) })]);
    expect(body.errors![0].message.length).toBeLessThan(500);
    expect(await traceCounts()).toEqual(before);
  });
});

describe('ids, lists and inline literals', () => {
  it('refuses an id that is not an id, in a filter', async () => {
    const { status, body } = await t.gql('demo-auditor', '{ auditLog(filter: { organisationId: "abc" }) { totalCount } }');
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.organisationId' });
  });

  it.each(['abc', '0', '-1', '1e3', '99999999999999999999'])('refuses the id %p of a key', async (id) => {
    const { body } = await t.gql(PO, `mutation { revokeApiKey(id: "${id}") { id } }`);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('checks inline literals and fragments as it checks variables', async () => {
    const { body } = await t.gql(PO, `query { ...f } fragment f on Query { village(code: "4309\\u0007") { code } }`);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    const nested = await t.gql(PO, `{ villages(first: 1) { edges { node { households(first: 1, after: "not a cursor!") { totalCount } } } } }`);
    expect(nested.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('bounds a list argument and names the item at fault', async () => {
    const scopes = Array.from({ length: 21 }, () => '430923');
    const tooMany = await t.gql(PO, 'mutation($s: [String!]!) { registerOrganisation(input: { name: "学校", role: EDUCATION, scopes: $s }) { key } }', { s: scopes });
    expect(tooMany.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scopes' });
    const badItem = await t.gql(PO, 'mutation($s: [String!]!) { registerOrganisation(input: { name: "学校", role: EDUCATION, scopes: $s }) { key } }', { s: ['430923', '43x'] });
    expect(badItem.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scopes[1]' });
  });

  it('keeps line breaks in free text and refuses them in a name', async () => {
    const name = await t.gql(PO, 'mutation { createApiKey(name: "line\\nbreak") { key } }');
    expect(name.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const reason = await t.gql(PO, 'mutation { changeVillageStatus(code: "430923999999", to: EXITED, year: 2024, reason: "第一行\\n第二行") { code } }');
    expect(reason.body.errors?.[0].extensions?.code).not.toBe('BAD_USER_INPUT');
  });

  it('counts characters as people do: 100 Chinese characters fit a 100-character name', async () => {
    const ok = await t.gql(PO, 'mutation($n: String!) { createApiKey(name: $n) { apiKey { name } } }', { n: '精'.repeat(100) });
    expect(ok.body.errors).toBeUndefined();
    const tooLong = await t.gql(PO, 'mutation($n: String!) { createApiKey(name: $n) { apiKey { name } } }', { n: '精'.repeat(101) });
    expect(tooLong.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });
});
