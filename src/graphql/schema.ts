import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { buildSchema } from 'type-graphql';
import { ViewerResolver } from '../modules/auth/viewer.resolver';
import { HouseholdResolver, VillageHouseholdsResolver } from '../modules/households/household.resolver';
import { RegionResolver, VillageResolver } from '../modules/regions/region.resolver';
import { permissionShield } from '../policy/shield';

export const resolvers = [ViewerResolver, RegionResolver, VillageResolver, HouseholdResolver, VillageHouseholdsResolver] as const;

/** The schema as type-graphql builds it from the modules, before permissions are applied. */
export async function buildBareSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, validate: true, emitSchemaFile: false });
}

/** The served schema: every field behind the generated permission rules. */
export async function buildGuardedSchema(): Promise<GraphQLSchema> {
  return applyMiddleware(await buildBareSchema(), permissionShield());
}
