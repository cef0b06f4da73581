import { Migration20261123040000_household_rules } from '../../../migrations/Migration20261123040000_household_rules';
import { TEXT } from '../../kernel/text';
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
  inputs: {
    'Query.households(after)': TEXT.CURSOR,
    'Village.households(after)': TEXT.CURSOR,
    'HouseholdFilter.regionCode': TEXT.REGION_CODE,
    // People by ID number: each look-up names its purpose
    'Query.member(idNumber)': TEXT.ID_NUMBER,
    'Query.member(purpose)': TEXT.PURPOSE,
    'RegisterHouseholdInput.villageCode': TEXT.REGION_CODE,
    'MemberInput.name': TEXT.PERSON_NAME,
    'MemberInput.idNumber': TEXT.ID_NUMBER,
    'MemberPatch.name': TEXT.PERSON_NAME,
    'OverrideInput.justification': TEXT.JUSTIFICATION,
    'StatusChangeInput.reason': TEXT.REASON,
    'Mutation.mergeHouseholds(reason)': TEXT.REASON,
  },
  migrations: [Migration20261123040000_household_rules],
});

declare module '../../context/loaders' {
  interface Loaders extends ReturnType<typeof createHouseholdLoaders> {}
}
