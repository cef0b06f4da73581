import { Relation, Sex } from '../../src/modules/households/member.enums';
import { Distribution, type Random } from './random';

/** Who lives in a household before names, ID numbers and traits are given: relation, sex and age. */
export type Person = { relation: Relation; sex: Sex; age: number };

/** Mean about 3.2 people; extreme-poverty households (1–2 people) bring the overall mean to about 3.1. */
const HOUSEHOLD_SIZES = new Distribution([
  [1, 14],
  [2, 21],
  [3, 22],
  [4, 22],
  [5, 14],
  [6, 7],
] as const);

const MALE_HEAD_SHARE = 0.8;
const SPOUSE_SHARE = 0.85;
/** Younger heads often keep a parent in the household. */
const PARENTS_SHARE = 0.3;
const THREE_GENERATIONS_SHARE = 0.7;
/** The married child who stays with the parents is usually a son. */
const MARRIED_CHILD_SON_SHARE = 0.85;
const SON_SHARE = 0.52;
const MAX_AGE = 95;
/** Neither parent is more than 45 years older than a child. */
const MAX_PARENT_CHILD_GAP = 45;

export function drawHouseholdSize(random: Random): number {
  return random.draw(HOUSEHOLD_SIZES);
}

/** 特困供养: one or two elderly people without anyone obliged to support them. */
export function planElderlyHousehold(random: Random): Person[] {
  const head = person(Relation.HEAD, random.chance(0.6) ? Sex.MALE : Sex.FEMALE, random.int(60, 85));
  if (random.chance(0.7)) return [head];
  const companion = random.chance(0.6)
    ? spouseOf(random, head)
    : person(Relation.SIBLING, random.chance(0.5) ? Sex.MALE : Sex.FEMALE, clampAge(head.age + random.int(-8, 8)));
  return [head, companion];
}

export function planFamily(random: Random, size: number): Person[] {
  const head = person(Relation.HEAD, random.chance(MALE_HEAD_SHARE) ? Sex.MALE : Sex.FEMALE, drawHeadAge(random, size));
  const family = [head];
  const room = () => size - family.length;
  if (room() > 0 && random.chance(SPOUSE_SHARE)) family.push(spouseOf(random, head));
  if (room() > 0 && head.age <= 55 && random.chance(PARENTS_SHARE)) family.push(...parentsOf(random, head, room()));
  const coupleAges = family.filter(isCouple).map((member) => member.age);
  const youngerParentAge = Math.min(...coupleAges);
  const ages = {
    eldest: youngerParentAge - random.int(20, Math.min(38, youngerParentAge)),
    youngest: Math.max(0, Math.max(...coupleAges) - MAX_PARENT_CHILD_GAP),
  };
  // Older couples often live with a married child, its spouse and their children (三代同堂).
  const threeGenerations = ages.eldest >= 24 && room() >= 3 && random.chance(THREE_GENERATIONS_SHARE);
  const children = threeGenerations
    ? childrenOf(random, ages, random.int(1, room() - 2), MARRIED_CHILD_SON_SHARE)
    : childrenOf(random, ages, room());
  family.push(...children);
  if (threeGenerations) family.push(...marriedChildsFamily(random, children[0], room()));
  while (room() > 0) family.push(sibling(random, head));
  return family;
}

function isCouple(member: Person): boolean {
  return member.relation === Relation.HEAD || member.relation === Relation.SPOUSE;
}

/** Single-person households are mostly older people living alone. */
function drawHeadAge(random: Random, size: number): number {
  if (size === 1) return random.int(45, 85);
  // The sum of two uniforms peaks in the middle of 25–85, where most heads are.
  return random.int(12, 42) + random.int(13, 43);
}

function person(relation: Relation, sex: Sex, age: number): Person {
  return { relation, sex, age };
}

function opposite(sex: Sex): Sex {
  return sex === Sex.MALE ? Sex.FEMALE : Sex.MALE;
}

function clampAge(age: number): number {
  return Math.min(MAX_AGE, Math.max(0, age));
}

/** Wives are usually a little younger than their husbands. */
function spouseOf(random: Random, partner: Person): Person {
  const gap = random.int(-2, 6);
  const age = partner.sex === Sex.MALE ? partner.age - gap : partner.age + gap;
  return person(Relation.SPOUSE, opposite(partner.sex), Math.max(20, clampAge(age)));
}

function parentsOf(random: Random, head: Person, room: number): Person[] {
  const fatherAge = head.age + random.int(22, 38);
  const motherAge = fatherAge - random.int(0, 4);
  if (motherAge > MAX_AGE) return [];
  const mother = person(Relation.MOTHER, Sex.FEMALE, motherAge);
  if (room < 2 || fatherAge > MAX_AGE || random.chance(0.5)) return [mother];
  return [person(Relation.FATHER, Sex.MALE, fatherAge), mother];
}

/** Children follow the eldest a few years apart, down to the youngest age their parents allow. */
function childrenOf(
  random: Random,
  ages: { eldest: number; youngest: number },
  count: number,
  eldestSonShare = SON_SHARE,
): Person[] {
  const children: Person[] = [];
  for (let age = ages.eldest; children.length < count && age >= ages.youngest; age -= random.int(1, 5)) {
    const sex = random.chance(children.length === 0 ? eldestSonShare : SON_SHARE) ? Sex.MALE : Sex.FEMALE;
    children.push(person(sex === Sex.MALE ? Relation.SON : Relation.DAUGHTER, sex, age));
  }
  return children;
}

/** A son's wife (儿媳) or, for a daughter, a son-in-law who married in (上门女婿), and their children. */
function marriedChildsFamily(random: Random, child: Person, room: number): Person[] {
  const partner = spouseOf(random, child);
  const inLaw = child.sex === Sex.MALE ? Relation.DAUGHTER_IN_LAW : Relation.SON_IN_LAW;
  return [person(inLaw, partner.sex, partner.age), ...grandchildrenOf(random, Math.min(child.age, partner.age), room - 1)];
}

function grandchildrenOf(random: Random, parentAge: number, count: number): Person[] {
  const grandchildren: Person[] = [];
  const eldestAge = parentAge - random.int(20, Math.min(35, parentAge));
  for (let age = eldestAge; grandchildren.length < count && age >= 0; age -= random.int(1, 5)) {
    const sex = random.chance(SON_SHARE) ? Sex.MALE : Sex.FEMALE;
    grandchildren.push(person(sex === Sex.MALE ? Relation.GRANDSON : Relation.GRANDDAUGHTER, sex, age));
  }
  return grandchildren;
}

/** An unmarried brother or sister of the head fills any place left. */
function sibling(random: Random, head: Person): Person {
  return person(Relation.SIBLING, random.chance(0.6) ? Sex.MALE : Sex.FEMALE, clampAge(head.age + random.int(-10, 10)));
}
