import { defineModule } from '../modules/module';
import { syncPolicy } from './sync.policy';

/**
 * The batch-sync engine as the module list sees it: no resolvers of its own (each sector's batch
 * mutation is its module's), only the policy of the answer every batch mutation shares.
 */
export const syncModule = defineModule({ name: 'sync', resolvers: [], entities: [], policy: syncPolicy });
