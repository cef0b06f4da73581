import { definePlans } from '../../../test/module-plans';

/** The main reads of education, planned as the API role (test/query-plans.test.ts). */
export const plans = definePlans({
  reads: [
    ['measures of a member (education bureau)', 'demo-education', (l) => `{ member(idNumber: "${l.idNumber}", purpose: "query plan test") { measures { id date } studentAid { amount } enrolments { status } } }`],
    ['控辍保学: out-of-school children (education bureau)', 'demo-education', () => `{ outOfSchoolChildren(first: 50) { totalCount edges { cursor node { name birthDate } } } }`],
    ['控辍保学: out-of-school children of a township (poverty office)', 'demo-poverty-office', (l) => `{ outOfSchoolChildren(first: 50, regionCode: "${l.township}") { totalCount edges { node { name } } } }`],
    ['应助尽助: students without aid (education bureau)', 'demo-education', () => `{ studentsWithoutAid(first: 50) { totalCount edges { cursor node { name } } } }`],
    ['应助尽助: students without aid of a township (poverty office)', 'demo-poverty-office', (l) => `{ studentsWithoutAid(first: 50, regionCode: "${l.township}") { totalCount edges { node { name } } } }`],
  ],
  tables: ['student_aid', 'enrolment'],
});
