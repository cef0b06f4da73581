import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type EmbeddedPostgres = { url: string; socketDir: string; stop(): Promise<void> };

/** libpq's and node-postgres' name for the socket of the server on "port" 5432 in a directory. */
const SOCKET_NAME = '.s.PGSQL.5432';

/**
 * Serves an in-process PGlite over the PostgreSQL wire protocol, so the ordinary driver,
 * migrations and SQL run unchanged whether or not DATABASE_URL is set. PGlite has no
 * authentication and makes every connection its superuser, so it listens on no TCP port: only
 * on a Unix socket in a fresh directory of mode 0700, which no other user of the machine can
 * enter (the server's own user, and root, still can). `dataDir` undefined keeps the database in memory.
 */
export async function startEmbeddedPostgres(options: { dataDir?: string; maxConnections: number }): Promise<EmbeddedPostgres> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  let dataDir: string | undefined;
  if (options.dataDir) {
    dataDir = path.resolve(options.dataDir, 'pglite');
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chmodSync(dataDir, 0o700);
  }
  // mkdtemp makes the directory 0700; the short temporary path keeps the socket's within the 107 bytes allowed.
  const socketDir = mkdtempSync(path.join(os.tmpdir(), 'jingzhun-pg-'));
  const db = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db, path: path.join(socketDir, SOCKET_NAME), maxConnections: options.maxConnections });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    rmSync(socketDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres@${encodeURIComponent(socketDir)}:5432/postgres`,
    socketDir,
    async stop() {
      await server.stop();
      await db.close();
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}
