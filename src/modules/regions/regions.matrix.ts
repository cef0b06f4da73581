import { defineMatrix, mutation, query } from '../../../test/matrix-routes';

const villages = { field: 'villages', args: '(first: 1)' };
const village = [villages, { field: 'edges' }, { field: 'node' }];

export const matrix = defineMatrix({
  routes: (f) => ({
    Region: query({ field: 'region', args: `(code: "${f.countyCode}")` }),
    Village: query(...village),
    VillageFacilities: query(...village, { field: 'facilities' }),
    VillageConnection: query(villages),
    VillageEdge: query(villages, { field: 'edges' }),
    VillageExitReadiness: query(...village, { field: 'exitReadiness' }),
    VillageExitItem: query(...village, { field: 'exitReadiness' }, { field: 'items' }),
    // The donor's village is EXITED in the demo data; a rollback (回退) to POOR is a change the poverty office may make.
    'Mutation.changeVillageStatus': mutation({ field: 'changeVillageStatus', args: `(code: "${f.villageCode}", to: POOR, year: 2024, reason: "permission matrix")` }),
    'Query.region': query({ field: 'region', args: `(code: "${f.countyCode}")` }),
    'Query.village': query({ field: 'village', args: `(code: "${f.villageCode}")` }),
  }),
});
