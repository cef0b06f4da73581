import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Role } from '../../kernel/role';

@ObjectType('Organisation', { description: 'A partner organisation: one department role and its region scopes' })
export class OrganisationType {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  name!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => [String], { description: 'Region-code prefixes whose rows it may see' })
  scopes!: string[];

  @Field(() => DateTimeISOResolver)
  createdAt!: Date;
}

@ObjectType('ApiKey', { description: "An API key of the caller's organisation; the key itself is shown only once, when made" })
export class ApiKeyType {
  @Field(() => ID)
  id!: number;

  @Field(() => String, { description: 'The first characters of the key, to tell keys apart' })
  prefix!: string;

  @Field(() => String)
  name!: string;

  @Field(() => DateTimeISOResolver)
  createdAt!: Date;

  @Field(() => DateTimeISOResolver, { nullable: true })
  expiresAt?: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  revokedAt?: Date | null;
}

@ObjectType('CreatedApiKey', { description: 'A new key: store `key` now, it cannot be shown again' })
export class CreatedApiKey {
  @Field(() => String)
  key!: string;

  @Field(() => ApiKeyType)
  apiKey!: ApiKeyType;
}

@ObjectType('RegisteredOrganisation', { description: 'A newly registered organisation and its first API key, shown once' })
export class RegisteredOrganisation {
  @Field(() => OrganisationType)
  organisation!: OrganisationType;

  @Field(() => String)
  key!: string;
}

@InputType({ description: 'A partner organisation to register in your region' })
export class RegisterOrganisationInput {
  @Field(() => String)
  name!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => [String], { description: 'Region-code prefixes, each inside one of your own scopes' })
  scopes!: string[];
}

@ObjectType('RateLimits', { description: "An organisation's budgets (docs/security.md, Rate limits): its own where the poverty office set them, else the defaults" })
export class RateLimitsType {
  @Field(() => Int, { description: 'Requests a minute, per API key' })
  requestsPerMinute!: number;

  @Field(() => Boolean, { description: 'Whether requestsPerMinute is the default' })
  requestsPerMinuteIsDefault!: boolean;

  @Field(() => Int, { description: 'People looked up by ID number an hour, by the whole organisation, whichever key it uses' })
  lookupsPerHour!: number;

  @Field(() => Boolean, { description: 'Whether lookupsPerHour is the default' })
  lookupsPerHourIsDefault!: boolean;
}

@InputType({ description: "An organisation's own budgets; a value left out or null puts the default back" })
export class RateLimitsInput {
  @Field(() => Int, { nullable: true, description: 'Requests a minute per API key, 1 to 60000' })
  requestsPerMinute?: number | null;

  @Field(() => Int, { nullable: true, description: 'People looked up by ID number an hour, 1 to 100000' })
  lookupsPerHour?: number | null;
}
