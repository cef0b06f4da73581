import { arrayLiteral } from '../src/db/array-literal';
import type { Role } from '../src/kernel/role';
import { createOrganisationWithKey } from '../src/modules/auth/create-organisation.command';
import { PERSON_NOT_FOUND } from '../src/sync/sync.engine';
import type { TestApp } from './harness';

/**
 * What the batch-sync engine does for every sector (src/sync), as tests a sector's e2e file runs
 * for each of its batch mutations over HTTP on real PostgreSQL: create, unchanged re-send, update,
 * NOT_FOUND alike for unknown, removed and out-of-region people, each rejection kind, atomic
 * rollback, dry run, batchId replay, control totals, retraction, a role that may not call it,
 * concurrency, and the statement count at 10 and 1,000 records.
 */
export type Person = { idNumber: string; memberId: number; householdId: number };

/** A sector's batch mutation as the tests drive it: a valid record for a person, `change` making it differ. */
export type SyncCase = {
  sync: string;
  retract: string;
  input: string;
  table: string;
  entity: string;
  dateField: string;
  valid: (externalId: string, person: Person, change?: number) => Record<string, unknown>;
  /** The record's amount in fen, as control totals add it (0 where no money moves). */
  amount: (record: Record<string, unknown>) => number;
  /**
   * A sector whose records are not for a person by ID number (donations: a household by its
   * number, a village): the field NOT_FOUND and INVALID name, NOT_FOUND's words, and the record
   * made to name no subject it could have. By default a person's ID number failing its check.
   */
  subject?: { field: string; notFound: string; malformed: (record: Record<string, unknown>) => Record<string, unknown> };
};

const ID_NUMBER_SUBJECT = {
  field: 'idNumber',
  notFound: PERSON_NOT_FOUND,
  malformed: (record: Record<string, unknown>) => {
    const idNumber = String(record.idNumber);
    return { ...record, idNumber: idNumber.slice(0, 17) + (idNumber.at(-1) === '0' ? '1' : '0') };
  },
};

/** The test app and its people, known once the file's beforeAll has run. */
export type SyncWorld = {
  t: TestApp;
  /** Registered people of the caller's county the sector's records fit, at least 100. */
  people: Person[];
  /** A person of a household removed from the register, and one registered in another county. */
  removed: Person;
  elsewhere: Person;
  /** A valid ID number no one holds. */
  unknownIdNumber: string;
  /** The sector's organisation of the county, another of the same role in the same county, and the same role's of another county. */
  key: string;
  sameCounty: string;
  otherCounty: string;
  /** Keys of roles that may not call the mutations. */
  forbidden: string[];
};

/** Registered people as the cases take them, `where` on member m and household h, in id order. */
export const peopleSql = (where: string) => `select m.id_number as "idNumber", m.id as "memberId", m.household_id as "householdId"
  from member m join household h on h.id = m.household_id where ${where} order by m.id`;

/**
 * A world's people: the demo county's registered people meeting `fit` (on member m and household
 * h) but one, whose household is then removed from the register (清退) for the NOT_FOUND case, one
 * of another county, and the key of a second organisation of `role` in the county, `name`, made as
 * an operator would (the poverty office registers only other departments' organisations).
 */
export async function sectorPeople(t: TestApp, role: `${Role}`, name: string, fit = 'true'): Promise<Pick<SyncWorld, 'people' | 'removed' | 'elsewhere' | 'sameCounty'>> {
  let people = await t.sql<Person>(peopleSql(`h.village_code like '430923%' and h.status <> 'REMOVED' and ${fit}`));
  const [elsewhere] = await t.sql<Person>(peopleSql(`h.village_code not like '430923%' and ${fit}`));
  const removed = people.pop()!;
  await t.sql(`update household set status = 'REMOVED' where id = ?`, [removed.householdId]);
  people = people.filter((p) => p.householdId !== removed.householdId);
  const { key } = await createOrganisationWithKey(t.owner.orm, { name, role: role as Role, scopes: ['430923'], keyName: 'test', expiresAt: null });
  return { people, removed, elsewhere, sameCounty: key };
}

/** A record's amount in yuan (none: 0) as fen, for the control totals a case sends. */
export const fen = (yuan: unknown) => (yuan == null ? 0 : Math.round(Number(yuan) * 100));

export const RESULT = 'created updated unchanged retracted discarded replayed rejected { index externalId field code message }';
const REASON = '错录 recorded in error';

/** The sector's mutations, for tests of its own rules too. */
export function syncClient(w: () => SyncWorld) {
  const syncText = (k: SyncCase) => `mutation($records: [${k.input}!]!, $batchId: String, $atomic: Boolean, $dryRun: Boolean, $expectedCount: Int, $expectedAmount: Money) {
    ${k.sync}(records: $records, batchId: $batchId, atomic: $atomic, dryRun: $dryRun, expectedCount: $expectedCount, expectedAmount: $expectedAmount) { ${RESULT} } }`;

  async function sync(k: SyncCase, records: Record<string, unknown>[], options: Record<string, unknown> = {}, key = w().key) {
    const { body } = await w().t.gql(key, syncText(k), { records, ...options });
    return { result: body.data?.[k.sync], errors: body.errors };
  }

  async function retract(k: SyncCase, externalIds: string[], reason = REASON, key = w().key) {
    const { body } = await w().t.gql(key, `mutation($ids: [String!]!, $reason: String!) { ${k.retract}(externalIds: $ids, reason: $reason) { ${RESULT} } }`, { ids: externalIds, reason });
    return { result: body.data?.[k.retract], errors: body.errors };
  }

  const held = (k: SyncCase, externalIds: string[]) =>
    w().t.sql<{ external_id: string; retracted_at: string | null; retraction_reason: string | null }>(`select * from ${k.table} where external_id = any(?::text[]) order by external_id`, [arrayLiteral(externalIds)]);
  const auditOf = (k: SyncCase, externalId: string) =>
    w().t.sql<{ operation: string; before: any; after: any }>(`select a.operation, a.before, a.after from audit_entry a join ${k.table} r on a.entity_id = r.id::text and a.entity = ? where r.external_id = ? order by a.id`, [k.entity, externalId]);

  return { sync, retract, held, auditOf };
}

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
const counts = (r: any) => ({ created: r.created, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected.length });

/** The engine's tests for each of a sector's batch mutations. */
export function describeBatchSync(w: () => SyncWorld, cases: SyncCase[]): void {
  const { sync, retract, held, auditOf } = syncClient(w);
  describe.each(cases)('$sync: the batch-sync engine', (k) => {
    const p = k.table;
    const subject = k.subject ?? ID_NUMBER_SUBJECT;

    it('creates, leaves an unchanged re-send alone, and updates a changed record with its audit before and after', async () => {
      const records = ids(`${p}-c`, 3).map((id, i) => k.valid(id, w().people[i]));
      expect(counts((await sync(k, records)).result)).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 0 });
      expect(await held(k, ids(`${p}-c`, 3))).toHaveLength(3);
      expect((await auditOf(k, `${p}-c-0`))[0]).toMatchObject({ operation: k.sync, before: null });
      expect(counts((await sync(k, records)).result)).toEqual({ created: 0, updated: 0, unchanged: 3, rejected: 0 });
      expect(await auditOf(k, `${p}-c-0`)).toHaveLength(1);
      const changed = [k.valid(`${p}-c-0`, w().people[0], 1), ...records.slice(1)];
      expect(counts((await sync(k, changed)).result)).toEqual({ created: 0, updated: 1, unchanged: 2, rejected: 0 });
      const [, update] = await auditOf(k, `${p}-c-0`);
      expect(update.operation).toBe(k.sync);
      expect(update.before).not.toEqual(update.after);
      expect(update.before.id).toBe(update.after.id);
    });

    it('answers NOT_FOUND in the same words for an unknown, a removed and an out-of-county person, and keeps the valid records', async () => {
      const unknown = { ...w().people[0], idNumber: w().unknownIdNumber };
      const records = [k.valid(`${p}-nf-0`, unknown), k.valid(`${p}-nf-1`, w().removed), k.valid(`${p}-nf-2`, w().elsewhere), k.valid(`${p}-nf-3`, w().people[3])];
      const { result } = await sync(k, records);
      expect(result.created).toBe(1);
      expect(result.rejected.map((r: any) => [r.index, r.code, r.field, r.message])).toEqual([0, 1, 2].map((i) => [i, 'NOT_FOUND', subject.field, subject.notFound]));
      const { result: other } = await sync(k, [k.valid(`${p}-nf-x`, w().people[3])], {}, w().otherCounty);
      expect(other.rejected).toEqual([{ index: 0, externalId: `${p}-nf-x`, field: subject.field, code: 'NOT_FOUND', message: subject.notFound }]);
    });

    it('refuses a duplicate externalId, a failing ID number (or whatever names the subject) and a date in the future, each by its field', async () => {
      const bad = subject.malformed(k.valid(`${p}-r-1`, w().people[4]));
      const future = { ...k.valid(`${p}-r-2`, w().people[5]), [k.dateField]: '2099-01-01' };
      const { result } = await sync(k, [k.valid(`${p}-r-0`, w().people[4]), k.valid(`${p}-r-0`, w().people[6]), bad, future]);
      expect(result.created).toBe(1);
      expect(result.rejected.map((r: any) => [r.index, r.code, r.field])).toEqual([[1, 'DUPLICATE', 'externalId'], [2, 'INVALID', subject.field], [3, 'INVALID', k.dateField]]);
    });

    it('keeps nothing of an atomic batch with a refused record', async () => {
      const { result } = await sync(k, [k.valid(`${p}-a-0`, w().people[7]), k.valid(`${p}-a-1`, w().removed)], { atomic: true });
      expect(result).toMatchObject({ created: 0, discarded: true });
      expect(result.rejected).toHaveLength(1);
      expect(await held(k, [`${p}-a-0`])).toHaveLength(0);
    });

    it('reports a dry run as if written and writes nothing, audit included', async () => {
      await sync(k, [k.valid(`${p}-d-0`, w().people[8])]);
      const [{ n: entries }] = await w().t.sql<{ n: number }>('select count(*)::int as n from audit_entry');
      const { result } = await sync(k, [k.valid(`${p}-d-0`, w().people[8], 1), k.valid(`${p}-d-1`, w().people[9])], { dryRun: true });
      expect(result).toMatchObject({ created: 1, updated: 1, discarded: true });
      expect(await held(k, [`${p}-d-1`])).toHaveLength(0);
      expect((await w().t.sql<{ n: number }>('select count(*)::int as n from audit_entry'))[0].n).toBe(entries);
    });

    it('answers a batchId sent again with the first run’s stored result and writes nothing', async () => {
      const batchId = `${p}-batch-1`;
      const first = await sync(k, [k.valid(`${p}-b-0`, w().people[10])], { batchId });
      expect(first.result).toMatchObject({ created: 1, replayed: false });
      const again = await sync(k, [k.valid(`${p}-b-0`, w().people[10], 1), k.valid(`${p}-b-1`, w().people[11])], { batchId });
      expect(again.result).toEqual({ ...first.result, replayed: true });
      expect(await held(k, [`${p}-b-1`])).toHaveLength(0);
      // A sector of one mutation has no other to send the batchId to (education's and health's tests show it refused there).
      const other = cases.find((o) => o !== k);
      if (other) expect((await sync(other, [other.valid(`${p}-b-2`, w().people[11])], { batchId })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('refuses the whole batch when a control total disagrees, or it holds over 1,000 records or a malformed one', async () => {
      const records = [k.valid(`${p}-t-0`, w().people[12]), k.valid(`${p}-t-1`, w().people[13])];
      const total = records.reduce((sum, r) => sum + k.amount(r), 0);
      const refusals = [
        await sync(k, records, { expectedCount: 3 }),
        await sync(k, records, { expectedAmount: `${(total + 1) / 100}` }),
        await sync(k, ids(`${p}-big`, 1001).map((id) => k.valid(id, w().people[0]))),
        await sync(k, [...records, { ...k.valid(`${p}-t-2`, w().people[0]), externalId: 'bad id, with "quotes"' }]),
      ];
      for (const r of refusals) expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await held(k, [`${p}-t-0`, `${p}-t-1`])).toHaveLength(0);
      expect((await sync(k, records, { expectedCount: 2, expectedAmount: (total / 100).toFixed(2) })).result.created).toBe(2);
    });

    it('retracts records with a reason, audited; again is unchanged, an unknown id NOT_FOUND; sent again, a record is restored', async () => {
      await sync(k, [k.valid(`${p}-x-0`, w().people[14])]);
      const { result } = await retract(k, [`${p}-x-0`, `${p}-x-unknown`]);
      expect(result).toMatchObject({ retracted: 1, unchanged: 0 });
      expect(result.rejected).toEqual([{ index: 1, externalId: `${p}-x-unknown`, field: 'externalIds', code: 'NOT_FOUND', message: 'You hold no record with this externalId' }]);
      const [row] = await held(k, [`${p}-x-0`]);
      expect(row.retraction_reason).toBe(REASON);
      expect((await auditOf(k, `${p}-x-0`)).at(-1)).toMatchObject({ operation: k.retract, before: { retracted_at: null }, after: { retraction_reason: REASON } });
      expect((await retract(k, [`${p}-x-0`])).result).toMatchObject({ retracted: 0, unchanged: 1 });
      // Another organisation of the same county cannot retract the bureau's record: it holds none by that id.
      expect((await retract(k, [`${p}-c-1`], 'not ours', w().sameCounty)).result.rejected[0].code).toBe('NOT_FOUND');
      expect((await sync(k, [k.valid(`${p}-x-0`, w().people[14])])).result).toMatchObject({ updated: 1 });
      expect((await held(k, [`${p}-x-0`]))[0].retracted_at).toBeNull();
    });

    it('is refused to a role that may not write it', async () => {
      for (const key of w().forbidden) {
        expect((await sync(k, [k.valid(`${p}-f-0`, w().people[15])], {}, key)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect((await retract(k, [`${p}-c-0`], 'not mine to retract', key)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
      expect(await held(k, [`${p}-f-0`])).toHaveLength(0);
    });

    it('loses nothing and duplicates nothing when two batches overlap', async () => {
      const first = ids(`${p}-cc`, 60).map((id, i) => k.valid(id, w().people[i % w().people.length]));
      const second = ids(`${p}-cc`, 90).slice(30).map((id, i) => k.valid(id, w().people[(i + 30) % w().people.length]));
      const [a, b] = await Promise.all([sync(k, first), sync(k, second)]);
      expect(a.errors ?? b.errors).toBeUndefined();
      expect(a.result.created + b.result.created).toBe(90);
      expect(a.result.unchanged + b.result.unchanged).toBe(30);
      const rows = await held(k, ids(`${p}-cc`, 90));
      expect(new Set(rows.map((r) => r.external_id)).size).toBe(90);
    });

    it('sends as many statements for 1,000 records as for 10', async () => {
      const statements = async (prefix: string, n: number) => {
        const records = ids(prefix, n).map((id, i) => k.valid(id, w().people[i % w().people.length]));
        // Right before the count, so that the key is in the API-key cache (5 s) and its look-up is not counted.
        await w().t.gql(w().key, '{ me { role } }');
        const before = w().t.db.sqlCounter.total;
        const { result, errors } = await sync(k, records, { batchId: prefix });
        expect(errors).toBeUndefined();
        expect(result.created).toBe(n);
        return w().t.db.sqlCounter.total - before;
      };
      const small = await statements(`${p}-n10`, 10);
      const large = await statements(`${p}-n1000`, 1000);
      console.log(`${k.sync}: ${small} statements for 10 records, ${large} for 1,000`);
      expect(large).toBe(small);
      expect(small).toBeLessThanOrEqual(10);
    }, 60_000);
  });
}
