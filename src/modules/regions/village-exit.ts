import { fenToYuan } from '../../graphql/money.scalar';
import { HouseholdStatus } from '../households';
import { Verdict } from '../households';
import { ParameterName, ParameterUnit } from '../parameters';
import type { ResolvedParameter } from '../parameters';
import { formatParameterValue } from '../parameters';
import { VillageExitItemKind } from './village-exit.enums';

/**
 * The numerator of poverty incidence 贫困发生率 (DOMAIN.md): not exited 未脱贫 + wrongly exited
 * 错退 (rolled back) + missed 漏评. Households that returned to poverty 返贫 are poor again and
 * count as not exited. The registry has no record of missed people yet.
 */
export const POOR_STATUSES: readonly HouseholdStatus[] = [HouseholdStatus.NOT_EXITED, HouseholdStatus.ROLLED_BACK, HouseholdStatus.RETURNED];

/** What the test reads about one village for one year; gathered in SQL by village-exit.service.ts. */
export type VillageExitFacts = {
  code: string;
  year: number;
  agriculturalPopulation: number | null;
  /** Registered persons (members) of households in POOR_STATUSES, as the registry stands now. */
  poorPersons: number;
  poorHouseholds: number;
  hasCultureRoom: boolean | null;
  hasClinic: boolean | null;
  hasTelecom: boolean | null;
  hasHardenedRoad: boolean | null;
  collectiveIncomeFen: number | null;
  incidenceTarget: ResolvedParameter | null;
  collectiveIncomeMin: ResolvedParameter | null;
};

export type VillageExitItem = {
  item: VillageExitItemKind;
  verdict: Verdict;
  evidence: string;
  poorPersons?: number | null;
  agriculturalPopulation?: number | null;
  incidence?: string | null;
  collectiveIncome?: number | null;
  threshold?: ResolvedParameter | null;
};

export type VillageExitReadiness = { code: string; year: number; ready: boolean; items: VillageExitItem[] };

const cite = (p: ResolvedParameter) => `policy parameter #${p.id} (${p.regionPrefix}, from ${p.fromYear}: ${p.source})`;

/** A share as a percentage with two places, from integers: 12 / 571 → "2.10". */
export function percentage(part: number, whole: number): string {
  const hundredths = Math.round((part * 10_000) / whole);
  return `${Math.trunc(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

const NUMERATOR =
  `persons of households ${POOR_STATUSES.join(', ')} as registered now; ` +
  'missed people (漏评) have no record in the registry yet and are not counted';

function incidence(f: VillageExitFacts): VillageExitItem {
  const item = VillageExitItemKind.INCIDENCE;
  const figures = { poorPersons: f.poorPersons, agriculturalPopulation: f.agriculturalPopulation, threshold: f.incidenceTarget };
  const poor = `${f.poorPersons} poor persons in ${f.poorHouseholds} households (${NUMERATOR})`;
  if (f.agriculturalPopulation === null) {
    return { item, verdict: Verdict.UNKNOWN, evidence: `agricultural registered population (农业户籍人口) not recorded, so incidence cannot be computed; ${poor}`, ...figures };
  }
  const shown = percentage(f.poorPersons, f.agriculturalPopulation);
  const rate = `poverty incidence ${shown}% = ${f.poorPersons} / ${f.agriculturalPopulation} agricultural registered population; numerator: ${NUMERATOR}`;
  const target = f.incidenceTarget;
  if (!target) {
    return { item, verdict: Verdict.UNKNOWN, evidence: `${rate}; no ${ParameterName.VILLAGE_EXIT_INCIDENCE_TARGET} is set for ${f.code} in ${f.year}`, ...figures, incidence: shown };
  }
  // Below the target, in integers: poor / population < target bp / 10,000.
  const below = f.poorPersons * 10_000 < target.value * f.agriculturalPopulation;
  const verdict = below ? Verdict.MET : Verdict.NOT_MET;
  const targetShown = `${formatParameterValue(ParameterUnit.BASIS_POINTS, target.value)}%`;
  return { item, verdict, evidence: `${rate}; ${below ? 'below' : 'not below'} the target ${targetShown} of ${cite(target)}`, ...figures, incidence: shown };
}

function facility(item: VillageExitItemKind, present: boolean | null, what: string): VillageExitItem {
  if (present === null) return { item, verdict: Verdict.UNKNOWN, evidence: `${what}: not recorded` };
  return { item, verdict: present ? Verdict.MET : Verdict.NOT_MET, evidence: `${what}: recorded as ${present ? 'present' : 'absent'}` };
}

function collectiveEconomy(f: VillageExitFacts): VillageExitItem {
  const item = VillageExitItemKind.COLLECTIVE_ECONOMY;
  const figures = { collectiveIncome: f.collectiveIncomeFen, threshold: f.collectiveIncomeMin };
  if (f.collectiveIncomeFen === null) return { item, verdict: Verdict.UNKNOWN, evidence: 'collective operating income (村集体经营性收入) not recorded', ...figures };
  // The registry keeps one yearly figure per village, not one per year.
  const income = `collective operating income ${fenToYuan(f.collectiveIncomeFen)} yuan a year, as last recorded`;
  const min = f.collectiveIncomeMin;
  if (!min) return { item, verdict: Verdict.UNKNOWN, evidence: `${income}; no ${ParameterName.VILLAGE_COLLECTIVE_INCOME_MIN} is set for ${f.code} in ${f.year}`, ...figures };
  const enough = f.collectiveIncomeFen >= min.value;
  return {
    item,
    verdict: enough ? Verdict.MET : Verdict.NOT_MET,
    evidence: `${income}; ${enough ? 'at least' : 'below'} the minimum ${fenToYuan(min.value)} yuan of ${cite(min)}`,
    ...figures,
  };
}

/** 一低五有: each item with its verdict and evidence; ready only when every item is MET. */
export function assessVillageExit(f: VillageExitFacts): VillageExitReadiness {
  const items = [
    incidence(f),
    facility(VillageExitItemKind.CULTURE_ROOM, f.hasCultureRoom, '文化室 culture room'),
    facility(VillageExitItemKind.CLINIC, f.hasClinic, '卫生室 village clinic'),
    facility(VillageExitItemKind.TELECOM, f.hasTelecom, '通讯网络 telecom network'),
    facility(VillageExitItemKind.HARDENED_ROAD, f.hasHardenedRoad, '通村硬化路 hardened road to the village'),
    collectiveEconomy(f),
  ];
  return { code: f.code, year: f.year, ready: items.every((i) => i.verdict === Verdict.MET), items };
}
