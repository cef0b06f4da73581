import { getNamedType, isObjectType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { ALL_ROLES, Role } from '../src/kernel/role';
import { buildBareSchema } from '../src/graphql/schema';
import { apiKeyPrefix, hashApiKey } from '../src/modules/auth/api-key-hash';
import { composeIdNumber } from '../src/kernel/id-number';
import { POLICY, type FieldPolicy } from '../src/policy/policy';
import { DEMO_KEYS } from '../seeds/demo';
import { startTestApp, type TestApp } from './harness';

/**
 * One real HTTP request per role and per policy entry, 100% of the table: the role reads the
 * field through a route from the root and gets either the data or FORBIDDEN at the first step of
 * the route that the policy denies it.
 */

type Step = { field: string; args?: string };
type Registry = { householdId: number; updateId: number; statusId: number; mergeInto: number; mergeFrom: number; spouseId: number; sonId: number; village: string; newcomer: string; newcomerBorn: string; applicant: string; applicantBorn: string };
type Fixtures = {
  countyCode: string;
  idNumber: string;
  donorId: number;
  villageCode: string;
  spareKeys: Map<Role, { rotate: number; revoke: number }>;
  registry: Registry;
};

/** How to reach each type from the root; a type without a route fails the test. */
function routes(f: Fixtures, role: Role): Record<string, { operation: 'query' | 'mutation'; steps: Step[] }> {
  const q = (...steps: Step[]) => ({ operation: 'query' as const, steps });
  const m = (...steps: Step[]) => ({ operation: 'mutation' as const, steps });
  const spare = f.spareKeys.get(role)!;
  const villages = { field: 'villages', args: '(first: 1)' };
  const households = { field: 'households', args: '(first: 1)' };
  const auditLog = { field: 'auditLog', args: '(first: 1)' };
  return {
    Query: q(),
    Mutation: m(),
    Viewer: q({ field: 'me' }),
    Region: q({ field: 'region', args: `(code: "${f.countyCode}")` }),
    Village: q(villages, { field: 'edges' }, { field: 'node' }),
    VillageFacilities: q(villages, { field: 'edges' }, { field: 'node' }, { field: 'facilities' }),
    VillageConnection: q(villages),
    VillageEdge: q(villages, { field: 'edges' }),
    PageInfo: q(villages, { field: 'pageInfo' }),
    Household: q(households, { field: 'edges' }, { field: 'node' }),
    HouseholdConnection: q(households),
    HouseholdEdge: q(households, { field: 'edges' }),
    Member: q(households, { field: 'edges' }, { field: 'node' }, { field: 'members' }),
    ApiKey: q({ field: 'apiKeys' }),
    CreatedApiKey: m({ field: 'createApiKey', args: '(name: "matrix")' }),
    Organisation: q({ field: 'organisations' }),
    RegisteredOrganisation: m({ field: 'registerOrganisation', args: `(input: { name: "矩阵测试商会", role: BUSINESS_ASSOCIATION, scopes: ["${f.countyCode.slice(0, 6)}"] })` }),
    RateLimits: q({ field: 'me' }, { field: 'limits' }),
    'Mutation.setOrganisationLimits': m({ field: 'setOrganisationLimits', args: `(id: "${f.donorId}", limits: { lookupsPerHour: 500 })` }),
    OrganisationPairing: m({ field: 'pairOrganisation', args: `(organisationId: "${f.donorId}", villageCode: "${f.villageCode}")` }),
    AuditEntry: q(auditLog, { field: 'edges' }, { field: 'node' }),
    AuditEntryConnection: q(auditLog),
    AuditEntryEdge: q(auditLog, { field: 'edges' }),
    AuditLogVerification: q({ field: 'verifyAuditLog' }),
    AccessLogEntry: q({ field: 'accessHistory', args: `(idNumber: "${f.idNumber}")` }),
    LoanEligibility: q({ field: 'loanEligibility', args: `(idNumber: "${f.idNumber}", purpose: "permission matrix test")` }),
    PolicyParameter: q({ field: 'policyParameter', args: `(name: POVERTY_LINE, regionCode: "${f.villageCode}", year: 2018)` }),
    'Mutation.setPolicyParameter': m({ field: 'setPolicyParameter', args: '(input: { name: PAIRING_LIMIT, regionPrefix: "430923", fromYear: 2030, value: "5", source: "matrix" })' }),
    VillageExitReadiness: q(villages, { field: 'edges' }, { field: 'node' }, { field: 'exitReadiness' }),
    VillageExitItem: q(villages, { field: 'edges' }, { field: 'node' }, { field: 'exitReadiness' }, { field: 'items' }),
    // The donor's village is EXITED in the demo data; a rollback (回退) to POOR is a change the poverty office may make.
    'Mutation.changeVillageStatus': m({ field: 'changeVillageStatus', args: `(code: "${f.villageCode}", to: POOR, year: 2024, reason: "permission matrix")` }),
    ...registryRoutes(f.registry),
    ...rootFieldRoutes(f, spare),
  };
}

/** The registry's types hang off a household registered through the API; its mutations act on households made for them. */
function registryRoutes(r: Registry): Record<string, { operation: 'query' | 'mutation'; steps: Step[] }> {
  const q = (...steps: Step[]) => ({ operation: 'query' as const, steps });
  const m = (step: Step) => ({ operation: 'mutation' as const, steps: [step] });
  const household = { field: 'household', args: `(id: "${r.householdId}")` };
  const assurance = { field: 'assurance', args: '(year: 2024)' };
  const person = (id: string, born: string, relation: string) =>
    `{ name: "矩阵", idNumber: "${id}", relation: ${relation}, sex: MALE, birthDate: "${born}", education: PRIMARY, schoolStage: NOT_IN_SCHOOL, health: HEALTHY, labourCapacity: ORDINARY, employment: FARMING, medicalInsurance: true }`;
  const identification = '{ motorVehicle: false, newlyBuiltHouse: false, urbanCommercialHousing: false, publicServantMember: false, registeredBusiness: false, disasterVictim: false }';
  return {
    StatusChange: q(household, { field: 'statusHistory' }),
    Assurance: q(household, assurance),
    AssuranceItem: q(household, assurance, { field: 'items' }),
    AssuranceEvidence: q(household, assurance, { field: 'items' }, { field: 'evidence' }),
    Identification: q(household, { field: 'identification' }),
    'Mutation.registerHousehold': m({
      field: 'registerHousehold',
      args: `(input: { villageCode: "${r.village}", groupNo: 1, registrationYear: 2020, category: GENERAL, causes: [ILLNESS], incomePerCapita: "2000.00", identification: ${identification}, members: [${person(r.applicant, r.applicantBorn, 'HEAD')}] })`,
    }),
    'Mutation.updateHousehold': m({ field: 'updateHousehold', args: `(id: "${r.updateId}", version: 1, patch: { safeDrinkingWater: true })` }),
    'Mutation.changeHouseholdStatus': m({ field: 'changeHouseholdStatus', args: `(id: "${r.statusId}", version: 1, change: { to: REMOVED, reason: "清退 matrix", effectiveDate: "2024-01-01" })` }),
    'Mutation.addMember': m({ field: 'addMember', args: `(householdId: "${r.householdId}", member: ${person(r.newcomer, r.newcomerBorn, 'GRANDSON')}, reason: BIRTH, effectiveDate: "2024-06-01")` }),
    'Mutation.updateMember': m({ field: 'updateMember', args: `(id: "${r.spouseId}", version: 1, patch: { employment: LOCAL_WORK })` }),
    'Mutation.mergeHouseholds': m({ field: 'mergeHouseholds', args: `(intoId: "${r.mergeInto}", intoVersion: 1, fromId: "${r.mergeFrom}", fromVersion: 1, reason: "合户 matrix", effectiveDate: "2024-01-01")` }),
    'Mutation.removeMember': m({ field: 'removeMember', args: `(id: "${r.sonId}", version: 1, reason: MOVED, effectiveDate: "2024-01-01")` }),
  };
}

/** Arguments for root fields, which are reached directly. */
function rootFieldRoutes(f: Fixtures, spare: { rotate: number; revoke: number }): Record<string, { operation: 'query' | 'mutation'; steps: Step[] }> {
  return {
    'Query.region': { operation: 'query', steps: [{ field: 'region', args: `(code: "${f.countyCode}")` }] },
    'Query.village': { operation: 'query', steps: [{ field: 'village', args: `(code: "${f.villageCode}")` }] },
    'Query.household': { operation: 'query', steps: [{ field: 'household', args: '(id: "1")' }] },
    'Query.member': { operation: 'query', steps: [{ field: 'member', args: `(idNumber: "${f.idNumber}", purpose: "permission matrix test")` }] },
    'Query.accessHistory': { operation: 'query', steps: [{ field: 'accessHistory', args: `(idNumber: "${f.idNumber}")` }] },
    'Query.loanEligibilities': { operation: 'query', steps: [{ field: 'loanEligibilities', args: `(idNumbers: ["${f.idNumber}"], purpose: "permission matrix test")` }] },
    'Mutation.rotateApiKey': { operation: 'mutation', steps: [{ field: 'rotateApiKey', args: `(id: "${spare.rotate}")` }] },
    'Mutation.revokeApiKey': { operation: 'mutation', steps: [{ field: 'revokeApiKey', args: `(id: "${spare.revoke}")` }] },
  };
}

const seeing = (p: FieldPolicy, role: Role) => p.read.includes(role) || (p.masked?.roles.includes(role) ?? false);

type Case = { role: Role; type: string; field: string; entry: string };

function buildRequest(schema: GraphQLSchema, fx: Fixtures, { role, type, field }: Case) {
  const table = routes(fx, role);
  const route = table[`${type}.${field}`] ?? table[type];
  if (!route) throw new Error(`No route reaches ${type}: add one to the matrix test`);
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
  const leaf = isObjectType(getNamedType(schemaField(schema, guarded.at(-1)!).type)) ? ' { __typename }' : '';
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
let fx: Fixtures;

beforeAll(async () => {
  t = await startTestApp();
  schema = await buildBareSchema();
  const [member] = await t.sql<{ id_number: string }>(`select m.id_number from member m join household h on h.id = m.household_id where h.village_code like '430923%' order by m.id limit 1`);
  const [donor] = await t.sql<{ id: number }>(`select id from organisation where role = 'CPPCC' and scopes = '{430923}'`);
  const [village] = await t.sql<{ village_code: string }>(`select village_code from organisation_pairing where organisation_id = ?`, [donor.id]);
  const spareKeys = new Map<Role, { rotate: number; revoke: number }>();
  for (const role of ALL_ROLES) {
    const [org] = await t.sql<{ id: number }>(`select id from organisation where role = ? and scopes = '{430923}'`, [role]);
    const ids: number[] = [];
    for (const use of ['rotate', 'revoke']) {
      const key = `spare-${use}-${role}`;
      const [row] = await t.sql<{ id: number }>(`insert into api_key (organisation_id, prefix, key_hash, name) values (?, ?, ?, ?) returning id`, [
        org.id, apiKeyPrefix(key), hashApiKey(key), use,
      ]);
      ids.push(row.id);
    }
    spareKeys.set(role, { rotate: ids[0], revoke: ids[1] });
  }
  fx = { countyCode: '430923000000', idNumber: member.id_number, donorId: donor.id, villageCode: village.village_code, spareKeys, registry: await registryFixtures() };
  // Traces for the auditor and for access history to show.
  await t.gql(keyOf(Role.POVERTY_OFFICE), 'mutation { createApiKey(name: "trace") { apiKey { id } } }');
  await t.gql(keyOf(Role.POVERTY_OFFICE), `{ member(idNumber: "${member.id_number}", purpose: "matrix set-up") { id } }`);
});
afterAll(() => t.close());

/** Households registered through the API for the registry's routes, with people the registry has never seen. */
async function registryFixtures(): Promise<Registry> {
  const [v] = await t.sql<{ code: string }>(`select code from region where level = 'VILLAGE' and code like '430923%' order by code limit 1`);
  let seq = 901;
  const fresh = (born: string) => ({ id: composeIdNumber('430923', born, (seq += 2)), born });
  const register = async (relations: string[]) => {
    const people = relations.map((relation, i) => ({ relation, ...fresh(`198${i}-07-0${i + 1}`) }));
    const members = people
      .map((p) => `{ name: "矩阵", idNumber: "${p.id}", relation: ${p.relation}, sex: MALE, birthDate: "${p.born}", education: PRIMARY, schoolStage: NOT_IN_SCHOOL, health: HEALTHY, labourCapacity: ORDINARY, employment: FARMING, medicalInsurance: true }`)
      .join(', ');
    const { body } = await t.gql(
      keyOf(Role.POVERTY_OFFICE),
      `mutation { registerHousehold(input: { villageCode: "${v.code}", groupNo: 1, registrationYear: 2019, category: GENERAL, causes: [ILLNESS], incomePerCapita: "2500.00",
        identification: { motorVehicle: false, newlyBuiltHouse: false, urbanCommercialHousing: false, publicServantMember: false, registeredBusiness: false, disasterVictim: false },
        members: [${members}] }) { id members { id relation } } }`,
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
    householdId: Number(family.id), updateId: Number(updated.id), statusId: Number(status.id), mergeInto: Number(mergeInto.id), mergeFrom: Number(mergeFrom.id), spouseId: idOf('SPOUSE'), sonId: idOf('SON'),
    village: v.code, newcomer: newcomer.id, newcomerBorn: newcomer.born, applicant: applicant.id, applicantBorn: applicant.born,
  };
}

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
