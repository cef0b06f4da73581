import { startEmbeddedPostgres, type EmbeddedPostgres } from '../src/db/embedded-postgres';

declare global {
  var embeddedTestPostgres: EmbeddedPostgres | undefined;
}

/** In embedded mode, one in-memory PGlite for the whole run; its URL reaches the workers by env. */
export default async function globalSetup(): Promise<void> {
  if (process.env.JZ_TEST_DB_MODE !== 'embedded') return;
  // Each test app holds the owner's pool (2) and the API's (5).
  globalThis.embeddedTestPostgres = await startEmbeddedPostgres({ maxConnections: 8 });
  process.env.JZ_TEST_DB_URL = globalThis.embeddedTestPostgres.url;
}
