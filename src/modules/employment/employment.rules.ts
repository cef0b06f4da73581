import { ageProblem, ceilingProblem, invalid } from '../../sync/record-problems';
import type { Person, RecordProblem } from '../../sync/sync-kind';
import { Employment, WORKING_AGES } from '../households';
import { EmploymentSupportKind } from './employment.enums';
import type { EmploymentSupportRecord } from './employment.types';

const yuan = (amount: number) => amount * 100;

/**
 * The most one record of each kind may carry, in fen (null: the seeds give no figure, so no
 * ceiling). From seed 002 (/work/shared/seeds/002, 推进就业扶贫): 一次性创业补助 "4 名创业致富带头人
 * … 2 万元, 5 名贫困户 … 2.5 万元" is 5,000 yuan a head, the ceiling; 一次性转移就业交通补助 "451 名
 * … 14.8 万元" averages 328 yuan and 公益性岗位 "75 名…护林员, 32.352 万元" and "12 名…巡河员, 4.88
 * 万元" average 359 and 339 yuan a month over a year: those two ceilings are plausibility guards at
 * about three times the seeds' averages (1,000 yuan), not policy figures, to revise when the county
 * gives its own. A workshop job's wage is the employer's, and training's subsidy has no figure.
 * Constants until the parameters module has employment names, as education's are (docs/parameters.md).
 */
export const CEILINGS: Readonly<Record<EmploymentSupportKind, number | null>> = {
  PUBLIC_WELFARE_POST: yuan(1000),
  TRANSFER_TRAVEL_SUBSIDY: yuan(1000),
  WORKSHOP_JOB: null,
  SKILLS_TRAINING: null,
  START_UP_SUBSIDY: yuan(5000),
};

/** The most hours one training record may hold: a year of full-time days. */
export const MOST_TRAINING_HOURS = 2000;

/** The kinds that last from `date` to `until` (a post or a job); the others are one day's payment or a completed course. */
const LASTING = new Set([EmploymentSupportKind.PUBLIC_WELFARE_POST, EmploymentSupportKind.WORKSHOP_JOB]);

/**
 * The member's employment a record shows (the registry's Employment, as an enrolment's stage is the
 * registry's SchoolStage): a post is a post, a workshop job or a venture local work, a travel
 * subsidy work in or outside the province; training places no one.
 */
export function employmentOf(kind: EmploymentSupportKind, outOfProvince: boolean | null): Employment | null {
  switch (kind) {
    case EmploymentSupportKind.PUBLIC_WELFARE_POST:
      return Employment.PUBLIC_WELFARE_POST;
    case EmploymentSupportKind.WORKSHOP_JOB:
    case EmploymentSupportKind.START_UP_SUBSIDY:
      return Employment.LOCAL_WORK;
    case EmploymentSupportKind.TRANSFER_TRAVEL_SUBSIDY:
      return outOfProvince ? Employment.OUT_OF_PROVINCE : Employment.IN_PROVINCE;
    case EmploymentSupportKind.SKILLS_TRAINING:
      return null;
  }
}

/** A kind's own fields present where it needs them and absent where it has none, the pay within its ceiling, the worker of working age. */
export function employmentSupportProblems(r: EmploymentSupportRecord, person: Person): RecordProblem[] {
  const problems = ageProblem(person, r.date, WORKING_AGES, r.kind);
  const training = r.kind === EmploymentSupportKind.SKILLS_TRAINING;
  if (r.amount == null) {
    if (!training) problems.push(invalid('amount', `${r.kind} needs its amount`));
  } else {
    if (r.amount === 0 && !training) problems.push(invalid('amount', `${r.kind} pays a positive amount`));
    problems.push(...ceilingProblem(r.amount, CEILINGS[r.kind], r.kind));
  }
  if (r.until != null && !LASTING.has(r.kind)) problems.push(invalid('until', `Only a post or a job has a last day, not ${r.kind}`));
  if (r.until != null && r.until < r.date) problems.push(invalid('until', `Until ${r.until}, before it began on ${r.date}`));
  const travel = r.kind === EmploymentSupportKind.TRANSFER_TRAVEL_SUBSIDY;
  if (travel !== (r.outOfProvince != null)) problems.push(invalid('outOfProvince', travel ? 'A travel subsidy says whether the work is outside the province' : `Only a travel subsidy says where the work is, not ${r.kind}`));
  if (training && (r.hours == null || r.hours < 1 || r.hours > MOST_TRAINING_HOURS)) problems.push(invalid('hours', `Training needs its hours, 1 to ${MOST_TRAINING_HOURS}`));
  if (!training && r.hours != null) problems.push(invalid('hours', `Only training has hours, not ${r.kind}`));
  if (!training && r.certificate != null) problems.push(invalid('certificate', `Only training has a certificate, not ${r.kind}`));
  return problems;
}
