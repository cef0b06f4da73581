import type { Logger } from 'pino';
import type { Config } from '../config/config';
import { API_ROLE, apiUrlFor, derivedApiPassword, inspectRole } from './database-role';
import { migrate, openDatabase, type Database } from './database';
import { startEmbeddedPostgres } from './embedded-postgres';

/** A set-up that cannot serve safely; main prints it as one line. */
export class DatabaseSetupError extends Error {}

async function roleOf(url: string) {
  const db = await openDatabase({ url, poolSize: 1 });
  try {
    return await inspectRole((sql) => db.orm.em.fork().getConnection().execute(sql));
  } finally {
    await db.close();
  }
}

/**
 * Makes sure the API role can log in with the URL derived from the owner's: when the owner's URL
 * carries a password, the API role gets the password derived from it. Returns that URL.
 */
export async function prepareApiLogin(owner: Database, logger?: Logger): Promise<string> {
  const password = decodeURIComponent(new URL(owner.url).password);
  if (password) {
    try {
      // The derived password is base64url: nothing in it needs quoting.
      await owner.orm.em.fork().getConnection().execute(`alter role ${API_ROLE} password '${derivedApiPassword(password)}'`);
    } catch (error) {
      logger?.warn({ err: error }, `could not set the password of ${API_ROLE}; set DATABASE_URL to its URL`);
    }
  }
  return apiUrlFor(owner.url);
}

/** As the owner: migrations, then `prepare` (the demo data on first start). Returns the owner's URL for the API role. */
async function asOwner(url: string, derive: boolean, prepare: (owner: Database) => Promise<void>, logger: Logger): Promise<string> {
  const owner = await openDatabase({ url, poolSize: 2 });
  try {
    logger.info({ migrations: await migrate(owner.orm) }, 'migrations applied as the owner');
    await prepare(owner);
    return derive ? await prepareApiLogin(owner, logger) : url;
  } finally {
    await owner.close();
  }
}

/**
 * Opens the database the API serves from, connected as the API role. Migrations and `prepare`
 * run first, as the owner, on a connection of their own that is closed before the API opens its
 * own: through MIGRATION_DATABASE_URL; on the embedded database, always; outside production, also
 * through a DATABASE_URL that turns out to log in as a superuser or owner, the API then logging in
 * as jingzhun_api on the same server and database. In production the API refuses to serve as such a role.
 */
export async function openServingDatabase(config: Config, logger: Logger, prepare: (owner: Database) => Promise<void>): Promise<Database> {
  const embedded = !config.databaseUrl && !config.migrationDatabaseUrl;
  const server = embedded ? await startEmbeddedPostgres({ dataDir: config.dataDir, maxConnections: config.dbPoolSize + 2 }) : undefined;
  try {
    let ownerUrl = server?.url ?? config.migrationDatabaseUrl;
    let apiUrl = config.databaseUrl;
    if (apiUrl && !ownerUrl) {
      const role = await roleOf(apiUrl);
      if (role.privileged && !config.isProduction) {
        logger.warn({ role: role.name, powers: role.powers }, `DATABASE_URL logs in as a superuser or owner: migrating through it, serving as ${API_ROLE}`);
        [ownerUrl, apiUrl] = [apiUrl, undefined];
      }
    }
    if (ownerUrl) {
      const derived = await asOwner(ownerUrl, apiUrl === undefined, prepare, logger);
      apiUrl ??= derived;
    }
    const db = await openDatabase({ url: apiUrl!, poolSize: config.dbPoolSize, api: config.dbTimeouts });
    const { role } = db;
    if (role.privileged && !role.embedded) {
      const message = `DATABASE_URL logs in as ${role.name} (${role.powers.join(', ')}): the API must log in as a role that owns nothing, such as ${API_ROLE}`;
      if (config.isProduction) {
        await db.close();
        throw new DatabaseSetupError(message);
      }
      logger.warn(message);
    }
    if (role.embedded) logger.warn('embedded PGlite: one superuser for every connection, so roles are not enforced (docs/security.md)');
    const close = db.close;
    return { ...db, embedded, async close() { await close(); await server?.stop(); } };
  } catch (error) {
    await server?.stop();
    throw error;
  }
}
