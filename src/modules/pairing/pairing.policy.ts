import { Role } from '../../kernel/role';
import { all, type ModulePolicy } from '../../policy/policy';

const { POVERTY_OFFICE } = Role;

export const pairingPolicy: ModulePolicy = {
  types: {
    OrganisationPairing: {
      rows: 'pairings of villages the caller can see',
      fields: all([POVERTY_OFFICE], 'organisation', 'village', 'since'),
    },
  },
  fields: {
    Mutation: { pairOrganisation: { read: [POVERTY_OFFICE] } },
  },
};
