import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { buildSchema } from 'type-graphql';
import { AccessLogResolver, AuditResolver } from '../modules/audit/audit.resolver';
import { AuthResolver } from '../modules/auth/auth.resolver';
import { LoanEligibilityResolver } from '../modules/finance/loan-eligibility.resolver';
import { ViewerResolver } from '../modules/auth/viewer.resolver';
import { HouseholdResolver, VillageHouseholdsResolver } from '../modules/households/household.resolver';
import { MemberResolver } from '../modules/households/member.resolver';
import { MemberVersionResolver, RegistryResolver, StatusChangeResolver } from '../modules/households/registry.resolver';
import { OrganisationPairingResolver } from '../modules/pairing/organisation-pairing.resolver';
import { PolicyParameterResolver } from '../modules/parameters/parameter.resolver';
import { RegionResolver, VillageResolver } from '../modules/regions/region.resolver';
import { VillageExitResolver } from '../modules/regions/village-exit.resolver';
import { permissionLayer } from '../policy/permission-layer';

export const resolvers = [
  ViewerResolver,
  AuthResolver,
  RegionResolver,
  VillageResolver,
  VillageExitResolver,
  HouseholdResolver,
  VillageHouseholdsResolver,
  MemberResolver,
  LoanEligibilityResolver,
  RegistryResolver,
  MemberVersionResolver,
  StatusChangeResolver,
  OrganisationPairingResolver,
  PolicyParameterResolver,
  AuditResolver,
  AccessLogResolver,
] as const;

/** The schema as type-graphql builds it from the modules, before permissions are applied. */
export async function buildBareSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, validate: true, emitSchemaFile: false });
}

/** The served schema: every field behind the generated permission rules. */
export async function buildGuardedSchema(): Promise<GraphQLSchema> {
  const schema = await buildBareSchema();
  return applyMiddleware(schema, ...permissionLayer(schema));
}
