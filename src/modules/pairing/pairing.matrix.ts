import { defineMatrix, mutation } from '../../../test/matrix-routes';

export const matrix = defineMatrix({
  routes: (f) => ({
    OrganisationPairing: mutation({ field: 'pairOrganisation', args: `(organisationId: "${f.donorId}", villageCode: "${f.villageCode}")` }),
  }),
});
