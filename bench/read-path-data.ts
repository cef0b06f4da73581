/**
 * The read-path bench's data: a kept database per size on the local server, migrated and seeded as
 * the owner, reused by later runs. Seeding 1,000,000 members takes about a minute, so a complete
 * database is kept; "complete" is recorded in the database's comment only after seeding and ANALYZE
 * finished, and checked against the row counts, so an interrupted seed is dropped and redone.
 */

import { Client } from 'pg';
import type { Connection } from '@mikro-orm/postgresql';
import { migrate, openDatabase } from '../src/db/database';
import { prepareApiLogin } from '../src/db/serving';
import { hashApiKey } from '../src/modules/auth/api-key-hash';
import { loadDemoData } from '../seeds/demo';
import { DEFAULT_SERVER_URL } from './lib';
import { subjectVillageSql } from './read-path-queries';

/** `npm run seed`'s default: 320,000 households, about 1,000,000 members. */
export const FULL_HOUSEHOLDS = 320_000;

export type ReadPathData = {
  name: string;
  /** The owner's URL (the server's user, e.g. postgres). */
  ownerUrl: string;
  /** The API's login role (jingzhun_api) on the same database. */
  apiUrl: string;
  households: number;
  members: number;
  /** What was done to get here: reused, migrated, seeded. */
  how: string;
};

/** What is seeded, as a number: raise it when that changes, so that kept databases are seeded again. 2: the bank's borrowers. */
const DATA_SET = 2;

type Marker = { bench: 'read-path'; dataSet: number; households: number; members: number };

/** The bank the reads are made as (bench/read-path-queries.ts), its county, and how many of its households it reads from. */
const BANK_KEY = 'demo-finance';
const BANK_COUNTY = '430923';
/**
 * A bank reads only its borrowers (issue 12), so its page of 100 households comes from those: at
 * least this many in the county at every size. The demo seed lends to one household in six per
 * bank (seeds/demo/finance.ts), about 300 at 3,200 households and 30,000 at 320,000; the rest are
 * lent here, never in the village whose applicant loanEligibility checks (not a borrower).
 */
export const BANK_BORROWERS = 400;

export function databaseNameFor(households: number): string {
  return households === FULL_HOUSEHOLDS ? 'jingzhun_bench_1m' : `jingzhun_bench_${households}h`;
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The marker when it matches the tables, else null (never seeded, interrupted, or changed since). */
async function completeMarker(url: string, households: number): Promise<Marker | null> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ comment: string | null }>(
      `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = current_database()`,
    );
    let marker: Marker;
    try {
      marker = JSON.parse(rows[0]?.comment ?? 'null') as Marker;
    } catch {
      return null;
    }
    if (marker?.bench !== 'read-path' || marker.dataSet !== DATA_SET || marker.households !== households) return null;
    const exists = await client.query(`select to_regclass('household') is not null and to_regclass('member') is not null as ok`);
    if (!exists.rows[0].ok) return null;
    // Counted as the owner: the tables' row-level security does not apply to their owner.
    const counts = await client.query<{ households: string; members: string }>(
      `select (select count(*) from household) as households, (select count(*) from member) as members`,
    );
    const ok = Number(counts.rows[0].households) === marker.households && Number(counts.rows[0].members) === marker.members;
    return ok ? marker : null;
  });
}

/**
 * The database for `households`: reused when complete (pending migrations applied first), else
 * dropped, created, migrated, seeded with the demo registry and its demo keys, and analysed.
 */
export async function ensureReadPathData(options: { households: number; log: (line: string) => void }): Promise<ReadPathData> {
  const serverUrl = process.env.BENCH_SERVER_URL ?? DEFAULT_SERVER_URL;
  const name = databaseNameFor(options.households);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const ownerUrl = url.toString();
  const exists = await withClient(serverUrl, async (client) => (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1);

  let marker = exists ? await completeMarker(ownerUrl, options.households) : null;
  let how: string;
  if (!marker) {
    options.log(`${name}: ${exists ? 'incomplete, seeding again' : 'seeding'} ${options.households} households`);
    await withClient(serverUrl, async (client) => {
      await client.query(`drop database if exists ${name} with (force)`);
      await client.query(`create database ${name}`);
    });
  }
  const owner = await openDatabase({ url: ownerUrl, poolSize: 2 });
  try {
    const applied = await migrate(owner.orm);
    const connection = owner.orm.em.fork().getConnection();
    if (!marker) {
      const stats = await loadDemoData(owner.orm, { households: options.households, demoKeys: true });
      await lendToBorrowers(connection);
      await connection.execute('analyze');
      marker = { bench: 'read-path', dataSet: DATA_SET, households: stats.households, members: stats.members };
      // The marker's JSON has no quotes of its own to escape.
      await connection.execute(`comment on database ${name} is '${JSON.stringify(marker)}'`);
      how = `seeded in ${stats.seconds.toFixed(1)} s`;
    } else {
      if (applied.length > 0) await connection.execute('analyze');
      how = applied.length > 0 ? `reused, ${applied.length} new migration(s) applied` : 'reused';
    }
    const apiUrl = await prepareApiLogin(owner);
    options.log(`${name}: ${marker.households} households, ${marker.members} members (${how})`);
    return { name, ownerUrl, apiUrl, households: marker.households, members: marker.members, how };
  } finally {
    await owner.close();
  }
}

/**
 * The bank's loans up to BANK_BORROWERS households of its county: one issue of 30,000 yuan each,
 * within the demo ceiling, to the first adult with labour capacity of households no bank lent to, in
 * id order, outside the subjects' village. Nothing is added where the seed lent enough.
 */
async function lendToBorrowers(connection: Connection): Promise<void> {
  await connection.execute(
    `with bank as (select k.organisation_id as id from api_key k where k.key_hash = ?),
      lent as (select count(distinct l.household_id) as n from micro_loan l, bank b
               where l.organisation_id = b.id and l.village_code like ? || '%' and l.retracted_at is null),
      subject as (${subjectVillageSql('?')}),
      borrower as (
        select distinct on (h.id) m.id as member_id, h.id as household_id, h.village_code
        from household h join member m on m.household_id = h.id
        where h.village_code like ? || '%' and h.status <> 'REMOVED' and h.village_code <> (select village_code from subject)
          and not exists (select 1 from micro_loan l where l.household_id = h.id)
          and m.labour_capacity in ('ORDINARY', 'SKILLED', 'WEAK')
          and m.birth_date between current_date - interval '60 years' and current_date - interval '20 years'
        order by h.id, m.id
        limit greatest(0, ? - (select n from lent)))
    insert into micro_loan (organisation_id, external_id, member_id, household_id, village_code, date, amount_fen, loan_number, kind,
      term_months, rate_basis_points, purpose, interest_subsidised)
    select b.id, 'BENCH-LN-' || r.household_id, r.member_id, r.household_id, r.village_code, current_date - 100, 3000000,
      'BENCH-LN-' || r.household_id, 'ISSUE', 36, 435, '养殖(生猪)', true
    from borrower r cross join bank b`,
    [hashApiKey(BANK_KEY), BANK_COUNTY, BANK_COUNTY, BANK_COUNTY, BANK_BORROWERS],
  );
}
