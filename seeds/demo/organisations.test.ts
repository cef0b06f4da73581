import { apiKeyPrefix, hashApiKey } from '../../src/modules/auth/api-key-hash';
import { ALL_ROLES, Role } from '../../src/kernel/role';
import { DEMO_COUNTIES, DEMO_KEYS, demoApiKeys, demoOrganisations } from './organisations';

describe('demo organisations and keys', () => {
  it('name the two demo counties', () => {
    expect(DEMO_COUNTIES).toEqual([
      { code: '430923', name: '安化县' },
      { code: '430981', name: '沅江市' },
    ]);
  });

  it('have one well-known key per role and county, and a second bank’s in each county', () => {
    const perRole = ALL_ROLES.length * DEMO_COUNTIES.length;
    expect(DEMO_KEYS).toHaveLength(perRole + DEMO_COUNTIES.length);
    expect(DEMO_KEYS.filter((k) => k.county === '430923').map((k) => k.role)).toEqual([...ALL_ROLES, Role.FINANCE]);
    expect(DEMO_KEYS.slice(perRole).map((k) => [k.key, k.organisation])).toEqual([['demo-finance-b', '中国邮政储蓄银行安化县支行'], ['demo-finance-b-2', '中国邮政储蓄银行沅江市支行']]);
    const keys = DEMO_KEYS.map((k) => k.key);
    expect(keys).toContain('demo-poverty-office');
    expect(keys).toContain('demo-business-association');
    expect(keys).toContain('demo-civil-affairs-2');
    expect(new Set(keys).size).toBe(DEMO_KEYS.length);
    expect(DEMO_KEYS.find((k) => k.key === 'demo-finance')).toEqual({
      key: 'demo-finance',
      role: Role.FINANCE,
      county: '430923',
      countyName: '安化县',
      organisation: '安化农村商业银行',
    });
  });

  it('scope each organisation to its county and store only hashes of the keys', () => {
    const organisations = demoOrganisations();
    expect(organisations[0]).toEqual({ id: 1, name: '安化县扶贫开发办公室', role: Role.POVERTY_OFFICE, scopes: ['430923'] });
    expect(organisations[ALL_ROLES.length * 2 - 1]).toMatchObject({ id: ALL_ROLES.length * 2, role: ALL_ROLES.at(-1), scopes: ['430981'] });
    const apiKeys = demoApiKeys();
    expect(apiKeys[ALL_ROLES.length]).toEqual({
      id: ALL_ROLES.length + 1,
      organisationId: ALL_ROLES.length + 1,
      prefix: apiKeyPrefix('demo-poverty-office-2'),
      keyHash: hashApiKey('demo-poverty-office-2'),
      name: 'demo key',
    });
  });
});
