import { insertIndustryRecords } from '../../../seeds/demo/industry';
import { TEXT } from '../../kernel/text';
import { defineModule } from '../module';
import { industryPolicy } from './industry.policy';
import { IndustrySupportResolver, IndustrySupportSyncResolver, MemberIndustryResolver } from './industry.resolver';
import { INDUSTRY_MEASURES } from './industry.rows';
import { INDUSTRY_SUPPORT } from './industry.sync';

/** Industry 产业扶贫: farming subsidies, cooperative shares and dividends, photovoltaic, e-commerce and tourism income the poverty office records in batches (issue 12). */
export const industryModule = defineModule({
  name: 'industry',
  resolvers: [IndustrySupportSyncResolver, IndustrySupportResolver, MemberIndustryResolver],
  entities: [],
  policy: industryPolicy,
  measures: INDUSTRY_MEASURES,
  syncs: [INDUSTRY_SUPPORT],
  inputs: {
    'IndustrySupportRecord.externalId': TEXT.EXTERNAL_ID,
    'IndustrySupportRecord.idNumber': TEXT.ID_NUMBER,
    'IndustrySupportRecord.project': TEXT.NAME,
  },
  demo: insertIndustryRecords,
});
