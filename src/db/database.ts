import 'reflect-metadata';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { migrationsList } from '../../migrations';
import { entities } from './entities';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';
import { SqlCounter } from './sql-counter';

export type Database = {
  orm: MikroORM;
  /** Where the database is; for the embedded one, its loopback address. */
  url: string;
  embedded: boolean;
  sqlCounter: SqlCounter;
  close(): Promise<void>;
};

export type DatabaseOptions = {
  /** A PostgreSQL URL; without one an embedded PGlite is started. */
  url?: string;
  /** Where the embedded database keeps its files; undefined keeps it in memory. */
  dataDir?: string;
  poolSize: number;
};

export function ormOptions(url: string, poolSize: number): Options {
  return {
    clientUrl: url,
    entities,
    extensions: [Migrator],
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    pool: { min: 0, max: poolSize },
    allowGlobalContext: false,
    debug: false,
    forceUtcTimezone: true,
  };
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  const url = options.url ?? (embedded = await startEmbeddedPostgres({ dataDir: options.dataDir, maxConnections: options.poolSize })).url;
  try {
    const orm = await MikroORM.init(ormOptions(url, options.poolSize));
    const sqlCounter = new SqlCounter();
    orm.em.getConnection().getKnex().on('query', () => sqlCounter.record());
    return {
      orm,
      url,
      embedded: embedded !== undefined,
      sqlCounter,
      async close() {
        await orm.close(true);
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** Brings the schema to the newest migration; returns the names of the migrations it ran. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const executed = await orm.getMigrator().up();
  return executed.map((m) => m.name);
}
