import type { RequestContext } from '../context/request-context';
import { installPolicy } from '../policy/policy';
import { auditModule } from './audit/audit.module';
import { authModule } from './auth/auth.module';
import { civilAffairsModule } from './civil-affairs/civil-affairs.module';
import { donationsModule } from './donations/donations.module';
import { educationModule } from './education/education.module';
import { employmentModule } from './employment/employment.module';
import { financeModule } from './finance/finance.module';
import { healthModule } from './health/health.module';
import { householdsModule } from './households/households.module';
import { housingModule } from './housing/housing.module';
import { industryModule } from './industry/industry.module';
import { pairingModule } from './pairing/pairing.module';
import { parametersModule } from './parameters/parameters.module';
import { regionsModule } from './regions/regions.module';
import { syncModule } from '../sync/sync.module';
import { installMeasures } from '../sync/measures';

/**
 * Every module of the server, alphabetically: the one list a new module is added to
 * (docs/modules.md). The schema, the entities, the loaders and the policy are derived from it.
 */
export const modules = [
  auditModule,
  authModule,
  civilAffairsModule,
  donationsModule,
  educationModule,
  employmentModule,
  financeModule,
  healthModule,
  householdsModule,
  housingModule,
  industryModule,
  pairingModule,
  parametersModule,
  regionsModule,
  syncModule,
] as const;

installMeasures(modules);
installPolicy(modules);

type LoadersOf<M> = M extends { loaders?: (ctx: RequestContext) => infer L } ? L : never;
type Intersection<U> = (U extends unknown ? (all: U) => void : never) extends (all: infer I) => void ? I : never;

/**
 * The request's loaders, every module's together; passed to each RequestContext where it is made
 * (src/http/app.ts). Typed from the modules' own factories, so a loader a module declares in
 * `Loaders` but does not make fails to compile there.
 */
export function createLoaders(ctx: RequestContext): Intersection<LoadersOf<(typeof modules)[number]>> {
  return Object.assign({}, ...modules.map((m) => m.loaders?.(ctx)));
}
