import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { batchSyncResolver } from '../../sync/sync.resolver';
import { DONATIONS } from './donation.sync';
import { donationNotice, donationTotals, listDonations, noticeCsv } from './donation.service';
import { DonationNoticeType, DonationRecord, DonationTotalType, DonationType } from './donation.types';

export const DonationSyncResolver = batchSyncResolver(DONATIONS, DonationRecord, { records: 'donations 社会扶贫捐赠 (a village, a household by its number, or a project)', matched: 'each to the household or village it names' });

@Resolver(() => DonationNoticeType)
export class DonationResolver {
  @Query(() => [DonationType], { description: 'Gifts 捐赠 of a year, oldest first: a donor reads its own, the poverty office and audit their region’s' })
  donations(@Ctx() ctx: RequestContext, @Arg('year', () => Int) year: number): Promise<DonationType[]> {
    return listDonations(ctx, year);
  }

  @Query(() => [DonationTotalType], { description: 'Each donor’s gifts of a year against the recognition threshold 评优标准 of the CPPCC plan: a donor reads its own, the poverty office and audit their region’s' })
  donationTotals(@Ctx() ctx: RequestContext, @Arg('year', () => Int) year: number): Promise<DonationTotalType[]> {
    return donationTotals(ctx, year);
  }

  @Query(() => DonationNoticeType, { nullable: true, description: 'A village’s public notice of gifts 公告公示 of a year, for every role in the region; null for a code that is no village of yours' })
  donationNotice(@Ctx() ctx: RequestContext, @Arg('villageCode', () => String) villageCode: string, @Arg('year', () => Int) year: number) {
    return donationNotice(ctx, villageCode, year);
  }

  @FieldResolver(() => String)
  csv(@Root() notice: Omit<DonationNoticeType, 'csv'>): string {
    return noticeCsv(notice);
  }
}
