/**
 * What a module gives test/query-plans.test.ts, in its `<name>.plans.ts` (found through the module
 * list, test/module-files.ts).
 */

/** Places of the demo registry that reads name: the first county's village with the most households, its township, the village's last household and that household's first member. */
export type PlanLandmarks = { village: string; township: string; householdId: number; idNumber: string; thisYear: number };

/** A main read: its name, the demo key that sends it, and its query. */
export type ReadPath = [name: string, key: string, query: (l: PlanLandmarks) => string];

export type ModulePlans = {
  /** Its main reads: planned as the API role, none may scan a registry table sequentially or discard over ten rows a row. */
  reads: readonly ReadPath[];
  /** Its tables that a sequential scan of is a fault (a registry table, which grows with the register). */
  tables?: readonly string[];
  /** Its tables under a region-range policy, each with the column the caller's scopes test. */
  ranges?: readonly [table: string, column: string][];
};

export const definePlans = (plans: ModulePlans): ModulePlans => plans;
