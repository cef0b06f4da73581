import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { measureLinksResolver } from '../../sync/measure.resolver';
import { memberRecords } from '../../sync/measures';
import { batchSyncResolver } from '../../sync/sync.resolver';
import { MemberType, type MemberRow } from '../households';
import type { FamilyDoctorContractRow, InsuranceEnrolmentRow, MedicalClaimRow } from './health.rows';
import { FAMILY_DOCTOR_CONTRACT, INSURANCE_ENROLMENT, MEDICAL_CLAIM } from './health.sync';
import {
  FamilyDoctorContractRecord,
  FamilyDoctorContractType,
  InsuranceEnrolmentRecord,
  InsuranceEnrolmentType,
  MedicalClaimRecord,
  MedicalClaimType,
} from './health.types';

export const InsuranceEnrolmentSyncResolver = batchSyncResolver(INSURANCE_ENROLMENT, InsuranceEnrolmentRecord, { records: 'medical-insurance enrolments 参保' });
export const MedicalClaimSyncResolver = batchSyncResolver(MEDICAL_CLAIM, MedicalClaimRecord, { records: 'settled medical claims 医疗费用结算' });
export const FamilyDoctorContractSyncResolver = batchSyncResolver(FAMILY_DOCTOR_CONTRACT, FamilyDoctorContractRecord, { records: 'family-doctor contracts 家庭医生签约' });

export const InsuranceEnrolmentResolver = measureLinksResolver(InsuranceEnrolmentType);
export const MedicalClaimResolver = measureLinksResolver(MedicalClaimType);
export const FamilyDoctorContractResolver = measureLinksResolver(FamilyDoctorContractType);

@Resolver(() => MemberType)
export class MemberHealthResolver {
  @FieldResolver(() => [InsuranceEnrolmentType], { nullable: true, description: "This member's medical-insurance enrolments 参保, oldest first" })
  insuranceEnrolments(@Ctx() ctx: RequestContext, @Root() member: MemberRow): Promise<InsuranceEnrolmentRow[]> {
    return memberRecords(ctx, member.id, 'InsuranceEnrolment');
  }

  @FieldResolver(() => [MedicalClaimType], { nullable: true, description: "This member's settled medical claims 医疗费用结算, oldest first" })
  medicalClaims(@Ctx() ctx: RequestContext, @Root() member: MemberRow): Promise<MedicalClaimRow[]> {
    return memberRecords(ctx, member.id, 'MedicalClaim');
  }

  @FieldResolver(() => [FamilyDoctorContractType], { nullable: true, description: "This member's family-doctor contracts 家庭医生签约, oldest first" })
  familyDoctorContracts(@Ctx() ctx: RequestContext, @Root() member: MemberRow): Promise<FamilyDoctorContractRow[]> {
    return memberRecords(ctx, member.id, 'FamilyDoctorContract');
  }
}
