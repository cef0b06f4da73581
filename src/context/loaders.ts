import { createAuthLoaders } from '../modules/auth/auth.loaders';
import { createHouseholdLoaders } from '../modules/households/household.service';
import { createRegionLoaders } from '../modules/regions/region.service';
import type { RequestContext } from './request-context';

export type Loaders = ReturnType<typeof createRegionLoaders> & ReturnType<typeof createHouseholdLoaders> & ReturnType<typeof createAuthLoaders>;

export function createLoaders(ctx: RequestContext): Loaders {
  return { ...createRegionLoaders(ctx), ...createHouseholdLoaders(ctx), ...createAuthLoaders(ctx) };
}
