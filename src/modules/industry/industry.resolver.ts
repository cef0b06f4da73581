import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { measureLinksResolver } from '../../sync/measure.resolver';
import { memberRecords } from '../../sync/measures';
import { batchSyncResolver } from '../../sync/sync.resolver';
import { MemberType, type MemberRow } from '../households';
import type { IndustrySupportRow } from './industry.rows';
import { INDUSTRY_SUPPORT } from './industry.sync';
import { IndustrySupportRecord, IndustrySupportType } from './industry.types';

export const IndustrySupportSyncResolver = batchSyncResolver(INDUSTRY_SUPPORT, IndustrySupportRecord, { records: 'industry support 产业扶贫' });
export const IndustrySupportResolver = measureLinksResolver(IndustrySupportType);

@Resolver(() => MemberType)
export class MemberIndustryResolver {
  @FieldResolver(() => [IndustrySupportType], { nullable: true, description: 'Industry support 产业扶贫 paid to this member for the household, oldest first' })
  industrySupport(@Ctx() ctx: RequestContext, @Root() member: MemberRow): Promise<IndustrySupportRow[]> {
    return memberRecords(ctx, member.id, 'IndustrySupport');
  }
}
