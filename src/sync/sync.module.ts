import { defineModule } from '../modules/module';
import { HouseholdMeasuresResolver, MemberMeasuresResolver } from './measure.resolver';
import { createMeasureLoaders } from './measures';
import { syncPolicy } from './sync.policy';

/**
 * The batch-sync engine as the module list sees it: each sector's batch mutation is its module's;
 * the engine's are the answer every batch mutation shares and household.measures and
 * member.measures, which join the records every sector declares (installMeasures).
 */
export const syncModule = defineModule({
  name: 'sync',
  resolvers: [HouseholdMeasuresResolver, MemberMeasuresResolver],
  entities: [],
  loaders: createMeasureLoaders,
  policy: syncPolicy,
});

declare module '../context/loaders' {
  interface Loaders extends ReturnType<typeof createMeasureLoaders> {}
}
