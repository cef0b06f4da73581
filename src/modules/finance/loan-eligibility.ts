import { fenToYuan } from '../../graphql/money.scalar';
import { ageOn } from '../households';
import { HouseholdStatus } from '../households';
import { LabourCapacity } from '../households';
import { LoanVerdictKind } from './loan.enums';
import { BORROWING_AGES } from './loan.rules';

const [ADULT_AGE] = BORROWING_AGES;
const WITH_LABOUR = new Set([LabourCapacity.ORDINARY, LabourCapacity.SKILLED, LabourCapacity.WEAK]);
/** 脱贫不脱政策: exited and monitored households keep access to small loans; removed ones do not. */
const ELIGIBLE_STATUSES = new Set<HouseholdStatus>(Object.values(HouseholdStatus).filter((s) => s !== HouseholdStatus.REMOVED));

/**
 * What the verdict reads of an applicant: the person, and of the household's loans at every bank
 * only two aggregates (what it owes, how many loans are overdue), never which bank lent; and the
 * region's LOAN_CEILING (fen) and LOAN_TERM_MONTHS for the year, null where none is set.
 */
export type LoanApplicant = {
  birthDate: string;
  labourCapacity: LabourCapacity;
  householdStatus: HouseholdStatus;
  outstandingFen: number;
  overdueLoans: number;
  ceilingFen: number | null;
  termMonths: number | null;
} | null;

export type LoanVerdict = { verdict: LoanVerdictKind; eligible: boolean; reasons: string[]; ceilingFen: number | null; termMonths: number | null };

const NOT_FOUND: LoanVerdict = {
  verdict: LoanVerdictKind.NOT_ELIGIBLE,
  eligible: false,
  reasons: ['not a member of a registered household in your region 非建档立卡贫困户成员'],
  ceilingFen: null,
  termMonths: null,
};

/**
 * 扶贫小额信贷: for members of registered households, adult and with labour capacity; up to the
 * ceiling the policy parameters set for the region and year less what the household owes every
 * bank, for their term. A loan of the household overdue at any bank makes an otherwise eligible
 * applicant NEEDS_REVIEW; the ceiling left is then still given, for the bank's review.
 */
export function judgeLoanEligibility(applicant: LoanApplicant, today: string): LoanVerdict {
  if (!applicant) return NOT_FOUND;
  const reasons: string[] = [];
  const { ceilingFen, termMonths } = applicant;
  if (!ELIGIBLE_STATUSES.has(applicant.householdStatus)) reasons.push(`household status ${applicant.householdStatus} 已清退`);
  if (ageOn(applicant.birthDate, today) < ADULT_AGE) reasons.push(`under ${ADULT_AGE} 未成年`);
  if (!WITH_LABOUR.has(applicant.labourCapacity)) reasons.push(`labour capacity ${applicant.labourCapacity} 无劳动能力`);
  if (ceilingFen === null || termMonths === null) reasons.push('no loan ceiling or term is set for this region and year');
  const left = ceilingFen === null ? 0 : Math.max(ceilingFen - applicant.outstandingFen, 0);
  if (ceilingFen !== null && left === 0) reasons.push(`the household owes the ceiling of ${fenToYuan(ceilingFen)} yuan already 已达贷款上限`);
  if (reasons.length > 0) return { verdict: LoanVerdictKind.NOT_ELIGIBLE, eligible: false, reasons, ceilingFen: null, termMonths: null };
  const owed = applicant.outstandingFen > 0 ? `, ${fenToYuan(applicant.outstandingFen)} yuan owed already` : '';
  reasons.push(`registered household, adult, with labour capacity; up to ${fenToYuan(left)} yuan for ${termMonths} months${owed}`);
  if (applicant.overdueLoans > 0) {
    reasons.push(`${applicant.overdueLoans} loan${applicant.overdueLoans > 1 ? 's' : ''} of the household overdue 家庭有逾期贷款: review before lending`);
    return { verdict: LoanVerdictKind.NEEDS_REVIEW, eligible: false, reasons, ceilingFen: left, termMonths };
  }
  return { verdict: LoanVerdictKind.ELIGIBLE, eligible: true, reasons, ceilingFen: left, termMonths };
}
