import { ALL_ROLES, Role } from '../kernel/role';

/**
 * The groups of roles the modules' policy files grant fields to, named once so that every
 * module means the same departments by the same word.
 */
const { POVERTY_OFFICE, EDUCATION, HEALTH, FINANCE, CIVIL_AFFAIRS, HOUSING, EMPLOYMENT, AUDITOR } = Role;

export const EVERYONE = ALL_ROLES;
/** Departments that work with individual households; donors see villages and aggregates only. */
export const REGISTRY_READERS = [POVERTY_OFFICE, EDUCATION, HEALTH, FINANCE, CIVIL_AFFAIRS, HOUSING, EMPLOYMENT, AUDITOR];
/** Departments that must identify a person to post their own records against the right member. */
export const IDENTITY_READERS = [POVERTY_OFFICE, EDUCATION, HEALTH, FINANCE, CIVIL_AFFAIRS, EMPLOYMENT, AUDITOR];
export const HEALTH_READERS = [POVERTY_OFFICE, HEALTH, CIVIL_AFFAIRS, AUDITOR];
export const INCOME_READERS = [POVERTY_OFFICE, CIVIL_AFFAIRS, AUDITOR];
export const OVERSIGHT = [POVERTY_OFFICE, AUDITOR];
/**
 * What a backing unit's cadre needs on a visit (入户走访) to the households the unit is paired
 * with: who lives there and how the household stands, nothing that identifies a person beyond
 * their name (no ID numbers, birth dates), nor income, health, disability or causes of poverty.
 */
export const VISIT_READERS = [...REGISTRY_READERS, Role.BACKING_UNIT];
