import { apiKeyPrefix, hashApiKey } from '../../src/modules/auth/api-key-hash';
import { ALL_ROLES, Role } from '../../src/kernel/role';
import { COUNTIES } from './region-data';
import { VillagePovertyStatus } from '../../src/modules/regions/region.enums';
import type { ApiKeyRow, OrganisationRow, PairingRow, RegionRow } from './rows';

export type DemoKey = { key: string; role: Role; county: string; countyName: string; organisation: string };

/** The demo counties; the first one's keys have no suffix, the second one's end in -2 (API.md). */
export const DEMO_COUNTIES: readonly { code: string; name: string }[] = COUNTIES.map(({ code, name }) => ({ code, name }));

/** `short` drops 县/市: banks are called after the place, e.g. 安化农村商业银行. */
const ORGANISATION_NAMES: Record<Role, (county: string, short: string) => string> = {
  [Role.POVERTY_OFFICE]: (county) => `${county}扶贫开发办公室`,
  [Role.EDUCATION]: (county) => `${county}教育局`,
  [Role.HEALTH]: (county) => `${county}医疗保障局`,
  [Role.FINANCE]: (_, short) => `${short}农村商业银行`,
  [Role.CIVIL_AFFAIRS]: (county) => `${county}民政局`,
  [Role.HOUSING]: (county) => `${county}住房和城乡建设局`,
  [Role.EMPLOYMENT]: (county) => `${county}人力资源和社会保障局`,
  [Role.CPPCC]: (county) => `政协${county}委员会`,
  [Role.BUSINESS_ASSOCIATION]: (county) => `${county}工商业联合会`,
  [Role.AUDITOR]: (county) => `中共${county}纪律检查委员会`,
  [Role.BACKING_UNIT]: (county) => `${county}财政局(后盾单位)`,
};

const DEMO_KEY_NAME = 'demo key';

/** Each county's key of a role: no suffix in the first county, -2 in the second (API.md). */
const countySuffix = (countyIndex: number) => (countyIndex === 0 ? '' : `-${countyIndex + 1}`);

/**
 * One organisation per role in each county, then a second bank in each (demo-finance-b,
 * demo-finance-b-2), so that the demo data holds small loans of two banks to one county's
 * households: a bank's eligibility check counts what they owe the other without naming it.
 */
export const DEMO_KEYS: readonly DemoKey[] = [
  ...DEMO_COUNTIES.flatMap((county, countyIndex) =>
    ALL_ROLES.map((role) => ({
      key: `demo-${role.toLowerCase().replaceAll('_', '-')}${countySuffix(countyIndex)}`,
      role,
      county: county.code,
      countyName: county.name,
      organisation: ORGANISATION_NAMES[role](county.name, county.name.slice(0, -1)),
    })),
  ),
  ...DEMO_COUNTIES.map((county, countyIndex) => ({
    key: `demo-finance-b${countySuffix(countyIndex)}`,
    role: Role.FINANCE,
    county: county.code,
    countyName: county.name,
    organisation: `中国邮政储蓄银行${county.name}支行`,
  })),
];

/** One organisation per demo key, numbered in DEMO_KEYS order, scoped to its county. */
export function demoOrganisations(): OrganisationRow[] {
  return DEMO_KEYS.map((demo, index) => ({
    id: index + 1,
    name: demo.organisation,
    role: demo.role,
    scopes: [demo.county],
  }));
}

export function demoApiKeys(): ApiKeyRow[] {
  return DEMO_KEYS.map((demo, index) => ({
    id: index + 1,
    organisationId: index + 1,
    prefix: apiKeyPrefix(demo.key),
    keyHash: hashApiKey(demo.key),
    name: DEMO_KEY_NAME,
  }));
}

/** Villages each donor organisation is paired with: the first registered poor villages of its county. */
const VILLAGES_PER_DONOR = 3;
const DONOR_ROLES: readonly Role[] = [Role.CPPCC, Role.BUSINESS_ASSOCIATION];

/**
 * 万企帮万村 and the CPPCC's 2018 plan pair donors with poor villages. Each donor of a county takes
 * the next three poor (or exited poor) villages in code order, so donors of one county never
 * share a village and each sees a different slice.
 */
export function demoPairings(regions: readonly RegionRow[]): PairingRow[] {
  const organisations = demoOrganisations();
  return DEMO_COUNTIES.flatMap((county) => {
    const poorVillages = regions
      .filter((r) => r.code.startsWith(county.code) && r.village && r.village.povertyStatus !== VillagePovertyStatus.NON_POOR)
      .map((r) => r.code)
      .sort();
    const donors = organisations.filter((o) => DONOR_ROLES.includes(o.role) && o.scopes[0] === county.code);
    return donors.flatMap((donor, i) =>
      poorVillages.slice(i * VILLAGES_PER_DONOR, (i + 1) * VILLAGES_PER_DONOR).map((villageCode) => ({ organisationId: donor.id, villageCode })),
    );
  });
}
