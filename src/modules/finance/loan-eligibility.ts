import { fenToYuan } from '../../graphql/money.scalar';
import { ageOn } from '../households';
import { HouseholdStatus } from '../households';
import { LabourCapacity } from '../households';
import type { ResolvedParameter } from '../parameters';

/** Civil-law adulthood (民法典 第十七条), not a poverty-policy figure: a loan contract needs an adult. */
const ADULT_AGE = 18;
const WITH_LABOUR = new Set([LabourCapacity.ORDINARY, LabourCapacity.SKILLED, LabourCapacity.WEAK]);
/** 脱贫不脱政策: exited and monitored households keep access to small loans; removed ones do not. */
const ELIGIBLE_STATUSES = new Set<HouseholdStatus>(Object.values(HouseholdStatus).filter((s) => s !== HouseholdStatus.REMOVED));

export type LoanApplicant = { birthDate: string; labourCapacity: LabourCapacity; householdStatus: HouseholdStatus } | null;

export type LoanVerdict = { eligible: boolean; reasons: string[]; ceilingFen: number | null; termMonths: number | null };

/**
 * 扶贫小额信贷: for members of registered households, adult and with labour capacity; up to the
 * ceiling and term the policy parameters set for the region and year.
 */
export function judgeLoanEligibility(
  applicant: LoanApplicant,
  today: string,
  ceiling: ResolvedParameter | null,
  term: ResolvedParameter | null,
): LoanVerdict {
  if (!applicant) {
    return { eligible: false, reasons: ['not a member of a registered household in your region 非建档立卡贫困户成员'], ceilingFen: null, termMonths: null };
  }
  const reasons: string[] = [];
  if (!ELIGIBLE_STATUSES.has(applicant.householdStatus)) reasons.push(`household status ${applicant.householdStatus} 已清退`);
  if (ageOn(applicant.birthDate, today) < ADULT_AGE) reasons.push(`under ${ADULT_AGE} 未成年`);
  if (!WITH_LABOUR.has(applicant.labourCapacity)) reasons.push(`labour capacity ${applicant.labourCapacity} 无劳动能力`);
  if (!ceiling || !term) reasons.push('no loan ceiling or term is set for this region and year');
  const eligible = reasons.length === 0;
  if (eligible) reasons.push(`registered household, adult, with labour capacity; up to ${fenToYuan(ceiling!.value)} yuan for ${term!.value} months`);
  return { eligible, reasons, ceilingFen: eligible ? ceiling!.value : null, termMonths: eligible ? term!.value : null };
}
