import { Role } from '../../kernel/role';
import { all, connection, type ModulePolicy } from '../../policy/policy';
import { OVERSIGHT } from '../../policy/role-groups';
import { allOf, inRegionScopes, writtenByCaller, type RowPolicy } from '../../policy/row-rules';

const { POVERTY_OFFICE, BACKING_UNIT } = Role;

/** A backing unit sees its own cadres, pairings, visits and teams; the poverty office and audit their region's. */
const UNIT_ROWS = (column: string): RowPolicy => ({ default: inRegionScopes, byRole: { BACKING_UNIT: allOf(inRegionScopes, writtenByCaller(column)) } });
const PAIRING_READERS = [...OVERSIGHT, BACKING_UNIT];

export const pairingPolicy: ModulePolicy = {
  types: {
    OrganisationPairing: {
      rows: 'pairings of villages the caller can see',
      fields: all([POVERTY_OFFICE], 'organisation', 'village', 'since'),
    },
    Cadre: { rows: UNIT_ROWS('organisation_id'), fields: all(PAIRING_READERS, 'id', 'name', 'title', 'unitHead', 'activePairings') },
    CadrePairing: { rows: UNIT_ROWS('organisation_id'), fields: all(PAIRING_READERS, 'id', 'cadre', 'household', 'since', 'endedOn', 'endReason', 'visits') },
    PairingVisit: { rows: UNIT_ROWS('unit_id'), fields: all(PAIRING_READERS, 'id', 'date', 'findings', 'measuresDiscussed', 'unitHeadPresent', 'externalId') },
    WorkTeam: { rows: UNIT_ROWS('organisation_id'), fields: all(PAIRING_READERS, 'id', 'village', 'firstSecretary', 'since', 'endedOn') },
    ...connection('Cadre', OVERSIGHT),
    ...connection('CadrePairing', OVERSIGHT),
    ...connection('WorkTeam', OVERSIGHT),
  },
  fields: {
    Query: {
      ...all(OVERSIGHT, 'pairingsWithoutRecentVisit', 'workTeamsWithoutUnitHeadVisit', 'cadresOverLimit'),
      uncoveredHouseholds: {
        read: OVERSIGHT,
        reason: { zh: '结对帮扶全覆盖由扶贫办督查', en: 'Coverage of households by cadres is the poverty office’s (and audit’s) to check' },
      },
    },
    Mutation: {
      ...all([POVERTY_OFFICE], 'pairOrganisation', 'addCadre', 'formWorkTeam', 'pairCadre', 'endPairing'),
      logVisit: { read: [POVERTY_OFFICE, BACKING_UNIT], reason: { zh: '走访由帮扶单位或扶贫办登记', en: "Visits are logged by the cadre's unit or the poverty office" } },
      ...all([POVERTY_OFFICE, BACKING_UNIT], 'recordVisits', 'retractVisits'),
    },
    Household: { cadrePairings: { read: PAIRING_READERS } },
  },
};
