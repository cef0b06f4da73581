/**
 * npm run admin:create-organisation -- --name NAME --role ROLE --scopes 430923[,430981] [--key-name NAME] [--expires YYYY-MM-DD]
 *
 * Going live: creates an organisation and its first API key, and prints the key once. It connects
 * as the database owner (MIGRATION_DATABASE_URL, else DATABASE_URL, else the embedded database
 * under DATA_DIR, with the server stopped), so it works in production, where there is no demo key
 * and no organisation yet to call registerOrganisation with.
 */
import { parseArgs } from 'node:util';
import type { MikroORM } from '@mikro-orm/postgresql';
import { ConfigError, loadConfig } from '../../config/config';
import { arrayLiteral } from '../../db/array-literal';
import { migrate, openDatabase } from '../../db/database';
import { TEXT, textProblem } from '../../kernel/text';
import { auditedAs } from '../audit';
import { isRegionPrefix } from '../../kernel/region-code';
import { checkExpiry, issueKey } from './api-key.service';
import { Organisation } from './organisation.entity';
import { ALL_ROLES, type Role } from '../../kernel/role';

const USAGE = 'usage: npm run admin:create-organisation -- --name NAME --role ROLE --scopes CODE[,CODE] [--key-name NAME] [--expires YYYY-MM-DD]';
const OPERATION = 'createOrganisation (admin command)';

export type NewOrganisation = { name: string; role: Role; scopes: string[]; keyName: string; expiresAt: Date | null };

/** The command line, checked with the API's own rules; a mistake is a ConfigError, printed as one line. */
export function parseCommandLine(argv: string[]): NewOrganisation {
  const { values } = parseArgs({
    args: argv,
    options: { name: { type: 'string' }, role: { type: 'string' }, scopes: { type: 'string' }, 'key-name': { type: 'string' }, expires: { type: 'string' } },
    strict: true,
  });
  if (!values.name || !values.role || !values.scopes) throw new ConfigError(USAGE);
  const text = (flag: string, value: string) => {
    const problem = textProblem(value, TEXT.NAME);
    if (problem) throw new ConfigError(`--${flag} ${problem}`);
    return value.trim();
  };
  if (!ALL_ROLES.includes(values.role as Role)) throw new ConfigError(`--role must be one of ${ALL_ROLES.join(', ')}`);
  const scopes = [...new Set(values.scopes.split(',').map((s) => s.trim()))];
  const bad = scopes.find((s) => !isRegionPrefix(s));
  if (bad !== undefined) throw new ConfigError(`--scopes: ${JSON.stringify(bad)} is not a region code prefix of 2 to 12 digits`);
  let expiresAt: Date | null = null;
  if (values.expires !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.expires) || Number.isNaN(Date.parse(values.expires))) throw new ConfigError('--expires must be a date, YYYY-MM-DD');
    try {
      expiresAt = checkExpiry(new Date(`${values.expires}T00:00:00+08:00`));
    } catch (error) {
      throw new ConfigError(`--expires: ${(error as Error).message}`);
    }
  }
  return { name: text('name', values.name), role: values.role as Role, scopes, keyName: text('key-name', values['key-name'] ?? 'first key'), expiresAt };
}

/** The organisation, its key and their audit entries in one transaction; the entries name the new organisation as author. */
export async function createOrganisationWithKey(orm: MikroORM, input: NewOrganisation): Promise<{ organisation: Organisation; key: string }> {
  let organisation: Organisation | undefined;
  return auditedAs(orm.em.fork(), OPERATION, () => ({ organisation: organisation!, apiKey: null }), async (em) => {
    organisation = em.create(Organisation, { name: input.name, role: input.role, scopes: input.scopes });
    const { key } = issueKey(em, organisation, { name: input.keyName, expiresAt: input.expiresAt });
    return { organisation, key };
  });
}

async function main(): Promise<void> {
  const config = loadConfig();
  const input = parseCommandLine(process.argv.slice(2));
  const database = await openDatabase({ url: config.migrationDatabaseUrl ?? config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
  try {
    await migrate(database.orm);
    const regions = await database.orm.em.fork().getConnection().execute<{ n: number }[]>(
      `select count(*)::int as n from region where code like any (?::text[])`,
      [arrayLiteral(input.scopes.map((s) => `${s}%`))],
    );
    if (regions[0].n === 0) console.warn('admin: note: no region under these scopes is loaded yet; the organisation sees nothing until one is');
    const { organisation, key } = await createOrganisationWithKey(database.orm, input);
    console.log(`admin: created organisation ${organisation.id} "${organisation.name}" (${organisation.role}, scopes ${organisation.scopes.join(',')})`);
    console.log('admin: its API key, shown this once (Authorization: Bearer <key>):');
    console.log(key);
  } finally {
    await database.close();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`admin: ${error instanceof ConfigError ? error.message : 'failed: ' + (error instanceof Error ? error.message : String(error))}`);
    process.exit(1);
  });
}
