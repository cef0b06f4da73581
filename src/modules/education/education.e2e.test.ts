import { composeIdNumber } from '../../kernel/id-number';
import { inCompulsorySchool, inCompulsorySchoolSql } from '../../kernel/schooling';
import { SchoolStage } from '../households';
import { EnrolmentStatus } from './education.enums';
import { describeBatchSync, syncClient, type SyncCase, type SyncWorld } from '../../../test/batch-sync-cases';
import { startTestApp, statementsOf, type TestApp } from '../../../test/harness';

/**
 * The education bureau's two batch mutations over HTTP on real PostgreSQL: what the engine does
 * for every sector is run for both (test/batch-sync-cases.ts), then each one's own rules, who
 * reads what, the demo data and the exit test's compulsory-education item.
 */
let t: TestApp;
type Person = { idNumber: string; birthDate: string; memberId: number; householdId: number };
let children: Person[];
let adult: Person;
let removedChild: Person;
let elsewhereChild: Person;
let schoolKey: string;

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

const SECTORS: SyncCase[] = [
  {
    sync: 'syncStudentAid',
    retract: 'retractStudentAid',
    input: 'StudentAidRecord',
    table: 'student_aid',
    entity: 'StudentAid',
    dateField: 'paidOn',
    valid: (externalId, child, change = 0) => ({
      externalId, idNumber: child.idNumber, kind: 'BOARDING_SUBSIDY', school: '测试县第一小学', academicYear: '2026-2027', term: 'AUTUMN', amount: `${500 + change}.00`, paidOn: '2026-09-15',
    }),
    amount: (r) => Math.round(Number(r.amount) * 100),
  },
  {
    sync: 'syncEnrolments',
    retract: 'retractEnrolments',
    input: 'EnrolmentRecord',
    table: 'enrolment',
    entity: 'Enrolment',
    dateField: 'statusDate',
    valid: (externalId, child, change = 0) => ({
      externalId, idNumber: child.idNumber, school: '测试县第一小学', stage: 'PRIMARY', grade: 3 + (change % 2), status: 'ENROLLED', statusDate: '2026-09-01',
    }),
    amount: () => 0,
  },
];

const world = (): SyncWorld => ({
  t, people: children, removed: removedChild, elsewhere: elsewhereChild, unknownIdNumber: composeIdNumber('430923', '2015-05-05', 997),
  key: BUREAU, sameCounty: schoolKey, otherCounty: 'demo-education-2', forbidden: ['demo-health', 'demo-poverty-office', 'demo-auditor'],
});
const { sync, retract } = syncClient(world);

describeBatchSync(world, SECTORS);

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

  it('is FORBIDDEN to roles outside education, the poverty office and audit, and absent from their measures', async () => {
    const { body } = await t.gql('demo-health', MEMBER(children[17].idNumber));
    expect(body.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['FORBIDDEN', 'Member.studentAid'], ['FORBIDDEN', 'Member.enrolments']]);
    expect(body.data!.member.measures.filter((m: any) => m.sector === 'EDUCATION')).toEqual([]);
  });

  it('reads the measures of a page of households and their members in statements that do not grow with the page', async () => {
    const query = (n: number) => `{ households(first: ${n}) { edges { node { measures { id } members { measures { id } studentAid { id } } } } } }`;
    const counted = async (n: number) => (await statementsOf(t, 'demo-poverty-office', query(n))).statements;
    expect(await counted(50)).toBe(await counted(5));
  });
});

describe('the lists of the seeds: 控辍保学 and 应助尽助', () => {
  type Page = { totalCount: number; ids: string[]; hasNextPage: boolean; endCursor: string | null };
  const list = async (key: string, field: string, args = ''): Promise<Page> => {
    const { body } = await t.gql(key, `{ ${field}${args ? `(${args})` : ''} { totalCount pageInfo { hasNextPage endCursor } edges { node { idNumber birthDate } } } }`);
    expect(body.errors).toBeUndefined();
    const c = body.data![field];
    return { totalCount: c.totalCount, ids: c.edges.map((e: any) => e.node.idNumber), hasNextPage: c.pageInfo.hasNextPage, endCursor: c.pageInfo.endCursor };
  };
  /** Every member of a list, page by page, checking that each page agrees with the count. */
  const everyone = async (key: string, field: string, args = '') => {
    const ids: string[] = [];
    let page = await list(key, field, [args, 'first: 100'].filter(Boolean).join(', '));
    ids.push(...page.ids);
    while (page.hasNextPage) {
      page = await list(key, field, [args, 'first: 100', `after: "${page.endCursor}"`].filter(Boolean).join(', '));
      ids.push(...page.ids);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(page.totalCount);
    return ids;
  };
  const enrol = (child: Person, externalId: string, status: string, statusDate: string, stage = 'PRIMARY', grade = 3) =>
    sync(enrolment, [{ ...enrolment.valid(externalId, child), stage, grade, status, statusDate }], {}, schoolKey);

  it('lists compulsory-age children out of school by their latest enrolment, whichever school wrote it, until one puts them back', async () => {
    const child = children[21];
    await enrol(child, 'list-in', 'ENROLLED', '2026-09-01');
    expect(await everyone(BUREAU, 'outOfSchoolChildren')).not.toContain(child.idNumber);
    await enrol(child, 'list-out', 'DROPPED_OUT', '2026-10-08');
    // The bureau lists a child whom a school recorded dropping out; so do the poverty office and audit.
    for (const key of [BUREAU, 'demo-poverty-office', 'demo-auditor']) expect(await everyone(key, 'outOfSchoolChildren')).toContain(child.idNumber);
    expect(await everyone('demo-education-2', 'outOfSchoolChildren')).not.toContain(child.idNumber);
    await enrol(child, 'list-back', 'RETURNED', '2026-11-02');
    expect(await everyone(BUREAU, 'outOfSchoolChildren')).not.toContain(child.idNumber);
    // A retracted record no longer counts: the dropout is current again.
    await retract(enrolment, ['list-back'], undefined, schoolKey);
    expect(await everyone(BUREAU, 'outOfSchoolChildren')).toContain(child.idNumber);
  });

  it('counts a compulsory-age child still in preschool as out of school, and nobody of a removed household', async () => {
    const [six] = await t.sql<Person>(peopleSql(`h.village_code like '430923%' and h.status <> 'REMOVED' and m.birth_date between current_date - interval '7 years' + interval '1 day' and current_date - interval '6 years' - interval '1 month'`));
    await enrol(six, 'list-preschool', 'ENROLLED', '2026-09-01', 'PRESCHOOL', 3);
    const listed = await everyone(BUREAU, 'outOfSchoolChildren');
    expect(listed).toContain(six.idNumber);
    expect(listed).not.toContain(removedChild.idNumber);
    const [{ n }] = await t.sql<{ n: number }>(`select count(*)::int as n from member m join household h on h.id = m.household_id where m.id_number = any(?::text[]) and h.status = 'REMOVED'`, [`{${listed.join(',')}}`]);
    expect(n).toBe(0);
    const [village] = await t.sql<{ code: string }>(`select h.village_code as code from household h where h.id = ?`, [six.householdId]);
    expect(await everyone(BUREAU, 'outOfSchoolChildren', `regionCode: "${village.code}"`)).toContain(six.idNumber);
  });

  it('counts a child of 12 who graduated from primary school and enrolled nowhere after as out of school, in the list and in the exit test alike', async () => {
    // Aged 12 today and on the last day of 2026, the day household.assurance(year: 2026) counts ages on.
    const [twelve] = await t.sql<Person>(peopleSql(`h.village_code like '430923%' and h.status <> 'REMOVED' and m.birth_date between '2014-01-01' and current_date - interval '12 years'`));
    const [{ name }] = await t.sql<{ name: string }>('select name from member where id = ?', [twelve.memberId]);
    // The demo bureau's enrolments of the child are set aside, so that the school's below are its latest, and put back after.
    await t.sql(`update enrolment set retracted_at = now() where member_id = ?`, [twelve.memberId]);
    const outOfSchoolInExitTest = async () => {
      const { body } = await t.gql('demo-poverty-office', `{ household(id: "${twelve.householdId}") { assurance(year: 2026) { items { item evidence { detail } } } } }`);
      expect(body.errors).toBeUndefined();
      const item = body.data!.household.assurance.items.find((i: any) => i.item === 'COMPULSORY_EDUCATION');
      return /out of school: (.*?)(;|$)/.exec(item.evidence[0].detail)![1].split(', ').includes(name);
    };
    await enrol(twelve, 'twelve-graduated', 'GRADUATED', '2026-07-01', 'PRIMARY', 6);
    expect(await everyone(BUREAU, 'outOfSchoolChildren')).toContain(twelve.idNumber);
    expect(await outOfSchoolInExitTest()).toBe(true);
    await enrol(twelve, 'twelve-junior-high', 'ENROLLED', '2026-09-01', 'JUNIOR_HIGH', 1);
    expect(await everyone(BUREAU, 'outOfSchoolChildren')).not.toContain(twelve.idNumber);
    expect(await outOfSchoolInExitTest()).toBe(false);
    await t.sql(`update enrolment set retracted_at = null where member_id = ? and external_id like 'DEMO-%'`, [twelve.memberId]);
  });

  it('reads one rule in both: the list’s SQL and the exit test’s check agree on every status and stage', async () => {
    const pairs = Object.values(EnrolmentStatus).flatMap((status) => Object.values(SchoolStage).map((stage) => ({ status, stage })));
    const found = await t.sql<{ status: string; stage: string; inSchool: boolean }>(
      `select e.status, e.stage, ${inCompulsorySchoolSql('e')} as "inSchool" from unnest(?::text[], ?::text[]) as e(status, stage)`,
      [`{${pairs.map((p) => p.status).join(',')}}`, `{${pairs.map((p) => p.stage).join(',')}}`],
    );
    expect(found).toEqual(pairs.map((p) => ({ ...p, inSchool: inCompulsorySchool(p) })));
    expect(found.filter((f) => f.inSchool).length).toBeGreaterThan(0);
  });

  it('lists students in school with no aid for the academic year from anyone, until aid is paid', async () => {
    const child = children[22];
    await enrol(child, 'aid-list-in', 'ENROLLED', '2026-09-01');
    // The demo bureau's aid of this year is set aside for the test, and put back after it (the demo data's test re-sends it).
    await t.sql(`update student_aid set retracted_at = now() where member_id = ? and academic_year = '2026-2027'`, [child.memberId]);
    expect(await everyone(BUREAU, 'studentsWithoutAid')).toContain(child.idNumber);
    expect(await everyone(BUREAU, 'studentsWithoutAid', 'academicYear: "2026-2027"')).toContain(child.idNumber);
    // Aid the school paid takes the student off the bureau's list.
    await sync(aid, [aid.valid('aid-list-paid', child)], {}, schoolKey);
    expect(await everyone(BUREAU, 'studentsWithoutAid')).not.toContain(child.idNumber);
    expect(await everyone('demo-poverty-office', 'studentsWithoutAid', 'academicYear: "2025-2026"')).toContain(child.idNumber);
    const { body } = await t.gql(BUREAU, '{ studentsWithoutAid(academicYear: "2031-2032") { totalCount } }');
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    await t.sql(`update student_aid set retracted_at = null where member_id = ? and external_id like 'DEMO-%'`, [child.memberId]);
  });

  it('shows the education bureau no adult on them, and is FORBIDDEN to other roles', async () => {
    const born = await t.sql<{ birth_date: string }>(`select m.birth_date::text as birth_date from member m where m.id_number = any(?::text[])`, [`{${(await everyone(BUREAU, 'studentsWithoutAid')).join(',')}}`]);
    expect(born.every((b) => b.birth_date > '2000-12-02')).toBe(true);
    for (const key of ['demo-health', 'demo-finance']) {
      const { body } = await t.gql(key, '{ outOfSchoolChildren { totalCount } studentsWithoutAid { totalCount } }');
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    }
  });

  it('reads a page and its count in statements that do not grow with the page', async () => {
    const query = (n: number) => `{ outOfSchoolChildren(first: ${n}) { totalCount edges { node { name } } } studentsWithoutAid(first: ${n}) { totalCount edges { node { name } } } }`;
    const counted = async (n: number) => (await statementsOf(t, BUREAU, query(n))).statements;
    expect(await counted(50)).toBe(await counted(2));
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
