import { ALL_ROLES, Role } from '../modules/auth/role';

/**
 * THE permission policy: for every GraphQL type, which rows exist for a caller, and for every
 * field, which roles may read it. graphql-shield rules and docs/permissions.md are generated from
 * this table; a field with no entry is denied and fails the policy test. Read DOMAIN.md's role
 * table beside it.
 */
export type Reason = { zh: string; en: string };
export type FieldPolicy = { read: readonly Role[]; reason?: Reason };
export type TypePolicy = { rows: string; fields: Record<string, FieldPolicy> };

const { POVERTY_OFFICE, EDUCATION, HEALTH, FINANCE, CIVIL_AFFAIRS, HOUSING, EMPLOYMENT, AUDITOR } = Role;

const EVERYONE = ALL_ROLES;
/** Departments that work with individual households; donors see villages and aggregates only. */
const REGISTRY_READERS = [POVERTY_OFFICE, EDUCATION, HEALTH, FINANCE, CIVIL_AFFAIRS, HOUSING, EMPLOYMENT, AUDITOR];
/** Departments that must identify a person to post their own records against the right member. */
const IDENTITY_READERS = [POVERTY_OFFICE, EDUCATION, HEALTH, FINANCE, CIVIL_AFFAIRS, EMPLOYMENT, AUDITOR];
const HEALTH_READERS = [POVERTY_OFFICE, HEALTH, CIVIL_AFFAIRS, AUDITOR];
const INCOME_READERS = [POVERTY_OFFICE, CIVIL_AFFAIRS, AUDITOR];

const REGION_ROWS = "regions whose code starts with one of the caller's scope prefixes";
const HOUSEHOLD_ROWS = "households whose village code starts with one of the caller's scope prefixes";

const all = (read: readonly Role[], ...fields: string[]): Record<string, FieldPolicy> =>
  Object.fromEntries(fields.map((f) => [f, { read }]));

/** The Relay wrapper types of a list are readable by whoever may read the list itself. */
function connection(name: string, read: readonly Role[]): Record<string, TypePolicy> {
  return {
    [`${name}Connection`]: { rows: 'as the list', fields: all(read, 'edges', 'pageInfo', 'totalCount') },
    [`${name}Edge`]: { rows: 'as the list', fields: all(read, 'cursor', 'node') },
  };
}

export const POLICY: Record<string, TypePolicy> = {
  Query: {
    rows: 'each root field applies the row scope of the type it returns',
    fields: {
      ...all(EVERYONE, 'me', 'region', 'villages', 'village'),
      ...all(REGISTRY_READERS, 'households', 'household'),
    },
  },
  Viewer: {
    rows: 'the caller itself',
    fields: all(EVERYONE, 'organisationId', 'organisationName', 'role', 'scopes', 'apiKeyPrefix'),
  },
  PageInfo: { rows: 'as the list', fields: all(EVERYONE, 'hasNextPage', 'endCursor') },
  Region: { rows: REGION_ROWS, fields: all(EVERYONE, 'code', 'name', 'level', 'parent', 'children') },
  Village: {
    rows: REGION_ROWS,
    fields: {
      ...all(EVERYONE, 'code', 'name', 'povertyStatus', 'exitYear', 'groupCount', 'township', 'facilities', 'collectiveIncome'),
      households: {
        read: REGISTRY_READERS,
        reason: { zh: '捐赠方只看结对村和汇总数据,不看具体农户', en: 'Donors see paired villages and aggregates, never individual households' },
      },
    },
  },
  VillageFacilities: {
    rows: 'as the village',
    fields: all(EVERYONE, 'cultureRoom', 'clinic', 'telecom', 'hardenedRoad', 'collectiveEconomy'),
  },
  ...connection('Village', EVERYONE),
  Household: {
    rows: HOUSEHOLD_ROWS,
    fields: {
      ...all(REGISTRY_READERS, 'id', 'number', 'groupNo', 'registrationYear', 'status', 'exitYear', 'category', 'version', 'village', 'members', 'head'),
      causes: {
        read: [POVERTY_OFFICE, CIVIL_AFFAIRS, AUDITOR],
        reason: { zh: '致贫原因可推断疾病和残疾,仅扶贫、民政和审计可见', en: 'Causes reveal illness and disability; only poverty office, civil affairs and audit' },
      },
      incomePerCapita: {
        read: INCOME_READERS,
        reason: { zh: '收入只给需要核定低保和脱贫的部门', en: 'Income only to those who assess subsistence allowance and exit' },
      },
    },
  },
  ...connection('Household', REGISTRY_READERS),
  Member: {
    rows: 'members of households the caller can see',
    fields: {
      ...all(REGISTRY_READERS, 'id', 'name', 'relation', 'sex', 'birthDate'),
      idNumber: {
        read: IDENTITY_READERS,
        reason: { zh: '住建按户工作,不需要身份证号', en: 'Housing works by household and needs no ID numbers' },
      },
      education: { read: [POVERTY_OFFICE, EDUCATION, EMPLOYMENT, AUDITOR] },
      schoolStage: { read: [POVERTY_OFFICE, EDUCATION, AUDITOR] },
      health: {
        read: HEALTH_READERS,
        reason: { zh: '健康状况是敏感个人信息,银行、学校、住建、人社不可见', en: 'Health is sensitive personal data: not for banks, schools, housing or employment' },
      },
      disabilityGrade: { read: HEALTH_READERS },
      labourCapacity: {
        read: [POVERTY_OFFICE, FINANCE, EMPLOYMENT, CIVIL_AFFAIRS, AUDITOR],
        reason: { zh: '银行据劳动能力判断小额信贷资格', en: 'Banks judge small-loan eligibility by labour capacity' },
      },
      employment: { read: [POVERTY_OFFICE, EMPLOYMENT, CIVIL_AFFAIRS, AUDITOR] },
      medicalInsurance: { read: [POVERTY_OFFICE, HEALTH, CIVIL_AFFAIRS, AUDITOR] },
    },
  },
};

export function fieldPolicy(type: string, field: string): FieldPolicy | undefined {
  return POLICY[type]?.fields[field];
}
