import { ALL_ROLES, type Role } from '../../kernel/role';
import { defineMatrix, mutation, query } from '../../../test/matrix-routes';
import { apiKeyPrefix, hashApiKey } from './api-key-hash';

type SpareKeys = Map<Role, { rotate: number; revoke: number }>;

export const matrix = defineMatrix<SpareKeys>({
  /** Keys for each role to rotate and revoke, so that no request spends the key the matrix calls with. */
  prepare: async ({ t }) => {
    const spareKeys: SpareKeys = new Map();
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
    return spareKeys;
  },
  routes: (f, spareKeys, role) => {
    const spare = spareKeys.get(role)!;
    return {
      Viewer: query({ field: 'me' }),
      RateLimits: query({ field: 'me' }, { field: 'limits' }),
      ApiKey: query({ field: 'apiKeys' }),
      CreatedApiKey: mutation({ field: 'createApiKey', args: '(name: "matrix")' }),
      Organisation: query({ field: 'organisations' }),
      RegisteredOrganisation: mutation({ field: 'registerOrganisation', args: `(input: { name: "矩阵测试商会", role: BUSINESS_ASSOCIATION, scopes: ["${f.countyCode.slice(0, 6)}"] })` }),
      'Mutation.setOrganisationLimits': mutation({ field: 'setOrganisationLimits', args: `(id: "${f.donorId}", limits: { lookupsPerHour: 500 })` }),
      'Mutation.rotateApiKey': mutation({ field: 'rotateApiKey', args: `(id: "${spare.rotate}")` }),
      'Mutation.revokeApiKey': mutation({ field: 'revokeApiKey', args: `(id: "${spare.revoke}")` }),
    };
  },
});
