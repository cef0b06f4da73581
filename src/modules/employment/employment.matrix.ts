import { Role } from '../../kernel/role';
import { defineMatrix, memberRoute, memberWithRecords, mutation, recordForTheMeasuredHousehold, retraction, type MatrixSetUp } from '../../../test/matrix-routes';

const support = (externalId: string, idNumber: string) =>
  `{ externalId: "${externalId}", idNumber: "${idNumber}", kind: PUBLIC_WELFARE_POST, title: "矩阵护林员", amount: "360.00", date: "2026-01-01", until: "2026-12-31" }`;

/** Of working age and of the education bureau's school age too, so that every role that reads members sees them. */
const BORN: [string, string] = [`current_date - interval '24 years'`, `current_date - interval '18 years'`];

/**
 * Also a post for an adult of the household the civil-affairs matrix gave its 低保 (prepared before
 * this one, in the module list's order), which has every sector's records: so MeasureTotal's route
 * there finds the bureau's too.
 */
async function employedFixtures(setUp: MatrixSetUp): Promise<{ idNumber: string }> {
  await recordForTheMeasuredHousehold(setUp, Role.EMPLOYMENT, (id) => `recordEmploymentSupport(records: [${support('matrix-es-household', id)}]) { created }`);
  return memberWithRecords(setUp, Role.EMPLOYMENT, BORN, (id) => `recordEmploymentSupport(records: [${support('matrix-es', id)}, ${support('matrix-es-retract', id)}]) { created }`);
}

export const matrix = defineMatrix({
  prepare: employedFixtures,
  routes: (_f, w) => ({
    EmploymentSupport: memberRoute(w.idNumber, 'employmentSupport'),
    'Mutation.recordEmploymentSupport': mutation({ field: 'recordEmploymentSupport', args: `(records: [${support('matrix-es', w.idNumber)}])` }),
    'Mutation.retractEmploymentSupport': retraction('retractEmploymentSupport', 'matrix-es-retract'),
  }),
});
