import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Knex } from 'knex';
import PgTransaction from 'knex/lib/dialects/postgres/execution/pg-transaction';
import { createHash } from 'node:crypto';
import { escapeLiteral, Query, type Client, type QueryResult } from 'pg';
import type { Viewer } from '../kernel/viewer';
import { API_ROLE } from './database-role';

/** The database role whose row-level security policies API requests meet (migration 2026-11-23 02); jingzhun_api is its member. */
export const APP_ROLE = 'jingzhun_app';

const switchingRole = new WeakSet<object>();

/** Marks an ORM whose connections could bypass row-level security: its request transactions switch to the API role. */
export function switchRolePerTransaction(orm: MikroORM): void {
  switchingRole.add(orm.config);
}

/**
 * Opens the request's transaction with the caller's region scopes and organisation, so that
 * PostgreSQL hides rows outside them even from SQL that forgot its own scope filter. Only region
 * scopes go here: the county boundary is the database's to keep, finer rules the API's.
 *
 * Nothing is sent yet: `BEGIN` and the scope ride in the message of the request's first
 * statement. Each message is a round trip (the driver's work, a socket write, a wake-up of
 * PostgreSQL and a wait), and a household read is otherwise three of them. A plain-row read
 * (`rows`, src/db/read.ts) offers its text with the values inlined as literals, and goes in the
 * same message as the opening; any other first statement (MikroORM's, with bound parameters,
 * which one message of several statements cannot carry) is sent right after the opening. The
 * opening is decided at the driver, where statements are queued in the order they are sent, so no
 * statement can overtake it. One message cannot carry bound parameters either, so the opening's
 * two values are quoted as literals: region codes and an id from the database, not from the request.
 */
export async function beginScopedTransaction(em: EntityManager, viewer: Viewer): Promise<void> {
  const knex = em.getConnection().getKnex();
  const opening = openingSql(viewer, switchingRole.has(em.config));
  let scoped: ScopedTransaction | undefined;
  const transaction = await new Promise<Knex.Transaction>((resolve, reject) => {
    scoped = new ScopedTransaction(knex.client, resolve, { userParams: {}, doNotRejectOnRollback: true }, opening);
    scoped.catch(reject);
  });
  // knex sends a nested transaction's SAVEPOINT through a client of its own, which sendFirst does not see.
  const { context } = transaction as unknown as { context: { transaction: (...args: unknown[]) => unknown } };
  const nest = context.transaction;
  context.transaction = async function nested(this: unknown, ...args: unknown[]) {
    await scoped!.open();
    return nest.apply(this, args);
  };
  em.setTransactionContext(transaction);
}

/**
 * A read that is all its request sends (a query answered by one compiled statement opens no
 * request transaction): on a connection of the pool, given back at once, with the caller's scope,
 * in one round trip and as a transaction of its own, a prepared statement (planned once per
 * connection) when it can be. Undefined inside a request transaction: the read then goes the
 * usual way (`rows`), on the transaction.
 */
export function readAlone(em: EntityManager, viewer: Viewer, read: PreparedText, bindings: readonly unknown[]): Promise<unknown[]> | undefined {
  if (em.getTransactionContext()) return undefined;
  return readOnPooledConnection(em, viewer, switchingRole.has(em.config), read, bindings);
}

/** A statement's text with numbered parameters, and the name it is prepared under (`statement`, src/db/read.ts). */
type PreparedText = { text: string; name: string };

async function readOnPooledConnection(em: EntityManager, viewer: Viewer, switchRole: boolean, { text, name }: PreparedText, bindings: readonly unknown[]): Promise<unknown[]> {
  const { client } = em.getConnection().getKnex() as unknown as { client: Knex.Client & { acquireConnection(): Promise<Client>; releaseConnection(c: Client): Promise<unknown> } };
  const connection = await client.acquireConnection();
  try {
    // Seen by listeners (tests replay them) as a transaction's opening, which they are: the read's
    // implicit transaction. They share its message and are not counted apart.
    client.emit('query', {
      get sql() {
        return `begin; ${settingsSql(viewer, switchRole)}`;
      },
      bindings: [],
      sharesMessage: true,
    });
    client.emit('query', { sql: text, bindings });
    const settings = settingsStatement(viewer, switchRole);
    return await new Promise((resolve, reject) => {
      connection.query(new ScopedRead(settings, text, bindings, preparedName(connection, name), (error, results) => (error ? reject(error) : resolve(results[1].rows))));
    });
  } finally {
    await client.releaseConnection(connection);
  }
}

/** The option under which `rows` offers its statement as one text with its values inlined, for the opening's message. */
export const INLINED = 'jingzhunInlined';

function openingSql(viewer: Viewer, switchRole: boolean): string {
  return `begin; ${settingsSql(viewer, switchRole)}`;
}

/** The request's settings, each a name and its value, all local to its transaction. */
function settingsOf(viewer: Viewer, switchRole: boolean): [string, string][] {
  const settings: [string, string][] = [
    ['jingzhun.scope_patterns', viewer.scopes.map((scope) => `${scope}%`).join(',')],
    ['jingzhun.organisation_id', String(viewer.organisationId)],
    // A request's statements are short: compiling one with LLVM, which PostgreSQL starts on a high
    // estimate (a walk it will stop early), took 150 ms of a 3 ms read.
    ['jit', 'off'],
    // Only prepared statements (sole reads) are concerned, and theirs have the caller's row rule in
    // their text: their generic plan is the custom one, and planning loanEligibility's again for
    // every check, as PostgreSQL chose to (its estimate of the generic plan was the higher), took
    // 0.8 of its 1.1 ms.
    ['plan_cache_mode', 'force_generic_plan'],
  ];
  return switchRole ? [['role', API_ROLE], ...settings] : settings;
}

/** The settings as one statement with their values as literals, for the opening's message of several statements. */
function settingsSql(viewer: Viewer, switchRole: boolean): string {
  return `select ${settingsOf(viewer, switchRole).map(([name, value]) => `set_config(${escapeLiteral(name)}, ${escapeLiteral(value)}, true)`).join(', ')}`;
}

/**
 * The settings as a prepared statement with their values bound, for a sole read: its text depends
 * on which settings are made, never on their values, so each connection parses it once.
 */
function settingsStatement(viewer: Viewer, switchRole: boolean): { text: string; name: string; values: string[] } {
  const settings = settingsOf(viewer, switchRole);
  let statement = settingsStatements.get(switchRole);
  if (!statement) {
    const text = `select ${settings.map(([name], i) => `set_config(${escapeLiteral(name)}, $${i + 1}, true)`).join(', ')}`;
    settingsStatements.set(switchRole, (statement = { text, name: preparedStatementName(text) }));
  }
  return { ...statement, values: settings.map(([, value]) => value) };
}
/** The settings' statement with and without the role switch: which settings are made depends on nothing else. */
const settingsStatements = new Map<boolean, { text: string; name: string }>();

type SentQuery = Parameters<ScopedTransaction['trxClient']['_query']>[1];

const isTransactionEnd = (query: SentQuery) => /^(commit|rollback)\b/i.test(query.sql);

class ScopedTransaction extends PgTransaction {
  private pending = true;
  private connection: unknown;

  constructor(
    client: Knex.Client,
    container: (trx: Knex.Transaction) => void,
    config: ConstructorParameters<typeof PgTransaction>[2],
    private readonly opening: string,
  ) {
    // knex calls begin() only after a connection is acquired, later than this constructor returns.
    super(client, container, config);
  }

  /** Sends nothing: the first statement's message carries the opening (sendFirst). */
  override async begin(connection: unknown): Promise<void> {
    this.connection = connection;
    const { trxClient } = this;
    const send = trxClient._query.bind(trxClient);
    trxClient._query = (c, query) => (this.pending ? this.sendFirst(c, query, send) : send(c, query));
  }

  /**
   * Nothing to end while nothing was sent: no `COMMIT` goes (a round trip for nothing, and
   * PostgreSQL's warning that no transaction is in progress), and knex completes as if it had.
   */
  override query(connection: unknown, sql: string, status?: number, value?: unknown): Promise<unknown> {
    if (!this.pending || !isTransactionEnd({ sql })) return super.query(connection, sql, status, value);
    this._completed = true;
    if (status === 1 || value === undefined) this._resolver(value);
    else this._rejecter(value);
    return Promise.resolve();
  }

  /** The opening alone, unless a statement has carried it already. */
  async open(): Promise<void> {
    if (this.pending) await this.trxClient.query(this.connection, this.opening);
  }

  /**
   * If the first message fails, the rest of the request runs nothing until its end rolls back, as
   * in an aborted transaction. PostgreSQL would do so itself had the `BEGIN` run, but a message
   * that does not parse runs none of its statements, and the next one would run outside any
   * transaction and scope.
   */
  private async sendFirst(connection: unknown, query: SentQuery, send: (connection: unknown, query: SentQuery) => Promise<SentQuery>): Promise<SentQuery> {
    this.pending = false;
    if (isTransactionEnd(query)) return send(connection, query);
    try {
      const inlined = query.sql === this.opening ? undefined : query.options?.[INLINED];
      if (typeof inlined !== 'function') {
        if (query.sql !== this.opening) await this.trxClient.query(connection, this.opening);
        return await send(connection, query);
      }
      // Seen by listeners (tests replay it) but not counted: it shares the statement's message.
      this.trxClient.emit('query', { sql: this.opening, bindings: [], sharesMessage: true });
      const sent = await send(connection, { ...query, sql: `${this.opening};\n${inlined()}`, bindings: [] });
      const responses = sent.response as unknown[];
      return Object.assign(query, { response: responses[responses.length - 1] });
    } catch (error) {
      this.trxClient._query = (c, q) => (isTransactionEnd(q) ? send(c, { sql: 'rollback' }) : Promise.reject(new Error('the request transaction is aborted: its first statement failed')));
      throw error;
    }
  }
}

/**
 * Ends the request's transaction: kept when the response is complete, undone when the client went
 * away first. Writes flush where they are made, so the identity map is cleared rather than
 * flushed: a flush would diff every entity the request read, thousands on a long list.
 */
export async function endScopedTransaction(em: EntityManager, outcome: 'commit' | 'rollback'): Promise<void> {
  if (!em.isInTransaction()) return;
  em.clear();
  if (outcome === 'commit') await em.commit();
  else await em.rollback();
}

/** The name a statement is prepared under on every connection: a hash of its text, so one text is parsed once per connection. */
export function preparedStatementName(text: string): string {
  return `jz_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
}

/** Statements one connection keeps prepared, at most: a caller sending ever new queries must not grow a backend's memory without end. */
export const MAX_PREPARED_PER_CONNECTION = 200;

/** The statement's name, or none (planned every time) once the connection holds its share of prepared statements. */
function preparedName(client: Client, name: string): string {
  const prepared = (client as unknown as { connection: { parsedStatements: Record<string, string> } }).connection.parsedStatements;
  return name in prepared || Object.keys(prepared).length < MAX_PREPARED_PER_CONNECTION ? name : '';
}

/**
 * The extended protocol's messages for two statements, then one Sync: PostgreSQL runs both in
 * one implicit transaction, so the settings (local to it) hold for the read and end with it.
 * Both are parsed once per connection under their names; pg remembers which are. It records the
 * read's name when either Parse completes, so the settings' is recorded here, when sent: a Parse
 * of its fixed text fails only with the connection, which the pool then drops.
 */
class ScopedRead extends Query {
  constructor(
    private readonly settings: { text: string; name: string; values: string[] },
    text: string,
    values: readonly unknown[],
    name: string,
    callback: (error: Error | null, results: QueryResult[]) => void,
  ) {
    super({ text, values: [...values], name, queryMode: 'extended' } as never);
    (this as unknown as { callback: typeof callback }).callback = callback;
  }

  prepare(connection: ProtocolConnection): void {
    const { text, name, values } = this.settings;
    if (!(name in connection.parsedStatements)) {
      connection.parse({ text, name, types: [] });
      connection.parsedStatements[name] = text;
    }
    connection.bind({ portal: '', statement: name, values });
    connection.describe({ type: 'P', name: '' });
    connection.execute({ portal: '' });
    (Query.prototype as unknown as { prepare(connection: ProtocolConnection): void }).prepare.call(this, connection);
  }
}

type ProtocolConnection = {
  parsedStatements: Record<string, string>;
  parse(message: { text: string; name: string; types: unknown[] }): void;
  bind(message: { portal: string; statement: string; values: unknown[] }): void;
  describe(message: { type: 'P'; name: string }): void;
  execute(message: { portal: string }): void;
};
