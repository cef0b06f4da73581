import type { ModulePolicy, TypePolicy } from './policy';

type PolicyModule = typeof import('./policy');

/** A fresh copy of the policy tables, so that these installs leave the server's untouched. */
function freshPolicy(): PolicyModule {
  let fresh: PolicyModule | undefined;
  jest.isolateModules(() => {
    fresh = jest.requireActual<PolicyModule>('./policy');
  });
  return fresh!;
}

const type = (fields: string[]): TypePolicy => ({ rows: 'as the test', fields: Object.fromEntries(fields.map((f) => [f, { read: [] }])) });

describe('installing the modules’ parts of the policy', () => {
  it('puts the roots first, each module’s types in the list’s order, and merges the fields modules add to a type', () => {
    const { installPolicy, POLICY } = freshPolicy();
    const a: ModulePolicy = { types: { Alpha: type(['x']) }, fields: { Query: { alpha: { read: [] } }, Beta: { fromA: { read: [] } } } };
    const b: ModulePolicy = { types: { Beta: type(['y']) }, fields: { Query: { beta: { read: [] } } } };
    installPolicy([{ name: 'a', policy: a }, { name: 'b', policy: b }]);
    expect(Object.keys(POLICY)).toEqual(['Query', 'Mutation', 'PageInfo', 'Alpha', 'Beta']);
    expect(Object.keys(POLICY.Query.fields)).toEqual(['alpha', 'beta']);
    expect(Object.keys(POLICY.Beta.fields)).toEqual(['y', 'fromA']);
    expect(Object.keys(b.types!.Beta.fields)).toEqual(['y']);
  });

  it('refuses a type, a field or a filter that two modules declare', () => {
    expect(() => freshPolicy().installPolicy([{ name: 'a', policy: { types: { Alpha: type(['x']) } } }, { name: 'b', policy: { types: { Alpha: type(['x']) } } }])).toThrow(
      'The policy of Alpha (module b) is declared twice',
    );
    expect(() => freshPolicy().installPolicy([{ name: 'a', policy: { fields: { Query: { me: { read: [] } } } } }, { name: 'b', policy: { fields: { Query: { me: { read: [] } } } } }])).toThrow(
      'Query.me (module b) is declared twice',
    );
    expect(() => freshPolicy().installPolicy([{ name: 'a', policy: { filters: { F: {} } } }, { name: 'b', policy: { filters: { F: {} } } }])).toThrow('The filter F (module b) is declared twice');
  });

  it('refuses fields added to a type no module defines', () => {
    expect(() => freshPolicy().installPolicy([{ name: 'a', policy: { fields: { Gamma: { z: { read: [] } } } } }])).toThrow('Module a adds fields to Gamma, which no module defines');
  });
});
