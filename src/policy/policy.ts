import { ALL_ROLES, Role } from '../kernel/role';
import type { MaskName } from './masks';
import { inPairedVillages, inRegionScopes, type RowRule } from './row-rules';

/**
 * THE permission policy, as data, in the shape of Hasura's per-role metadata:
 * - for every GraphQL type, which rows exist for a caller (`rows`: a rule per role, enforced in SQL);
 * - for every field, the roles that may read it, and roles that see it only masked;
 * - for every filter input field, the output field whose value it tests (filtering by a value you
 *   may not read would reveal it, so it is refused as that field would be).
 * graphql-shield rules, masks, filter checks, row scopes and docs/permissions.md are all generated
 * from these tables; a schema field with no entry is denied and fails the policy test.
 */
export type Reason = { zh: string; en: string };
export type FieldPolicy = { read: readonly Role[]; masked?: { roles: readonly Role[]; mask: MaskName }; reason?: Reason };
export type RowPolicy = { default: RowRule; byRole?: Partial<Record<Role, RowRule>> };
export type TypePolicy = { rows: RowPolicy | string; fields: Record<string, FieldPolicy> };

const { POVERTY_OFFICE, EDUCATION, HEALTH, FINANCE, CIVIL_AFFAIRS, HOUSING, EMPLOYMENT, AUDITOR } = Role;

const EVERYONE = ALL_ROLES;
/** Departments that work with individual households; donors see villages and aggregates only. */
const REGISTRY_READERS = [POVERTY_OFFICE, EDUCATION, HEALTH, FINANCE, CIVIL_AFFAIRS, HOUSING, EMPLOYMENT, AUDITOR];
/** Departments that must identify a person to post their own records against the right member. */
const IDENTITY_READERS = [POVERTY_OFFICE, EDUCATION, HEALTH, FINANCE, CIVIL_AFFAIRS, EMPLOYMENT, AUDITOR];
const HEALTH_READERS = [POVERTY_OFFICE, HEALTH, CIVIL_AFFAIRS, AUDITOR];
const INCOME_READERS = [POVERTY_OFFICE, CIVIL_AFFAIRS, AUDITOR];
const OVERSIGHT = [POVERTY_OFFICE, AUDITOR];

const REGION_ROWS: RowPolicy = { default: inRegionScopes };
const VILLAGE_ROWS: RowPolicy = { default: inRegionScopes, byRole: { CPPCC: inPairedVillages, BUSINESS_ASSOCIATION: inPairedVillages } };

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
    rows: 'each root field applies the row rule of the type it returns',
    fields: {
      ...all(EVERYONE, 'me', 'region', 'villages', 'village', 'apiKeys'),
      ...all(EVERYONE, 'policyParameter', 'policyParameters'),
      ...all(REGISTRY_READERS, 'households', 'household'),
      member: {
        read: IDENTITY_READERS,
        reason: { zh: '按身份证号查人须说明用途并留痕', en: 'Looking a person up by ID number needs a stated purpose and is logged' },
      },
      ...all(OVERSIGHT, 'organisations', 'accessHistory'),
      loanEligibility: {
        read: [POVERTY_OFFICE, FINANCE, AUDITOR],
        reason: { zh: '银行只得到资格结论和理由,不见健康、上学情况', en: 'Banks get the verdict and its reasons, nothing about health or schooling' },
      },
      loanEligibilities: {
        read: [POVERTY_OFFICE, FINANCE, AUDITOR],
        reason: { zh: '批量资格查询,每个身份证号都留痕并计入查询限额', en: 'A batch of checks: each ID number is logged and counts against the look-up budget' },
      },
      auditLog: { read: [AUDITOR], reason: { zh: '审计日志只供纪委/审计查阅', en: 'The audit log is for discipline inspection and audit' } },
      verifyAuditLog: { read: [AUDITOR], reason: { zh: '日志完整性由纪委/审计核验', en: 'Discipline inspection and audit check that the audit log is intact' } },
    },
  },
  Mutation: {
    rows: 'writes reach only rows the caller can see; anything else is NOT_FOUND',
    fields: {
      ...all(EVERYONE, 'createApiKey', 'rotateApiKey', 'revokeApiKey'),
      registerOrganisation: {
        read: [POVERTY_OFFICE],
        reason: { zh: '扶贫办在本辖区登记合作单位', en: 'The poverty office registers partner organisations in its region' },
      },
      pairOrganisation: { read: [POVERTY_OFFICE] },
      setOrganisationLimits: {
        read: [POVERTY_OFFICE],
        reason: { zh: '扶贫办为本辖区合作单位设定访问和查询限额', en: 'The poverty office sets the request and look-up budgets of partners in its region' },
      },
      changeVillageStatus: {
        read: [POVERTY_OFFICE],
        reason: { zh: '贫困村识别、退出和回退由扶贫办办理', en: 'The poverty office identifies, exits and rolls back poor villages' },
      },
      setPolicyParameter: {
        read: [POVERTY_OFFICE],
        reason: { zh: '扶贫办在本辖区内设定政策参数', en: 'The poverty office sets policy parameters inside its own region' },
      },
      ...all([POVERTY_OFFICE], 'registerHousehold', 'updateHousehold', 'changeHouseholdStatus', 'addMember', 'updateMember', 'removeMember', 'mergeHouseholds'),
    },
  },
  Viewer: {
    rows: 'the caller itself',
    fields: all(EVERYONE, 'organisationId', 'organisationName', 'role', 'scopes', 'apiKeyPrefix', 'limits'),
  },
  RateLimits: {
    rows: 'the budgets of the organisation above',
    fields: all(EVERYONE, 'requestsPerMinute', 'requestsPerMinuteIsDefault', 'lookupsPerHour', 'lookupsPerHourIsDefault'),
  },
  PageInfo: { rows: 'as the list', fields: all(EVERYONE, 'hasNextPage', 'endCursor') },
  Region: {
    rows: REGION_ROWS,
    fields: {
      ...all(EVERYONE, 'code', 'name', 'level', 'parent', 'children'),
    },
  },
  Village: {
    rows: VILLAGE_ROWS,
    fields: {
      ...all(EVERYONE, 'code', 'name', 'povertyStatus', 'exitYear', 'groupCount', 'township', 'facilities', 'collectiveIncome'),
      ...all(EVERYONE, 'agriculturalPopulation'),
      exitReadiness: {
        read: EVERYONE,
        reason: { zh: '退出评估是村级汇总数据,不含个人信息', en: 'The exit test is village-level aggregate data with no personal data' },
      },
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
  VillageExitReadiness: { rows: 'as the village', fields: all(EVERYONE, 'year', 'ready', 'items') },
  VillageExitItem: {
    rows: 'as the village',
    fields: all(EVERYONE, 'item', 'verdict', 'evidence', 'poorPersons', 'agriculturalPopulation', 'incidence', 'collectiveIncome', 'threshold'),
  },
  ...connection('Village', EVERYONE),
  Household: {
    rows: REGION_ROWS,
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
      ...all(INCOME_READERS, 'foodAndClothingSecure', 'safeDrinkingWater', 'priorityScore', 'statusHistory'),
      housingGrade: { read: [...INCOME_READERS, HOUSING] },
      assurance: {
        read: INCOME_READERS,
        reason: { zh: '脱贫核验涉及收入、医保和在校情况', en: 'The exit test rests on income, insurance and schooling records' },
      },
      identification: { read: OVERSIGHT },
    },
  },
  StatusChange: {
    rows: 'history of households the caller can see',
    fields: all(INCOME_READERS, 'kind', 'fromStatus', 'toStatus', 'reason', 'effectiveDate', 'organisation', 'overrideJustification', 'failedItems', 'recordedAt'),
  },
  Assurance: { rows: 'as the household', fields: all(INCOME_READERS, 'year', 'passed', 'items') },
  AssuranceItem: { rows: 'as the household', fields: all(INCOME_READERS, 'item', 'verdict', 'evidence') },
  AssuranceEvidence: { rows: 'as the household', fields: all(INCOME_READERS, 'source', 'department', 'recordedAt', 'detail') },
  Identification: { rows: 'as the household', fields: all(OVERSIGHT, 'excludedBy', 'overrideJustification', 'priorityScore', 'durableGoods', 'assessedAt') },
  ...connection('Household', REGISTRY_READERS),
  Member: {
    rows: 'members of households the caller can see',
    fields: {
      ...all(REGISTRY_READERS, 'id', 'name', 'relation', 'sex', 'ageGroup'),
      birthDate: {
        read: IDENTITY_READERS,
        reason: { zh: '住建见脱敏身份证号,出生日期即被隐去的部分,故只给年龄段', en: 'Housing sees ID numbers masked, whose hidden part is the birth date: it gets the age group instead' },
      },
      idNumber: {
        read: IDENTITY_READERS,
        masked: { roles: [HOUSING], mask: 'idNumber' },
        reason: { zh: '住建按户工作,只见脱敏身份证号', en: 'Housing works by household and sees ID numbers masked' },
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
      household: { read: REGISTRY_READERS },
      version: { read: REGISTRY_READERS },
    },
  },
  ApiKey: {
    rows: "the caller's own organisation's keys",
    fields: all(EVERYONE, 'id', 'prefix', 'name', 'createdAt', 'expiresAt', 'revokedAt'),
  },
  CreatedApiKey: { rows: 'the key just made', fields: all(EVERYONE, 'key', 'apiKey') },
  Organisation: {
    rows: "organisations whose every scope lies inside the caller's scopes",
    fields: {
      ...all(EVERYONE, 'id', 'name', 'role', 'scopes', 'createdAt'),
      limits: {
        read: OVERSIGHT,
        reason: { zh: '合作单位的限额由扶贫办设定、审计监督', en: "Partners' budgets are set by the poverty office and overseen by audit" },
      },
    },
  },
  RegisteredOrganisation: { rows: 'the organisation just registered', fields: all([POVERTY_OFFICE], 'organisation', 'key') },
  OrganisationPairing: {
    rows: 'pairings of villages the caller can see',
    fields: all([POVERTY_OFFICE], 'organisation', 'village', 'since'),
  },
  AuditEntry: {
    rows: REGION_ROWS,
    fields: all([AUDITOR], 'id', 'at', 'organisation', 'apiKeyPrefix', 'operation', 'entity', 'entityId', 'regionCode', 'before', 'after'),
  },
  ...connection('AuditEntry', [AUDITOR]),
  AuditLogVerification: {
    rows: 'one verdict on the whole log: ids and verdicts only, no entry of another region',
    fields: all([AUDITOR], 'intact', 'entries', 'headHash', 'brokenEntryId', 'problem', 'detail'),
  },
  PolicyParameter: {
    rows: 'every row, across regions: parameters are published policy, not registry data',
    fields: all(EVERYONE, 'id', 'name', 'unit', 'value', 'regionPrefix', 'fromYear', 'toYear', 'source'),
  },
  LoanEligibility: { rows: 'the person looked up, if registered in scope', fields: all([POVERTY_OFFICE, FINANCE, AUDITOR], 'idNumber', 'eligible', 'reasons', 'ceiling', 'termMonths', 'checkedOn') },
  AccessLogEntry: {
    rows: REGION_ROWS,
    fields: all(OVERSIGHT, 'at', 'organisation', 'lookup', 'purpose', 'found'),
  },
};

/** For each ordering enum value, the output field it sorts by: sorting by a hidden value reveals it, as a filter would. */
export const ORDERINGS: Record<string, Record<string, string>> = {
  HouseholdOrder: { ID: 'Household.id', PRIORITY: 'Household.priorityScore' },
};

/** For each filter input field, the output field whose value it tests. */
export const FILTERS: Record<string, Record<string, string>> = {
  VillageFilter: { regionCode: 'Village.code', povertyStatus: 'Village.povertyStatus' },
  HouseholdFilter: {
    regionCode: 'Household.village',
    status: 'Household.status',
    category: 'Household.category',
    cause: 'Household.causes',
  },
  AuditLogFilter: {
    regionCode: 'AuditEntry.regionCode',
    entity: 'AuditEntry.entity',
    organisationId: 'AuditEntry.organisation',
    from: 'AuditEntry.at',
    to: 'AuditEntry.at',
  },
};

export function fieldPolicy(typeAndField: string): FieldPolicy | undefined {
  const [type, field] = typeAndField.split('.');
  return POLICY[type]?.fields[field];
}

export function rowRule(type: string, role: Role): RowRule {
  const rows = POLICY[type]?.rows;
  if (!rows || typeof rows === 'string') throw new Error(`The policy has no row rule for ${type}`);
  return rows.byRole?.[role] ?? rows.default;
}
