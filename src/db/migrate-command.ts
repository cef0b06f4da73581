/**
 * npm run migrate: brings the database at MIGRATION_DATABASE_URL (the owner's; DATABASE_URL if
 * only that is set) to the newest migration, as the owner. The API itself logs in as jingzhun_api.
 */
import { ConfigError, loadConfig } from '../config/config';
import { migrate, openDatabase } from './database';
import { prepareApiLogin } from './serving';

async function main(): Promise<void> {
  const config = loadConfig();
  const url = config.migrationDatabaseUrl ?? config.databaseUrl;
  if (!url) throw new ConfigError('MIGRATION_DATABASE_URL is not set; npm run migrate needs the database owner\'s URL (npm start migrates the embedded database itself)');
  const owner = await openDatabase({ url, poolSize: 1 });
  try {
    const ran = await migrate(owner.orm);
    console.log(ran.length === 0 ? 'migrate: the database is up to date' : `migrate: ran ${ran.join(', ')}`);
    if (!config.databaseUrl || url === config.databaseUrl) console.log(`migrate: the API logs in as ${new URL(await prepareApiLogin(owner)).username}`);
  } finally {
    await owner.close();
  }
}

main().catch((error) => {
  console.error(`migrate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
