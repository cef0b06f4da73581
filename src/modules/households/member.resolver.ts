import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { chinaToday } from '../../config/clock';
import type { RequestContext } from '../../context/request-context';
import { ageOn } from './assurance';
import type { HouseholdRow, MemberRow } from './household.rows';
import { HouseholdType, MemberType } from './household.types';
import { AgeGroup, ageGroupOf } from './member.enums';
import { findMemberByIdNumber } from './member.service';

@Resolver(() => MemberType)
export class MemberResolver {
  @Query(() => MemberType, {
    nullable: true,
    description: 'A registered person by exact ID number 身份证号, if within your scope. Logged with your stated purpose.',
  })
  member(
    @Ctx() ctx: RequestContext,
    @Arg('idNumber', () => String) idNumber: string,
    @Arg('purpose', () => String, { description: 'Why you look this person up 查询用途, e.g. "student aid eligibility check"' }) purpose: string,
  ): Promise<MemberRow | null> {
    return findMemberByIdNumber(ctx, idNumber, purpose);
  }

  @FieldResolver(() => AgeGroup, { nullable: true, description: 'Age group 年龄段: child, working age or elderly, without the birth date' })
  ageGroup(@Root() member: MemberRow): AgeGroup {
    return ageGroupOf(ageOn(member.birthDate, chinaToday()));
  }

  @FieldResolver(() => HouseholdType, { nullable: true })
  household(@Ctx() ctx: RequestContext, @Root() member: MemberRow): Promise<HouseholdRow | null> {
    return ctx.loaders.householdById.load(member.household.id);
  }
}
