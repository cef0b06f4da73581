import { HouseholdCategory, PovertyCause } from '../../src/modules/households/household.enums';
import { Health, Relation, Sex } from '../../src/modules/households/member.enums';
import { birthDateForAge } from './calendar';
import { drawHouseholdSize, planElderlyHousehold, planFamily, type Person } from './family';
import {
  drawCategory,
  drawCauses,
  drawExitYear,
  drawIncomePerCapitaFen,
  drawLivingConditions,
  drawRegistrationYear,
  drawStatus,
} from './household-facts';
import { IdNumberAllocator } from './id-numbers';
import {
  drawDisabilityGrade,
  drawEmployment,
  drawHealth,
  drawIllness,
  drawLabourCapacity,
  drawSchooling,
  isStudent,
  type Schooling,
} from './member-traits';
import { drawGivenName, drawSurname } from './names';
import type { Random } from './random';
import type { VillagePlan } from './regions';
import type { HouseholdRow, MemberRow } from './rows';

const MEDICAL_INSURANCE_SHARE = 0.98;

export type GeneratedHousehold = { household: HouseholdRow; members: MemberRow[] };

/** A member before the traits that depend on the household's causes are settled. */
type MemberDraft = Person & Schooling & { health: Health; disabilityGrade: number | null };

/** Health conditions that a cause of poverty implies for at least one member. */
type Condition = { holds(draft: MemberDraft): boolean; impose(random: Random, draft: MemberDraft): void };

const CAUSE_CONDITIONS: Partial<Record<PovertyCause, Condition>> = {
  [PovertyCause.ILLNESS]: {
    holds: (draft) => draft.health === Health.CHRONIC_ILLNESS || draft.health === Health.SERIOUS_ILLNESS,
    impose: (random, draft) => setHealth(draft, drawIllness(random), null),
  },
  [PovertyCause.DISABILITY]: {
    holds: (draft) => draft.health === Health.DISABLED,
    impose: (random, draft) => setHealth(draft, Health.DISABLED, drawDisabilityGrade(random)),
  },
};

/**
 * Makes households one at a time with their members. Member ids and ID numbers continue across
 * calls, so one factory makes one data set.
 */
export class HouseholdFactory {
  private nextMemberId = 1;
  private readonly idNumbers = new IdNumberAllocator();

  constructor(private readonly random: Random) {}

  make(id: number, village: VillagePlan, sequence: number): GeneratedHousehold {
    const random = this.random;
    const category = drawCategory(random);
    const people =
      category === HouseholdCategory.EXTREME_POVERTY_SUPPORT
        ? planElderlyHousehold(random)
        : planFamily(random, drawHouseholdSize(random));
    const drafts = people.map((person) => draftMember(random, person));
    const drawnCauses = drawCauses(random, category, drafts.some((draft) => isStudent(draft.schoolStage)));
    const causes = reconcileCauses(random, drafts, drawnCauses);
    const status = drawStatus(random);
    const registrationYear = drawRegistrationYear(random);
    const household: HouseholdRow = {
      id,
      number: `${village.code}${String(sequence).padStart(4, '0')}`,
      villageCode: village.code,
      groupNo: random.int(1, village.groupCount),
      registrationYear,
      status,
      exitYear: drawExitYear(random, status, registrationYear),
      category,
      causes,
      incomePerCapitaFen: drawIncomePerCapitaFen(random, status),
      ...drawLivingConditions(random, status),
    };
    const surnames = drawSurnames(random, people);
    const members = drafts.map((draft, i) => this.finishMember(draft, id, village.county, surnames[i]));
    return { household, members };
  }

  private finishMember(draft: MemberDraft, householdId: number, county: string, surname: string): MemberRow {
    const random = this.random;
    const birthDate = birthDateForAge(random, draft.age);
    const labourCapacity = drawLabourCapacity(random, draft.age, draft.schoolStage, draft.health, draft.disabilityGrade);
    return {
      id: this.nextMemberId++,
      householdId,
      name: surname + drawGivenName(random, draft.sex, Number(birthDate.slice(0, 4))),
      idNumber: this.idNumbers.next(county, birthDate, draft.sex),
      relation: draft.relation,
      sex: draft.sex,
      birthDate,
      education: draft.education,
      schoolStage: draft.schoolStage,
      health: draft.health,
      disabilityGrade: draft.disabilityGrade,
      labourCapacity,
      employment: drawEmployment(random, labourCapacity),
      medicalInsurance: random.chance(MEDICAL_INSURANCE_SHARE),
    };
  }
}

function draftMember(random: Random, person: Person): MemberDraft {
  const health = drawHealth(random, person.age);
  const disabilityGrade = health === Health.DISABLED ? drawDisabilityGrade(random) : null;
  return { ...person, ...drawSchooling(random, person.age), health, disabilityGrade };
}

/**
 * Gives each health-related cause a member who shows it, preferring one who already does and
 * otherwise an adult. A member serves one such cause only; a cause no member is left for is dropped,
 * which can only happen to a secondary cause because the main one comes first.
 */
function reconcileCauses(random: Random, drafts: MemberDraft[], causes: PovertyCause[]): PovertyCause[] {
  const claimed = new Set<MemberDraft>();
  return causes.filter((cause) => {
    const condition = CAUSE_CONDITIONS[cause];
    if (!condition) return true;
    const unclaimed = drafts.filter((draft) => !claimed.has(draft));
    if (unclaimed.length === 0) return false;
    const showing = unclaimed.find((draft) => condition.holds(draft));
    const adults = unclaimed.filter((draft) => draft.age >= 18);
    const target = showing ?? (adults.length > 0 ? random.pick(adults) : random.pick(unclaimed));
    if (!showing) condition.impose(random, target);
    claimed.add(target);
    return true;
  });
}

function setHealth(draft: MemberDraft, health: Health, disabilityGrade: number | null): void {
  draft.health = health;
  draft.disabilityGrade = disabilityGrade;
}

/**
 * The head's surname passes to the children, or the husband's when a woman heads the household;
 * spouses, mothers and in-laws keep their own.
 */
function drawSurnames(random: Random, people: readonly Person[]): string[] {
  const head = drawSurname(random);
  const spouse = people.find((person) => person.relation === Relation.SPOUSE);
  const spouseSurname = spouse ? drawSurname(random) : head;
  const childrens = people[0].sex === Sex.FEMALE && spouse ? spouseSurname : head;
  return people.map((person) => {
    switch (person.relation) {
      case Relation.HEAD:
      case Relation.FATHER:
      case Relation.SIBLING:
        return head;
      case Relation.SPOUSE:
        return spouseSurname;
      case Relation.SON:
      case Relation.DAUGHTER:
      case Relation.GRANDSON:
      case Relation.GRANDDAUGHTER:
        return childrens;
      default:
        return drawSurname(random);
    }
  });
}
