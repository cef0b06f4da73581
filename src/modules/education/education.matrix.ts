import { Role } from '../../kernel/role';
import { defineMatrix, mutation, query, type MatrixSetUp } from '../../../test/matrix-routes';

type Pupil = { idNumber: string };

const aid = (externalId: string, idNumber: string) =>
  `{ externalId: "${externalId}", idNumber: "${idNumber}", kind: BOARDING_SUBSIDY, school: "矩阵小学", academicYear: "2026-2027", term: AUTUMN, amount: "500.00", paidOn: "2026-09-15" }`;
const enrolment = (externalId: string, idNumber: string) =>
  `{ externalId: "${externalId}", idNumber: "${idNumber}", school: "矩阵小学", stage: PRIMARY, grade: 3, status: ENROLLED, statusDate: "2026-09-01" }`;
/** A valid ID number no one in the demo data holds: its record is refused NOT_FOUND, which is what the RecordError route reads. */
const NOBODY = '430923201505059978';

/** A pupil of the demo county with aid and an enrolment from the county's education bureau, and one of each to retract. */
async function pupilFixtures({ t, keyOf }: MatrixSetUp): Promise<Pupil> {
  const [pupil] = await t.sql<{ id_number: string }>(
    `select m.id_number from member m join household h on h.id = m.household_id
     where h.village_code like '430923%' and h.status <> 'REMOVED' and m.birth_date between '2012-01-01' and '2017-12-31' order by m.id limit 1`,
  );
  const id = pupil.id_number;
  const { body } = await t.gql(
    keyOf(Role.EDUCATION),
    `mutation { syncStudentAid(records: [${aid('matrix-aid', id)}, ${aid('matrix-aid-retract', id)}]) { created unchanged }
      syncEnrolments(records: [${enrolment('matrix-enrolment', id)}, ${enrolment('matrix-enrolment-retract', id)}]) { created unchanged } }`,
  );
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { idNumber: id };
}

export const matrix = defineMatrix<Pupil>({
  prepare: pupilFixtures,
  routes: (_f, p) => {
    const member = { field: 'member', args: `(idNumber: "${p.idNumber}", purpose: "permission matrix test")` };
    const syncAid = (records: string) => ({ field: 'syncStudentAid', args: `(records: [${records}])` });
    return {
      StudentAid: query(member, { field: 'studentAid' }),
      PupilConnection: query({ field: 'outOfSchoolChildren' }),
      PupilEdge: query({ field: 'outOfSchoolChildren' }, { field: 'edges' }),
      Enrolment: query(member, { field: 'enrolments' }),
      SyncResult: mutation(syncAid(aid('matrix-aid', p.idNumber))),
      RecordError: mutation(syncAid(aid('matrix-nobody', NOBODY)), { field: 'rejected' }),
      'Mutation.syncEnrolments': mutation({ field: 'syncEnrolments', args: `(records: [${enrolment('matrix-enrolment', p.idNumber)}])` }),
      'Mutation.retractStudentAid': mutation({ field: 'retractStudentAid', args: '(externalIds: ["matrix-aid-retract"], reason: "矩阵 matrix")' }),
      'Mutation.retractEnrolments': mutation({ field: 'retractEnrolments', args: '(externalIds: ["matrix-enrolment-retract"], reason: "矩阵 matrix")' }),
    };
  },
});
