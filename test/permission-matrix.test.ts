import { getNamedType, isCompositeType, isObjectType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { ALL_ROLES, Role } from '../src/kernel/role';
import { buildBareSchema } from '../src/graphql/schema';
import { POLICY, type FieldPolicy } from '../src/policy/policy';
import { DEMO_KEYS } from '../seeds/demo';
import { startTestApp, type TestApp } from './harness';
import { moduleTestParts } from './module-files';
import { query, mutation, type Landmarks, type MatrixPart, type RowCase, type Routes, type Step } from './matrix-routes';

/**
 * One real HTTP request per role and per policy entry, 100% of the table: the role reads the
 * field through a route from the root and gets either the data or FORBIDDEN at the first step of
 * the route that the policy denies it. A denial is proven on a row the role sees: where a route
 * starts with a look-up of one household or member, a role denied further on looks up one of its
 * own rows instead (which rows it has is its row rule's, proven by the row cases below).
 */

/** Each module's part of the matrix, from `src/modules/<name>/<name>.matrix.ts`: the module list is the only list. */
const parts = moduleTestParts<MatrixPart<unknown>>('matrix');
const prepared = new Map<string, unknown>();

/** How to reach each type from the root, every module's routes together; a type without a route fails the test. */
function routes(f: Landmarks, role: Role): Routes {
  const table: Routes = {
    Query: query(),
    Mutation: mutation(),
    PageInfo: query({ field: 'villages', args: '(first: 1)' }, { field: 'pageInfo' }),
  };
  for (const { name, part } of parts) {
    for (const [key, route] of Object.entries(part.routes(f, prepared.get(name), role))) {
      if (key in table) throw new Error(`Two routes for ${key} (module ${name})`);
      table[key] = route;
    }
  }
  return table;
}

const seeing = (p: FieldPolicy, role: Role) => p.read.includes(role) || (p.masked?.roles.includes(role) ?? false);

type Case = { role: Role; type: string; field: string; entry: string };

/** A household and a member the role sees (none if it reads no households, or no ID numbers). */
type Seen = { householdId?: string; idNumber?: string };

/** The root look-ups of one row, and the arguments naming the row a role sees instead. */
const LOOK_UPS: Record<string, (seen: Seen) => string | undefined> = {
  member: (s) => s.idNumber && `(idNumber: "${s.idNumber}", purpose: "permission matrix test")`,
  household: (s) => s.householdId && `(id: "${s.householdId}")`,
};

function buildRequest(schema: GraphQLSchema, fx: Landmarks, { role, type, field }: Case, seen: Seen) {
  const table = routes(fx, role);
  const route = table[`${type}.${field}`] ?? table[type];
  if (!route) throw new Error(`No route reaches ${type}: add one to its module's <name>.matrix.ts`);
  const root = type === 'Query' || type === 'Mutation';
  // A root field takes the arguments of a route that starts with it, if one does.
  const rootStep = Object.values(table).find((r) => r.steps[0]?.field === field)?.steps[0] ?? { field };
  const fullSteps: Step[] = root ? (table[`${type}.${field}`] ? [...route.steps] : [rootStep]) : [...route.steps, { field }];
  let parent: GraphQLObjectType = route.operation === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  const guarded: string[] = [];
  for (const step of fullSteps) {
    guarded.push(`${parent.name}.${step.field}`);
    const next = getNamedType(parent.getFields()[step.field].type);
    if (isObjectType(next)) parent = next;
  }
  const deniedAt = guarded.findIndex((g) => !seeing(fieldPolicy(g), role));
  const ownRow = deniedAt > 0 ? LOOK_UPS[fullSteps[0].field]?.(seen) : undefined;
  if (ownRow) fullSteps[0] = { ...fullSteps[0], args: ownRow };
  const leaf = isCompositeType(getNamedType(schemaField(schema, guarded.at(-1)!).type)) ? ' { __typename }' : '';
  const body = fullSteps.reduceRight((inner, step, i) => `${step.field}${step.args ?? ''}${i === fullSteps.length - 1 ? leaf : ` { ${inner} }`}`, '');
  return { text: `${route.operation} { ${body} }`, deniedAt: deniedAt < 0 ? undefined : guarded[deniedAt], path: fullSteps.map((s) => s.field) };
}

function fieldPolicy(typeAndField: string): FieldPolicy {
  const [type, field] = typeAndField.split('.');
  return POLICY[type].fields[field];
}

function schemaField(schema: GraphQLSchema, typeAndField: string) {
  const [type, field] = typeAndField.split('.');
  return (schema.getType(type) as GraphQLObjectType).getFields()[field];
}

/** The value at a response path, descending into the first element of every list. */
function valueAt(data: unknown, path: string[]): unknown {
  let value = data as any;
  for (const key of path) {
    if (Array.isArray(value)) value = value[0];
    if (value === null || value === undefined) return value;
    value = value[key];
  }
  return value;
}

const keyOf = (role: Role) => DEMO_KEYS.find((k) => k.role === role && k.county === '430923')!.key;

let t: TestApp;
let schema: GraphQLSchema;
let fx: Landmarks;
const seenBy = new Map<Role, Promise<Seen>>();

/**
 * The first household the role lists that shows it a member's ID number, else the first it lists:
 * asked at the role's first case, after the writes of the roles before it (which may end a pairing).
 */
function rowsSeenBy(role: Role): Promise<Seen> {
  if (!seenBy.has(role)) seenBy.set(role, listedBy(role));
  return seenBy.get(role)!;
}

async function listedBy(role: Role): Promise<Seen> {
  const { body } = await t.gql(keyOf(role), '{ households(first: 50) { edges { node { id members { idNumber } } } } }');
  const nodes: { id: string; members: { idNumber: string | null }[] | null }[] = (body.data as any)?.households?.edges.map((e: any) => e.node) ?? [];
  const withMember = nodes.find((n) => n.members?.some((m) => m.idNumber));
  return { householdId: (withMember ?? nodes[0])?.id, idNumber: withMember?.members!.find((m) => m.idNumber)!.idNumber ?? undefined };
}

beforeAll(async () => {
  t = await startTestApp();
  schema = await buildBareSchema();
  // A pupil: every registry role sees them, the education bureau too (it sees members of school age only).
  const [member] = await t.sql<{ id_number: string }>(
    `select m.id_number from member m join household h on h.id = m.household_id
      where h.village_code like '430923%' and m.birth_date between current_date - interval '15 years' and current_date - interval '8 years' order by m.id limit 1`,
  );
  const [donor] = await t.sql<{ id: number }>(`select id from organisation where role = 'CPPCC' and scopes = '{430923}'`);
  const [village] = await t.sql<{ village_code: string }>(`select village_code from organisation_pairing where organisation_id = ?`, [donor.id]);
  fx = { countyCode: '430923000000', idNumber: member.id_number, donorId: donor.id, villageCode: village.village_code };
  for (const { name, part } of parts) if (part.prepare) prepared.set(name, await part.prepare({ t, keyOf }));
  // Traces for the auditor and for access history to show.
  await t.gql(keyOf(Role.POVERTY_OFFICE), 'mutation { createApiKey(name: "trace") { apiKey { id } } }');
  await t.gql(keyOf(Role.POVERTY_OFFICE), `{ member(idNumber: "${member.id_number}", purpose: "matrix set-up") { id } }`);
});
afterAll(() => t.close());

const cases: Case[] = ALL_ROLES.flatMap((role) =>
  Object.entries(POLICY).flatMap(([type, { fields }]) => Object.keys(fields).map((field) => ({ role, type, field, entry: `${type}.${field}` }))),
);

describe('permission matrix: every role × every policy entry, through HTTP', () => {
  it.each(cases)('$role reads $entry', async (c) => {
    const request = buildRequest(schema, fx, c, await rowsSeenBy(c.role));
    const { deniedAt } = request;
    const { body } = await t.gql(keyOf(c.role), request.text);
    if (deniedAt) {
      const forbidden = body.errors?.filter((e) => e.extensions?.code === 'FORBIDDEN') ?? [];
      expect(forbidden.map((e) => e.extensions?.field)).toContain(deniedAt);
      expect(body.errors?.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
    } else {
      expect(body.errors).toBeUndefined();
      expect(valueAt(body.data, request.path)).not.toBeUndefined();
    }
  });
});

/** Every role's own row rule on the registry's people, from the policy: each needs a row case proving it. */
const ownRowRules = (['Household', 'Member'] as const).flatMap((type) => {
  const rows = POLICY[type].rows;
  return typeof rows === 'string' ? [] : Object.keys(rows.byRole ?? {}).map((role) => ({ type, role: role as Role }));
});

describe('row rules of the registry’s people: every role’s own rule granting and hiding rows, through HTTP', () => {
  const rowCases = (): RowCase[] => parts.flatMap(({ name, part }) => part.rows?.(prepared.get(name)) ?? []);

  /** The ids of `type` the role reads, by look-up of each row (a member through its household) and in its first page of households. */
  async function visible(role: Role, type: RowCase['type'], ids: number[]): Promise<{ looked: Set<number>; listed: Set<number> }> {
    const households = type === 'Household' ? ids : (await t.sql<{ household_id: number }>('select household_id from member where id = any(?::int[])', [`{${ids.join(',')}}`])).map((m) => m.household_id);
    const lookUps = households.map((id, i) => `h${i}: household(id: "${id}") { id members { id } }`).join(' ');
    const { body } = await t.gql(keyOf(role), `{ ${lookUps} households(first: 100) { edges { node { id members { id } } } } }`);
    expect(body.errors).toBeUndefined();
    const data = body.data as Record<string, any>;
    const idsOf = (h: any): number[] => (h === null ? [] : type === 'Household' ? [Number(h.id)] : h.members.map((m: any) => Number(m.id)));
    const looked = new Set(households.flatMap((_, i) => idsOf(data[`h${i}`])));
    const listed = new Set<number>(data.households.edges.flatMap((e: any) => idsOf(e.node)));
    return { looked, listed };
  }

  it.each(ownRowRules)('$role: its row rule on $type', async ({ type, role }) => {
    const cases = rowCases().filter((c) => c.type === type && c.role === role);
    expect(cases.map((c) => c.why)).not.toEqual([]);
    for (const c of cases) {
      expect({ why: c.why, sees: c.sees.length > 0, hides: c.hides.length > 0 }).toEqual({ why: c.why, sees: true, hides: true });
      const office = await visible(Role.POVERTY_OFFICE, type, [...c.sees, ...c.hides]);
      expect({ why: c.why, office: [...c.sees, ...c.hides].filter((id) => !office.looked.has(id)) }).toEqual({ why: c.why, office: [] });
      const own = await visible(role, type, [...c.sees, ...c.hides]);
      expect({ why: c.why, missing: c.sees.filter((id) => !own.looked.has(id)) }).toEqual({ why: c.why, missing: [] });
      expect({ why: c.why, shown: c.hides.filter((id) => own.looked.has(id) || own.listed.has(id)) }).toEqual({ why: c.why, shown: [] });
    }
  });
});
