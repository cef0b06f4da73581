import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { AssistanceMeasure, MeasureArgs, Sector } from '../../sync/measure.types';
import { measureLinksResolver } from '../../sync/measure.resolver';
import { batchSyncResolver } from '../../sync/sync.resolver';
import { HouseholdType, MemberType, type HouseholdRow, type MemberRow } from '../households';
import type { EducationMeasureRow, EnrolmentRow, StudentAidRow } from './education.rows';
import { within } from './education.service';
import { ENROLMENT, STUDENT_AID } from './education.sync';
import { EnrolmentRecord, EnrolmentType, StudentAidRecord, StudentAidType } from './education.types';

export const StudentAidSyncResolver = batchSyncResolver(STUDENT_AID, StudentAidRecord, { records: 'student aid 学生资助' });
export const EnrolmentSyncResolver = batchSyncResolver(ENROLMENT, EnrolmentRecord, { records: 'enrolments 学籍 (控辍保学)' });

export const StudentAidResolver = measureLinksResolver(StudentAidType);
export const EnrolmentResolver = measureLinksResolver(EnrolmentType);

/** The measures asked for: education is the only sector so far. */
const chosen = (measures: EducationMeasureRow[], { sector, from, to }: MeasureArgs) => (sector && sector !== Sector.EDUCATION ? [] : within(measures, { from, to }));

@Resolver(() => HouseholdType)
export class HouseholdMeasuresResolver {
  @FieldResolver(() => [AssistanceMeasure], { nullable: true, description: 'Assistance measures 帮扶措施 partners recorded for its members, oldest first' })
  async measures(@Ctx() ctx: RequestContext, @Root() household: HouseholdRow, @Args(() => MeasureArgs) args: MeasureArgs): Promise<EducationMeasureRow[]> {
    return chosen(await ctx.loaders.educationByHousehold.load(household.id), args);
  }
}

@Resolver(() => MemberType)
export class MemberEducationResolver {
  @FieldResolver(() => [AssistanceMeasure], { nullable: true, description: 'Assistance measures 帮扶措施 partners recorded for this member, oldest first' })
  async measures(@Ctx() ctx: RequestContext, @Root() member: MemberRow, @Args(() => MeasureArgs) args: MeasureArgs): Promise<EducationMeasureRow[]> {
    return chosen(await ctx.loaders.educationByMember.load(member.id), args);
  }

  @FieldResolver(() => [StudentAidType], { nullable: true, description: 'Student aid 学生资助 paid to this member, oldest first' })
  async studentAid(@Ctx() ctx: RequestContext, @Root() member: MemberRow): Promise<StudentAidRow[]> {
    return (await ctx.loaders.educationByMember.load(member.id)).filter((m): m is StudentAidRow => m.measureType === 'StudentAid');
  }

  @FieldResolver(() => [EnrolmentType], { nullable: true, description: "This member's enrolment statuses 学籍, oldest first: the last is the current one" })
  async enrolments(@Ctx() ctx: RequestContext, @Root() member: MemberRow): Promise<EnrolmentRow[]> {
    return (await ctx.loaders.educationByMember.load(member.id)).filter((m): m is EnrolmentRow => m.measureType === 'Enrolment');
  }
}
