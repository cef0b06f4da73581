import { fenToYuan } from '../../graphql/money.scalar';
import { inCompulsorySchool } from '../../kernel/schooling';
import { measureId } from '../../sync/measure.rows';
import { SchoolStage } from './member.enums';
import { AssuranceItemKind, HousingGrade, Verdict } from './registry.enums';

import type { ResolvedParameter } from '../parameters';

/** A parameter as the exit test uses it: its value and the row it came from. */
export type ParameterFact = Pick<ResolvedParameter, 'id' | 'value' | 'source' | 'regionPrefix' | 'fromYear'>;

export type Evidence = { source: string; department: string; recordedAt: Date | null; detail: string };
export type AssuranceItem = { item: AssuranceItemKind; verdict: Verdict; evidence: Evidence[] };
export type Assurance = { year: number; passed: boolean; items: AssuranceItem[] };

export type AssuranceFacts = {
  household: {
    id: number;
    incomePerCapitaFen: number;
    foodAndClothingSecure?: boolean | null;
    safeDrinkingWater?: boolean | null;
    housingGrade?: HousingGrade | null;
    updatedAt: Date;
  };
  members: readonly { id?: number; name: string; birthDate: string; schoolStage: SchoolStage; medicalInsurance: boolean }[];
  /** The members' enrolment records from schools and the education bureau (the education module's), if any. */
  enrolments?: readonly EnrolmentEvidence[];
  /** The members' basic medical insurance enrolments from insurers and the bureau (the health module's), if any. */
  insurance?: readonly InsuranceEvidence[];
  /** The household's house-safety assessments from the housing bureau (the housing module's), if any. */
  housingAssessments?: readonly HousingAssessmentEvidence[];
  year: number;
  /** The day ages are counted on: the end of the year tested, or the effective date of an exit. */
  asOf: string;
  povertyLine: ParameterFact | null;
  schoolAgeFrom: ParameterFact | null;
  schoolAgeTo: ParameterFact | null;
};

/**
 * An enrolment a school or the education bureau synced (table enrolment): where one exists for a
 * member, its latest status as of the day tested is the evidence of schooling, not the registry's
 * own copy of the school stage. `status` and `stage` as the education module's enums name them.
 */
export type EnrolmentEvidence = {
  id: number;
  memberId: number;
  status: string;
  stage: string;
  grade: number;
  date: string;
  externalId: string;
  organisation: string | null;
  recordedAt: Date;
};

/**
 * A member's enrolment in basic medical insurance 城乡居民医保 (scheme BASIC, table
 * insurance_enrolment) an insurer or the medical-insurance bureau recorded: where one exists for
 * the year tested, it is the evidence of insurance, not the registry's own flag.
 */
export type InsuranceEvidence = {
  id: number;
  memberId: number;
  year: number;
  externalId: string;
  organisation: string | null;
  recordedAt: Date;
};

/**
 * A house-safety assessment 危房鉴定 the housing bureau recorded (table housing_measure, kind
 * ASSESSMENT): the latest on or before the day tested is the household's grade, not the registry's
 * own copy of it. `grade` as HousingGrade names it.
 */
export type HousingAssessmentEvidence = {
  id: number;
  grade: string;
  assessor: string;
  date: string;
  externalId: string;
  organisation: string | null;
  recordedAt: Date;
};

const REGISTRY = '扶贫办 poverty office (建档立卡 registry)';
const PARAMETERS = 'policy parameters';

function registryRecord(facts: AssuranceFacts, detail: string): Evidence {
  return { source: `household #${facts.household.id}`, department: REGISTRY, recordedAt: facts.household.updatedAt, detail };
}

function parameterRecord(parameter: ParameterFact, detail: string): Evidence {
  return { source: `policy parameter #${parameter.id} (${parameter.source})`, department: PARAMETERS, recordedAt: null, detail };
}

export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

function income(facts: AssuranceFacts): AssuranceItem {
  const item = AssuranceItemKind.INCOME;
  const shown = `income per capita ${fenToYuan(facts.household.incomePerCapitaFen)} yuan`;
  if (!facts.povertyLine) {
    return { item, verdict: Verdict.UNKNOWN, evidence: [registryRecord(facts, `${shown}; no poverty line is set for this region and year ${facts.year}`)] };
  }
  const above = facts.household.incomePerCapitaFen > facts.povertyLine.value;
  return {
    item,
    verdict: above ? Verdict.MET : Verdict.NOT_MET,
    evidence: [
      registryRecord(facts, shown),
      parameterRecord(facts.povertyLine, `poverty line ${fenToYuan(facts.povertyLine.value)} yuan for ${facts.year}; income must be above it`),
    ],
  };
}

function surveyed(facts: AssuranceFacts, item: AssuranceItemKind, value: boolean | null | undefined, what: string): AssuranceItem {
  if (value === null || value === undefined) return { item, verdict: Verdict.UNKNOWN, evidence: [registryRecord(facts, `${what}: not surveyed`)] };
  return { item, verdict: value ? Verdict.MET : Verdict.NOT_MET, evidence: [registryRecord(facts, `${what}: ${value ? 'yes' : 'no'}`)] };
}

function education(facts: AssuranceFacts): AssuranceItem {
  const item = AssuranceItemKind.COMPULSORY_EDUCATION;
  const { schoolAgeFrom: from, schoolAgeTo: to } = facts;
  if (!from || !to) return { item, verdict: Verdict.UNKNOWN, evidence: [registryRecord(facts, 'no compulsory-school ages are set for this region and year')] };
  const ages = parameterRecord(from, `compulsory-school age ${from.value} to ${to.value}`);
  const schoolAge = facts.members.filter((m) => {
    const age = ageOn(m.birthDate, facts.asOf);
    return age >= from.value && age <= to.value;
  });
  const enrolled = schoolAge.map((m) => ({ member: m, enrolment: latestEnrolment(facts, m.id) }));
  const outOfSchool = enrolled.filter(({ member, enrolment }) =>
    enrolment ? !inCompulsorySchool(enrolment) : member.schoolStage === SchoolStage.NOT_IN_SCHOOL || member.schoolStage === SchoolStage.PRESCHOOL,
  );
  const fromRegistry = enrolled.filter((e) => !e.enrolment).map((e) => e.member);
  const detail = schoolAge.length === 0
    ? `no member of compulsory-school age on ${facts.asOf}`
    : `${schoolAge.length} member(s) of compulsory-school age on ${facts.asOf}; out of school: ${outOfSchool.map((e) => e.member.name).join(', ') || 'none'}` +
      sources(fromRegistry, schoolAge, "the registry's school stage", 'enrolment records');
  const records = enrolled.flatMap(({ member, enrolment }) => (enrolment ? [enrolmentRecord(member.name, enrolment)] : []));
  return { item, verdict: outOfSchool.length ? Verdict.NOT_MET : Verdict.MET, evidence: [registryRecord(facts, detail), ...records, ages] };
}

/** Where an item rests on partners' records for some members: whom the registry's own fact still speaks for. */
function sources(fromRegistry: readonly { name: string }[], all: readonly unknown[], registryFact: string, records: string): string {
  if (fromRegistry.length === all.length) return '';
  return `; ${registryFact} for ${fromRegistry.map((m) => m.name).join(', ') || 'no one'}, ${records} for the others`;
}

/** A member's latest enrolment on or before the day tested (the last recorded of one day), if a school or the bureau synced any. */
function latestEnrolment(facts: AssuranceFacts, memberId: number | undefined): EnrolmentEvidence | undefined {
  if (memberId === undefined) return undefined;
  return (facts.enrolments ?? [])
    .filter((e) => e.memberId === memberId && e.date <= facts.asOf)
    .reduce<EnrolmentEvidence | undefined>((latest, e) => (!latest || e.date > latest.date || (e.date === latest.date && e.id > latest.id) ? e : latest), undefined);
}

function enrolmentRecord(name: string, e: EnrolmentEvidence): Evidence {
  return {
    source: `${measureId('Enrolment', e.id)} (${e.externalId})`,
    department: `${e.organisation ?? 'a school or the education bureau'} (教育 education)`,
    recordedAt: e.recordedAt,
    detail: `${name}: ${e.status} in ${e.stage} grade ${e.grade} since ${e.date}`,
  };
}

/** Basic medical insurance: each member's enrolment for the year tested where an insurer recorded one, the registry's flag otherwise. */
function medical(facts: AssuranceFacts): AssuranceItem {
  const insured = facts.members.map((m) => ({ member: m, enrolment: facts.insurance?.find((e) => e.memberId === m.id && e.year === facts.year) }));
  const uninsured = insured.filter(({ member, enrolment }) => !enrolment && !member.medicalInsurance).map((i) => i.member);
  const fromRegistry = insured.filter((i) => !i.enrolment).map((i) => i.member);
  const detail = `${facts.members.length - uninsured.length} of ${facts.members.length} members in basic medical insurance${uninsured.length ? `; not: ${uninsured.map((m) => m.name).join(', ')}` : ''}` +
    sources(fromRegistry, facts.members, "the registry's flag", 'insurance enrolments');
  const records = insured.flatMap(({ member, enrolment }) => (enrolment ? [insuranceRecord(member.name, enrolment)] : []));
  return { item: AssuranceItemKind.MEDICAL_INSURANCE, verdict: uninsured.length ? Verdict.NOT_MET : Verdict.MET, evidence: [registryRecord(facts, detail), ...records] };
}

function insuranceRecord(name: string, e: InsuranceEvidence): Evidence {
  return {
    source: `${measureId('InsuranceEnrolment', e.id)} (${e.externalId})`,
    department: `${e.organisation ?? 'an insurer or the medical-insurance bureau'} (医保 health)`,
    recordedAt: e.recordedAt,
    detail: `${name}: in basic medical insurance for ${e.year}`,
  };
}

/**
 * Safe housing: the latest assessment on or before the day tested (the last recorded of one day)
 * where the housing bureau recorded one, the registry's grade only where it recorded none. C and D
 * are dangerous (危房).
 */
function housing(facts: AssuranceFacts): AssuranceItem {
  const item = AssuranceItemKind.SAFE_HOUSING;
  const verdictOf = (grade: string) => (grade === HousingGrade.C || grade === HousingGrade.D ? Verdict.NOT_MET : Verdict.MET);
  const latest = (facts.housingAssessments ?? [])
    .filter((a) => a.date <= facts.asOf)
    .reduce<HousingAssessmentEvidence | undefined>((l, a) => (!l || a.date > l.date || (a.date === l.date && a.id > l.id) ? a : l), undefined);
  if (latest) return { item, verdict: verdictOf(latest.grade), evidence: [assessmentRecord(latest)] };
  const grade = facts.household.housingGrade;
  if (!grade) return { item, verdict: Verdict.UNKNOWN, evidence: [registryRecord(facts, 'house safety not assessed')] };
  return { item, verdict: verdictOf(grade), evidence: [registryRecord(facts, `house safety grade ${grade} (the registry's; no assessment recorded)`)] };
}

function assessmentRecord(a: HousingAssessmentEvidence): Evidence {
  return {
    source: `${measureId('HousingAssessment', a.id)} (${a.externalId})`,
    department: `${a.organisation ?? 'the housing bureau'} (住建 housing)`,
    recordedAt: a.recordedAt,
    detail: `house safety grade ${a.grade}, assessed by ${a.assessor} on ${a.date}`,
  };
}

/** 一超过两不愁三保障: each item with its verdict and the records it rests on. Passed only when every item is met. */
export function assess(facts: AssuranceFacts): Assurance {
  const items = [
    income(facts),
    surveyed(facts, AssuranceItemKind.FOOD_AND_CLOTHING, facts.household.foodAndClothingSecure, 'food and clothing secure'),
    surveyed(facts, AssuranceItemKind.DRINKING_WATER, facts.household.safeDrinkingWater, 'safe drinking water'),
    education(facts),
    medical(facts),
    housing(facts),
  ];
  return { year: facts.year, passed: items.every((i) => i.verdict === Verdict.MET), items };
}
