import { Role } from '../../kernel/role';
import { defineMatrix, mutation, query, type MatrixSetUp } from '../../../test/matrix-routes';

type Assisted = { idNumber: string; householdId: number };

const assistance = (externalId: string, idNumber: string) =>
  `{ externalId: "${externalId}", idNumber: "${idNumber}", kind: SUBSISTENCE_ALLOWANCE, amount: "250.00", from: "2026-01-01" }`;

/**
 * A child of the demo county (every role that reads members sees a child) whose household the
 * demo data gives the education bureau's enrolments and the health bureau's insurance, so that
 * every role that reads measures finds some in its totals, with an adult the employment bureau
 * can record a post for (employment.matrix.ts), with 低保 from the county's
 * civil-affairs office (its household is GENERAL, so it is also a mismatch), and one to retract.
 */
async function assistedFixtures({ t, keyOf }: MatrixSetUp): Promise<Assisted> {
  const [child] = await t.sql<{ id_number: string; household_id: number }>(
    `select m.id_number, m.household_id from member m join household h on h.id = m.household_id
     where h.village_code like '430923%' and h.status <> 'REMOVED' and m.birth_date between current_date - interval '15 years' and current_date - interval '8 years'
       and exists (select 1 from enrolment e where e.household_id = h.id) and exists (select 1 from insurance_enrolment i where i.household_id = h.id)
       and exists (select 1 from member a where a.household_id = h.id and a.birth_date between current_date - interval '60 years' and current_date - interval '20 years')
     order by m.id limit 1`,
  );
  await t.sql(`update household set category = 'GENERAL' where id = ?`, [child.household_id]);
  const { body } = await t.gql(
    keyOf(Role.CIVIL_AFFAIRS),
    `mutation { recordSocialAssistance(records: [${assistance('matrix-sa', child.id_number)}, ${assistance('matrix-sa-retract', child.id_number)}]) { created unchanged } }`,
  );
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { idNumber: child.id_number, householdId: child.household_id };
}

export const matrix = defineMatrix<Assisted>({
  prepare: assistedFixtures,
  routes: (_f, a) => {
    const mismatches = { field: 'socialAssistanceMismatches', args: '(first: 1)' };
    return {
      SocialAssistance: query({ field: 'member', args: `(idNumber: "${a.idNumber}", purpose: "permission matrix test")` }, { field: 'socialAssistance' }),
      SocialAssistanceMismatchConnection: query(mismatches),
      SocialAssistanceMismatchEdge: query(mismatches, { field: 'edges' }),
      // The engine's totals (src/sync): on a household with records of every sector.
      MeasureTotal: query({ field: 'household', args: `(id: "${a.householdId}")` }, { field: 'measureTotals' }),
      'Mutation.recordSocialAssistance': mutation({ field: 'recordSocialAssistance', args: `(records: [${assistance('matrix-sa', a.idNumber)}])` }),
      'Mutation.retractSocialAssistance': mutation({ field: 'retractSocialAssistance', args: '(externalIds: ["matrix-sa-retract"], reason: "矩阵 matrix")' }),
    };
  },
});
