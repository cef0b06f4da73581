import { readFileSync } from 'node:fs';
import { isObjectType } from 'graphql';
import { renderSchema, SCHEMA_FILE } from '../src/graphql/emit-schema';
import { buildBareSchema } from '../src/graphql/schema';
import { PERMISSIONS_DOC, renderPermissionsDoc } from '../src/policy/permissions-doc';
import { FILTERS, ORDERINGS, POLICY, rowRule } from '../src/policy/policy';
import { reachingRoles } from '../src/policy/permission-layer';
import { ALL_ROLES, Role } from '../src/kernel/role';
import { getNamedType, isEnumType, isInputObjectType, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import { INPUT_RULES } from '../src/graphql/input-rules';

/** Every field of every object type in the schema, as "Type.field". */
async function schemaFields(): Promise<string[]> {
  const schema = await buildBareSchema();
  return Object.values(schema.getTypeMap())
    .filter((t) => isObjectType(t) && !t.name.startsWith('__'))
    .flatMap((t) => Object.keys((t as any).getFields()).map((f) => `${t.name}.${f}`));
}

/** Every String argument and input field, by its coordinate: `Type.field(arg)` or `Input.field`. */
function stringInputs(schema: GraphQLSchema): string[] {
  const isString = (type: GraphQLInputType) => getNamedType(type).name === 'String';
  return Object.values(schema.getTypeMap())
    .filter((t) => !t.name.startsWith('__'))
    .flatMap((t) => {
      if (isObjectType(t)) return Object.values(t.getFields()).flatMap((f) => f.args.filter((a) => isString(a.type)).map((a) => `${t.name}.${f.name}(${a.name})`));
      if (isInputObjectType(t)) return Object.values(t.getFields()).filter((f) => isString(f.type)).map((f) => `${t.name}.${f.name}`);
      return [];
    });
}

const policyFields = () => Object.entries(POLICY).flatMap(([type, p]) => Object.keys(p.fields).map((f) => `${type}.${f}`));

describe('schema and policy stay in step', () => {
  it('schema/schema.graphql is what the code emits (run `npm run schema:emit`)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await renderSchema());
  });

  it('every schema field has a policy entry', async () => {
    const missing = (await schemaFields()).filter((f) => !policyFields().includes(f));
    expect(missing).toEqual([]);
  });

  it('every policy entry names a field that exists', async () => {
    const fields = await schemaFields();
    expect(policyFields().filter((f) => !fields.includes(f))).toEqual([]);
  });

  it('every filter field and ordering value names the output field it tests, and every one is covered', async () => {
    const schema = await buildBareSchema();
    const fields = await schemaFields();
    for (const [name, tests] of Object.entries(FILTERS)) {
      const type = schema.getType(name);
      expect(isInputObjectType(type) && Object.keys(type.getFields()).sort()).toEqual(Object.keys(tests).sort());
      expect(Object.values(tests).filter((target) => !fields.includes(target))).toEqual([]);
    }
    for (const [name, tests] of Object.entries(ORDERINGS)) {
      const type = schema.getType(name);
      expect(isEnumType(type) && type.getValues().map((v) => v.name).sort()).toEqual(Object.keys(tests).sort());
      expect(Object.values(tests).filter((target) => !fields.includes(target))).toEqual([]);
    }
    const filterInputs = Object.values(schema.getTypeMap()).filter((t) => isInputObjectType(t) && t.name.endsWith('Filter')).map((t) => t.name);
    expect(filterInputs.filter((name) => !FILTERS[name])).toEqual([]);
  });

  it('every String argument and input field declares the text it accepts, and every rule names one', async () => {
    const inputs = stringInputs(await buildBareSchema());
    expect(inputs.filter((c) => !INPUT_RULES[c])).toEqual([]);
    expect(Object.keys(INPUT_RULES).filter((c) => !inputs.includes(c))).toEqual([]);
  });

  it('knows which roles can reach each type, so that it checks a field only where a role could be refused', async () => {
    const reach = reachingRoles(await buildBareSchema());
    const donors = [Role.CPPCC, Role.BUSINESS_ASSOCIATION];
    expect([...reach.get('Viewer')!].sort()).toEqual([...ALL_ROLES].sort());
    expect([...reach.get('Member')!].sort()).toEqual(ALL_ROLES.filter((r) => !donors.includes(r)).sort());
    expect([...reach.get('AuditEntry')!]).toEqual([Role.AUDITOR]);
  });

  it('docs/permissions.md is generated from the policy (run `npm run docs:permissions`)', () => {
    expect(readFileSync(PERMISSIONS_DOC, 'utf8')).toBe(renderPermissionsDoc());
  });

  it('docs/permissions.md says what the policy means: every cell, every row rule in words', () => {
    // Read the document as a person would, independently of the generator, and hold it against the table.
    const sections = readFileSync(PERMISSIONS_DOC, 'utf8').split(/^## /m).slice(1);
    const documented = new Map(
      sections.map((section) => {
        const [type, ...lines] = section.split('\n');
        const rows = lines.find((l) => l.startsWith('Rows: '))!.slice('Rows: '.length);
        const [header, ...body] = lines.filter((l) => l.startsWith('| '));
        const roles = header.split('|').slice(2, -1).map((c) => c.trim());
        const cells = new Map(body.map((l) => { const [field, ...marks] = l.split('|').slice(1, -1).map((c) => c.trim()); return [field, new Map(marks.map((m, i) => [roles[i], m]))]; }));
        return [type.trim(), { rows, roles, cells }];
      }),
    );
    expect([...documented.keys()].sort()).toEqual(Object.keys(POLICY).sort());
    for (const [type, policy] of Object.entries(POLICY)) {
      const doc = documented.get(type)!;
      expect(doc.roles).toEqual([...ALL_ROLES]);
      expect(doc.rows).not.toMatch(/object Object/);
      if (typeof policy.rows === 'string') expect(doc.rows).toBe(`${policy.rows}.`);
      else for (const role of ALL_ROLES) expect(doc.rows).toContain(rowRule(type, role).describe);
      expect([...doc.cells.keys()].sort()).toEqual(Object.keys(policy.fields).sort());
      for (const [field, rule] of Object.entries(policy.fields)) {
        for (const role of ALL_ROLES) {
          const expected = rule.read.includes(role) ? '✓' : rule.masked?.roles.includes(role) ? 'masked' : '—';
          expect(`${type}.${field} ${role} ${doc.cells.get(field)!.get(role)}`).toBe(`${type}.${field} ${role} ${expected}`);
        }
      }
    }
  });
});
