import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { MoneyScalar } from '../../graphql/money.scalar';
import { ConnectionType } from '../../graphql/pagination';
import { AssistanceMeasure } from '../../sync/measure.types';
import { LoanEventKind } from './loan.enums';

@InputType('MicroLoanRecord', { description: 'One event of a small loan 扶贫小额信贷 as the bank holds it: records with the same loanNumber are one loan' })
export class MicroLoanRecord {
  @Field(() => String, { description: 'Your own id for this event (e.g. the loan number and a sequence): sending it again updates it, or changes nothing' })
  externalId!: string;

  @Field(() => String, { description: "The borrower's 居民身份证号" })
  idNumber!: string;

  @Field(() => String, { description: 'Your loan number 借据号: every event of one loan carries the same' })
  loanNumber!: string;

  @Field(() => LoanEventKind)
  kind!: LoanEventKind;

  @Field(() => MoneyScalar, { description: 'In yuan: the principal issued 放款金额 or renewed 续贷金额, the principal repaid 还款本金, the sum overdue 逾期金额, or the principal the fund paid 代偿金额' })
  amount!: number;

  @Field(() => LocalDateResolver, { description: 'Day of the event 发生日期; not in the future' })
  date!: string;

  @Field(() => Int, { nullable: true, description: 'Issue and renewal, required there: the term in months 贷款期限, at most the region’s LOAN_TERM_MONTHS' })
  termMonths?: number | null;

  @Field(() => Int, { nullable: true, description: 'Issue, required there, and renewal: the annual rate in basis points 年利率 (435 is 4.35 %)' })
  rateBasisPoints?: number | null;

  @Field(() => String, { nullable: true, description: 'Issue only, and required there: what the loan is for 贷款用途 (e.g. 养殖, 种植)' })
  purpose?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Issue, required there, and renewal: the county subsidises the interest 财政贴息' })
  interestSubsidised?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Overdue only, and required there: days overdue 逾期天数' })
  overdueDays?: number | null;
}

@ObjectType('MicroLoan', {
  implements: AssistanceMeasure,
  description: 'An event of a small loan 扶贫小额信贷 (issue, renewal, repayment, overdue, write-off by the risk compensation fund); records with the same loanNumber are one loan',
})
export class MicroLoanType extends AssistanceMeasure {
  @Field(() => String, { description: 'The bank’s loan number 借据号' })
  loanNumber!: string;

  @Field(() => LoanEventKind)
  event!: LoanEventKind;

  @Field(() => Int, { nullable: true, description: 'Issue and renewal: term in months 贷款期限' })
  termMonths!: number | null;

  @Field(() => Int, { nullable: true, description: 'Issue and renewal: annual rate in basis points 年利率' })
  rateBasisPoints!: number | null;

  @Field(() => String, { nullable: true, description: 'Issue: purpose 贷款用途' })
  purpose!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Issue and renewal: interest subsidised 贴息' })
  interestSubsidised!: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Overdue: days overdue 逾期天数' })
  overdueDays!: number | null;
}

/** Loan records for the poverty office's coverage lists: an overdue report still standing, or the issue of a loan to a household gone from the register's poor. */
export const OverdueLoanConnection = ConnectionType(MicroLoanType, 'OverdueLoan', 'Overdue reports 逾期 still standing, of loans that still owe: the sum and days overdue, the bank, the borrower');
export const DepartedHouseholdLoanConnection = ConnectionType(
  MicroLoanType,
  'DepartedHouseholdLoan',
  'The issue of each loan still owing whose borrower’s household has exited 脱贫 or been removed 清退',
);
