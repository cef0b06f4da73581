import { fenToYuan } from '../../graphql/money.scalar';
import { invalid } from '../../sync/record-problems';
import type { RecordProblem } from '../../sync/sync-kind';
import type { FamilyDoctorContractRecord, InsuranceEnrolmentRecord, MedicalClaimRecord } from './health.types';

/**
 * The out-of-pocket share of eligible cost above which a claim is flagged: "确保贫困户住院自费费用
 * …县域内控制在 10%以内" (seed 002). A constant until the parameters module has health names, as
 * education's ceilings are (education.rules.ts).
 */
export const OUT_OF_POCKET_LIMIT = 0.1;

// Amounts are never negative: the Money scalar refuses them before a batch is read.

/** A premium and its 代缴 part; the year insured is the enrolment's or the next (autumn's 集中征缴 is for the coming year). */
export function enrolmentProblems(r: InsuranceEnrolmentRecord): RecordProblem[] {
  const enrolledIn = Number(r.enrolledOn.slice(0, 4));
  const problems: RecordProblem[] = [];
  if (r.year !== enrolledIn && r.year !== enrolledIn + 1) problems.push(invalid('year', `An enrolment on ${r.enrolledOn} is for ${enrolledIn} or ${enrolledIn + 1}, not ${r.year}`));
  if (r.governmentPaid > r.premium) problems.push(invalid('governmentPaid', `The government paid ${fenToYuan(r.governmentPaid)} of a premium of ${fenToYuan(r.premium)}: at most the premium`));
  return problems;
}

export const CLAIM_PARTS = ['basicInsurance', 'criticalIllnessInsurance', 'medicalAssistance', 'supplementaryInsurance', 'outOfPocket'] as const;

/** Dates in order, eligible within the total, and the parts adding up to the total to the fen. */
export function claimProblems(r: MedicalClaimRecord): RecordProblem[] {
  const problems: RecordProblem[] = [];
  if (r.dischargedOn < r.admittedOn) problems.push(invalid('dischargedOn', `Discharged on ${r.dischargedOn}, before admission on ${r.admittedOn}`));
  if (r.eligibleCost > r.totalCost) problems.push(invalid('eligibleCost', `The eligible cost ${fenToYuan(r.eligibleCost)} is above the total ${fenToYuan(r.totalCost)}`));
  const parts = CLAIM_PARTS.reduce((sum, part) => sum + r[part], 0);
  if (parts !== r.totalCost) problems.push(invalid('totalCost', `The parts (${CLAIM_PARTS.join(' + ')}) add up to ${fenToYuan(parts)}, not the total ${fenToYuan(r.totalCost)}`));
  return problems;
}

/** The out-of-pocket share of eligible cost, and whether it is above the limit. */
export function outOfPocket(outOfPocketFen: number, eligibleFen: number): { share: number | null; aboveLimit: boolean } {
  if (eligibleFen === 0) return { share: null, aboveLimit: outOfPocketFen > 0 };
  const share = outOfPocketFen / eligibleFen;
  return { share, aboveLimit: share > OUT_OF_POCKET_LIMIT };
}

export function contractProblems(r: FamilyDoctorContractRecord): RecordProblem[] {
  return r.validUntil < r.signedOn ? [invalid('validUntil', `Valid until ${r.validUntil}, before it was signed on ${r.signedOn}`)] : [];
}
