import { Migration20261202000000_batch_sync_education } from '../../../migrations/Migration20261202000000_batch_sync_education';
import { Migration20261203000000_school_lists } from '../../../migrations/Migration20261203000000_school_lists';
import { insertEducationRecords } from '../../../seeds/demo/education';
import { TEXT } from '../../kernel/text';
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
import { ENROLMENT, STUDENT_AID } from './education.sync';

/** Education 教育扶贫: student aid and enrolments the education bureau and schools sync in batches (issue 11). */
export const educationModule = defineModule({
  name: 'education',
  resolvers: [StudentAidSyncResolver, EnrolmentSyncResolver, StudentAidResolver, EnrolmentResolver, MemberEducationResolver, SchoolListsResolver],
  entities: [],
  loaders: createEducationLoaders,
  policy: educationPolicy,
  measures: EDUCATION_MEASURES,
  syncs: [STUDENT_AID, ENROLMENT],
  inputs: {
    'StudentAidRecord.externalId': TEXT.EXTERNAL_ID,
    'StudentAidRecord.idNumber': TEXT.ID_NUMBER,
    'StudentAidRecord.school': TEXT.NAME,
    'StudentAidRecord.academicYear': TEXT.ACADEMIC_YEAR,
    'EnrolmentRecord.externalId': TEXT.EXTERNAL_ID,
    'EnrolmentRecord.idNumber': TEXT.ID_NUMBER,
    'EnrolmentRecord.school': TEXT.NAME,
    'Query.outOfSchoolChildren(regionCode)': TEXT.REGION_CODE,
    'Query.outOfSchoolChildren(after)': TEXT.CURSOR,
    'Query.studentsWithoutAid(academicYear)': TEXT.ACADEMIC_YEAR,
    'Query.studentsWithoutAid(regionCode)': TEXT.REGION_CODE,
    'Query.studentsWithoutAid(after)': TEXT.CURSOR,
  },
  // The first sector's tables came with the batch-sync engine's own (sync_batch), in one migration.
  migrations: [Migration20261202000000_batch_sync_education, Migration20261203000000_school_lists],
  demo: insertEducationRecords,
});

declare module '../../context/loaders' {
  interface Loaders extends ReturnType<typeof createEducationLoaders> {}
}
