import { Role } from '../../kernel/role';
import { defineMatrix, mutation, query, type MatrixSetUp } from '../../../test/matrix-routes';

type Housed = { idNumber: string; householdId: number };

const renovation = (externalId: string, idNumber: string) =>
  `{ externalId: "${externalId}", idNumber: "${idNumber}", kind: RENOVATION, date: "2026-03-01", subsidy: "8000.00", completedOn: "2026-09-30" }`;
const assessment = (externalId: string, idNumber: string) =>
  `{ externalId: "${externalId}", idNumber: "${idNumber}", kind: ASSESSMENT, date: "2026-02-01", grade: C, assessor: "矩阵县房屋安全鉴定站" }`;
const relocation = (externalId: string, idNumber: string) =>
  `{ externalId: "${externalId}", idNumber: "${idNumber}", kind: RELOCATION, date: "2026-05-20", site: "矩阵镇安置点" }`;

/**
 * One record of each kind from the county's housing bureau, and one to retract, on the household
 * the civil-affairs matrix gave its 低保 (prepared before this one, in the module list's order), which
 * has every sector's records: so MeasureTotal's route there finds the bureau's too.
 */
async function housedFixtures({ t, keyOf }: MatrixSetUp): Promise<Housed> {
  const [member] = await t.sql<{ id_number: string; household_id: number }>(
    `select m.id_number, m.household_id from social_assistance s join member m on m.id = s.member_id where s.external_id = 'matrix-sa'`,
  );
  const id = member.id_number;
  const { body } = await t.gql(
    keyOf(Role.HOUSING),
    `mutation { recordHousingMeasures(records: [${assessment('matrix-ha', id)}, ${renovation('matrix-hr', id)}, ${relocation('matrix-hm', id)}, ${renovation('matrix-h-retract', id)}]) { created unchanged } }`,
  );
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { idNumber: id, householdId: member.household_id };
}

export const matrix = defineMatrix<Housed>({
  prepare: housedFixtures,
  routes: (_f, h) => {
    const household = { field: 'household', args: `(id: "${h.householdId}")` };
    return {
      HousingAssessment: query(household, { field: 'housingAssessments' }),
      HousingRenovation: query(household, { field: 'housingRenovations' }),
      Relocation: query(household, { field: 'relocations' }),
      'Mutation.recordHousingMeasures': mutation({ field: 'recordHousingMeasures', args: `(records: [${renovation('matrix-hr', h.idNumber)}])` }),
      'Mutation.retractHousingMeasures': mutation({ field: 'retractHousingMeasures', args: '(externalIds: ["matrix-h-retract"], reason: "矩阵 matrix")' }),
    };
  },
});
