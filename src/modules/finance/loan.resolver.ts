import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { measureLinksResolver } from '../../sync/measure.resolver';
import { memberRecords } from '../../sync/measures';
import { batchSyncResolver } from '../../sync/sync.resolver';
import { MemberType, type MemberRow } from '../households';
import type { MicroLoanRow } from './loan.rows';
import { MICRO_LOANS } from './loan.sync';
import { MicroLoanRecord, MicroLoanType } from './loan.types';

export const MicroLoanSyncResolver = batchSyncResolver(MICRO_LOANS, MicroLoanRecord, { records: 'small-loan events 扶贫小额信贷' });
export const MicroLoanResolver = measureLinksResolver(MicroLoanType);

@Resolver(() => MemberType)
export class MemberLoansResolver {
  @FieldResolver(() => [MicroLoanType], {
    nullable: true,
    description: 'Events of the small loans 扶贫小额信贷 this member borrowed, oldest first: a bank sees only its own loans',
  })
  microLoans(@Ctx() ctx: RequestContext, @Root() member: MemberRow): Promise<MicroLoanRow[]> {
    return memberRecords(ctx, member.id, 'MicroLoan');
  }
}
