import { DateTimeISOResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import type { ApiKey } from './api-key.entity';
import { createApiKey, listApiKeys, revokeApiKey, rotateApiKey } from './api-key.service';
import { describeLimits } from '../../rate-limit/limits';
import { ApiKeyType, CreatedApiKey, OrganisationType, RateLimitsInput, RateLimitsType, RegisterOrganisationInput, RegisteredOrganisation } from './auth.types';
import type { Organisation } from './organisation.entity';
import { listOrganisations, registerOrganisation, setOrganisationLimits } from './organisation.service';

@Resolver(() => OrganisationType)
export class AuthResolver {
  @Query(() => [ApiKeyType], { nullable: true, description: "Your organisation's API keys, live and revoked" })
  apiKeys(@Ctx() ctx: RequestContext): Promise<ApiKey[]> {
    return listApiKeys(ctx);
  }

  @Query(() => [OrganisationType], { nullable: true, description: 'Partner organisations registered within your region' })
  organisations(@Ctx() ctx: RequestContext): Promise<Organisation[]> {
    return listOrganisations(ctx);
  }

  @Mutation(() => CreatedApiKey, { nullable: true, description: 'A new API key for your organisation, shown once' })
  createApiKey(
    @Ctx() ctx: RequestContext,
    @Arg('name', () => String) name: string,
    @Arg('expiresAt', () => DateTimeISOResolver, { nullable: true, description: 'At most two years ahead' }) expiresAt?: Date | null,
  ) {
    return createApiKey(ctx, name, expiresAt);
  }

  @Mutation(() => CreatedApiKey, {
    nullable: true,
    description: 'Revokes a key and issues its successor: same name, same expiry unless one is given (required when the old key has expired)',
  })
  rotateApiKey(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('expiresAt', () => DateTimeISOResolver, { nullable: true, description: 'At most two years ahead' }) expiresAt?: Date | null,
  ) {
    return rotateApiKey(ctx, id, expiresAt);
  }

  @Mutation(() => ApiKeyType, { nullable: true, description: 'Revokes a key of your organisation; it stops working at once' })
  revokeApiKey(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<ApiKey> {
    return revokeApiKey(ctx, id);
  }

  @Mutation(() => RegisteredOrganisation, { nullable: true, description: 'Registers a partner organisation in your region, with its first key' })
  registerOrganisation(@Ctx() ctx: RequestContext, @Arg('input', () => RegisterOrganisationInput) input: RegisterOrganisationInput) {
    return registerOrganisation(ctx, input);
  }

  @Mutation(() => OrganisationType, { nullable: true, description: "Sets a partner organisation's own rate limits, or puts the defaults back with null" })
  setOrganisationLimits(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('limits', () => RateLimitsInput) limits: RateLimitsInput,
  ): Promise<Organisation> {
    return setOrganisationLimits(ctx, id, limits);
  }

  @FieldResolver(() => RateLimitsType, { description: 'Its budgets: its own where set, else the defaults' })
  limits(@Ctx() ctx: RequestContext, @Root() organisation: Organisation): RateLimitsType {
    return describeLimits(ctx.rateLimits, { requestsPerMinute: organisation.requestsPerMinute ?? null, lookupsPerHour: organisation.lookupsPerHour ?? null });
  }
}
