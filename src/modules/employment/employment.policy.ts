import { Role } from '../../kernel/role';
import { all, type ModulePolicy } from '../../policy/policy';
import { PARTNER_RECORD_ROWS } from '../../policy/row-rules';
import { MEASURE_FIELDS } from '../../sync/measure.types';

const { POVERTY_OFFICE, EMPLOYMENT, AUDITOR } = Role;

/**
 * Who reads employment support at all: the human resources bureau (what it recorded:
 * PARTNER_RECORD_ROWS), the poverty office and audit (their region's). The members' facts its
 * rules use (birth date, labour capacity, employment) it reads through the registry's own rules.
 */
const EMPLOYMENT_READERS = [POVERTY_OFFICE, EMPLOYMENT, AUDITOR];

export const employmentPolicy: ModulePolicy = {
  types: {
    EmploymentSupport: {
      rows: PARTNER_RECORD_ROWS,
      fields: all(EMPLOYMENT_READERS, ...MEASURE_FIELDS, 'supportKind', 'title', 'until', 'outOfProvince', 'hours', 'certificate', 'employment'),
    },
  },
  fields: {
    Mutation: all([EMPLOYMENT], 'recordEmploymentSupport', 'retractEmploymentSupport'),
    Member: {
      employmentSupport: {
        read: EMPLOYMENT_READERS,
        reason: {
          zh: '就业帮扶记录只给人社(本单位所录)、扶贫办和审计',
          en: 'Employment support is for the human resources bureau (what it recorded), the poverty office and audit',
        },
      },
    },
  },
};
