import { getNamedType, isLeafType, isObjectType } from 'graphql';
import { buildBareSchema } from '../src/graphql/schema';
import { MASKS } from '../src/policy/masks';
import { POLICY } from '../src/policy/policy';
import { startTestApp, type TestApp } from './harness';

/** Every masked field with its roles and mask, as the policy gives them. */
const maskedFields = Object.entries(POLICY).flatMap(([type, p]) =>
  Object.entries(p.fields).flatMap(([field, rule]) => (rule.masked ? [{ field: `${type}.${field}`, ...rule.masked }] : [])),
);

const readable = (coordinate: string, role: string) => {
  const [type, field] = coordinate.split('.');
  return POLICY[type]?.fields[field]?.read.includes(role as never) ?? false;
};

describe('a mask cannot be undone by what the same role reads elsewhere (issue 9, item 2)', () => {
  it('masks something', () => expect(maskedFields.length).toBeGreaterThan(0));

  it.each(maskedFields.map((m) => [m.field, m] as const))('%s: no role that sees it masked reads a field revealing the hidden part', (_f, m) => {
    const revealing = MASKS[m.mask].revealedBy;
    expect(revealing.length).toBeGreaterThan(0);
    const leaks = m.roles.flatMap((role) => revealing.filter((coordinate) => readable(coordinate, role)).map((coordinate) => `${role} reads ${coordinate}`));
    expect(leaks).toEqual([]);
  });

  describe('over HTTP, as housing', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ households: 30 });
    });
    afterAll(() => t.close());

    it('shows no member’s hidden birth date anywhere in everything housing may read of members', async () => {
      const schema = await buildBareSchema();
      const member = schema.getType('Member');
      if (!isObjectType(member)) throw new Error('no Member type');
      const scalarFields = Object.values(member.getFields())
        .filter((f) => readable(`Member.${f.name}`, 'HOUSING') || POLICY.Member.fields[f.name]?.masked?.roles.includes('HOUSING' as never))
        // The member's own values: its household and records (measures) are types of their own, with their own rules.
        .filter((f) => isLeafType(getNamedType(f.type)))
        .map((f) => f.name);
      expect(scalarFields).toEqual(expect.arrayContaining(['idNumber', 'ageGroup']));
      expect(scalarFields).not.toContain('birthDate');
      const query = `{ households(first: 30) { edges { node { members { ${scalarFields.join(' ')} household { number } } } } } }`;
      const { body } = await t.gql('demo-housing', query);
      expect(body.errors).toBeUndefined();
      const text = JSON.stringify(body.data);
      const people = await t.sql<{ id_number: string }>(`select m.id_number from member m join household h on h.id = m.household_id where h.village_code like '430923%'`);
      const shown = body.data!.households.edges.flatMap((e: any) => e.node.members);
      expect(shown.length).toBeGreaterThan(30);
      for (const { id_number } of people.filter((p) => shown.some((s: any) => s.idNumber === MASKS.idNumber.apply(p.id_number)))) {
        const born = id_number.slice(6, 14);
        expect(text).not.toContain(born);
        expect(text).not.toContain(`${born.slice(0, 4)}-${born.slice(4, 6)}-${born.slice(6)}`);
      }
    });

    it('refuses housing the birth date, and gives it to a department that reads ID numbers in full', async () => {
      const refused = await t.gql('demo-housing', '{ households(first: 1) { edges { node { members { birthDate } } } } }');
      expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Member.birthDate' });
      const granted = await t.gql('demo-civil-affairs', '{ households(first: 1) { edges { node { members { birthDate ageGroup } } } } }');
      expect(granted.body.errors).toBeUndefined();
      expect(granted.body.data!.households.edges[0].node.members[0].birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
  });
});
