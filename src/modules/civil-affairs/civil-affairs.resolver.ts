import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { PageArgs, toConnection } from '../../graphql/pagination';
import { measureLinksResolver } from '../../sync/measure.resolver';
import { memberRecords } from '../../sync/measures';
import { batchSyncResolver } from '../../sync/sync.resolver';
import { MemberType, type MemberRow } from '../households';
import type { SocialAssistanceRow } from './civil-affairs.rows';
import { SOCIAL_ASSISTANCE } from './civil-affairs.sync';
import { SocialAssistanceMismatchConnection, SocialAssistanceRecord, SocialAssistanceType } from './civil-affairs.types';
import { socialAssistanceMismatches } from './social-assistance-mismatches';

export const SocialAssistanceSyncResolver = batchSyncResolver(SOCIAL_ASSISTANCE, SocialAssistanceRecord, {
  records: 'social assistance 社会救助 (低保, 特困供养, 临时救助, 残疾人两项补贴)',
});

export const SocialAssistanceResolver = measureLinksResolver(SocialAssistanceType);

@Resolver(() => MemberType)
export class MemberSocialAssistanceResolver {
  @FieldResolver(() => [SocialAssistanceType], { nullable: true, description: 'Social assistance 社会救助 granted to this member, oldest first' })
  socialAssistance(@Ctx() ctx: RequestContext, @Root() member: MemberRow): Promise<SocialAssistanceRow[]> {
    return memberRecords(ctx, member.id, 'SocialAssistance');
  }
}

@Resolver()
export class SocialAssistanceMismatchResolver {
  @Query(() => SocialAssistanceMismatchConnection, {
    nullable: true,
    description: '低保 in force today for members of households registered as GENERAL 一般贫困户 (低保与贫困户属性不符), by record, for the poverty office to check: findings-to-be',
  })
  async socialAssistanceMismatches(
    @Ctx() ctx: RequestContext,
    @Arg('regionCode', () => String, { nullable: true, description: 'Only this township or village (a region-code prefix) within your scope' }) regionCode: string | undefined,
    @Args(() => PageArgs) args: PageArgs,
  ) {
    return toConnection(SocialAssistanceMismatchConnection, 'socialAssistanceMismatches', await socialAssistanceMismatches(ctx, regionCode ?? undefined, args), (r) => r.id);
  }
}
