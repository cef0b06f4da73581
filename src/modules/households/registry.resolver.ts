import { chinaToday, chinaYear } from '../../config/clock';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { RequestContext } from '../../context/request-context';
import { badUserInput } from '../../errors/app-error';
import { OrganisationType } from '../auth';
import type { Organisation } from '../auth';
import type { Assurance } from './assurance';
import { householdAssurance } from './assurance.service';
import type { HouseholdStatusChange } from './household-status-change.entity';
import type { Household } from './household.entity';
import type { HouseholdRow, MemberRow } from './household.rows';
import { HouseholdType, MemberType } from './household.types';
import type { Member } from './member.entity';
import { HousingGrade, MemberChangeReason } from './registry.enums';
import { addMember, changeHouseholdStatus, mergeHouseholds, registerHousehold, removeMember, updateHousehold, updateMember } from './registry.service';
import {
  AssuranceType,
  HouseholdPatch,
  IdentificationType,
  MemberInput,
  MemberPatch,
  RegisterHouseholdInput,
  StatusChangeInput,
  StatusChangeType,
} from './registry.types';

const YEAR_MIN = 2013;

@Resolver(() => HouseholdType)
export class RegistryResolver {
  @Mutation(() => HouseholdType, { nullable: true, description: 'Registers a household and its members 新识别建档立卡' })
  registerHousehold(@Ctx() ctx: RequestContext, @Arg('input', () => RegisterHouseholdInput) input: RegisterHouseholdInput): Promise<Household> {
    return registerHousehold(ctx, input);
  }

  @Mutation(() => HouseholdType, { nullable: true, description: 'Changes household facts; a stale version is CONFLICT' })
  updateHousehold(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('patch', () => HouseholdPatch) patch: HouseholdPatch,
  ): Promise<Household> {
    return updateHousehold(ctx, id, version, patch);
  }

  @Mutation(() => HouseholdType, { nullable: true, description: 'A dated status change 动态调整; exiting runs the exit test' })
  changeHouseholdStatus(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('change', () => StatusChangeInput) change: StatusChangeInput,
  ): Promise<Household> {
    return changeHouseholdStatus(ctx, id, version, change);
  }

  @Mutation(() => MemberType, { nullable: true, description: '自然增加: a member joins the household' })
  addMember(
    @Ctx() ctx: RequestContext,
    @Arg('householdId', () => ID) householdId: string,
    @Arg('member', () => MemberInput) member: MemberInput,
    @Arg('reason', () => MemberChangeReason) reason: MemberChangeReason,
    @Arg('effectiveDate', () => LocalDateResolver) effectiveDate: string,
  ): Promise<Member> {
    return addMember(ctx, householdId, member, reason, effectiveDate);
  }

  @Mutation(() => MemberType, { nullable: true, description: "Changes a member's facts; a stale version is CONFLICT" })
  updateMember(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('patch', () => MemberPatch) patch: MemberPatch,
  ): Promise<Member> {
    return updateMember(ctx, id, version, patch);
  }

  @Mutation(() => HouseholdType, { nullable: true, description: '自然减少: a member leaves the household; returns the household' })
  removeMember(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('reason', () => MemberChangeReason) reason: MemberChangeReason,
    @Arg('effectiveDate', () => LocalDateResolver) effectiveDate: string,
  ): Promise<Household> {
    return removeMember(ctx, id, version, reason, effectiveDate);
  }

  @Mutation(() => HouseholdType, { nullable: true, description: '合户: moves the members of one household into another of the same village; returns the household merged into' })
  mergeHouseholds(
    @Ctx() ctx: RequestContext,
    @Arg('intoId', () => ID) intoId: string,
    @Arg('intoVersion', () => Int) intoVersion: number,
    @Arg('fromId', () => ID) fromId: string,
    @Arg('fromVersion', () => Int) fromVersion: number,
    @Arg('reason', () => String) reason: string,
    @Arg('effectiveDate', () => LocalDateResolver) effectiveDate: string,
  ): Promise<Household> {
    return mergeHouseholds(ctx, { id: intoId, version: intoVersion }, { id: fromId, version: fromVersion }, reason, effectiveDate);
  }

  @FieldResolver(() => [StatusChangeType], { nullable: true, description: 'Every status change and member change, oldest first 动态管理记录' })
  statusHistory(@Ctx() ctx: RequestContext, @Root() household: HouseholdRow): Promise<HouseholdStatusChange[]> {
    return ctx.loaders.statusHistoryByHousehold.load(household.id);
  }

  @FieldResolver(() => AssuranceType, { nullable: true, description: 'The exit test 一超过两不愁三保障 for a year (default: this year), with the evidence of each item' })
  assurance(@Ctx() ctx: RequestContext, @Root() household: HouseholdRow, @Arg('year', () => Int, { nullable: true }) year?: number): Promise<Assurance> {
    const thisYear = chinaYear();
    const asked = year ?? thisYear;
    if (asked < YEAR_MIN || asked > thisYear) throw badUserInput(`year must be ${YEAR_MIN} to ${thisYear}`, 'year');
    const asOf = asked === thisYear ? chinaToday() : `${asked}-12-31`;
    return householdAssurance(ctx, household, asOf);
  }

  @FieldResolver(() => IdentificationType, { nullable: true, description: 'How the household was identified, for households registered through the API' })
  async identification(@Ctx() ctx: RequestContext, @Root() household: HouseholdRow) {
    const found = await ctx.loaders.identificationByHousehold.load(household.id);
    return found && { ...found, priorityScore: household.priorityScore };
  }

  @FieldResolver(() => Int, { nullable: true, description: '六优先 priority score, 0–6' })
  priorityScore(@Root() household: HouseholdRow): number {
    return household.priorityScore;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: '不愁吃不愁穿, as last surveyed' })
  foodAndClothingSecure(@Root() household: HouseholdRow): boolean | null {
    return household.foodAndClothingSecure ?? null;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: '饮水安全, as last surveyed' })
  safeDrinkingWater(@Root() household: HouseholdRow): boolean | null {
    return household.safeDrinkingWater ?? null;
  }

  @FieldResolver(() => HousingGrade, { nullable: true, description: '危房鉴定等级' })
  housingGrade(@Root() household: HouseholdRow): HousingGrade | null {
    return household.housingGrade ?? null;
  }
}

@Resolver(() => MemberType)
export class MemberVersionResolver {
  @FieldResolver(() => Int, { nullable: true, description: 'Optimistic-locking version; send it back with an update' })
  version(@Root() member: MemberRow): number {
    return member.version;
  }
}

@Resolver(() => StatusChangeType)
export class StatusChangeResolver {
  @FieldResolver(() => OrganisationType, { description: 'Who recorded it' })
  organisation(@Ctx() ctx: RequestContext, @Root() change: HouseholdStatusChange): Promise<Organisation> {
    return ctx.loaders.organisationById.load(change.organisation.id);
  }
}
