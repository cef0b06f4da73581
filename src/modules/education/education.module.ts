import { defineModule } from '../module';
import { educationPolicy } from './education.policy';
import {
  EnrolmentResolver,
  EnrolmentSyncResolver,
  MemberEducationResolver,
  SchoolListsResolver,
  StudentAidResolver,
  StudentAidSyncResolver,
} from './education.resolver';
import { EDUCATION_MEASURES } from './education.rows';
import { createEducationLoaders } from './education.service';

/** Education 教育扶贫: student aid and enrolments the education bureau and schools sync in batches (issue 11). */
export const educationModule = defineModule({
  name: 'education',
  resolvers: [StudentAidSyncResolver, EnrolmentSyncResolver, StudentAidResolver, EnrolmentResolver, MemberEducationResolver, SchoolListsResolver],
  entities: [],
  loaders: createEducationLoaders,
  policy: educationPolicy,
  measures: EDUCATION_MEASURES,
});

declare module '../../context/loaders' {
  interface Loaders extends ReturnType<typeof createEducationLoaders> {}
}
