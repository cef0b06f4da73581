import { Ctx, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import type { Viewer } from '../../kernel/viewer';
import { describeLimits } from '../../rate-limit/limits';
import { RateLimitsType } from './auth.types';
import { Role } from '../../kernel/role';

@ObjectType('Viewer', { description: 'The organisation calling, as its API key identifies it' })
export class ViewerType {
  @Field(() => ID)
  organisationId!: number;

  @Field(() => String)
  organisationName!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => [String], { description: 'Region-code prefixes whose rows you may see' })
  scopes!: string[];

  @Field(() => String, { description: 'The first characters of the API key in use' })
  apiKeyPrefix!: string;
}

@Resolver(() => ViewerType)
export class ViewerResolver {
  @Query(() => ViewerType, { description: 'Who you are: organisation, role and scopes' })
  me(@Ctx() ctx: RequestContext): Viewer {
    return ctx.caller;
  }

  @FieldResolver(() => RateLimitsType, { description: 'Your budgets, to pace your requests by (docs/security.md, Rate limits)' })
  limits(@Ctx() ctx: RequestContext, @Root() viewer: Viewer): RateLimitsType {
    return describeLimits(ctx.rateLimits, viewer.limits);
  }
}
