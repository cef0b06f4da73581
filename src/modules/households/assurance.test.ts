import { ageOn, assess, type AssuranceFacts } from './assurance';
import { SchoolStage } from './member.enums';
import { exclusionsHit, priorityScore } from './registry-rules';
import { AssuranceItemKind, ExclusionRule, HousingGrade, Verdict } from './registry.enums';
import { Health, LabourCapacity } from './member.enums';

const line = { id: 1, value: 343000, source: '3430元', regionPrefix: '43', fromYear: 2018 };
const from = { id: 2, value: 6, source: '义务教育', regionPrefix: '43', fromYear: 2018 };
const to = { id: 3, value: 15, source: '义务教育', regionPrefix: '43', fromYear: 2018 };

function facts(overrides: Partial<AssuranceFacts['household']> = {}, members: AssuranceFacts['members'] = []): AssuranceFacts {
  return {
    household: { id: 7, incomePerCapitaFen: 400000, foodAndClothingSecure: true, safeDrinkingWater: true, housingGrade: HousingGrade.B, updatedAt: new Date(0), ...overrides },
    members: members.length ? members : [{ name: '甲', birthDate: '1970-01-01', schoolStage: SchoolStage.NOT_IN_SCHOOL, medicalInsurance: true }],
    year: 2024,
    asOf: '2024-06-30',
    povertyLine: line,
    schoolAgeFrom: from,
    schoolAgeTo: to,
  };
}

const verdict = (f: AssuranceFacts, item: AssuranceItemKind) => assess(f).items.find((i) => i.item === item)!.verdict;

describe('the exit test, computed', () => {
  it('passes only when every item is met', () => {
    expect(assess(facts()).passed).toBe(true);
    expect(assess(facts({ safeDrinkingWater: null })).passed).toBe(false);
  });

  it('needs income strictly above the line (超过)', () => {
    expect(verdict(facts({ incomePerCapitaFen: 343000 }), AssuranceItemKind.INCOME)).toBe(Verdict.NOT_MET);
    expect(verdict(facts({ incomePerCapitaFen: 343001 }), AssuranceItemKind.INCOME)).toBe(Verdict.MET);
    expect(verdict({ ...facts(), povertyLine: null }, AssuranceItemKind.INCOME)).toBe(Verdict.UNKNOWN);
  });

  it('counts compulsory-school age on the day tested, both ends included', () => {
    const child = (birthDate: string) => facts({}, [{ name: '乙', birthDate, schoolStage: SchoolStage.NOT_IN_SCHOOL, medicalInsurance: true }]);
    expect(verdict(child('2018-06-30'), AssuranceItemKind.COMPULSORY_EDUCATION)).toBe(Verdict.NOT_MET); // 6 that day
    expect(verdict(child('2018-07-01'), AssuranceItemKind.COMPULSORY_EDUCATION)).toBe(Verdict.MET); // still 5
    expect(verdict(child('2008-07-01'), AssuranceItemKind.COMPULSORY_EDUCATION)).toBe(Verdict.NOT_MET); // 15
    expect(verdict(child('2008-06-30'), AssuranceItemKind.COMPULSORY_EDUCATION)).toBe(Verdict.MET); // 16
    expect(verdict({ ...child('2018-06-30'), schoolAgeTo: null }, AssuranceItemKind.COMPULSORY_EDUCATION)).toBe(Verdict.UNKNOWN);
    expect(ageOn('2000-02-29', '2024-02-28')).toBe(23);
  });

  it('grades housing and reads surveys', () => {
    expect(verdict(facts({ housingGrade: HousingGrade.C }), AssuranceItemKind.SAFE_HOUSING)).toBe(Verdict.NOT_MET);
    expect(verdict(facts({ housingGrade: null }), AssuranceItemKind.SAFE_HOUSING)).toBe(Verdict.UNKNOWN);
    expect(verdict(facts({ foodAndClothingSecure: false }), AssuranceItemKind.FOOD_AND_CLOTHING)).toBe(Verdict.NOT_MET);
  });

  it('grades housing by the latest assessment up to the day tested, over the registry’s grade, and by the registry’s where there is none', () => {
    const assessed = (grade: string, date: string, id: number) => ({ id, grade, assessor: '鉴定站', date, externalId: `a-${id}`, organisation: '住建局', recordedAt: new Date(0) });
    const withAssessments = (...housingAssessments: ReturnType<typeof assessed>[]) => ({ ...facts({ housingGrade: HousingGrade.D }), housingAssessments });
    expect(verdict(withAssessments(assessed('D', '2023-01-01', 1), assessed('B', '2024-03-01', 2)), AssuranceItemKind.SAFE_HOUSING)).toBe(Verdict.MET);
    // One recorded later on the same day is the latest; one after the day tested does not count yet.
    expect(verdict(withAssessments(assessed('B', '2024-03-01', 2), assessed('C', '2024-03-01', 3)), AssuranceItemKind.SAFE_HOUSING)).toBe(Verdict.NOT_MET);
    expect(verdict(withAssessments(assessed('C', '2024-03-01', 3), assessed('A', '2024-07-01', 4)), AssuranceItemKind.SAFE_HOUSING)).toBe(Verdict.NOT_MET);
    const item = assess(withAssessments(assessed('A', '2024-01-01', 5))).items.find((i) => i.item === AssuranceItemKind.SAFE_HOUSING)!;
    expect(item.evidence).toEqual([{ source: 'HousingAssessment:5 (a-5)', department: '住建局 (住建 housing)', recordedAt: new Date(0), detail: 'house safety grade A, assessed by 鉴定站 on 2024-01-01' }]);
    // None up to the day tested: the registry's D.
    expect(verdict(withAssessments(assessed('A', '2024-07-01', 4)), AssuranceItemKind.SAFE_HOUSING)).toBe(Verdict.NOT_MET);
  });

  it('names the evidence: the household record and the parameter row', () => {
    const income = assess(facts()).items[0];
    expect(income.evidence.map((e) => e.source)).toEqual(['household #7', 'policy parameter #1 (3430元)']);
  });
});

describe('identification rules', () => {
  it('hits each 五不录 rule from its fact', () => {
    const none = { motorVehicle: false, newlyBuiltHouse: false, urbanCommercialHousing: false, publicServantMember: false, registeredBusiness: false, disasterVictim: true };
    expect(exclusionsHit(none)).toEqual([]);
    expect(exclusionsHit({ ...none, motorVehicle: true, publicServantMember: true })).toEqual([ExclusionRule.MOTOR_VEHICLE, ExclusionRule.PUBLIC_SERVANT_MEMBER]);
  });

  it('scores 六优先 one point a priority', () => {
    const adult = { health: Health.HEALTHY, schoolStage: SchoolStage.NOT_IN_SCHOOL, labourCapacity: LabourCapacity.ORDINARY };
    expect(priorityScore([adult], HousingGrade.A, false)).toBe(0);
    expect(priorityScore([{ ...adult, health: Health.DISABLED, disabilityGrade: 2, labourCapacity: LabourCapacity.LOST }], HousingGrade.D, true)).toBe(4);
    expect(priorityScore([{ ...adult, health: Health.DISABLED, disabilityGrade: 3 }], null, false)).toBe(0);
  });
});

describe('compulsory education from enrolment records', () => {
  const pupil = { id: 41, name: '丙', birthDate: '2014-03-01', schoolStage: SchoolStage.NOT_IN_SCHOOL, medicalInsurance: true };
  const enrolment = (id: number, status: string, date: string) => ({ id, memberId: 41, status, stage: 'PRIMARY', grade: 4, date, externalId: `E${id}`, organisation: '第一小学', recordedAt: new Date(0) });
  const withEnrolments = (...enrolments: ReturnType<typeof enrolment>[]) => ({ ...facts({}, [pupil]), enrolments });
  const item = (f: AssuranceFacts) => assess(f).items.find((i) => i.item === AssuranceItemKind.COMPULSORY_EDUCATION)!;

  it("takes the latest enrolment on or before the day tested over the registry's school stage", () => {
    expect(item(facts({}, [pupil])).verdict).toBe(Verdict.NOT_MET);
    expect(item(withEnrolments(enrolment(1, 'ENROLLED', '2023-09-01'))).verdict).toBe(Verdict.MET);
    expect(item(withEnrolments(enrolment(1, 'ENROLLED', '2023-09-01'), enrolment(2, 'DROPPED_OUT', '2024-03-01'))).verdict).toBe(Verdict.NOT_MET);
    // Dropped out after the day tested (2024-06-30): still enrolled that day.
    expect(item(withEnrolments(enrolment(1, 'ENROLLED', '2023-09-01'), enrolment(2, 'DROPPED_OUT', '2024-09-01'))).verdict).toBe(Verdict.MET);
    expect(item(withEnrolments(enrolment(2, 'DROPPED_OUT', '2024-03-01'), enrolment(3, 'RETURNED', '2024-03-01'))).verdict).toBe(Verdict.MET);
  });

  it('counts a graduation from primary school as out of school, one from junior high as the nine years done (as the 控辍保学 list does)', () => {
    const graduated = (stage: string) => withEnrolments({ ...enrolment(1, 'GRADUATED', '2023-07-01'), stage });
    expect(item(graduated('PRIMARY')).verdict).toBe(Verdict.NOT_MET);
    expect(item(graduated('JUNIOR_HIGH')).verdict).toBe(Verdict.MET);
  });

  it('names the record and the school that holds it as the evidence', () => {
    expect(item(withEnrolments(enrolment(7, 'ENROLLED', '2023-09-01'))).evidence).toContainEqual({
      source: 'Enrolment:7 (E7)', department: '第一小学 (教育 education)', recordedAt: new Date(0), detail: '丙: ENROLLED in PRIMARY grade 4 since 2023-09-01',
    });
  });

  const uninsured = { id: 42, name: '丁', birthDate: '1960-01-01', schoolStage: SchoolStage.NOT_IN_SCHOOL, medicalInsurance: false };
  const basic = (year: number) => ({ id: 9, memberId: 42, year, externalId: 'IE9', organisation: '县医疗保障局', recordedAt: new Date(0) });
  const medical = (f: AssuranceFacts) => assess(f).items.find((i) => i.item === AssuranceItemKind.MEDICAL_INSURANCE)!;

  it("takes a member's basic insurance enrolment for the year tested over the registry's flag, naming the record and the insurer", () => {
    expect(medical(facts({}, [uninsured])).verdict).toBe(Verdict.NOT_MET);
    expect(medical({ ...facts({}, [uninsured]), insurance: [basic(2023)] }).verdict).toBe(Verdict.NOT_MET);
    const insured = medical({ ...facts({}, [uninsured]), insurance: [basic(2024)] });
    expect(insured.verdict).toBe(Verdict.MET);
    expect(insured.evidence[0].detail).toBe("1 of 1 members in basic medical insurance; the registry's flag for no one, insurance enrolments for the others");
    expect(insured.evidence[1]).toEqual({ source: 'InsuranceEnrolment:9 (IE9)', department: '县医疗保障局 (医保 health)', recordedAt: new Date(0), detail: '丁: in basic medical insurance for 2024' });
  });
});
