import {
  Education,
  Employment,
  Health,
  LabourCapacity,
  SchoolStage,
} from '../../src/modules/households/member.enums';
import { Distribution, type Random } from './random';

export type Schooling = { education: Education; schoolStage: SchoolStage };

/** School-age children out of compulsory education (控辍保学) are rare but must exist for the checks to find. */
const DROPOUT_SHARE = 0.004;
const KINDERGARTEN_SHARE = 0.85;
const HIGHER_EDUCATION_SHARE = 0.25;

const UPPER_SECONDARY = new Distribution([
  [SchoolStage.SENIOR_HIGH, 55],
  [SchoolStage.SECONDARY_VOCATIONAL, 33],
  [SchoolStage.NOT_IN_SCHOOL, 12],
] as const);

/** Rural registered households: the older the cohort, the less schooling (seed 002 counts 5 % illiterate, 60 % primary). */
const ADULT_EDUCATION = {
  young: new Distribution([
    [Education.ILLITERATE, 2],
    [Education.PRIMARY, 18],
    [Education.JUNIOR_HIGH, 55],
    [Education.SENIOR_HIGH, 20],
    [Education.COLLEGE, 5],
  ] as const),
  middle: new Distribution([
    [Education.ILLITERATE, 8],
    [Education.PRIMARY, 47],
    [Education.JUNIOR_HIGH, 38],
    [Education.SENIOR_HIGH, 6],
    [Education.COLLEGE, 1],
  ] as const),
  old: new Distribution([
    [Education.ILLITERATE, 35],
    [Education.PRIMARY, 50],
    [Education.JUNIOR_HIGH, 13],
    [Education.SENIOR_HIGH, 2],
  ] as const),
};

export function drawSchooling(random: Random, age: number): Schooling {
  if (age < 3) return { education: Education.PRESCHOOL_AGE, schoolStage: SchoolStage.NOT_IN_SCHOOL };
  if (age < 6) {
    const schoolStage = random.chance(KINDERGARTEN_SHARE) ? SchoolStage.PRESCHOOL : SchoolStage.NOT_IN_SCHOOL;
    return { education: Education.PRESCHOOL_AGE, schoolStage };
  }
  if (age <= 14) return compulsorySchooling(random, age);
  if (age <= 17) return upperSecondarySchooling(random);
  if (age <= 22 && random.chance(HIGHER_EDUCATION_SHARE)) {
    return { education: Education.COLLEGE, schoolStage: SchoolStage.HIGHER_EDUCATION };
  }
  return { education: drawAdultEducation(random, age), schoolStage: SchoolStage.NOT_IN_SCHOOL };
}

/** Students are recorded with the level they attend. */
function compulsorySchooling(random: Random, age: number): Schooling {
  if (random.chance(DROPOUT_SHARE)) return { education: Education.PRIMARY, schoolStage: SchoolStage.NOT_IN_SCHOOL };
  return age <= 11
    ? { education: Education.PRIMARY, schoolStage: SchoolStage.PRIMARY }
    : { education: Education.JUNIOR_HIGH, schoolStage: SchoolStage.JUNIOR_HIGH };
}

function upperSecondarySchooling(random: Random): Schooling {
  const schoolStage = random.draw(UPPER_SECONDARY);
  const education = schoolStage === SchoolStage.NOT_IN_SCHOOL ? Education.JUNIOR_HIGH : Education.SENIOR_HIGH;
  return { education, schoolStage };
}

function drawAdultEducation(random: Random, age: number): Education {
  if (age >= 65) return random.draw(ADULT_EDUCATION.old);
  return random.draw(age >= 45 ? ADULT_EDUCATION.middle : ADULT_EDUCATION.young);
}

export function isStudent(schoolStage: SchoolStage): boolean {
  return schoolStage !== SchoolStage.NOT_IN_SCHOOL && schoolStage !== SchoolStage.PRESCHOOL;
}

/** Illness and disability are more common among registered households than in the population at large. */
const HEALTH_BY_AGE = {
  child: new Distribution([
    [Health.HEALTHY, 97],
    [Health.CHRONIC_ILLNESS, 1],
    [Health.SERIOUS_ILLNESS, 0.5],
    [Health.DISABLED, 1.5],
  ] as const),
  adult: new Distribution([
    [Health.HEALTHY, 86],
    [Health.CHRONIC_ILLNESS, 7],
    [Health.SERIOUS_ILLNESS, 2.5],
    [Health.DISABLED, 4.5],
  ] as const),
  elder: new Distribution([
    [Health.HEALTHY, 58],
    [Health.CHRONIC_ILLNESS, 29],
    [Health.SERIOUS_ILLNESS, 5],
    [Health.DISABLED, 8],
  ] as const),
};

const ILLNESS = new Distribution([
  [Health.CHRONIC_ILLNESS, 55],
  [Health.SERIOUS_ILLNESS, 45],
] as const);

const DISABILITY_GRADES = new Distribution([
  [1, 15],
  [2, 25],
  [3, 30],
  [4, 30],
] as const);

export function drawHealth(random: Random, age: number): Health {
  if (age < 18) return random.draw(HEALTH_BY_AGE.child);
  return random.draw(age < 60 ? HEALTH_BY_AGE.adult : HEALTH_BY_AGE.elder);
}

export function drawIllness(random: Random): Health {
  return random.draw(ILLNESS);
}

export function drawDisabilityGrade(random: Random): number {
  return random.draw(DISABILITY_GRADES);
}

/** Children, students and people over 70 count as no labour, whatever their health. */
export function drawLabourCapacity(
  random: Random,
  age: number,
  schoolStage: SchoolStage,
  health: Health,
  disabilityGrade: number | null,
): LabourCapacity {
  if (age < 16 || age > 70 || schoolStage !== SchoolStage.NOT_IN_SCHOOL) return LabourCapacity.NONE;
  const severe = health === Health.SERIOUS_ILLNESS || (disabilityGrade !== null && disabilityGrade <= 2);
  if (severe) return random.chance(0.6) ? LabourCapacity.LOST : LabourCapacity.WEAK;
  if (health !== Health.HEALTHY) return random.chance(0.6) ? LabourCapacity.WEAK : LabourCapacity.ORDINARY;
  if (age >= 60) return random.chance(0.5) ? LabourCapacity.WEAK : LabourCapacity.ORDINARY;
  return random.chance(0.15) ? LabourCapacity.SKILLED : LabourCapacity.ORDINARY;
}

const EMPLOYMENT_BY_LABOUR = {
  weak: new Distribution([
    [Employment.FARMING, 60],
    [Employment.PUBLIC_WELFARE_POST, 15],
    [Employment.LOCAL_WORK, 10],
    [Employment.NONE, 15],
  ] as const),
  ordinary: new Distribution([
    [Employment.FARMING, 27],
    [Employment.LOCAL_WORK, 20],
    [Employment.IN_PROVINCE, 20],
    [Employment.OUT_OF_PROVINCE, 28],
    [Employment.PUBLIC_WELFARE_POST, 5],
  ] as const),
  skilled: new Distribution([
    [Employment.FARMING, 10],
    [Employment.LOCAL_WORK, 20],
    [Employment.IN_PROVINCE, 30],
    [Employment.OUT_OF_PROVINCE, 38],
    [Employment.PUBLIC_WELFARE_POST, 2],
  ] as const),
};

export function drawEmployment(random: Random, labour: LabourCapacity): Employment {
  switch (labour) {
    case LabourCapacity.NONE:
    case LabourCapacity.LOST:
      return Employment.NONE;
    case LabourCapacity.WEAK:
      return random.draw(EMPLOYMENT_BY_LABOUR.weak);
    case LabourCapacity.ORDINARY:
      return random.draw(EMPLOYMENT_BY_LABOUR.ordinary);
    case LabourCapacity.SKILLED:
      return random.draw(EMPLOYMENT_BY_LABOUR.skilled);
  }
}
