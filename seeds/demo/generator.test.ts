import { ALL_ROLES } from '../../src/kernel/role';
import { HouseholdCategory, HouseholdStatus, PovertyCause } from '../../src/modules/households/household.enums';
import { parseIdNumber } from '../../src/kernel/id-number';
import {
  Employment,
  Health,
  LabourCapacity,
  Relation,
  SchoolStage,
  Sex,
} from '../../src/modules/households/member.enums';
import { REFERENCE_DATE } from './calendar';
import { DEFAULT_SEED, planDemoData, type DemoPlan } from './generator';
import { POVERTY_LINE_FEN } from './household-facts';
import type { HouseholdRow, MemberRow } from './rows';

type DataSet = { plan: DemoPlan; households: HouseholdRow[]; members: MemberRow[] };

function generate(households: number, seed = DEFAULT_SEED, batchSize = 2_000): DataSet {
  const plan = planDemoData({ households, seed, demoKeys: true });
  const all: DataSet = { plan, households: [], members: [] };
  for (const batch of plan.householdBatches(batchSize)) {
    all.households.push(...batch.households);
    all.members.push(...batch.members);
  }
  return all;
}

function share<T>(rows: readonly T[], predicate: (row: T) => boolean): number {
  return rows.filter(predicate).length / rows.length;
}

function membersByHousehold(members: readonly MemberRow[]): Map<number, MemberRow[]> {
  const byHousehold = new Map<number, MemberRow[]>();
  for (const member of members) {
    const family = byHousehold.get(member.householdId) ?? [];
    family.push(member);
    byHousehold.set(member.householdId, family);
  }
  return byHousehold;
}

/** Full years on the reference date. */
function ageOn(birthDate: string): number {
  const years = Number(REFERENCE_DATE.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return REFERENCE_DATE.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

const data = generate(3_000);
const families = membersByHousehold(data.members);
const age = (member: MemberRow) => ageOn(member.birthDate);

describe('determinism', () => {
  it('gives equal rows for the same seed', () => {
    const again = generate(3_000);
    expect(again.plan.regions).toEqual(data.plan.regions);
    expect(again.plan.organisations).toEqual(data.plan.organisations);
    expect(again.plan.apiKeys).toEqual(data.plan.apiKeys);
    expect(again.households).toEqual(data.households);
    expect(again.members).toEqual(data.members);
  });

  it('does not depend on the batch size', () => {
    const smallBatches = generate(3_000, DEFAULT_SEED, 333);
    expect(smallBatches.households).toEqual(data.households);
    expect(smallBatches.members).toEqual(data.members);
  });

  it('gives different rows for a different seed', () => {
    const other = generate(3_000, DEFAULT_SEED + 1);
    expect(other.households).not.toEqual(data.households);
    expect(other.members.map((m) => m.idNumber)).not.toEqual(data.members.map((m) => m.idNumber));
  });

  it('leaves out the API keys when asked', () => {
    expect(planDemoData({ households: 10, seed: 1, demoKeys: false }).apiKeys).toEqual([]);
    // One per role in each of the two counties, and a second bank's in each.
    expect(data.plan.apiKeys).toHaveLength((ALL_ROLES.length + 1) * 2);
  });
});

describe('ID numbers', () => {
  it('are valid and agree with birth date, sex and the county of the household', () => {
    const villageOf = new Map(data.households.map((h) => [h.id, h.villageCode]));
    for (const member of data.members) {
      const parsed = parseIdNumber(member.idNumber);
      if (!parsed.ok) throw new Error(`${member.idNumber}: ${parsed.problem}`);
      expect(parsed.facts).toEqual({
        regionCode: villageOf.get(member.householdId)!.slice(0, 6),
        birthDate: member.birthDate,
        sex: member.sex,
      });
    }
  });

  it('are unique across 20,000 households', () => {
    const large = generate(20_000);
    expect(new Set(large.members.map((m) => m.idNumber)).size).toBe(large.members.length);
    expect(new Set(large.households.map((h) => h.number)).size).toBe(large.households.length);
  });
});

describe('households', () => {
  it('number 1…N and sit in their village and group', () => {
    expect(data.households.map((h) => h.id)).toEqual(Array.from({ length: 3_000 }, (_, i) => i + 1));
    const groups = new Map(data.plan.regions.map((r) => [r.code, r.village?.groupCount]));
    for (const h of data.households) {
      expect(h.number).toMatch(new RegExp(`^${h.villageCode}\\d{4}$`));
      expect(h.groupNo).toBeGreaterThanOrEqual(1);
      expect(h.groupNo).toBeLessThanOrEqual(groups.get(h.villageCode)!);
    }
  });

  it('split about 70 / 30 between 安化县 and 沅江市', () => {
    expect(share(data.households, (h) => h.villageCode.startsWith('430923'))).toBeCloseTo(0.7, 2);
  });

  it('mostly exited, with a few in every other status', () => {
    expect(share(data.households, (h) => h.status === HouseholdStatus.EXITED)).toBeGreaterThan(0.75);
    expect(share(data.households, (h) => h.status === HouseholdStatus.EXITED)).toBeLessThan(0.88);
    for (const status of Object.values(HouseholdStatus)) {
      expect(data.households.some((h) => h.status === status)).toBe(true);
    }
  });

  it('carry an exit year only when exited, never before registration', () => {
    for (const h of data.households) {
      expect(h.registrationYear).toBeGreaterThanOrEqual(2014);
      expect(h.registrationYear).toBeLessThanOrEqual(2019);
      if (h.status !== HouseholdStatus.EXITED) expect(h.exitYear).toBeNull();
      else {
        expect(h.exitYear).toBeGreaterThanOrEqual(Math.max(2015, h.registrationYear));
        expect(h.exitYear).toBeLessThanOrEqual(2020);
      }
    }
  });

  it('have categories in the stated shares', () => {
    const categoryShare = (c: HouseholdCategory) => share(data.households, (h) => h.category === c);
    expect(categoryShare(HouseholdCategory.GENERAL)).toBeGreaterThan(0.65);
    expect(categoryShare(HouseholdCategory.GENERAL)).toBeLessThan(0.75);
    expect(categoryShare(HouseholdCategory.SUBSISTENCE_ALLOWANCE)).toBeGreaterThan(0.2);
    expect(categoryShare(HouseholdCategory.SUBSISTENCE_ALLOWANCE)).toBeLessThan(0.3);
    expect(categoryShare(HouseholdCategory.EXTREME_POVERTY_SUPPORT)).toBeGreaterThan(0.03);
    expect(categoryShare(HouseholdCategory.EXTREME_POVERTY_SUPPORT)).toBeLessThan(0.07);
  });

  it('put extreme-poverty support on one or two elderly people', () => {
    for (const h of data.households.filter((x) => x.category === HouseholdCategory.EXTREME_POVERTY_SUPPORT)) {
      const family = families.get(h.id)!;
      expect(family.length).toBeLessThanOrEqual(2);
      expect(age(family[0])).toBeGreaterThanOrEqual(60);
    }
  });

  it('have one to three distinct causes, illness the most common main cause', () => {
    for (const h of data.households) {
      expect(h.causes.length).toBeGreaterThanOrEqual(1);
      expect(h.causes.length).toBeLessThanOrEqual(3);
      expect(new Set(h.causes).size).toBe(h.causes.length);
    }
    const illness = share(data.households, (h) => h.causes[0] === PovertyCause.ILLNESS);
    expect(illness).toBeGreaterThan(0.35);
    expect(illness).toBeLessThan(0.47);
    for (const cause of Object.values(PovertyCause).filter((c) => c !== PovertyCause.ILLNESS)) {
      expect(share(data.households, (h) => h.causes[0] === cause)).toBeLessThan(illness);
    }
  });

  it('have causes that their members bear out', () => {
    const shows = (id: number, test: (m: MemberRow) => boolean) => families.get(id)!.some(test);
    for (const h of data.households) {
      if (h.causes.includes(PovertyCause.ILLNESS)) {
        expect(shows(h.id, (m) => m.health === Health.CHRONIC_ILLNESS || m.health === Health.SERIOUS_ILLNESS)).toBe(true);
      }
      if (h.causes.includes(PovertyCause.DISABILITY)) expect(shows(h.id, (m) => m.health === Health.DISABLED)).toBe(true);
      if (h.causes.includes(PovertyCause.SCHOOLING)) {
        const atSchool = (m: MemberRow) => m.schoolStage !== SchoolStage.NOT_IN_SCHOOL && m.schoolStage !== SchoolStage.PRESCHOOL;
        expect(shows(h.id, atSchool)).toBe(true);
      }
    }
  });

  it('have incomes above the poverty line when exited and below it when still poor', () => {
    for (const h of data.households) {
      expect(Number.isInteger(h.incomePerCapitaFen)).toBe(true);
      if (h.status === HouseholdStatus.EXITED) expect(h.incomePerCapitaFen).toBeGreaterThan(POVERTY_LINE_FEN);
      const poor = [HouseholdStatus.NOT_EXITED, HouseholdStatus.RETURNED, HouseholdStatus.ROLLED_BACK];
      if (poor.includes(h.status)) expect(h.incomePerCapitaFen).toBeLessThan(POVERTY_LINE_FEN);
    }
  });
});

describe('members', () => {
  it('number one to six a household, about 3.1 on average, with exactly one head', () => {
    for (const family of families.values()) {
      expect(family.length).toBeGreaterThanOrEqual(1);
      expect(family.length).toBeLessThanOrEqual(6);
      expect(family.filter((m) => m.relation === Relation.HEAD)).toHaveLength(1);
    }
    expect(families.size).toBe(3_000);
    const mean = data.members.length / data.households.length;
    expect(mean).toBeGreaterThan(2.9);
    expect(mean).toBeLessThan(3.3);
  });

  it('have plausible ages for their relation to the head', () => {
    for (const family of families.values()) {
      const head = family.find((m) => m.relation === Relation.HEAD)!;
      expect(age(head)).toBeGreaterThanOrEqual(25);
      expect(age(head)).toBeLessThanOrEqual(85);
      for (const m of family) {
        const gap = age(head) - age(m);
        if (m.relation === Relation.SPOUSE) {
          expect(m.sex).not.toBe(head.sex);
          expect(Math.abs(gap)).toBeLessThanOrEqual(7);
        }
        if (m.relation === Relation.SON || m.relation === Relation.DAUGHTER) {
          expect(gap).toBeGreaterThanOrEqual(18);
          expect(gap).toBeLessThanOrEqual(45);
        }
        if (m.relation === Relation.FATHER || m.relation === Relation.MOTHER) {
          expect(-gap).toBeGreaterThanOrEqual(18);
          expect(-gap).toBeLessThanOrEqual(40);
        }
        if (m.relation === Relation.GRANDSON || m.relation === Relation.GRANDDAUGHTER) {
          expect(gap).toBeGreaterThanOrEqual(36);
        }
      }
    }
  });

  it('have a daughter-in-law only beside a married son', () => {
    for (const family of families.values()) {
      if (family.some((m) => m.relation === Relation.DAUGHTER_IN_LAW)) {
        expect(family.some((m) => m.relation === Relation.SON && age(m) >= 22)).toBe(true);
      }
    }
    expect(data.members.some((m) => m.relation === Relation.DAUGHTER_IN_LAW)).toBe(true);
  });

  it('share the family surname by blood, not by marriage', () => {
    for (const family of families.values()) {
      const head = family.find((m) => m.relation === Relation.HEAD)!;
      const father = family.find((m) => m.relation === Relation.FATHER);
      if (father) expect(father.name[0]).toBe(head.name[0]);
      if (head.sex === Sex.MALE) {
        for (const child of family.filter((m) => m.relation === Relation.SON || m.relation === Relation.DAUGHTER)) {
          expect(child.name[0]).toBe(head.name[0]);
        }
      }
      for (const m of family) expect(m.name.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('have schooling that fits their age, with a handful of dropouts', () => {
    for (const m of data.members) {
      const years = age(m);
      if (years < 6) expect(m.education).toBe('PRESCHOOL_AGE');
      if (m.schoolStage === SchoolStage.PRIMARY) expect(years).toBeGreaterThanOrEqual(6);
      if (m.schoolStage === SchoolStage.PRIMARY) expect(years).toBeLessThanOrEqual(11);
      if (m.schoolStage === SchoolStage.JUNIOR_HIGH) expect([12, 13, 14]).toContain(years);
      if (m.schoolStage === SchoolStage.SENIOR_HIGH || m.schoolStage === SchoolStage.SECONDARY_VOCATIONAL) {
        expect([15, 16, 17]).toContain(years);
      }
      if (m.schoolStage === SchoolStage.HIGHER_EDUCATION) expect(years).toBeGreaterThanOrEqual(18);
      if (m.schoolStage === SchoolStage.HIGHER_EDUCATION) expect(years).toBeLessThanOrEqual(22);
      if (years > 22) expect(m.schoolStage).toBe(SchoolStage.NOT_IN_SCHOOL);
    }
    const compulsoryAge = data.members.filter((m) => age(m) >= 6 && age(m) <= 14);
    expect(share(compulsoryAge, (m) => m.schoolStage === SchoolStage.NOT_IN_SCHOOL)).toBeLessThan(0.02);
  });

  it('have a disability grade exactly when disabled, and mostly good health', () => {
    for (const m of data.members) {
      if (m.health === Health.DISABLED) expect([1, 2, 3, 4]).toContain(m.disabilityGrade);
      else expect(m.disabilityGrade).toBeNull();
    }
    expect(share(data.members, (m) => m.health === Health.HEALTHY)).toBeGreaterThan(0.6);
  });

  it('have labour capacity and employment that fit age and health', () => {
    for (const m of data.members) {
      const years = age(m);
      const atSchool = m.schoolStage !== SchoolStage.NOT_IN_SCHOOL;
      if (years < 16 || years > 70 || atSchool) expect(m.labourCapacity).toBe(LabourCapacity.NONE);
      if (m.health === Health.SERIOUS_ILLNESS || (m.disabilityGrade !== null && m.disabilityGrade <= 2)) {
        expect([LabourCapacity.LOST, LabourCapacity.WEAK, LabourCapacity.NONE]).toContain(m.labourCapacity);
      }
      const noLabour = m.labourCapacity === LabourCapacity.NONE || m.labourCapacity === LabourCapacity.LOST;
      if (noLabour) expect(m.employment).toBe(Employment.NONE);
    }
    expect(share(data.members, (m) => m.labourCapacity === LabourCapacity.SKILLED)).toBeGreaterThan(0);
  });

  it('are nearly all insured', () => {
    const insured = share(data.members, (m) => m.medicalInsurance);
    expect(insured).toBeGreaterThan(0.96);
    expect(insured).toBeLessThan(1);
  });
});
