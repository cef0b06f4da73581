import { defineModule } from '../module';
import { HouseholdIdentification } from './household-identification.entity';
import { HouseholdStatusChange } from './household-status-change.entity';
import { Household } from './household.entity';
import { HouseholdResolver, VillageHouseholdsResolver } from './household.resolver';
import { createHouseholdLoaders } from './household.service';
import { householdSqlReads } from './household.sql-read';
import { householdsPolicy } from './households.policy';
import { Member } from './member.entity';
import { MemberResolver } from './member.resolver';
import { MemberVersionResolver, RegistryResolver, StatusChangeResolver } from './registry.resolver';

/** The registry (建档立卡): households, their members, status changes and the exit test. */
export const householdsModule = defineModule({
  name: 'households',
  resolvers: [HouseholdResolver, VillageHouseholdsResolver, MemberResolver, RegistryResolver, MemberVersionResolver, StatusChangeResolver],
  entities: [Household, Member, HouseholdIdentification, HouseholdStatusChange],
  loaders: createHouseholdLoaders,
  policy: householdsPolicy,
  sqlReads: householdSqlReads,
});

declare module '../../context/loaders' {
  interface Loaders extends ReturnType<typeof createHouseholdLoaders> {}
}
