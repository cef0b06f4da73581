import 'reflect-metadata';
import { FlushMode, MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { migrationsList } from '../../migrations';
import { entities } from './entities';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';
import { inspectRole, type ConnectionRole } from './database-role';
import { switchRolePerTransaction } from './row-security';
import { SqlCounter } from './sql-counter';

export type Database = {
  orm: MikroORM;
  /** Where the database is; for the embedded one, its socket. */
  url: string;
  embedded: boolean;
  sqlCounter: SqlCounter;
  /** Who the connections log in as, checked when opened. */
  role: ConnectionRole;
  close(): Promise<void>;
};

export type DbTimeouts = { statementMs: number; idleInTransactionMs: number };

export type DatabaseOptions = {
  /** A PostgreSQL URL; without one an embedded PGlite is started. */
  url?: string;
  /** Where the embedded database keeps its files; undefined keeps it in memory. */
  dataDir?: string;
  poolSize: number;
  /** Set for the API's connections: PostgreSQL ends a statement or an idle transaction that outlives these limits. */
  api?: DbTimeouts;
};

export function ormOptions(url: string, poolSize: number, timeouts?: DbTimeouts): Options {
  return {
    clientUrl: url,
    entities,
    extensions: [Migrator],
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    pool: { min: 0, max: poolSize },
    // Sent in each connection's start-up packet, so they hold from its first statement on.
    ...(timeouts && {
      driverOptions: { connection: { statement_timeout: timeouts.statementMs, idle_in_transaction_session_timeout: timeouts.idleInTransactionMs } },
    }),
    allowGlobalContext: false,
    // Writes flush where they are made. Left on AUTO, every query waits on a flush in progress, and
    // a flush that fails abandons those waiters for good: the request hangs holding its connection.
    flushMode: FlushMode.COMMIT,
    debug: false,
    forceUtcTimezone: true,
  };
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  const url = options.url ?? (embedded = await startEmbeddedPostgres({ dataDir: options.dataDir, maxConnections: options.poolSize })).url;
  let orm: MikroORM | undefined;
  try {
    orm = await MikroORM.init(ormOptions(url, options.poolSize, options.api));
    const sqlCounter = new SqlCounter();
    // Whoever serves requests from this database, their transactions must meet row-level security.
    const role = await inspectRole((sql) => orm!.em.fork().getConnection().execute(sql));
    if (role.privileged) switchRolePerTransaction(orm);
    // A request's opening shares its first statement's message (row-security.ts): one round trip, counted once.
    orm.em.getConnection().getKnex().on('query', (query: { sharesMessage?: boolean }) => {
      if (!query.sharesMessage) sqlCounter.record();
    });
    const opened = orm;
    return {
      orm: opened,
      url,
      embedded: embedded !== undefined,
      sqlCounter,
      role,
      async close() {
        await opened.close(true);
        await embedded?.stop();
      },
    };
  } catch (error) {
    await orm?.close(true);
    await embedded?.stop();
    throw error;
  }
}

/** Brings the schema to the newest migration; returns the names of the migrations it ran. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const executed = await orm.getMigrator().up();
  return executed.map((m) => m.name);
}
