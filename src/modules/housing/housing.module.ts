import { Migration20261204010000_housing } from '../../../migrations/Migration20261204010000_housing';
import { insertHousingRecords } from '../../../seeds/demo/housing';
import { TEXT } from '../../kernel/text';
import { defineModule } from '../module';
import { housingPolicy } from './housing.policy';
import { HouseholdHousingResolver, HousingAssessmentResolver, HousingMeasureSyncResolver, HousingRenovationResolver, RelocationResolver } from './housing.resolver';
import { HOUSING_MEASURES } from './housing.rows';
import { createHousingLoaders } from './housing.service';
import { HOUSING_MEASURE } from './housing.sync';

/** Housing 住房安全: safety assessments, renovations and relocations the housing bureau sends in batches (issue 12). */
export const housingModule = defineModule({
  name: 'housing',
  resolvers: [HousingMeasureSyncResolver, HousingAssessmentResolver, HousingRenovationResolver, RelocationResolver, HouseholdHousingResolver],
  entities: [],
  loaders: createHousingLoaders,
  policy: housingPolicy,
  measures: HOUSING_MEASURES,
  syncs: [HOUSING_MEASURE],
  inputs: {
    'HousingMeasureRecord.externalId': TEXT.EXTERNAL_ID,
    'HousingMeasureRecord.idNumber': TEXT.ID_NUMBER,
    'HousingMeasureRecord.assessor': TEXT.NAME,
    'HousingMeasureRecord.site': TEXT.NAME,
  },
  migrations: [Migration20261204010000_housing],
  demo: insertHousingRecords,
});

declare module '../../context/loaders' {
  interface Loaders extends ReturnType<typeof createHousingLoaders> {}
}
