import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { loadConfig, type Config } from '../src/config/config';
import { createLogger } from '../src/observability/logger';
import { migrate, openDatabase, type Database } from '../src/db/database';
import { prepareApiLogin } from '../src/db/serving';
import { createServer, type Server } from '../src/http/app';
import { loadDemoData } from '../seeds/demo';

export type GraphQLBody = {
  data?: Record<string, any> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [k: string]: unknown } }[];
};

export type TestApp = {
  /** The server's database, connected as the API role (jingzhun_api). */
  db: Database;
  /** The same database as its owner, which migrated and seeded it; `sql` runs here. */
  owner: Database;
  server: Server;
  /** POST /graphql through real HTTP, with `key` as the bearer API key (none when undefined). */
  gql(key: string | undefined, query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: GraphQLBody }>;
  /** Runs SQL on the test database directly, for arranging and checking what the API must show. */
  sql<T = Record<string, any>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
};

/** A database of this test file's own: a fresh one on the server, or a reset schema on embedded PGlite. */
export async function freshDatabaseUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  const baseUrl = process.env.JZ_TEST_DB_URL;
  if (!baseUrl) throw new Error('JZ_TEST_DB_URL is not set: run the tests through jest (npm test)');
  if (process.env.JZ_TEST_DB_MODE === 'embedded') {
    const client = new Client({ connectionString: baseUrl });
    await client.connect();
    await client.query('drop schema if exists public cascade; create schema public;');
    await client.end();
    return { url: baseUrl, drop: async () => undefined };
  }
  const name = `jz_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/** `env` adds settings to the test configuration, e.g. small rate limits for the tests of rate limits. */
export async function startTestApp(options: { households?: number; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await freshDatabaseUrl();
  const owner = await openDatabase({ url: database.url, poolSize: 2 });
  await migrate(owner.orm);
  await loadDemoData(owner.orm, { households: options.households ?? 150, demoKeys: true });
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...options.env });
  const db = await openDatabase({ url: await prepareApiLogin(owner), poolSize: 5, api: config.dbTimeouts });
  // TEST_LOG_LEVEL=error shows the server's own log of unexpected errors while debugging a test.
  const server = await createServer(config, db, createLogger({ logLevel: (process.env.TEST_LOG_LEVEL ?? 'silent') as Config['logLevel'] }));
  return {
    db,
    owner,
    server,
    async gql(key, query, variables) {
      const req = request(server.app).post('/graphql').set('Content-Type', 'application/json');
      if (key) req.set('Authorization', `Bearer ${key}`);
      const res = await req.send({ query, variables });
      return { status: res.status, body: res.body as GraphQLBody };
    },
    async sql(text, params = []) {
      return owner.orm.em.fork().getConnection().execute(text, params);
    },
    async close() {
      await server.stop();
      await db.close();
      await owner.close();
      await database.drop();
    },
  };
}

/**
 * The SQL statements one request sends and its answer, which must have no errors. The key is used
 * once before, so that the API-key cache holds it and only the request's own statements count.
 */
export async function statementsOf(t: TestApp, key: string, query: string, variables?: Record<string, unknown>): Promise<{ statements: number; body: GraphQLBody }> {
  const { statements, result } = await statementsDuring(t, () => t.gql(key, query, variables));
  expect(result.body.errors).toBeUndefined();
  return { statements, body: result.body };
}

/**
 * The statements (round trips) the server sends while `send` runs, less the API key's look-up:
 * under steady traffic the key is cached, and the cache keeps it 5 s from its look-up, so a
 * warm-up before a counted request cannot keep the look-up out of it on a slow run.
 */
export async function statementsDuring<T>(t: TestApp, send: () => Promise<T>): Promise<{ statements: number; result: T }> {
  const knex = t.db.orm.em.getConnection().getKnex();
  let statements = 0;
  const count = (query: { sql: string; sharesMessage?: boolean }) => {
    if (!query.sharesMessage && !query.sql.includes('jingzhun_authenticate(')) statements += 1;
  };
  knex.on('query', count);
  try {
    const result = await send();
    return { statements, result };
  } finally {
    knex.off('query', count);
  }
}

/**
 * The first household `key` lists and its first member there, with their ID number: a row the
 * caller sees whatever its row rule (a bank's borrower), to prove a field refused on it.
 */
export async function firstListedBy(t: TestApp, key: string): Promise<{ householdId: number; idNumber: string }> {
  const { body } = await t.gql(key, '{ households(first: 1) { edges { node { id members { idNumber } } } } }');
  const node = (body.data as any).households.edges[0].node;
  return { householdId: Number(node.id), idNumber: node.members[0].idNumber };
}

/**
 * A test app for compiled reads, and a second server on its database with SQL reads off (every
 * query through the resolvers): the reference a compiled answer must equal. Keys stay in the
 * API-key cache for a minute (5 s by default, from the look-up), since statements are counted
 * with the key cached; the request budget is raised for tests of many queries. With the county
 * 430923's first household and its village.
 */
export async function startWithReference(): Promise<{ t: TestApp; reference: Server; household: number; village: string }> {
  const t = await startTestApp({ env: { RATE_LIMIT_REQUESTS_PER_MINUTE: '60000', API_KEY_CACHE_TTL_MS: '60000' } });
  const reference = await createServer(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SQL_READS: 'off' }), t.db, createLogger({ logLevel: 'silent' }));
  const [{ household, village }] = await t.sql<{ household: number; village: string }>(
    `select min(id) as household, (array_agg(village_code order by id))[1] as village from household where village_code like '430923%'`,
  );
  return { t, reference, household, village };
}
