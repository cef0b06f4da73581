import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { measureLinksResolver } from '../../sync/measure.resolver';
import { memberRecords } from '../../sync/measures';
import { batchSyncResolver } from '../../sync/sync.resolver';
import { MemberType, type MemberRow } from '../households';
import type { EmploymentSupportRow } from './employment.rows';
import { EMPLOYMENT_SUPPORT } from './employment.sync';
import { EmploymentSupportRecord, EmploymentSupportType } from './employment.types';

export const EmploymentSupportSyncResolver = batchSyncResolver(EMPLOYMENT_SUPPORT, EmploymentSupportRecord, { records: 'employment support 就业扶贫' });
export const EmploymentSupportResolver = measureLinksResolver(EmploymentSupportType);

@Resolver(() => MemberType)
export class MemberEmploymentResolver {
  @FieldResolver(() => [EmploymentSupportType], {
    nullable: true,
    description: 'Employment support 就业扶贫 this member received, oldest first: the latest with an `employment` is their current employment',
  })
  employmentSupport(@Ctx() ctx: RequestContext, @Root() member: MemberRow): Promise<EmploymentSupportRow[]> {
    return memberRecords(ctx, member.id, 'EmploymentSupport');
  }
}
