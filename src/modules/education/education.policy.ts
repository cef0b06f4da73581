import { Role } from '../../kernel/role';
import { all, connection, type ModulePolicy } from '../../policy/policy';
import { PARTNER_RECORD_ROWS } from '../../policy/row-rules';
import { MEASURE_FIELDS } from '../../sync/measure.types';

const { POVERTY_OFFICE, EDUCATION, AUDITOR } = Role;

/** Who reads education records at all: the bureau and schools (their own: PARTNER_RECORD_ROWS), the poverty office and audit (their region's). */
const EDUCATION_READERS = [POVERTY_OFFICE, EDUCATION, AUDITOR];

export const educationPolicy: ModulePolicy = {
  types: {
    StudentAid: { rows: PARTNER_RECORD_ROWS, fields: all(EDUCATION_READERS, ...MEASURE_FIELDS, 'school', 'aidKind', 'academicYear', 'term', 'days') },
    Enrolment: { rows: PARTNER_RECORD_ROWS, fields: all(EDUCATION_READERS, ...MEASURE_FIELDS, 'school', 'stage', 'grade', 'status') },
    ...connection('Pupil', EDUCATION_READERS),
  },
  fields: {
    Query: {
      outOfSchoolChildren: {
        read: EDUCATION_READERS,
        reason: {
          zh: '控辍保学、应助尽助名单给教育部门、扶贫办和审计;名单上的人按各自对成员的行规则和字段规则',
          en: 'The out-of-school and unaided lists are for education, the poverty office and audit; the members on them under each one’s rules on Member',
        },
      },
      studentsWithoutAid: { read: EDUCATION_READERS },
    },
    Mutation: {
      ...all([EDUCATION], 'syncStudentAid', 'retractStudentAid', 'syncEnrolments', 'retractEnrolments'),
    },
    Member: {
      studentAid: {
        read: EDUCATION_READERS,
        reason: {
          zh: '学生资助和学籍只给教育部门(本单位所录)、扶贫办和审计',
          en: 'Student aid and enrolment are for the education bureau and schools (what they recorded), the poverty office and audit',
        },
      },
      enrolments: { read: EDUCATION_READERS },
    },
  },
};
