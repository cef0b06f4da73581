import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { measureLinksResolver } from '../../sync/measure.resolver';
import { memberRecords } from '../../sync/measures';
import { batchSyncResolver } from '../../sync/sync.resolver';
import { MemberType, type MemberRow } from '../households';
import type { EnrolmentRow, StudentAidRow } from './education.rows';
import { ENROLMENT, STUDENT_AID } from './education.sync';
import { EnrolmentRecord, EnrolmentType, StudentAidRecord, StudentAidType } from './education.types';

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
