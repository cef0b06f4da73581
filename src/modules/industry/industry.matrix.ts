import { Role } from '../../kernel/role';
import { defineMatrix, memberRoute, memberWithRecords, mutation, retraction } from '../../../test/matrix-routes';

const support = (externalId: string, idNumber: string) =>
  `{ externalId: "${externalId}", idNumber: "${idNumber}", kind: PHOTOVOLTAIC_INCOME, project: "矩阵村光伏电站", amount: "1000.00", paidOn: "2026-06-30" }`;

/** An adult of the education bureau's school age too, so that every role that reads members sees them. */
const BORN: [string, string] = [`current_date - interval '24 years'`, `current_date - interval '18 years'`];

export const matrix = defineMatrix({
  prepare: (setUp) =>
    memberWithRecords(setUp, Role.POVERTY_OFFICE, BORN, (id) => `recordIndustrySupport(records: [${support('matrix-is', id)}, ${support('matrix-is-retract', id)}]) { created }`),
  routes: (_f, h) => ({
    IndustrySupport: memberRoute(h.idNumber, 'industrySupport'),
    'Mutation.recordIndustrySupport': mutation({ field: 'recordIndustrySupport', args: `(records: [${support('matrix-is', h.idNumber)}])` }),
    'Mutation.retractIndustrySupport': retraction('retractIndustrySupport', 'matrix-is-retract'),
  }),
});
