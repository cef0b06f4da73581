import { Role } from '../../kernel/role';
import { all, type ModulePolicy } from '../../policy/policy';
import { EVERYONE, OVERSIGHT } from '../../policy/role-groups';

const { POVERTY_OFFICE } = Role;

export const authPolicy: ModulePolicy = {
  types: {
    Viewer: {
      rows: 'the caller itself',
      fields: all(EVERYONE, 'organisationId', 'organisationName', 'role', 'scopes', 'apiKeyPrefix', 'limits'),
    },
    RateLimits: {
      rows: 'the budgets of the organisation above',
      fields: all(EVERYONE, 'requestsPerMinute', 'requestsPerMinuteIsDefault', 'lookupsPerHour', 'lookupsPerHourIsDefault'),
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
  },
  fields: {
    Query: {
      ...all(EVERYONE, 'me', 'apiKeys'),
      ...all(OVERSIGHT, 'organisations'),
    },
    Mutation: {
      ...all(EVERYONE, 'createApiKey', 'rotateApiKey', 'revokeApiKey'),
      registerOrganisation: {
        read: [POVERTY_OFFICE],
        reason: { zh: '扶贫办在本辖区登记合作单位', en: 'The poverty office registers partner organisations in its region' },
      },
      setOrganisationLimits: {
        read: [POVERTY_OFFICE],
        reason: { zh: '扶贫办为本辖区合作单位设定访问和查询限额', en: 'The poverty office sets the request and look-up budgets of partners in its region' },
      },
    },
  },
};
