import { Role } from '../../kernel/role';
import { all, connection, type ModulePolicy } from '../../policy/policy';
import { PARTNER_RECORD_ROWS } from '../../policy/row-rules';
import { MEASURE_FIELDS } from '../../sync/measure.types';

const { POVERTY_OFFICE, CIVIL_AFFAIRS, AUDITOR } = Role;

/** Who reads social assistance: civil-affairs offices (their own: PARTNER_RECORD_ROWS), the poverty office and audit (their region's). */
const CIVIL_AFFAIRS_READERS = [POVERTY_OFFICE, CIVIL_AFFAIRS, AUDITOR];
/** The mismatches are the poverty office's to check, and audit's to see checked; civil affairs reads its own records through them. */
const MISMATCH_READERS = [POVERTY_OFFICE, AUDITOR];

export const civilAffairsPolicy: ModulePolicy = {
  types: {
    SocialAssistance: { rows: PARTNER_RECORD_ROWS, fields: all(CIVIL_AFFAIRS_READERS, ...MEASURE_FIELDS, 'assistanceKind', 'from', 'to') },
    ...connection('SocialAssistanceMismatch', MISMATCH_READERS),
  },
  fields: {
    Query: {
      socialAssistanceMismatches: {
        read: MISMATCH_READERS,
        reason: {
          zh: '低保与贫困户属性不符的名单交扶贫办核查(疑点数据),审计可见',
          en: '低保 paid to households registered as general is a finding-to-be for the poverty office to check, and for audit to see',
        },
      },
    },
    Mutation: all([CIVIL_AFFAIRS], 'recordSocialAssistance', 'retractSocialAssistance'),
    Member: {
      socialAssistance: {
        read: CIVIL_AFFAIRS_READERS,
        reason: {
          zh: '社会救助只给民政部门(本单位所录)、扶贫办和审计',
          en: 'Social assistance is for the civil-affairs office (what it recorded), the poverty office and audit',
        },
      },
    },
  },
};
