import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { OrganisationType } from '../auth';
import type { Organisation } from '../auth';
import type { RegionRow } from '../regions';
import { VillageType } from '../regions';
import type { OrganisationPairing } from './organisation-pairing.entity';
import { pairOrganisation } from './organisation-pairing.service';

@ObjectType('OrganisationPairing', { description: 'A donor organisation paired with a village 结对帮扶村 (万企帮万村)' })
export class OrganisationPairingType {
  @Field(() => LocalDateResolver)
  since!: string;
}

@Resolver(() => OrganisationPairingType)
export class OrganisationPairingResolver {
  @Mutation(() => OrganisationPairingType, { nullable: true, description: 'Pairs a CPPCC or business-association organisation with a village' })
  pairOrganisation(
    @Ctx() ctx: RequestContext,
    @Arg('organisationId', () => ID) organisationId: string,
    @Arg('villageCode', () => String) villageCode: string,
  ): Promise<OrganisationPairing> {
    return pairOrganisation(ctx, organisationId, villageCode);
  }

  @FieldResolver(() => OrganisationType, { nullable: true })
  organisation(@Root() pairing: OrganisationPairing): Organisation {
    return pairing.organisation;
  }

  @FieldResolver(() => VillageType, { nullable: true })
  village(@Ctx() ctx: RequestContext, @Root() pairing: OrganisationPairing): Promise<RegionRow | null> {
    return ctx.loaders.villageByCode.load(pairing.village.code);
  }
}
