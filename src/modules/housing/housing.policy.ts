import { Role } from '../../kernel/role';
import { all, type ModulePolicy } from '../../policy/policy';
import { PARTNER_RECORD_ROWS } from '../../policy/row-rules';
import { MEASURE_FIELDS } from '../../sync/measure.types';

const { POVERTY_OFFICE, HOUSING, AUDITOR } = Role;

/** Who reads housing records: housing bureaus (their own: PARTNER_RECORD_ROWS), the poverty office and audit (their region's). */
const HOUSING_READERS = [POVERTY_OFFICE, HOUSING, AUDITOR];

export const housingPolicy: ModulePolicy = {
  types: {
    HousingAssessment: { rows: PARTNER_RECORD_ROWS, fields: all(HOUSING_READERS, ...MEASURE_FIELDS, 'grade', 'assessor', 'assessedOn') },
    HousingRenovation: { rows: PARTNER_RECORD_ROWS, fields: all(HOUSING_READERS, ...MEASURE_FIELDS, 'subsidy', 'startedOn', 'completedOn') },
    Relocation: { rows: PARTNER_RECORD_ROWS, fields: all(HOUSING_READERS, ...MEASURE_FIELDS, 'site', 'movedInOn') },
  },
  fields: {
    Mutation: all([HOUSING], 'recordHousingMeasures', 'retractHousingMeasures'),
    Household: {
      housingAssessments: {
        read: HOUSING_READERS,
        reason: {
          zh: '危房鉴定、改造和搬迁只给住建部门(本单位所录)、扶贫办和审计',
          en: 'Assessments, renovations and relocations are for the housing bureau (what it recorded), the poverty office and audit',
        },
      },
      latestHousingAssessment: { read: HOUSING_READERS },
      housingRenovations: { read: HOUSING_READERS },
      relocations: { read: HOUSING_READERS },
    },
  },
};
