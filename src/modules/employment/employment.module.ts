import { insertEmploymentRecords } from '../../../seeds/demo/employment';
import { TEXT } from '../../kernel/text';
import { defineModule } from '../module';
import { employmentPolicy } from './employment.policy';
import { EmploymentSupportResolver, EmploymentSupportSyncResolver, MemberEmploymentResolver } from './employment.resolver';
import { EMPLOYMENT_MEASURES } from './employment.rows';
import { EMPLOYMENT_SUPPORT } from './employment.sync';

/** Employment 就业扶贫: public-welfare posts, travel subsidies, workshop jobs, training and start-up subsidies the human resources bureau sends in batches (issue 12). */
export const employmentModule = defineModule({
  name: 'employment',
  resolvers: [EmploymentSupportSyncResolver, EmploymentSupportResolver, MemberEmploymentResolver],
  entities: [],
  policy: employmentPolicy,
  measures: EMPLOYMENT_MEASURES,
  syncs: [EMPLOYMENT_SUPPORT],
  inputs: {
    'EmploymentSupportRecord.externalId': TEXT.EXTERNAL_ID,
    'EmploymentSupportRecord.idNumber': TEXT.ID_NUMBER,
    'EmploymentSupportRecord.title': TEXT.NAME,
    'EmploymentSupportRecord.certificate': TEXT.NAME,
  },
  demo: insertEmploymentRecords,
});
