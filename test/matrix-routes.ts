import type { Role } from '../src/kernel/role';
import type { TestApp } from './harness';

/**
 * What a module gives the permission matrix (test/permission-matrix.test.ts): how to reach each of
 * its types and root fields from the root, in `src/modules/<name>/<name>.matrix.ts`, found by the
 * module's name. A route is keyed by a type (its fields are read at the end of the route) or by
 * `Type.field` (that field's own route, for root fields that need arguments or their own rows).
 */
export type Step = { field: string; args?: string };
export type Route = { operation: 'query' | 'mutation'; steps: Step[] };
export type Routes = Record<string, Route>;

/** The demo data's landmarks every module's routes may start from. */
export type Landmarks = {
  countyCode: string;
  /** A member of the demo county. */
  idNumber: string;
  /** The demo county's CPPCC organisation, and a village it is paired with. */
  donorId: number;
  villageCode: string;
};

export type MatrixSetUp = { t: TestApp; keyOf: (role: Role) => string };

/**
 * A row rule of the registry's people proven on one role, as data: reading as `role`, each row of
 * `sees` is there and each of `hides` is not, while the poverty office sees every one of them (so
 * that it is the rule that hides a row, not the data). Rows are database ids of `type`.
 */
export type RowCase = { role: Role; type: 'Household' | 'Member'; why: string; sees: number[]; hides: number[] };

/**
 * `prepare` makes a module's own fixtures once, before any request; `routes` gives the routes for
 * one role; `rows` the row cases of the rules its fixtures prove.
 */
export type MatrixPart<F = undefined> = {
  prepare?: (setUp: MatrixSetUp) => Promise<F>;
  routes: (landmarks: Landmarks, own: F, role: Role) => Routes;
  rows?: (own: F) => RowCase[];
};

export const query = (...steps: Step[]): Route => ({ operation: 'query', steps });
export const mutation = (...steps: Step[]): Route => ({ operation: 'mutation', steps });

export const defineMatrix = <F = undefined>(part: MatrixPart<F>): MatrixPart<F> => part;

/**
 * A sector's matrix fixture: the first member of the demo county born within `born` (SQL bounds
 * on birth_date, e.g. `current_date - interval '24 years'`) and meeting `also` (SQL on `member m`
 * and `household h`), with the records `mutations` writes for them as `role` (its records and one
 * of each to retract), refused loudly if any is refused.
 */
export async function memberWithRecords(
  { t, keyOf }: MatrixSetUp,
  role: Role,
  born: [string, string],
  mutations: (idNumber: string) => string,
  also = 'true',
): Promise<{ idNumber: string }> {
  const [member] = await t.sql<{ id_number: string }>(
    `select m.id_number from member m join household h on h.id = m.household_id
     where h.village_code like '430923%' and h.status <> 'REMOVED' and m.birth_date between ${born[0]} and ${born[1]} and ${also}
     order by m.id limit 1`,
  );
  const { body } = await t.gql(keyOf(role), `mutation { ${mutations(member.id_number)} }`);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { idNumber: member.id_number };
}

/**
 * A record of `role`'s for an adult of the household the civil-affairs matrix gave its 低保
 * (prepared first, in the module list's order), which has every sector's records: so
 * MeasureTotal's route there finds each reading sector's own too. `mutation` records for an ID number.
 */
export async function recordForTheMeasuredHousehold({ t, keyOf }: MatrixSetUp, role: Role, mutation: (idNumber: string) => string): Promise<void> {
  const [adult] = await t.sql<{ id_number: string }>(
    `select a.id_number from social_assistance s join member a on a.household_id = s.household_id
     where s.external_id = 'matrix-sa' and a.birth_date between current_date - interval '60 years' and current_date - interval '20 years' order by a.id limit 1`,
  );
  const { body } = await t.gql(keyOf(role), `mutation { ${mutation(adult.id_number)} }`);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

/** The route to one of a member's own record lists, through the look-up by ID number. */
export const memberRoute = (idNumber: string, field: string): Route =>
  query({ field: 'member', args: `(idNumber: "${idNumber}", purpose: "permission matrix test")` }, { field });

/** The route of a retraction of one record. */
export const retraction = (field: string, externalId: string): Route => mutation({ field, args: `(externalIds: ["${externalId}"], reason: "矩阵 matrix")` });
