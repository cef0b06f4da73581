import { defineModule } from '../module';
import { Cadre, CadrePairing, PairingVisit, WorkTeam } from './cadre.entities';
import { CadrePairingResolver, HouseholdPairingsResolver, VisitSyncResolver, WorkTeamResolver } from './cadre.resolver';
import { createPairingLoaders } from './coverage';
import { OrganisationPairing } from './organisation-pairing.entity';
import { OrganisationPairingResolver } from './organisation-pairing.resolver';
import { pairingPolicy } from './pairing.policy';

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
});

declare module '../../context/loaders' {
  interface Loaders extends ReturnType<typeof createPairingLoaders> {}
}
