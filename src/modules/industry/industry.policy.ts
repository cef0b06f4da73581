import { Role } from '../../kernel/role';
import { all, type ModulePolicy } from '../../policy/policy';
import { PARTNER_RECORD_ROWS } from '../../policy/row-rules';
import { MEASURE_FIELDS } from '../../sync/measure.types';

const { POVERTY_OFFICE, AUDITOR } = Role;

/**
 * The poverty office records industry support (产业到户 projects are declared through it; the
 * agriculture bureau reviews them and has no role here) and reads it with audit in their region.
 * Income from cooperatives, photovoltaic stations, shops and tourism is a household's income,
 * which no other department reads (Household.incomePerCapita is for the poverty office, civil
 * affairs and audit; civil affairs assesses income from the household's own figure).
 */
const INDUSTRY_READERS = [POVERTY_OFFICE, AUDITOR];

export const industryPolicy: ModulePolicy = {
  types: {
    IndustrySupport: { rows: PARTNER_RECORD_ROWS, fields: all(INDUSTRY_READERS, ...MEASURE_FIELDS, 'supportKind', 'project') },
  },
  fields: {
    Mutation: all([POVERTY_OFFICE], 'recordIndustrySupport', 'retractIndustrySupport'),
    Member: {
      industrySupport: {
        read: INDUSTRY_READERS,
        reason: { zh: '产业帮扶涉及农户收入,只给扶贫办和审计', en: 'Industry support is household income: for the poverty office and audit only' },
      },
    },
  },
};
