import { defineMatrix, mutation, query } from '../../../test/matrix-routes';

export const matrix = defineMatrix({
  routes: (f) => ({
    PolicyParameter: query({ field: 'policyParameter', args: `(name: POVERTY_LINE, regionCode: "${f.villageCode}", year: 2018)` }),
    'Mutation.setPolicyParameter': mutation({ field: 'setPolicyParameter', args: '(input: { name: PAIRING_LIMIT, regionPrefix: "430923", fromYear: 2030, value: "5", source: "matrix" })' }),
  }),
});
