import { Sector } from '../src/sync/measure.types';
import { startTestApp, statementsOf, type TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ households: 2000 });
});
afterAll(() => t.close());

const NESTED = `query($n: Int!) {
  villages(first: $n) {
    totalCount
    edges { node {
      code township { name }
      households(first: 5) {
        totalCount
        edges { node { number village { name } head { name } members { name relation idNumber } } }
      }
    } }
  }
}`;

async function statementsFor(n: number): Promise<{ statements: number; villages: number; members: number }> {
  const { statements, body } = await statementsOf(t, 'demo-poverty-office', NESTED, { n });
  const villages = body.data!.villages.edges;
  const members = villages.flatMap((v: any) => v.node.households.edges.flatMap((h: any) => h.node.members)).length;
  return { statements, villages: villages.length, members };
}

describe('SQL round-trips per request', () => {
  it('do not grow with the rows returned (villages → households → members)', async () => {
    // Both counted requests find the key in the API-key cache (statementsOf), so they differ in nothing but rows.
    const small = await statementsFor(5);
    const large = await statementsFor(50);
    expect(small.villages).toBe(5);
    expect(large.villages).toBe(50);
    expect(large.members).toBeGreaterThan(small.members * 5);
    expect(large.statements).toBe(small.statements);
    // the opening rides with the first read; commit; villages page and count, townships; households pages with their members, and count; their villages
    expect(large.statements).toBeLessThanOrEqual(8);
    console.log(`nested query: ${small.statements} statements for 5 villages (${small.members} members), ${large.statements} for 50 (${large.members} members)`);
  });

  it('read a household, or a page of households, and their members in one statement: between the opening and the commit, or alone when compiled', async () => {
    const [{ id }] = await t.sql<{ id: number }>(`select min(id) as id from household where village_code like '430923%'`);
    const counted = async (key: string, query: string) => {
      const { statements, body } = await statementsOf(t, key, query);
      return { statements, data: body.data };
    };
    const detail = await counted('demo-poverty-office', `{ household(id: "${id}") { number head { name } members { name idNumber } } }`);
    expect(detail.data!.household.members.length).toBeGreaterThan(0);
    // the household with its members, in the message that opens the transaction; commit (head is a resolver's: not compiled to SQL)
    expect(detail.statements).toBe(2);
    const bank = await counted('demo-finance', '{ households(first: 100) { edges { node { number ...m } } } } fragment m on Household { members { name } }');
    // A bank's 100 households, each with its borrower (the bank reads no one else).
    expect(bank.data!.households.edges.length).toBe(100);
    expect(bank.data!.households.edges.flatMap((e: any) => e.node.members).length).toBeGreaterThanOrEqual(100);
    // answered whole by one compiled statement (src/sql-read): the scope and the read in one message, no transaction left to end
    expect(bank.statements).toBe(1);
  });

  it('read every sector’s measures of a page of households and of their members in one statement a list level, whatever the page', async () => {
    const query = (n: number) => `{ households(first: ${n}) { edges { node { measures { id sector } housingAssessments { id } relocations { id }
      members { measures { id } studentAid { id } enrolments { id } insuranceEnrolments { id } medicalClaims { id } familyDoctorContracts { id } socialAssistance { id } } } } } }`;
    const small = await statementsOf(t, 'demo-poverty-office', query(5));
    const large = await statementsOf(t, 'demo-poverty-office', query(50));
    const sectors = new Set(large.body.data!.households.edges.flatMap((e: any) => e.node.measures.map((m: any) => m.sector)));
    // The demo data holds records of every declared sector, so a page lists them all.
    expect([...sectors].sort()).toEqual(Object.keys(Sector).sort());
    expect(large.statements).toBe(small.statements);
    // the households with their members, in the message that opens the transaction; the households’ measures; the members’ measures, every type of record of them; commit
    expect(large.statements).toBe(4);
  });
});
