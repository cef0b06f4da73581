import { Migration20261207000000_cadre_pairings } from '../../../migrations/Migration20261207000000_cadre_pairings';
import { insertCadreRecords } from '../../../seeds/demo/cadres';
import { TEXT } from '../../kernel/text';
import { defineModule } from '../module';
import { Cadre, CadrePairing, PairingVisit, WorkTeam } from './cadre.entities';
import { CadrePairingResolver, HouseholdPairingsResolver, VisitSyncResolver, WorkTeamResolver } from './cadre.resolver';
import { createPairingLoaders } from './coverage';
import { OrganisationPairing } from './organisation-pairing.entity';
import { OrganisationPairingResolver } from './organisation-pairing.resolver';
import { pairingPolicy } from './pairing.policy';
import { VISITS } from './visit.sync';

/**
 * Pairings: donors with villages (万企帮万村), the row rule of CPPCC and business associations;
 * and cadres of backing units with households (结对帮扶), their visits and work teams, the row rule
 * of BACKING_UNIT (issue 13).
 */
export const pairingModule = defineModule({
  name: 'pairing',
  resolvers: [OrganisationPairingResolver, CadrePairingResolver, WorkTeamResolver, HouseholdPairingsResolver, VisitSyncResolver],
  entities: [OrganisationPairing, Cadre, WorkTeam, CadrePairing, PairingVisit],
  loaders: createPairingLoaders,
  policy: pairingPolicy,
  syncs: [VISITS],
  inputs: {
    'Mutation.pairOrganisation(villageCode)': TEXT.REGION_CODE,
    'CadreInput.name': TEXT.PERSON_NAME,
    'CadreInput.title': TEXT.NAME,
    'Mutation.formWorkTeam(villageCode)': TEXT.REGION_CODE,
    'Mutation.endPairing(reason)': TEXT.REASON,
    'VisitInput.externalId': TEXT.EXTERNAL_ID,
    'VisitInput.findings': TEXT.SOURCE,
    'VisitInput.measuresDiscussed': TEXT.SOURCE,
    'VisitRecord.externalId': TEXT.EXTERNAL_ID,
    'VisitRecord.findings': TEXT.SOURCE,
    'VisitRecord.measuresDiscussed': TEXT.SOURCE,
    'Query.uncoveredHouseholds(regionCode)': TEXT.REGION_CODE,
    'Query.uncoveredHouseholds(after)': TEXT.CURSOR,
    'Query.pairingsWithoutRecentVisit(regionCode)': TEXT.REGION_CODE,
    'Query.pairingsWithoutRecentVisit(after)': TEXT.CURSOR,
    'Query.workTeamsWithoutUnitHeadVisit(regionCode)': TEXT.REGION_CODE,
    'Query.workTeamsWithoutUnitHeadVisit(after)': TEXT.CURSOR,
    'Query.cadresOverLimit(regionCode)': TEXT.REGION_CODE,
    'Query.cadresOverLimit(after)': TEXT.CURSOR,
  },
  migrations: [Migration20261207000000_cadre_pairings],
  demo: insertCadreRecords,
});

declare module '../../context/loaders' {
  interface Loaders extends ReturnType<typeof createPairingLoaders> {}
}
