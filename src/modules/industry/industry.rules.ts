import { ageProblem, ceilingProblem, invalid } from '../../sync/record-problems';
import type { Person, RecordProblem } from '../../sync/sync-kind';
import { IndustrySupportKind } from './industry.enums';
import type { IndustrySupportRecord } from './industry.types';

const yuan = (amount: number) => amount * 100;

/**
 * The most one record of each kind may pay, in fen (null: the seeds give no figure, so no
 * ceiling). From seed 002 (/work/shared/seeds/002, 推进扶贫到户产业项目): 特色种养业到户 "371 户…
 * 72.46 万元" averages 1,953 yuan a household and 四带一自 双向奖补 "24 户…6600 元" 275; the
 * ceiling of 5,000 yuan a record is a plausibility guard at about two and a half times the
 * average, to revise when the county gives its own. The dividends, photovoltaic, e-commerce and
 * tourism income are what the households earned, which no seed caps; 旅游扶贫到户 "55 户…1.1 万元"
 * (200 yuan) is a subsidy within that kind, not a ceiling on income.
 * Constants until the parameters module has industry names, as education's are (docs/parameters.md).
 */
export const CEILINGS: Readonly<Record<IndustrySupportKind, number | null>> = {
  SPECIALTY_FARMING_SUBSIDY: yuan(5000),
  COOPERATIVE_SHARE: null,
  COOPERATIVE_DIVIDEND: null,
  PHOTOVOLTAIC_INCOME: null,
  E_COMMERCE_INCOME: null,
  TOURISM_INCOME: null,
};

/**
 * A shareholder of a cooperative is an adult: shares are a civil act a minor cannot take up alone
 * (民法典 第十七、十八条: full civil capacity at 18). The other kinds reach the household through
 * any member, a child included.
 */
export const SHAREHOLDER_AGES: readonly [number, number] = [18, 150];

export function industrySupportProblems(r: IndustrySupportRecord, person: Person): RecordProblem[] {
  const problems = r.kind === IndustrySupportKind.COOPERATIVE_SHARE ? ageProblem(person, r.paidOn, SHAREHOLDER_AGES, 'a cooperative share') : [];
  if (r.amount <= 0) problems.push(invalid('amount', `${r.kind} pays a positive amount`));
  return [...problems, ...ceilingProblem(r.amount, CEILINGS[r.kind], r.kind)];
}
