import { registerEnumType } from 'type-graphql';

/** The events of a small loan 扶贫小额信贷 a bank reports (DOMAIN.md, Assistance measures: renewal, repayment, overdue; seed 002's 风险补偿). */
export enum LoanEventKind {
  ISSUE = 'ISSUE',
  RENEWAL = 'RENEWAL',
  REPAYMENT = 'REPAYMENT',
  OVERDUE = 'OVERDUE',
  WRITE_OFF = 'WRITE_OFF',
}

registerEnumType(LoanEventKind, {
  name: 'LoanEventKind',
  description: 'An event of a small loan 扶贫小额信贷; records with the same loanNumber are one loan',
  valuesConfig: {
    ISSUE: { description: '放款 the loan is issued: amount is the principal, with term, rate, purpose and whether interest is subsidised 贴息' },
    RENEWAL: { description: '续贷 the loan is renewed at term: amount is the principal carried on (it does not add to what is owed), with the new term' },
    REPAYMENT: { description: '还款 a repayment of principal: amount is the principal repaid' },
    OVERDUE: { description: '逾期 the loan is overdue: amount is the sum overdue, with the days; it stands until a later repayment, renewal or write-off' },
    WRITE_OFF: { description: '风险补偿金代偿 the risk compensation fund paid the bank: amount is the principal written off' },
  },
});

/** A check's verdict: a bank lends on ELIGIBLE, looks again on NEEDS_REVIEW. */
export enum LoanVerdictKind {
  ELIGIBLE = 'ELIGIBLE',
  NEEDS_REVIEW = 'NEEDS_REVIEW',
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
}

registerEnumType(LoanVerdictKind, {
  name: 'LoanVerdict',
  description: 'The verdict of a small-loan eligibility check 扶贫小额信贷资格',
  valuesConfig: {
    ELIGIBLE: { description: '符合条件 eligible, up to the ceiling left' },
    NEEDS_REVIEW: { description: '需复核 eligible in itself, but a loan of the household is overdue at some bank: review before lending' },
    NOT_ELIGIBLE: { description: '不符合条件 not eligible: see the reasons' },
  },
});
