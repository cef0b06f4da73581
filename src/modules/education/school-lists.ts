import type { RequestContext } from '../../context/request-context';
import { rows, type Binding } from '../../db/read';
import { pageRequest, toPage, type Page, type PageArgs } from '../../graphql/pagination';
import { chinaToday } from '../../config/clock';
import { badUserInput } from '../../errors/app-error';
import { inCompulsorySchoolSql } from '../../kernel/schooling';
import { agedBetween } from '../../policy/row-rules';
import { codeFilterSql, ruleSql } from '../../policy/row-scope';
import { MEMBER_COLUMNS, memberScope, toMemberRow, type MemberColumns, type MemberRow } from '../households';
import { academicYearOn, academicYearProblem, COMPULSORY_SCHOOL_AGES } from './education.rules';

/**
 * In school (在籍) as both lists count it: the member's current enrolment — the latest not retracted,
 * by date then id, whichever school recorded it — is ENROLLED, SUSPENDED or RETURNED. Every
 * school's records count, not only the caller's: a child another school enrolled is not out of
 * school. `member` is the member's id column.
 */
const CURRENT = (member: string, e: string) => `${e}.member_id = ${member} and ${e}.retracted_at is null
  and not exists (select 1 from enrolment later where later.member_id = ${member} and later.retracted_at is null and (later.date, later.id) > (${e}.date, ${e}.id))`;

/**
 * Out of compulsory school (控辍保学): no current enrolment that keeps the child in compulsory
 * school, by the kernel's rule, the one household.assurance applies.
 */
const IN_COMPULSORY_SCHOOL = `exists (select 1 from enrolment e where ${CURRENT('m.id', 'e')} and ${inCompulsorySchoolSql('e')})`;

/** The member's household is registered (not removed: 清退 households were never poor) and within the region asked. */
const REGISTERED = (region: string) => `exists (select 1 from household h where h.id = m.household_id and h.status <> 'REMOVED' and ${region})`;

type Where = { sql: string; bindings: Binding[] };

/**
 * Children of compulsory-school age not in school, within the caller's row rule on members, read
 * from the birth-date index (member_birth_date_index) in its order: oldest first, the closest to
 * leaving compulsory age. Bindings: the ages', the region's and the row rule's.
 */
function outOfSchoolWhere(ctx: RequestContext, regionCode: string | undefined): Where {
  const [min, max] = COMPULSORY_SCHOOL_AGES;
  const ages = ruleSql(agedBetween(min, max), ctx.caller, { alias: 'm' });
  const region = codeFilterSql('h.village_code', regionCode);
  const scope = memberScope(ctx);
  return {
    sql: `${ages.sql} and ${REGISTERED(`${region.sql} and ${scope.sql}`)} and not ${IN_COMPULSORY_SCHOOL}`,
    bindings: [...ages.bindings, ...region.bindings, ...scope.bindings],
  };
}

const BIRTH_KEY = /^(\d{4}-\d{2}-\d{2})_(\d{1,10})$/;

export async function outOfSchoolChildren(ctx: RequestContext, regionCode: string | undefined, args: PageArgs): Promise<Page<MemberRow>> {
  const page = pageRequest('outOfSchoolChildren', args, (raw) => (BIRTH_KEY.test(raw) ? raw : undefined));
  const [, birthDate, id] = BIRTH_KEY.exec(String(page.after ?? '0001-01-01_0'))!;
  const where = outOfSchoolWhere(ctx, regionCode);
  const found = await rows<MemberColumns>(
    ctx,
    `select ${MEMBER_COLUMNS} from member m where ${where.sql} and (m.birth_date, m.id) > (?::date, ?::int) order by m.birth_date, m.id limit ?`,
    [...where.bindings, birthDate, Number(id), page.first + 1],
  );
  return toPage(found.map(toMemberRow), page.first, async () => count(ctx, `select count(*)::int as n from member m where ${where.sql}`, where.bindings));
}

export const birthKey = (m: MemberRow) => `${m.birthDate}_${m.id}`;

/**
 * Students without aid (应助尽助): members whose current enrolment is in school, with no student
 * aid for the academic year from anyone, read from the enrolments in school of the region
 * (enrolment_in_school_index) in its order. The row rule on members decides whom the caller sees.
 */
function withoutAidWhere(ctx: RequestContext, academicYear: string, regionCode: string | undefined): Where {
  const region = codeFilterSql('e.village_code', regionCode);
  const scope = memberScope(ctx);
  return {
    sql: `e.retracted_at is null and e.status in ('ENROLLED', 'SUSPENDED', 'RETURNED') and ${region.sql}
      and not exists (select 1 from enrolment later where later.member_id = e.member_id and later.retracted_at is null and (later.date, later.id) > (e.date, e.id))
      and not exists (select 1 from student_aid a where a.member_id = e.member_id and a.academic_year = ? and a.retracted_at is null)
      and h.status <> 'REMOVED' and ${scope.sql}`,
    bindings: [...region.bindings, academicYear, ...scope.bindings],
  };
}

const WITHOUT_AID_FROM = `from enrolment e join member m on m.id = e.member_id join household h on h.id = m.household_id`;
const ENROLMENT_KEY = /^(\d{12})_(\d{1,10})$/;

export async function studentsWithoutAid(ctx: RequestContext, rawYear: string | undefined, regionCode: string | undefined, args: PageArgs): Promise<Page<MemberRow & { enrolmentKey: string }> & { list: string }> {
  const today = chinaToday();
  const academicYear = rawYear ?? academicYearOn(today);
  const problem = academicYearProblem(academicYear, today)[0];
  if (problem) throw badUserInput(problem.message, 'academicYear');
  const list = `studentsWithoutAid:${academicYear}`;
  const page = pageRequest(list, args, (raw) => (ENROLMENT_KEY.test(raw) ? raw : undefined));
  const [, villageCode, id] = ENROLMENT_KEY.exec(String(page.after ?? '000000000000_0'))!;
  const where = withoutAidWhere(ctx, academicYear, regionCode);
  const found = await rows<MemberColumns & { enrolmentKey: string }>(
    ctx,
    `select ${MEMBER_COLUMNS}, e.village_code || '_' || e.id as "enrolmentKey" ${WITHOUT_AID_FROM}
     where ${where.sql} and (e.village_code, e.id) > (?, ?::int) order by e.village_code, e.id limit ?`,
    [...where.bindings, villageCode, Number(id), page.first + 1],
  );
  const students = found.map(({ enrolmentKey, ...m }) => ({ ...toMemberRow(m), enrolmentKey }));
  return { ...toPage(students, page.first, async () => count(ctx, `select count(*)::int as n ${WITHOUT_AID_FROM} where ${where.sql}`, where.bindings)), list };
}

async function count(ctx: RequestContext, sql: string, bindings: Binding[]): Promise<number> {
  const [{ n }] = await rows<{ n: number }>(ctx, sql, bindings);
  return n;
}
