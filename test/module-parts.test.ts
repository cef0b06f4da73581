import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getNamedType, isInputObjectType, isObjectType, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import { migrationsList } from '../migrations';
import { openDatabase, type Database } from '../src/db/database';
import { rulesOf } from '../src/graphql/input-rules';
import { buildBareSchema } from '../src/graphql/schema';
import { modules } from '../src/modules';
import { freshDatabaseUrl } from './harness';
import { moduleTestParts } from './module-files';
import type { ModulePlans } from './module-plans';

/**
 * A module's parts are declared in its module file (docs/modules.md): these fail when one is
 * declared in the wrong module, or centrally where a module's would do.
 */

/** The module whose policy decides `type.field`: the module that defines the field. */
const ownerOfField = (type: string, field: string) => modules.find((m) => m.policy.types?.[type]?.fields[field] ?? m.policy.fields?.[type]?.[field])?.name;

/** For each input type, the modules whose fields take it, directly or inside another input. */
function inputOwners(schema: GraphQLSchema): Map<string, Set<string>> {
  const owners = new Map<string, Set<string>>();
  const reach = (type: GraphQLInputType, owner: string) => {
    const named = getNamedType(type);
    if (!isInputObjectType(named)) return;
    const seen = owners.get(named.name) ?? new Set();
    if (seen.has(owner)) return;
    owners.set(named.name, seen.add(owner));
    for (const field of Object.values(named.getFields())) reach(field.type, owner);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const owner = ownerOfField(type.name, field.name);
      if (owner) for (const arg of field.args) reach(arg.type, owner);
    }
  }
  return owners;
}

describe('a module declares its own parts', () => {
  it('declares the text rule of each argument and input field its fields take, and no other module does', async () => {
    const owners = inputOwners(await buildBareSchema());
    const declared = modules.flatMap((m) => rulesOf(m).map(([coordinate]) => ({ coordinate, module: m.name })));
    const misplaced = declared.filter(({ coordinate, module }) => {
      const argument = /^(\w+)\.(\w+)\(\w+\)$/.exec(coordinate);
      const expected = argument ? new Set([ownerOfField(argument[1], argument[2])]) : owners.get(coordinate.split('.')[0]);
      return !expected?.has(module);
    });
    expect(declared.length).toBeGreaterThan(100);
    expect(misplaced.map(({ coordinate, module }) => `${coordinate} declared by ${module}`)).toEqual([]);
  });
});

/** The list as it stood when each migration was listed by hand in migrations/index.ts: what shipped databases recorded, in order. */
const SHIPPED = [
  'Migration20261123000000_registry',
  'Migration20261123010000_oversight_traces',
  'Migration20261123020000_row_level_security',
  'Migration20261123030000_policy_parameters',
  'Migration20261123040000_household_rules',
  'Migration20261123050000_village_exit',
  'Migration20261201000000_api_login_role',
  'Migration20261201010000_keys_and_organisations_under_rls',
  'Migration20261201020000_audit_chain',
  'Migration20261201100000_rate_limits',
  'Migration20261201110000_registration_trace_authors',
  'Migration20261201200000_index_usable_scopes',
  'Migration20261202000000_batch_sync_education',
  'Migration20261202010000_health',
  'Migration20261202020000_audit_chain_per_statement',
  'Migration20261203000000_school_lists',
  'Migration20261204000000_civil_affairs',
  'Migration20261204010000_housing',
  'Migration20261205000000_employment_industry',
  'Migration20261206000000_micro_loans',
  'Migration20261206010000_loan_coverage',
  'Migration20261207000000_cadre_pairings',
  'Migration20261208000000_donations',
];

describe('migrations, gathered from the core and the modules', () => {
  const names = migrationsList.map((m) => m.name);

  it('are every file of migrations/, once each, in the order of their timestamps', () => {
    const files = readdirSync(path.resolve(__dirname, '../migrations'))
      .filter((file) => /^Migration\d{14}_\w+\.ts$/.test(file))
      .map((file) => file.slice(0, -'.ts'.length));
    expect(names).toEqual([...files].sort());
    expect(new Set(names).size).toBe(names.length);
  });

  it('keep the names and the order of the list that shipped, later ones after it', () => {
    expect(names.slice(0, SHIPPED.length)).toEqual(SHIPPED);
  });

});

/** The tables each module's declarations name: its entities', its measures' and its syncs'. */
function tablesByModule(tableOfEntity: (name: string) => string | undefined): Map<string, string> {
  const owner = new Map<string, string>();
  for (const m of modules) {
    const tables = [...m.entities.map((e) => tableOfEntity(e.name)), ...(m.measures?.records.map((r) => r.table) ?? []), ...(m.syncs?.map((k) => k.table) ?? [])];
    for (const table of tables) if (table) owner.set(table, m.name);
  }
  return owner;
}

describe('the parts that make or fill a module’s tables', () => {
  let database: Awaited<ReturnType<typeof freshDatabaseUrl>>;
  let db: Database;
  /** Which module owns each table its declarations name. */
  let owner: Map<string, string>;
  beforeAll(async () => {
    database = await freshDatabaseUrl();
    db = await openDatabase({ url: database.url, poolSize: 1 });
    owner = tablesByModule((name) => db.orm.getMetadata().find(name)?.tableName);
  });
  afterAll(async () => {
    await db.close();
    await database.drop();
  });

  it('name more than twenty tables', () => {
    expect(owner.size).toBeGreaterThan(20);
  });

  it('migrations: each is declared by the module whose tables it makes; the core list keeps only those of no one module', async () => {
    const declaredBy = new Map(modules.flatMap((m) => (m.migrations ?? []).map((cls) => [cls.name, m.name] as const)));
    const tables = async () =>
      new Set((await db.orm.em.fork().getConnection().execute<{ t: string }[]>(`select tablename as t from pg_tables where schemaname = 'public'`)).map((r) => r.t));
    const misplaced: string[] = [];
    let before = await tables();
    for (const { name } of migrationsList) {
      await db.orm.getMigrator().up({ to: name });
      const after = await tables();
      const owners = new Set([...after].filter((t) => !before.has(t) && owner.has(t)).map((t) => owner.get(t)!));
      const module = declaredBy.get(name);
      if (module ? [...owners].some((o) => o !== module) : owners.size === 1) {
        misplaced.push(`${name}, declared by ${module ?? 'the core'}, makes tables of ${[...owners].join(', ')}`);
      }
      before = after;
    }
    expect(misplaced).toEqual([]);
  });

  it('query plans: the tables a module’s plans watch are its own', () => {
    const plans = moduleTestParts<ModulePlans>('plans');
    expect(plans.length).toBeGreaterThan(5);
    const misplaced = plans.flatMap(({ name, part }) =>
      [...(part.tables ?? []), ...(part.ranges ?? []).map(([table]) => table)].filter((table) => owner.get(table) !== name).map((table) => `${table} in ${name}.plans.ts`),
    );
    expect(misplaced).toEqual([]);
  });

  it('demo data: a file of seeds/demo that fills one module’s tables is that module’s demo, imported by its module file and not by seeds/demo/index.ts', () => {
    const demo = path.resolve(__dirname, '../seeds/demo');
    const index = readFileSync(path.join(demo, 'index.ts'), 'utf8');
    const sectorFiles = readdirSync(demo)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .map((file) => ({ file: file.slice(0, -'.ts'.length), owners: new Set([...readFileSync(path.join(demo, file), 'utf8').matchAll(/insert into (\w+)/g)].map((m) => owner.get(m[1])).filter(Boolean)) }))
      .filter(({ owners }) => owners.size === 1);
    expect(sectorFiles.length).toBeGreaterThan(5);
    const misplaced = sectorFiles.flatMap(({ file, owners }) => {
      const [module] = owners;
      const moduleFile = readFileSync(path.resolve(__dirname, `../src/modules/${module}/${module}.module.ts`), 'utf8');
      return [
        ...(moduleFile.includes(`'../../../seeds/demo/${file}'`) ? [] : [`seeds/demo/${file}.ts fills ${module}'s tables but is not its module file's demo`]),
        ...(index.includes(`'./${file}'`) ? [`seeds/demo/index.ts imports ${file}`] : []),
      ];
    });
    expect(misplaced).toEqual([]);
  });
});
