import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startTestApp, type TestApp } from './harness';

const ROOT = path.resolve(__dirname, '..');

/** `npm run admin:create-organisation`'s command, as an operator runs it, in production. */
function runCommand(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['-r', '@swc-node/register', 'src/modules/auth/create-organisation.command.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ households: 5 });
});
afterAll(() => t.close());

describe('the admin command that creates the first organisation (issue 9, item 7)', () => {
  it('creates an organisation with its role and scopes, prints its key once, and audits both', async () => {
    const run = runCommand(['--name', '安化县扶贫开发办公室', '--role', 'POVERTY_OFFICE', '--scopes', '430923', '--expires', '2027-06-30'], {
      MIGRATION_DATABASE_URL: t.owner.url,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const key = run.stdout.trim().split('\n').at(-1)!;
    expect(key).toMatch(/^jz_[\w-]{43}$/);
    const me = await t.gql(key, '{ me { organisationName role scopes } }');
    expect(me.body.data!.me).toEqual({ organisationName: '安化县扶贫开发办公室', role: 'POVERTY_OFFICE', scopes: ['430923'] });
    const entries = await t.sql(`select entity, operation, api_key_id from audit_entry where operation like 'createOrganisation%' order by id`);
    expect(entries).toEqual([
      { entity: 'Organisation', operation: 'createOrganisation (admin command)', api_key_id: null },
      { entity: 'ApiKey', operation: 'createOrganisation (admin command)', api_key_id: null },
    ]);
    const [stored] = await t.sql(`select (extract(epoch from k.expires_at) * 1000)::bigint::text as ms from api_key k where k.prefix = ?`, [key.slice(0, 8)]);
    expect(new Date(Number(stored.ms)).toISOString()).toBe('2027-06-29T16:00:00.000Z');
  });

  it.each([
    [['--name', 'x', '--role', 'KING', '--scopes', '430923'], /--role must be one of/],
    [['--name', 'x', '--role', 'HEALTH', '--scopes', '43a'], /--scopes/],
    [['--name', 'x', '--role', 'HEALTH', '--scopes', '430923', '--expires', '9999-12-31'], /--expires: expiresAt must be within/],
    [['--role', 'HEALTH'], /usage:/],
  ])('refuses %p with one line and exit 1, writing nothing', async (args, message) => {
    const [before] = await t.sql(`select count(*)::int as n from organisation`);
    const run = runCommand(args, { MIGRATION_DATABASE_URL: t.owner.url });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
    expect(await t.sql(`select count(*)::int as n from organisation`)).toEqual([before]);
  });
});
