import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { chinaToday } from '../../config/clock';
import type { RequestContext } from '../../context/request-context';
import { PageArgs, toConnection } from '../../graphql/pagination';
import { HouseholdConnection } from '../households';
import { householdsWithoutLoans, loansOfDepartedHouseholds, overdueLoans } from './loan-coverage';
import { DepartedHouseholdLoanConnection, OverdueLoanConnection } from './loan.types';

const REGION = { nullable: true, description: 'Only this township or village (a region-code prefix) within your scope' };
const byId = (r: { id: number }) => r.id;

@Resolver()
export class LoanCoverageResolver {
  @Query(() => HouseholdConnection, {
    nullable: true,
    description: '应贷尽贷: registered households with a member of borrowing age (18 to 65) with labour capacity to whom no bank has issued a small loan 扶贫小额信贷, by id',
  })
  async householdsWithoutLoans(@Ctx() ctx: RequestContext, @Arg('regionCode', () => String, REGION) regionCode: string | undefined, @Args(() => PageArgs) args: PageArgs) {
    return toConnection(HouseholdConnection, 'householdsWithoutLoans', await householdsWithoutLoans(ctx, regionCode ?? undefined, chinaToday(), args), byId);
  }

  @Query(() => OverdueLoanConnection, { nullable: true, description: 'Overdue small loans 逾期贷款: the overdue report of each loan still overdue, by record' })
  async overdueLoans(@Ctx() ctx: RequestContext, @Arg('regionCode', () => String, REGION) regionCode: string | undefined, @Args(() => PageArgs) args: PageArgs) {
    return toConnection(OverdueLoanConnection, 'overdueLoans', await overdueLoans(ctx, regionCode ?? undefined, args), byId);
  }

  @Query(() => DepartedHouseholdLoanConnection, {
    nullable: true,
    description: 'Small loans still owing whose borrower’s household has exited 脱贫 or been removed 清退 from the register: the issue of each, by record',
  })
  async loansOfDepartedHouseholds(@Ctx() ctx: RequestContext, @Arg('regionCode', () => String, REGION) regionCode: string | undefined, @Args(() => PageArgs) args: PageArgs) {
    return toConnection(DepartedHouseholdLoanConnection, 'loansOfDepartedHouseholds', await loansOfDepartedHouseholds(ctx, regionCode ?? undefined, args), byId);
  }
}
