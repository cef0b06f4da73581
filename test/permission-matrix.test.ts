import { getNamedType, isCompositeType, isObjectType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { ALL_ROLES, Role } from '../src/kernel/role';
import { buildBareSchema } from '../src/graphql/schema';
import { POLICY, type FieldPolicy } from '../src/policy/policy';
import { DEMO_KEYS } from '../seeds/demo';
import { startTestApp, type TestApp } from './harness';
import { moduleTestParts } from './module-files';
import { query, mutation, type Landmarks, type MatrixPart, type Routes, type Step } from './matrix-routes';

/**
 * One real HTTP request per role and per policy entry, 100% of the table: the role reads the
 * field through a route from the root and gets either the data or FORBIDDEN at the first step of
 * the route that the policy denies it.
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

function buildRequest(schema: GraphQLSchema, fx: Landmarks, { role, type, field }: Case) {
  const table = routes(fx, role);
  const route = table[`${type}.${field}`] ?? table[type];
  if (!route) throw new Error(`No route reaches ${type}: add one to its module's <name>.matrix.ts`);
  const root = type === 'Query' || type === 'Mutation';
  // A root field takes the arguments of a route that starts with it, if one does.
  const rootStep = Object.values(table).find((r) => r.steps[0]?.field === field)?.steps[0] ?? { field };
  const fullSteps: Step[] = root ? (table[`${type}.${field}`] ? route.steps : [rootStep]) : [...route.steps, { field }];
  let parent: GraphQLObjectType = route.operation === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  const guarded: string[] = [];
  for (const step of fullSteps) {
    guarded.push(`${parent.name}.${step.field}`);
    const next = getNamedType(parent.getFields()[step.field].type);
    if (isObjectType(next)) parent = next;
  }
  const leaf = isCompositeType(getNamedType(schemaField(schema, guarded.at(-1)!).type)) ? ' { __typename }' : '';
  const body = fullSteps.reduceRight((inner, step, i) => `${step.field}${step.args ?? ''}${i === fullSteps.length - 1 ? leaf : ` { ${inner} }`}`, '');
  return { text: `${route.operation} { ${body} }`, guarded, path: fullSteps.map((s) => s.field) };
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
    const request = buildRequest(schema, fx, c);
    const deniedAt = request.guarded.find((g) => {
      const [type, field] = g.split('.');
      return !seeing(POLICY[type].fields[field], c.role);
    });
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
