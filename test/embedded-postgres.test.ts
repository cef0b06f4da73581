import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

/**
 * PGlite accepts whoever connects as its superuser, without a password; so the embedded database
 * listens on no TCP port, only on a Unix socket in a directory no other user can enter. PGlite
 * cannot start inside a jest worker, so a child process serves it, as `npm start` would.
 */
const ROOT = path.resolve(__dirname, '..');
const SERVE = `
  require('./src/db/embedded-postgres').startEmbeddedPostgres({ maxConnections: 2 }).then((pg) => {
    console.log(JSON.stringify({ url: pg.url, socketDir: pg.socketDir }));
    process.stdin.on('end', () => pg.stop().then(() => process.exit(0))).resume();
  });`;

let child: ChildProcessWithoutNullStreams;
let served: { url: string; socketDir: string };

beforeAll(async () => {
  child = spawn(process.execPath, ['-r', '@swc-node/register', '-e', SERVE], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' } });
  served = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]));
    });
    child.on('exit', (code) => reject(new Error(`embedded PostgreSQL exited with ${code}`)));
  });
});

afterAll(() => {
  if (child.exitCode === null) child.kill();
});

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

describe('the embedded PostgreSQL', () => {
  it('is reached through a socket in a directory of mode 0700 of the server’s own user, not through TCP', async () => {
    const host = decodeURIComponent(new URL(served.url).hostname);
    expect(host).toBe(served.socketDir);
    expect(path.isAbsolute(host)).toBe(true);
    const dir = statSync(served.socketDir);
    expect(dir.mode & 0o777).toBe(0o700);
    expect(dir.uid).toBe(process.getuid?.());
    const client = new Client({ connectionString: served.url });
    await client.connect();
    expect((await client.query('select 1 as ok')).rows).toEqual([{ ok: 1 }]);
    await client.end();
  });

  (asRoot ? it : it.skip)('refuses another user of the machine: the socket cannot even be reached', () => {
    const socket = path.join(served.socketDir, '.s.PGSQL.5432');
    const connect = `require('net').connect(${JSON.stringify(socket)}).on('connect', () => { console.log('CONNECTED'); process.exit(0); }).on('error', (e) => { console.log(e.code); process.exit(0); })`;
    const asNobody = spawnSync(process.execPath, ['-e', connect], { uid: NOBODY, gid: NOBODY, encoding: 'utf8', timeout: 10_000 });
    expect(asNobody.stdout.trim()).toBe('EACCES');
    // The same attempt as the server's own user connects: the refusal is the directory's doing.
    const asSelf = spawnSync(process.execPath, ['-e', connect], { encoding: 'utf8', timeout: 10_000 });
    expect(asSelf.stdout.trim()).toBe('CONNECTED');
  });

  it('leaves no socket behind when stopped', async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.stdin.end();
    expect(await exited).toBe(0);
    expect(existsSync(served.socketDir)).toBe(false);
  });
});
