import { Role } from '../../kernel/role';
import { defineMatrix, memberRoute, memberWithRecords, mutation, retraction } from '../../../test/matrix-routes';

const support = (externalId: string, idNumber: string) =>
  `{ externalId: "${externalId}", idNumber: "${idNumber}", kind: PUBLIC_WELFARE_POST, title: "矩阵护林员", amount: "360.00", date: "2026-01-01", until: "2026-12-31" }`;

/** Of working age and of the education bureau's school age too, so that every role that reads members sees them. */
const BORN: [string, string] = [`current_date - interval '24 years'`, `current_date - interval '18 years'`];

export const matrix = defineMatrix({
  prepare: (setUp) =>
    memberWithRecords(setUp, Role.EMPLOYMENT, BORN, (id) => `recordEmploymentSupport(records: [${support('matrix-es', id)}, ${support('matrix-es-retract', id)}]) { created }`),
  routes: (_f, w) => ({
    EmploymentSupport: memberRoute(w.idNumber, 'employmentSupport'),
    'Mutation.recordEmploymentSupport': mutation({ field: 'recordEmploymentSupport', args: `(records: [${support('matrix-es', w.idNumber)}])` }),
    'Mutation.retractEmploymentSupport': retraction('retractEmploymentSupport', 'matrix-es-retract'),
  }),
});
