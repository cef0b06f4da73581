import { arrayLiteral } from '../../db/array-literal';
import { composeIdNumber } from '../../kernel/id-number';
import { startTestApp, type TestApp } from '../../../test/harness';
import { PERSON_NOT_FOUND } from '../../sync/sync.engine';

/**
 * The batch-sync engine through the education bureau's two mutations, over HTTP on real
 * PostgreSQL: what the engine does for every sector is run for both (describe.each), what only
 * a sector checks after.
 */
let t: TestApp;
type Person = { idNumber: string; birthDate: string; memberId: number; householdId: number };
let children: Person[];
let adult: Person;
let removedChild: Person;
let elsewhereChild: Person;
let schoolKey: string;

const RESULT = 'created updated unchanged retracted discarded replayed rejected { index externalId field code message }';
const BUREAU = 'demo-education';

const peopleSql = (where: string) => `select m.id_number as "idNumber", m.birth_date::text as "birthDate", m.id as "memberId", m.household_id as "householdId"
  from member m join household h on h.id = m.household_id where ${where} order by m.id`;

beforeAll(async () => {
  t = await startTestApp({ households: 300 });
  children = await t.sql<Person>(peopleSql(`h.village_code like '430923%' and h.status <> 'REMOVED' and m.birth_date between '2011-01-01' and '2018-12-31'`));
  [adult] = await t.sql<Person>(peopleSql(`h.village_code like '430923%' and h.status <> 'REMOVED' and m.birth_date < '1980-01-01'`));
  [elsewhereChild] = await t.sql<Person>(peopleSql(`h.village_code not like '430923%' and m.birth_date between '2013-01-01' and '2017-12-31'`));
  // A child of a household the poverty office removed from the register (清退).
  removedChild = children.pop()!;
  await t.sql(`update household set status = 'REMOVED' where id = ?`, [removedChild.householdId]);
  children = children.filter((c) => c.householdId !== removedChild.householdId);
  const { body } = await t.gql(
    'demo-poverty-office',
    `mutation { registerOrganisation(input: { name: "测试县第一小学", role: EDUCATION, scopes: ["430923"] }) { key } }`,
  );
  schoolKey = body.data!.registerOrganisation.key;
  expect(children.length).toBeGreaterThan(20);
}, 120_000);
afterAll(() => t.close());

/** What the shared tests need of a sector: its mutations and a valid record for a child. */
type Sector = {
  name: string;
  sync: string;
  retract: string;
  input: string;
  table: string;
  valid: (externalId: string, child: Person, change?: number) => Record<string, unknown>;
  amount: (record: Record<string, unknown>) => number;
};

const SECTORS: Sector[] = [
  {
    name: 'student aid',
    sync: 'syncStudentAid',
    retract: 'retractStudentAid',
    input: 'StudentAidRecord',
    table: 'student_aid',
    valid: (externalId, child, change = 0) => ({
      externalId, idNumber: child.idNumber, kind: 'BOARDING_SUBSIDY', school: '测试县第一小学', academicYear: '2026-2027', term: 'AUTUMN', amount: `${500 + change}.00`, paidOn: '2026-09-15',
    }),
    amount: (r) => Math.round(Number(r.amount) * 100),
  },
  {
    name: 'enrolments',
    sync: 'syncEnrolments',
    retract: 'retractEnrolments',
    input: 'EnrolmentRecord',
    table: 'enrolment',
    valid: (externalId, child, change = 0) => ({
      externalId, idNumber: child.idNumber, school: '测试县第一小学', stage: 'PRIMARY', grade: 3 + (change % 2), status: 'ENROLLED', statusDate: '2026-09-01',
    }),
    amount: () => 0,
  },
];

const syncText = (s: Sector) => `mutation($records: [${s.input}!]!, $batchId: String, $atomic: Boolean, $dryRun: Boolean, $expectedCount: Int, $expectedAmount: Money) {
  ${s.sync}(records: $records, batchId: $batchId, atomic: $atomic, dryRun: $dryRun, expectedCount: $expectedCount, expectedAmount: $expectedAmount) { ${RESULT} } }`;

async function sync(s: Sector, records: Record<string, unknown>[], options: Record<string, unknown> = {}, key = BUREAU) {
  const { body } = await t.gql(key, syncText(s), { records, ...options });
  return { result: body.data?.[s.sync], errors: body.errors };
}

async function retract(s: Sector, externalIds: string[], reason = '重复发放 paid twice', key = BUREAU) {
  const { body } = await t.gql(key, `mutation($ids: [String!]!, $reason: String!) { ${s.retract}(externalIds: $ids, reason: $reason) { ${RESULT} } }`, { ids: externalIds, reason });
  return { result: body.data?.[s.retract], errors: body.errors };
}

const held = (s: Sector, externalIds: string[]) =>
  t.sql<{ external_id: string; retracted_at: string | null; retraction_reason: string | null }>(`select * from ${s.table} where external_id = any(?::text[]) order by external_id`, [arrayLiteral(externalIds)]);
const auditOf = (s: Sector, externalId: string) =>
  t.sql<{ operation: string; before: any; after: any }>(`select a.operation, a.before, a.after from audit_entry a join ${s.table} r on a.entity_id = r.id::text and a.entity = ? where r.external_id = ? order by a.id`, [s.table === 'student_aid' ? 'StudentAid' : 'Enrolment', externalId]);

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
const counts = (r: any) => ({ created: r.created, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected.length });

describe.each(SECTORS)('$sync: the batch-sync engine', (s) => {
  const p = s.table;

  it('creates, leaves an unchanged re-send alone, and updates a changed record with its audit before and after', async () => {
    const records = ids(`${p}-c`, 3).map((id, i) => s.valid(id, children[i]));
    expect(counts((await sync(s, records)).result)).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect(await held(s, ids(`${p}-c`, 3))).toHaveLength(3);
    const [created] = await auditOf(s, `${p}-c-0`);
    expect(created).toMatchObject({ operation: s.sync, before: null });

    expect(counts((await sync(s, records)).result)).toEqual({ created: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(await auditOf(s, `${p}-c-0`)).toHaveLength(1);

    const changed = [s.valid(`${p}-c-0`, children[0], 1), ...records.slice(1)];
    expect(counts((await sync(s, changed)).result)).toEqual({ created: 0, updated: 1, unchanged: 2, rejected: 0 });
    const [, update] = await auditOf(s, `${p}-c-0`);
    expect(update.operation).toBe(s.sync);
    expect(update.before).not.toBeNull();
    expect(update.before).not.toEqual(update.after);
    expect(update.before.id).toBe(update.after.id);
  });

  it('answers NOT_FOUND in the same words for an unknown, a removed and an out-of-region person, and keeps the valid records', async () => {
    const unknown = { ...children[0], idNumber: composeIdNumber('430923', '2015-05-05', 997) };
    const records = [s.valid(`${p}-nf-0`, unknown), s.valid(`${p}-nf-1`, removedChild), s.valid(`${p}-nf-2`, elsewhereChild), s.valid(`${p}-nf-3`, children[3])];
    const { result } = await sync(s, records);
    expect(result.created).toBe(1);
    expect(result.rejected.map((r: any) => [r.index, r.code, r.field, r.message])).toEqual([0, 1, 2].map((i) => [i, 'NOT_FOUND', 'idNumber', PERSON_NOT_FOUND]));
    // The other county's own bureau gets the same answer for this county's child.
    const { result: other } = await sync(s, [s.valid(`${p}-nf-x`, children[3])], {}, 'demo-education-2');
    expect(other.rejected).toEqual([{ index: 0, externalId: `${p}-nf-x`, field: 'idNumber', code: 'NOT_FOUND', message: PERSON_NOT_FOUND }]);
  });

  it('refuses a duplicate externalId, a failing ID number and a date in the future, each by its field', async () => {
    const bad = { ...s.valid(`${p}-r-1`, children[4]), idNumber: children[4].idNumber.slice(0, 17) + (children[4].idNumber.endsWith('0') ? '1' : '0') };
    const future = s.valid(`${p}-r-2`, children[5]);
    const dateField = 'paidOn' in future ? 'paidOn' : 'statusDate';
    future[dateField] = '2099-01-01';
    const { result } = await sync(s, [s.valid(`${p}-r-0`, children[4]), s.valid(`${p}-r-0`, children[6]), bad, future]);
    expect(result.created).toBe(1);
    expect(result.rejected.map((r: any) => [r.index, r.code, r.field])).toEqual([[1, 'DUPLICATE', 'externalId'], [2, 'INVALID', 'idNumber'], [3, 'INVALID', dateField]]);
  });

  it('keeps nothing of an atomic batch with a refused record', async () => {
    const records = [s.valid(`${p}-a-0`, children[7]), s.valid(`${p}-a-1`, removedChild)];
    const { result } = await sync(s, records, { atomic: true });
    expect(result).toMatchObject({ created: 0, discarded: true });
    expect(result.rejected).toHaveLength(1);
    expect(await held(s, [`${p}-a-0`])).toHaveLength(0);
  });

  it('reports a dry run as if written and writes nothing, audit included', async () => {
    await sync(s, [s.valid(`${p}-d-0`, children[8])]);
    const [{ n: entries }] = await t.sql<{ n: number }>('select count(*)::int as n from audit_entry');
    const { result } = await sync(s, [s.valid(`${p}-d-0`, children[8], 1), s.valid(`${p}-d-1`, children[9])], { dryRun: true });
    expect(result).toMatchObject({ created: 1, updated: 1, discarded: true });
    expect(await held(s, [`${p}-d-1`])).toHaveLength(0);
    expect((await t.sql<{ n: number }>('select count(*)::int as n from audit_entry'))[0].n).toBe(entries);
  });

  it('answers a batchId sent again with the first run’s stored result and writes nothing', async () => {
    const batchId = `${p}-batch-1`;
    const first = await sync(s, [s.valid(`${p}-b-0`, children[10])], { batchId });
    expect(first.result).toMatchObject({ created: 1, replayed: false });
    const again = await sync(s, [s.valid(`${p}-b-0`, children[10], 1), s.valid(`${p}-b-1`, children[11])], { batchId });
    expect(again.result).toEqual({ ...first.result, replayed: true });
    expect(await held(s, [`${p}-b-1`])).toHaveLength(0);
    const other = SECTORS.find((o) => o !== s)!;
    const misused = await sync(other, [other.valid(`${p}-b-2`, children[11])], { batchId });
    expect(misused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses the whole batch when a control total disagrees, or it holds over 1,000 records or a malformed one', async () => {
    const records = [s.valid(`${p}-t-0`, children[12]), s.valid(`${p}-t-1`, children[13])];
    const total = records.reduce((sum, r) => sum + s.amount(r), 0);
    const refusals = [
      await sync(s, records, { expectedCount: 3 }),
      await sync(s, records, { expectedAmount: `${(total + 1) / 100}` }),
      await sync(s, ids(`${p}-big`, 1001).map((id) => s.valid(id, children[0]))),
      await sync(s, [...records, { ...s.valid(`${p}-t-2`, children[0]), externalId: 'bad id, with "quotes"' }]),
    ];
    for (const r of refusals) expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await held(s, [`${p}-t-0`, `${p}-t-1`])).toHaveLength(0);
    const agreed = await sync(s, records, { expectedCount: 2, expectedAmount: (total / 100).toFixed(2) });
    expect(agreed.result.created).toBe(2);
  });

  it('retracts records with a reason, audited; again is unchanged, an unknown id NOT_FOUND; sent again, a record is restored', async () => {
    await sync(s, [s.valid(`${p}-x-0`, children[14])]);
    const { result } = await retract(s, [`${p}-x-0`, `${p}-x-unknown`]);
    expect(result).toMatchObject({ retracted: 1, unchanged: 0 });
    expect(result.rejected).toEqual([{ index: 1, externalId: `${p}-x-unknown`, field: 'externalIds', code: 'NOT_FOUND', message: 'You hold no record with this externalId' }]);
    const [row] = await held(s, [`${p}-x-0`]);
    expect(row.retracted_at).not.toBeNull();
    expect(row.retraction_reason).toBe('重复发放 paid twice');
    const entries = await auditOf(s, `${p}-x-0`);
    expect(entries.at(-1)).toMatchObject({ operation: s.retract, before: { retracted_at: null }, after: { retraction_reason: '重复发放 paid twice' } });
    expect((await retract(s, [`${p}-x-0`])).result).toMatchObject({ retracted: 0, unchanged: 1 });
    expect((await sync(s, [s.valid(`${p}-x-0`, children[14])])).result).toMatchObject({ updated: 1 });
    expect((await held(s, [`${p}-x-0`]))[0].retracted_at).toBeNull();
  });

  it('is refused to a role that may not write it', async () => {
    for (const key of ['demo-health', 'demo-poverty-office', 'demo-auditor']) {
      const { errors } = await sync(s, [s.valid(`${p}-f-0`, children[15])], {}, key);
      expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await retract(s, [`${p}-c-0`], 'not mine to retract', key)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await held(s, [`${p}-f-0`])).toHaveLength(0);
  });

  it('loses nothing and duplicates nothing when two batches overlap', async () => {
    const first = ids(`${p}-cc`, 60).map((id, i) => s.valid(id, children[i % children.length]));
    const second = ids(`${p}-cc`, 90).slice(30).map((id, i) => s.valid(id, children[(i + 30) % children.length]));
    const [a, b] = await Promise.all([sync(s, first), sync(s, second)]);
    expect(a.errors ?? b.errors).toBeUndefined();
    expect(a.result.created + b.result.created).toBe(90);
    expect(a.result.unchanged + b.result.unchanged).toBe(30);
    const rows = await held(s, ids(`${p}-cc`, 90));
    expect(new Set(rows.map((r) => r.external_id)).size).toBe(90);
    expect(rows).toHaveLength(90);
  });

  it('sends as many statements for 1,000 records as for 10', async () => {
    await t.gql(BUREAU, '{ me { role } }');
    const statements = async (prefix: string, n: number, options: Record<string, unknown> = {}) => {
      const records = ids(prefix, n).map((id, i) => s.valid(id, children[i % children.length]));
      const before = t.db.sqlCounter.total;
      const { result, errors } = await sync(s, records, options);
      expect(errors).toBeUndefined();
      expect(result.created).toBe(n);
      return t.db.sqlCounter.total - before;
    };
    const small = await statements(`${p}-n10`, 10, { batchId: `${p}-n10` });
    const large = await statements(`${p}-n1000`, 1000, { batchId: `${p}-n1000` });
    console.log(`${s.sync}: ${small} statements for 10 records, ${large} for 1,000`);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(10);
  }, 60_000);
});

const aid = SECTORS[0];
const enrolment = SECTORS[1];

describe('syncStudentAid: the sector’s rules', () => {
  it('refuses an age the kind does not admit, an amount above its ceiling, meals above 4 yuan a day, and an academic year not begun', async () => {
    const child = children[16];
    const records = [
      aid.valid('rule-age', adult),
      { ...aid.valid('rule-ceiling', child), amount: '5000.00' },
      { ...aid.valid('rule-meals', child), kind: 'NUTRITION_MEALS', amount: '800.01', days: 200 },
      { ...aid.valid('rule-days', child), kind: 'NUTRITION_MEALS', amount: '80.00' },
      { ...aid.valid('rule-year', child), academicYear: '2027-2028' },
      { ...aid.valid('rule-meals-ok', child), kind: 'NUTRITION_MEALS', amount: '800.00', days: 200 },
    ];
    const { result } = await sync(aid, records);
    expect(result.created).toBe(1);
    expect(result.rejected.map((r: any) => [r.externalId, r.code, r.field])).toEqual([
      ['rule-age', 'IMPLAUSIBLE_AGE', 'idNumber'],
      ['rule-ceiling', 'ABOVE_CEILING', 'amount'],
      ['rule-meals', 'ABOVE_CEILING', 'amount'],
      ['rule-days', 'INVALID', 'days'],
      ['rule-year', 'INVALID', 'academicYear'],
    ]);
  });
});

describe('syncEnrolments: the sector’s rules', () => {
  it('refuses a grade the stage does not have and an age the stage does not admit', async () => {
    const { result } = await sync(enrolment, [{ ...enrolment.valid('rule-grade', children[16]), grade: 9 }, enrolment.valid('rule-adult', adult)]);
    expect(result.rejected.map((r: any) => [r.externalId, r.code, r.field])).toEqual([
      ['rule-grade', 'INVALID', 'grade'],
      ['rule-adult', 'IMPLAUSIBLE_AGE', 'idNumber'],
    ]);
  });
});

describe('reading the records: AssistanceMeasure on households and members', () => {
  const MEMBER = (idNumber: string) => `{ member(idNumber: "${idNumber}", purpose: "education record check") {
    measures { __typename id sector kind amount date externalId recordedBy { name } member { name } household { number } }
    studentAid { aidKind school academicYear term amount days }
    enrolments { stage grade status school }
  } }`;

  it('shows a school only what it wrote, the bureau its own, the poverty office and audit all of their region', async () => {
    const child = children[17];
    await sync(aid, [aid.valid('read-bureau', child)]);
    const school = await sync(aid, [{ ...aid.valid('read-school', child), kind: 'NUTRITION_MEALS', amount: '400.00', days: 100 }], {}, schoolKey);
    expect(school.result.created).toBe(1);
    const seen = async (key: string) => {
      const { body } = await t.gql(key, MEMBER(child.idNumber));
      expect(body.errors).toBeUndefined();
      return body.data!.member.measures.map((m: any) => m.externalId).filter((id: string) => id.startsWith('read-')).sort();
    };
    expect(await seen(BUREAU)).toEqual(['read-bureau']);
    expect(await seen(schoolKey)).toEqual(['read-school']);
    expect(await seen('demo-poverty-office')).toEqual(['read-bureau', 'read-school']);
    expect(await seen('demo-auditor')).toEqual(['read-bureau', 'read-school']);
    const { body } = await t.gql(BUREAU, MEMBER(child.idNumber));
    expect(body.data!.member.measures.find((m: any) => m.externalId === 'read-bureau')).toMatchObject({ __typename: 'StudentAid', sector: 'EDUCATION', kind: 'BOARDING_SUBSIDY', amount: '500.00', date: '2026-09-15', recordedBy: { name: expect.stringContaining('教育局') } });
    expect(body.data!.member.studentAid).toContainEqual({ aidKind: 'BOARDING_SUBSIDY', school: '测试县第一小学', academicYear: '2026-2027', term: 'AUTUMN', amount: '500.00', days: null });
  });

  it('filters a household’s measures by sector and dates, and hides retracted records', async () => {
    const child = children[18];
    await sync(aid, [aid.valid('window-1', child), { ...aid.valid('window-2', child), paidOn: '2026-03-01', academicYear: '2025-2026', term: 'SPRING' }]);
    await sync(enrolment, [enrolment.valid('window-3', child)]);
    const measures = async (args: string) => {
      const { body } = await t.gql('demo-poverty-office', `{ household(id: "${child.householdId}") { measures${args} { externalId } } }`);
      expect(body.errors).toBeUndefined();
      return body.data!.household.measures.map((m: any) => m.externalId).filter((id: string) => id.startsWith('window'));
    };
    expect(await measures('')).toEqual(['window-2', 'window-3', 'window-1']);
    expect(await measures('(sector: EDUCATION, from: "2026-06-01", to: "2026-12-31")')).toEqual(['window-3', 'window-1']);
    await retract(aid, ['window-1']);
    expect(await measures('(from: "2026-06-01")')).toEqual(['window-3']);
  });

  it('is FORBIDDEN to roles outside education, the poverty office and audit', async () => {
    const { body } = await t.gql('demo-health', MEMBER(children[17].idNumber));
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
  });

  it('reads the measures of a page of households and their members in statements that do not grow with the page', async () => {
    const query = (n: number) => `{ households(first: ${n}) { edges { node { measures { id } members { measures { id } studentAid { id } } } } } }`;
    await t.gql('demo-poverty-office', '{ me { role } }');
    const counted = async (n: number) => {
      const before = t.db.sqlCounter.total;
      const { body } = await t.gql('demo-poverty-office', query(n));
      expect(body.errors).toBeUndefined();
      return t.db.sqlCounter.total - before;
    };
    expect(await counted(50)).toBe(await counted(5));
  });
});

describe('the audit log after bulk entries', () => {
  it('is one intact hash chain, with an entry for every record written', async () => {
    const { body } = await t.gql('demo-auditor', '{ verifyAuditLog { intact entries problem } }');
    expect(body.data!.verifyAuditLog).toMatchObject({ intact: true, problem: null });
    const [{ n }] = await t.sql<{ n: number }>(`select count(*)::int as n from audit_entry where entity in ('StudentAid', 'Enrolment')`);
    expect(n).toBeGreaterThan(2000);
  });
});

describe('the demo data', () => {
  it('holds the bureau’s enrolments and aid for the demo county’s pupils, which its own rules accept', async () => {
    const [{ enrolments, payments, dropouts }] = await t.sql<{ enrolments: number; payments: number; dropouts: number }>(
      `select (select count(*)::int from enrolment where external_id like 'DEMO-%') as enrolments,
              (select count(*)::int from student_aid where external_id like 'DEMO-%') as payments,
              (select count(*)::int from enrolment where external_id like 'DEMO-%' and status = 'DROPPED_OUT') as dropouts`,
    );
    expect(enrolments).toBeGreaterThan(50);
    expect(payments).toBeGreaterThan(50);
    expect(dropouts).toBeGreaterThanOrEqual(0);
    // Sent again through the API as the bureau, the demo county's records are unchanged: they keep to the rules.
    const demo = await t.sql<any>(
      `select s.external_id as "externalId", m.id_number as "idNumber", s.kind, s.school, s.academic_year as "academicYear", s.term,
              (s.amount_fen / 100.0)::numeric(12, 2)::text as amount, s.days, s.date::text as "paidOn"
       from student_aid s join member m on m.id = s.member_id join household h on h.id = s.household_id
       where s.external_id like 'DEMO-%' and s.village_code like '430923%' and h.status <> 'REMOVED' order by s.id limit 500`,
    );
    const { result, errors } = await sync(aid, demo.map(({ days, ...r }: any) => (days === null ? r : { ...r, days })));
    expect(errors).toBeUndefined();
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: demo.length, rejected: [] });
  });
});

describe('household.assurance: compulsory education rests on enrolments', () => {
  it('takes a pupil’s latest enrolment as the evidence, with the school’s record and department', async () => {
    const child = children[19];
    const [{ name }] = await t.sql<{ name: string }>('select name from member where id = ?', [child.memberId]);
    const item = async () => {
      const { body } = await t.gql('demo-poverty-office', `{ household(id: "${child.householdId}") { assurance(year: 2026) { items { item verdict evidence { source department detail } } } } }`);
      expect(body.errors).toBeUndefined();
      return body.data!.household.assurance.items.find((i: any) => i.item === 'COMPULSORY_EDUCATION');
    };
    const outOfSchool = (i: any) => /out of school: (.*?)(;|$)/.exec(i.evidence[0].detail)![1].split(', ');
    const record = (status: string, statusDate: string) => ({ ...enrolment.valid(`assurance-${status}`, child), status, statusDate });

    await sync(enrolment, [record('ENROLLED', '2026-10-01')], {}, schoolKey);
    const enrolled = await item();
    expect(outOfSchool(enrolled)).not.toContain(name);
    expect(enrolled.evidence).toContainEqual({ source: expect.stringContaining('(assurance-ENROLLED)'), department: '测试县第一小学 (教育 education)', detail: `${name}: ENROLLED in PRIMARY grade 3 since 2026-10-01` });

    await sync(enrolment, [record('DROPPED_OUT', '2026-11-02')], {}, schoolKey);
    const dropped = await item();
    expect(dropped.verdict).toBe('NOT_MET');
    expect(outOfSchool(dropped)).toContain(name);
    expect(dropped.evidence.map((e: any) => e.source)).toContainEqual(expect.stringContaining('(assurance-DROPPED_OUT)'));
  });
});
