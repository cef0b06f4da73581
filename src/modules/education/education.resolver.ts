import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { PageArgs, toConnection } from '../../graphql/pagination';
import { measureLinksResolver } from '../../sync/measure.resolver';
import { memberRecords } from '../../sync/measures';
import { batchSyncResolver } from '../../sync/sync.resolver';
import { MemberType, type MemberRow } from '../households';
import type { EnrolmentRow, StudentAidRow } from './education.rows';
import { ENROLMENT, STUDENT_AID } from './education.sync';
import { EnrolmentRecord, EnrolmentType, PupilConnection, StudentAidRecord, StudentAidType } from './education.types';
import { birthKey, outOfSchoolChildren, studentsWithoutAid } from './school-lists';

export const StudentAidSyncResolver = batchSyncResolver(STUDENT_AID, StudentAidRecord, { records: 'student aid 学生资助' });
export const EnrolmentSyncResolver = batchSyncResolver(ENROLMENT, EnrolmentRecord, { records: 'enrolments 学籍 (控辍保学)' });

export const StudentAidResolver = measureLinksResolver(StudentAidType);
export const EnrolmentResolver = measureLinksResolver(EnrolmentType);

@Resolver(() => MemberType)
export class MemberEducationResolver {
  @FieldResolver(() => [StudentAidType], { nullable: true, description: 'Student aid 学生资助 paid to this member, oldest first' })
  studentAid(@Ctx() ctx: RequestContext, @Root() member: MemberRow): Promise<StudentAidRow[]> {
    return memberRecords(ctx, member.id, 'StudentAid');
  }

  @FieldResolver(() => [EnrolmentType], { nullable: true, description: "This member's enrolment statuses 学籍, oldest first: the last is the current one" })
  enrolments(@Ctx() ctx: RequestContext, @Root() member: MemberRow): Promise<EnrolmentRow[]> {
    return memberRecords(ctx, member.id, 'Enrolment');
  }
}

const REGION = { nullable: true, description: 'Only this township or village (a region-code prefix) within your scope' };

@Resolver()
export class SchoolListsResolver {
  @Query(() => PupilConnection, {
    nullable: true,
    description: '控辍保学: children of compulsory-school age (6 to 15 today) of registered households not in school — no current enrolment in school above preschool, or none at all — oldest first',
  })
  async outOfSchoolChildren(@Ctx() ctx: RequestContext, @Arg('regionCode', () => String, REGION) regionCode: string | undefined, @Args(() => PageArgs) args: PageArgs) {
    return toConnection(PupilConnection, 'outOfSchoolChildren', await outOfSchoolChildren(ctx, regionCode ?? undefined, args), birthKey);
  }

  @Query(() => PupilConnection, {
    nullable: true,
    description: '应助尽助: students of registered households in school (current enrolment ENROLLED, SUSPENDED or RETURNED) with no student aid 学生资助 for the academic year, by region',
  })
  async studentsWithoutAid(
    @Ctx() ctx: RequestContext,
    @Arg('academicYear', () => String, { nullable: true, description: 'The academic year 学年, "2026-2027"; this one if not given' }) academicYear: string | undefined,
    @Arg('regionCode', () => String, REGION) regionCode: string | undefined,
    @Args(() => PageArgs) args: PageArgs,
  ) {
    const page = await studentsWithoutAid(ctx, academicYear ?? undefined, regionCode ?? undefined, args);
    return toConnection(PupilConnection, page.list, page, (s) => s.enrolmentKey);
  }
}
