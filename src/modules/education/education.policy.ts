import { Role } from '../../kernel/role';
import { all, type ModulePolicy, type RowPolicy } from '../../policy/policy';
import { allOf, inRegionScopes, writtenByCaller } from '../../policy/row-rules';
import { MEASURE_FIELDS } from '../../sync/measure.types';

const { POVERTY_OFFICE, EDUCATION, AUDITOR } = Role;

/** Who reads education records at all: the bureau and schools (their own), the poverty office and audit (their region's). */
const EDUCATION_READERS = [POVERTY_OFFICE, EDUCATION, AUDITOR];

/** A school or the bureau sees the records it wrote itself; the poverty office and audit every record of their region. */
const RECORD_ROWS: RowPolicy = {
  default: allOf(inRegionScopes, writtenByCaller()),
  byRole: { POVERTY_OFFICE: inRegionScopes, AUDITOR: inRegionScopes },
};


const ONLY_EDUCATION = {
  zh: '学生资助和学籍只给教育部门(本单位所录)、扶贫办和审计',
  en: 'Student aid and enrolment are for the education bureau and schools (what they recorded), the poverty office and audit',
};

export const educationPolicy: ModulePolicy = {
  types: {
    StudentAid: { rows: RECORD_ROWS, fields: all(EDUCATION_READERS, ...MEASURE_FIELDS, 'school', 'aidKind', 'academicYear', 'term', 'days') },
    Enrolment: { rows: RECORD_ROWS, fields: all(EDUCATION_READERS, ...MEASURE_FIELDS, 'school', 'stage', 'grade', 'status') },
  },
  fields: {
    Mutation: {
      ...all([EDUCATION], 'syncStudentAid', 'retractStudentAid', 'syncEnrolments', 'retractEnrolments'),
    },
    Household: { measures: { read: EDUCATION_READERS, reason: ONLY_EDUCATION } },
    Member: {
      measures: { read: EDUCATION_READERS, reason: ONLY_EDUCATION },
      studentAid: { read: EDUCATION_READERS },
      enrolments: { read: EDUCATION_READERS },
    },
  },
};
