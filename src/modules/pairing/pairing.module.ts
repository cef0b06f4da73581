import { defineModule } from '../module';
import { OrganisationPairing } from './organisation-pairing.entity';
import { OrganisationPairingResolver } from './organisation-pairing.resolver';
import { pairingPolicy } from './pairing.policy';

/** Donors paired with villages (万企帮万村): the row rule of CPPCC and business associations. */
export const pairingModule = defineModule({
  name: 'pairing',
  resolvers: [OrganisationPairingResolver],
  entities: [OrganisationPairing],
  policy: pairingPolicy,
});
