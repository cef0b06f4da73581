import { Migration20261204000000_civil_affairs } from '../../../migrations/Migration20261204000000_civil_affairs';
import { insertCivilAffairsRecords } from '../../../seeds/demo/civil-affairs';
import { TEXT } from '../../kernel/text';
import { defineModule } from '../module';
import { civilAffairsPolicy } from './civil-affairs.policy';
import { MemberSocialAssistanceResolver, SocialAssistanceMismatchResolver, SocialAssistanceResolver, SocialAssistanceSyncResolver } from './civil-affairs.resolver';
import { CIVIL_AFFAIRS_MEASURES } from './civil-affairs.rows';
import { SOCIAL_ASSISTANCE } from './civil-affairs.sync';

/** Civil affairs 兜底保障: 低保, 特困供养, temporary assistance and the two disability subsidies the civil-affairs office sends in batches (issue 12). */
export const civilAffairsModule = defineModule({
  name: 'civil-affairs',
  resolvers: [SocialAssistanceSyncResolver, SocialAssistanceResolver, MemberSocialAssistanceResolver, SocialAssistanceMismatchResolver],
  entities: [],
  policy: civilAffairsPolicy,
  measures: CIVIL_AFFAIRS_MEASURES,
  syncs: [SOCIAL_ASSISTANCE],
  inputs: {
    'SocialAssistanceRecord.externalId': TEXT.EXTERNAL_ID,
    'SocialAssistanceRecord.idNumber': TEXT.ID_NUMBER,
    'Query.socialAssistanceMismatches(regionCode)': TEXT.REGION_CODE,
    'Query.socialAssistanceMismatches(after)': TEXT.CURSOR,
  },
  migrations: [Migration20261204000000_civil_affairs],
  demo: insertCivilAffairsRecords,
});
