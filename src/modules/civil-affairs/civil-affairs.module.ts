import { defineModule } from '../module';
import { civilAffairsPolicy } from './civil-affairs.policy';
import { MemberSocialAssistanceResolver, SocialAssistanceMismatchResolver, SocialAssistanceResolver, SocialAssistanceSyncResolver } from './civil-affairs.resolver';
import { CIVIL_AFFAIRS_MEASURES } from './civil-affairs.rows';

/** Civil affairs 兜底保障: 低保, 特困供养, temporary assistance and the two disability subsidies the civil-affairs office sends in batches (issue 12). */
export const civilAffairsModule = defineModule({
  name: 'civil-affairs',
  resolvers: [SocialAssistanceSyncResolver, SocialAssistanceResolver, MemberSocialAssistanceResolver, SocialAssistanceMismatchResolver],
  entities: [],
  policy: civilAffairsPolicy,
  measures: CIVIL_AFFAIRS_MEASURES,
});
