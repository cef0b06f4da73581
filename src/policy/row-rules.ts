import type { Role } from '../kernel/role';
import type { Viewer } from '../kernel/viewer';

/**
 * A row rule names which rows of a type exist for a caller, as region-code prefixes that the
 * row's code must start with. Prefixes match in SQL (see row-scope.ts); an empty list matches
 * nothing.
 */
export type RowRule = { describe: string; prefixes: (viewer: Viewer) => readonly string[] };

/** A type's row rule: one for every role, and any role's own. */
export type RowPolicy = { default: RowRule; byRole?: Partial<Record<Role, RowRule>> };

export const inRegionScopes: RowRule = {
  describe: "region code starts with one of the caller's scope prefixes",
  prefixes: (viewer) => viewer.scopes,
};

/** Donors (万企帮万村, 政协委员联系贫困村) see the villages they are paired with, inside their region scopes. */
export const inPairedVillages: RowRule = {
  describe: "village is paired with the caller's organisation (organisation_pairing) and inside its scopes",
  prefixes: (viewer) => viewer.pairedVillages.filter((code) => viewer.scopes.some((scope) => code.startsWith(scope))),
};

export const REGION_ROWS: RowPolicy = { default: inRegionScopes };
export const VILLAGE_ROWS: RowPolicy = { default: inRegionScopes, byRole: { CPPCC: inPairedVillages, BUSINESS_ASSOCIATION: inPairedVillages } };
