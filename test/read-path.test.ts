import { startTestApp, type TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ households: 600 });
});
afterAll(() => t.close());

const HOUSEHOLD_FIELDS = `id number groupNo registrationYear status exitYear category causes version incomePerCapita priorityScore
  foodAndClothingSecure safeDrinkingWater housingGrade village { code name } head { name idNumber }
  members { id name idNumber relation sex birthDate education schoolStage health disabilityGrade labourCapacity employment medicalInsurance version household { id } }
  assurance { passed items { item verdict } }`;

describe('plain-row reads and entity writes', () => {
  it('answer the same for a household returned by a write and the same household read back', async () => {
    const [h] = await t.sql<{ id: number; version: number }>('select id, version from household order by id limit 1');
    const written = await t.gql(
      'demo-poverty-office',
      `mutation($id: ID!, $version: Int!) { updateHousehold(id: $id, version: $version, patch: { safeDrinkingWater: true, housingGrade: B }) { ${HOUSEHOLD_FIELDS} } }`,
      { id: String(h.id), version: h.version },
    );
    expect(written.body.errors).toBeUndefined();
    const read = await t.gql('demo-poverty-office', `query($id: ID!) { household(id: $id) { ${HOUSEHOLD_FIELDS} } }`, { id: String(h.id) });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data!.household).toEqual(written.body.data!.updateHousehold);
    expect(read.body.data!.household).toMatchObject({ safeDrinkingWater: true, housingGrade: 'B', version: h.version + 1 });
    expect(read.body.data!.household.members.length).toBeGreaterThan(0);
  });

  it('give the same members whether they come with their household (one JSON column) or on their own (rows)', async () => {
    const MEMBER = 'id name idNumber relation sex birthDate education schoolStage health disabilityGrade labourCapacity employment medicalInsurance version ageGroup';
    // Households with a member of every kind of value that JSON could change: a disability grade, a null one, both booleans.
    const households = await t.sql<{ id: number }>(
      `select h.id from household h where exists (select 1 from member m where m.household_id = h.id and m.disability_grade is not null)
         and exists (select 1 from member m where m.household_id = h.id and m.disability_grade is null) order by h.id limit 5`,
    );
    expect(households.length).toBeGreaterThan(0);
    for (const { id } of households) {
      const together = await t.gql('demo-poverty-office', `{ household(id: "${id}") { members { ${MEMBER} } } }`);
      expect(together.body.errors).toBeUndefined();
      const members = together.body.data!.household.members as { idNumber: string }[];
      // member(idNumber) reads the person's row, and its household's members by the members loader's own statement.
      const alone = await t.gql('demo-poverty-office', `{ member(idNumber: "${members[0].idNumber}", purpose: "read path test") { household { members { ${MEMBER} } } } }`);
      expect(alone.body.errors).toBeUndefined();
      expect(alone.body.data!.member.household.members).toEqual(members);
    }
  });

  it('page a filtered PRIORITY list in the order and with the count the database gives', async () => {
    // The demo data registers every household at score 0; spread them so that ties and order both occur.
    await t.sql('update household set priority_score = (id * 7919) % 4');
    const expected = await t.sql<{ id: number; priority_score: number }>(
      `select id, priority_score from household where village_code like '430923%' and status in ('NOT_EXITED', 'EXITED') and causes && '{ILLNESS}'
       order by priority_score desc, id`,
    );
    const QUERY = `query($after: String) { households(first: 7, after: $after, orderBy: PRIORITY, filter: { status: [NOT_EXITED, EXITED], cause: [ILLNESS] }) {
      totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
    const seen: number[] = [];
    let after: string | null = null;
    do {
      const { body } = await t.gql('demo-poverty-office', QUERY, { after });
      expect(body.errors).toBeUndefined();
      const page: any = body.data!.households;
      expect(page.totalCount).toBe(expected.length);
      seen.push(...page.edges.map((e: any) => Number(e.node.id)));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(expected.length).toBeGreaterThan(7);
    // Else the order by priority would be the order by id, and the test would not tell them apart.
    expect(new Set(expected.map((r) => r.priority_score)).size).toBeGreaterThan(1);
    expect(seen).toEqual(expected.map((r) => r.id));
  });
});
