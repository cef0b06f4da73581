import { startTestApp, type TestApp } from '../../../test/harness';

/**
 * Who the education bureau may see (issue 11): members of school age, 3 to 25, in its region's
 * registered households; never their parents, so never an adult's ID number. Every way to a
 * member applies the rule: a household's members, its head, a page of households, a look-up.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ households: 120 });
});
afterAll(() => t.close());

type Person = { idNumber: string; householdId: number; age: number };
const people = () =>
  t.sql<Person>(`select m.id_number as "idNumber", m.household_id as "householdId", extract(year from age((now() at time zone 'Asia/Shanghai')::date, m.birth_date))::int as age
    from member m join household h on h.id = m.household_id where h.village_code like '430923%' order by m.id`);

describe('the education bureau’s row rule on members', () => {
  it('shows school-age members and no one else, through every list and look-up', async () => {
    const everyone = await people();
    const schoolAge = new Set(everyone.filter((p) => p.age >= 3 && p.age <= 25).map((p) => p.idNumber));
    const adults = everyone.filter((p) => p.age > 25);
    expect(schoolAge.size).toBeGreaterThan(10);
    expect(adults.length).toBeGreaterThan(10);
    const { body } = await t.gql('demo-education', '{ households(first: 100) { edges { node { id head { idNumber } members { idNumber } } } } }');
    expect(body.errors).toBeUndefined();
    const seen = body.data!.households.edges.flatMap((e: any) => [...e.node.members.map((m: any) => m.idNumber), e.node.head?.idNumber].filter(Boolean));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((id: string) => !schoolAge.has(id))).toEqual([]);
    // The same households for the poverty office show their adults: the rule is the bureau's, not the data's.
    const office = await t.gql('demo-poverty-office', '{ households(first: 100) { edges { node { members { idNumber } } } } }');
    const all = office.body.data!.households.edges.flatMap((e: any) => e.node.members.map((m: any) => m.idNumber));
    expect(all.some((id: string) => !schoolAge.has(id))).toBe(true);
    for (const adult of adults.slice(0, 5)) {
      const looked = await t.gql('demo-education', `{ member(idNumber: "${adult.idNumber}", purpose: "school-age rule test") { id } household(id: "${adult.householdId}") { members { idNumber } } }`);
      expect(looked.body.errors).toBeUndefined();
      expect(looked.body.data!.member).toBeNull();
      expect(looked.body.data!.household.members.map((m: any) => m.idNumber)).not.toContain(adult.idNumber);
    }
    const child = everyone.find((p) => p.age >= 8 && p.age <= 15)!;
    const found = await t.gql('demo-education', `{ member(idNumber: "${child.idNumber}", purpose: "school-age rule test") { idNumber } }`);
    expect(found.body.data!.member).toEqual({ idNumber: child.idNumber });
  });
});
