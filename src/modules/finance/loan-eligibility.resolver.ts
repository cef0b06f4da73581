import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { MoneyScalar } from '../../graphql/money.scalar';
import { LoanVerdictKind } from './loan.enums';
import { checkLoanEligibilities, checkLoanEligibility } from './loan-eligibility.service';

@ObjectType('LoanEligibility', { description: '扶贫小额信贷 eligibility: a verdict and its reasons, nothing about health or schooling' })
export class LoanEligibilityType {
  @Field(() => String, { description: 'The ID number checked, as given (normalised)' }) idNumber!: string;
  @Field(() => Boolean, { description: 'True only when the verdict is ELIGIBLE' }) eligible!: boolean;
  @Field(() => LoanVerdictKind) verdict!: LoanVerdictKind;
  @Field(() => [String]) reasons!: string[];
  @Field(() => MoneyScalar, { name: 'ceiling', nullable: true, description: 'The ceiling left 剩余额度: the region’s and year’s LOAN_CEILING less what the household owes every bank, when eligible or to review; which bank lent is never told' }) ceilingFen!: number | null;
  @Field(() => Int, { nullable: true, description: 'Loan term in months, when eligible' }) termMonths!: number | null;
  @Field(() => LocalDateResolver) checkedOn!: string;
}

@Resolver(() => LoanEligibilityType)
export class LoanEligibilityResolver {
  @Query(() => LoanEligibilityType, {
    nullable: true,
    description: 'Whether a person may get a poverty-alleviation small loan 扶贫小额信贷; logged with your stated purpose',
  })
  loanEligibility(
    @Ctx() ctx: RequestContext,
    @Arg('idNumber', () => String) idNumber: string,
    @Arg('purpose', () => String, { description: 'Why you check 查询用途, e.g. a loan application number' }) purpose: string,
  ) {
    return checkLoanEligibility(ctx, idNumber, purpose);
  }

  @Query(() => [LoanEligibilityType], {
    nullable: true,
    description: 'loanEligibility for up to 100 applicants with one purpose, in the order given; each ID number is logged and counts against your look-up budget',
  })
  loanEligibilities(
    @Ctx() ctx: RequestContext,
    @Arg('idNumbers', () => [String], { description: 'Up to 100 ID numbers 身份证号' }) idNumbers: string[],
    @Arg('purpose', () => String, { description: 'Why you check 查询用途, e.g. a batch of loan applications' }) purpose: string,
  ) {
    return checkLoanEligibilities(ctx, idNumbers, purpose);
  }
}
