import { getNamedType, isInputObjectType, isObjectType, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import { rulesOf } from '../src/graphql/input-rules';
import { buildBareSchema } from '../src/graphql/schema';
import { modules } from '../src/modules';

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
