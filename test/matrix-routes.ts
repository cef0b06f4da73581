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

/** `prepare` makes a module's own fixtures once, before any request; `routes` gives the routes for one role. */
export type MatrixPart<F = undefined> = {
  prepare?: (setUp: MatrixSetUp) => Promise<F>;
  routes: (landmarks: Landmarks, own: F, role: Role) => Routes;
};

export const query = (...steps: Step[]): Route => ({ operation: 'query', steps });
export const mutation = (...steps: Step[]): Route => ({ operation: 'mutation', steps });

export const defineMatrix = <F = undefined>(part: MatrixPart<F>): MatrixPart<F> => part;
