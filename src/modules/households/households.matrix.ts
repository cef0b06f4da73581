import { composeIdNumber } from '../../kernel/id-number';
import { Role } from '../../kernel/role';
import { defineMatrix, mutation, query, type MatrixSetUp, type RowCase } from '../../../test/matrix-routes';

/** Members of one household of the demo county, a pupil and a parent, and someone old: the age rules' rows. */
type Ages = { child: number; adult: number; elder: number };

type Registry = { ages: Ages; householdId: number; updateId: number; statusId: number; mergeInto: number; mergeFrom: number; spouseId: number; sonId: number; village: string; newcomer: string; newcomerBorn: string; applicant: string; applicantBorn: string };

const person = (id: string, born: string, relation: string) =>
  `{ name: "矩阵", idNumber: "${id}", relation: ${relation}, sex: MALE, birthDate: "${born}", education: PRIMARY, schoolStage: NOT_IN_SCHOOL, health: HEALTHY, labourCapacity: ORDINARY, employment: FARMING, medicalInsurance: true }`;
const identification = '{ motorVehicle: false, newlyBuiltHouse: false, urbanCommercialHousing: false, publicServantMember: false, registeredBusiness: false, disasterVictim: false }';

/** Households registered through the API for the registry's routes, with people the registry has never seen. */
async function registryFixtures(setUp: MatrixSetUp): Promise<Registry> {
  const { t, keyOf } = setUp;
  const [v] = await t.sql<{ code: string }>(`select code from region where level = 'VILLAGE' and code like '430923%' order by code limit 1`);
  let seq = 901;
  const fresh = (born: string) => ({ id: composeIdNumber('430923', born, (seq += 2)), born });
  const register = async (relations: string[]) => {
    const members = relations.map((relation, i) => ({ relation, ...fresh(`198${i}-07-0${i + 1}`) })).map((p) => person(p.id, p.born, p.relation));
    const { body } = await t.gql(
      keyOf(Role.POVERTY_OFFICE),
      `mutation { registerHousehold(input: { villageCode: "${v.code}", groupNo: 1, registrationYear: 2019, category: GENERAL, causes: [ILLNESS], incomePerCapita: "2500.00",
        identification: ${identification},
        members: [${members.join(', ')}] }) { id members { id relation } } }`,
    );
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!.registerHousehold as { id: string; members: { id: string; relation: string }[] };
  };
  const family = await register(['HEAD', 'SPOUSE', 'SON']);
  const [updated, status, mergeInto, mergeFrom] = [await register(['HEAD']), await register(['HEAD']), await register(['HEAD']), await register(['HEAD'])];
  const newcomer = fresh('2024-03-05');
  const applicant = fresh('1975-11-11');
  const idOf = (relation: string) => Number(family.members.find((m) => m.relation === relation)!.id);
  return {
    ages: await agesFixture(setUp),
    householdId: Number(family.id), updateId: Number(updated.id), statusId: Number(status.id), mergeInto: Number(mergeInto.id), mergeFrom: Number(mergeFrom.id), spouseId: idOf('SPOUSE'), sonId: idOf('SON'),
    village: v.code, newcomer: newcomer.id, newcomerBorn: newcomer.born, applicant: applicant.id, applicantBorn: applicant.born,
  };
}

const aged = (from: number, to: number, alias = 'm') => `${alias}.birth_date between current_date - interval '${to} years' and current_date - interval '${from} years'`;

/** Ages well inside or outside each rule's bounds, so that no birthday on the day of the run moves them. */
async function agesFixture({ t }: MatrixSetUp): Promise<Ages> {
  const [family] = await t.sql<{ child: number; adult: number }>(
    `select c.id as child, (select m.id from member m where m.household_id = c.household_id and ${aged(30, 55)} order by m.id limit 1) as adult
     from member c join household h on h.id = c.household_id
     where h.village_code like '430923%' and ${aged(8, 14, 'c')}
       and exists (select 1 from member m where m.household_id = c.household_id and ${aged(30, 55)}) order by c.id limit 1`,
  );
  const [elder] = await t.sql<{ id: number }>(
    `select m.id from member m join household h on h.id = m.household_id where h.village_code like '430923%' and ${aged(70, 120)} order by m.id limit 1`,
  );
  return { ...family, elder: elder.id };
}

/** The age rules on members (households.policy.ts): the education bureau reads pupils, not parents; the employment bureau people of working age, not children or the old. */
const ageRows = ({ ages }: Registry): RowCase[] => [
  { role: Role.EDUCATION, type: 'Member', why: 'a pupil; not a parent or someone old', sees: [ages.child], hides: [ages.adult, ages.elder] },
  { role: Role.EMPLOYMENT, type: 'Member', why: 'an adult of working age; not a child or someone old', sees: [ages.adult], hides: [ages.child, ages.elder] },
];

const households = { field: 'households', args: '(first: 1)' };

export const matrix = defineMatrix<Registry>({
  prepare: registryFixtures,
  rows: ageRows,
  /** The list's types hang off the demo data; the registry's off a household registered through the API, its mutations act on households made for them. */
  routes: (f, r) => {
    const household = { field: 'household', args: `(id: "${r.householdId}")` };
    const assurance = { field: 'assurance', args: '(year: 2024)' };
    return {
      Household: query(households, { field: 'edges' }, { field: 'node' }),
      HouseholdConnection: query(households),
      HouseholdEdge: query(households, { field: 'edges' }),
      Member: query(households, { field: 'edges' }, { field: 'node' }, { field: 'members' }),
      StatusChange: query(household, { field: 'statusHistory' }),
      Assurance: query(household, assurance),
      AssuranceItem: query(household, assurance, { field: 'items' }),
      AssuranceEvidence: query(household, assurance, { field: 'items' }, { field: 'evidence' }),
      Identification: query(household, { field: 'identification' }),
      'Query.household': query({ field: 'household', args: '(id: "1")' }),
      'Query.member': query({ field: 'member', args: `(idNumber: "${f.idNumber}", purpose: "permission matrix test")` }),
      'Mutation.registerHousehold': mutation({
        field: 'registerHousehold',
        args: `(input: { villageCode: "${r.village}", groupNo: 1, registrationYear: 2020, category: GENERAL, causes: [ILLNESS], incomePerCapita: "2000.00", identification: ${identification}, members: [${person(r.applicant, r.applicantBorn, 'HEAD')}] })`,
      }),
      'Mutation.updateHousehold': mutation({ field: 'updateHousehold', args: `(id: "${r.updateId}", version: 1, patch: { safeDrinkingWater: true })` }),
      'Mutation.changeHouseholdStatus': mutation({ field: 'changeHouseholdStatus', args: `(id: "${r.statusId}", version: 1, change: { to: REMOVED, reason: "清退 matrix", effectiveDate: "2024-01-01" })` }),
      'Mutation.addMember': mutation({ field: 'addMember', args: `(householdId: "${r.householdId}", member: ${person(r.newcomer, r.newcomerBorn, 'GRANDSON')}, reason: BIRTH, effectiveDate: "2024-06-01")` }),
      'Mutation.updateMember': mutation({ field: 'updateMember', args: `(id: "${r.spouseId}", version: 1, patch: { employment: LOCAL_WORK })` }),
      'Mutation.mergeHouseholds': mutation({ field: 'mergeHouseholds', args: `(intoId: "${r.mergeInto}", intoVersion: 1, fromId: "${r.mergeFrom}", fromVersion: 1, reason: "合户 matrix", effectiveDate: "2024-01-01")` }),
      'Mutation.removeMember': mutation({ field: 'removeMember', args: `(id: "${r.sonId}", version: 1, reason: MOVED, effectiveDate: "2024-01-01")` }),
    };
  },
});
