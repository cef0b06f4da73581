import { registerEnumType } from 'type-graphql';

/** A partner organisation's department (DOMAIN.md, "The people who use it"). */
export enum Role {
  POVERTY_OFFICE = 'POVERTY_OFFICE',
  EDUCATION = 'EDUCATION',
  HEALTH = 'HEALTH',
  FINANCE = 'FINANCE',
  CIVIL_AFFAIRS = 'CIVIL_AFFAIRS',
  HOUSING = 'HOUSING',
  EMPLOYMENT = 'EMPLOYMENT',
  CPPCC = 'CPPCC',
  BUSINESS_ASSOCIATION = 'BUSINESS_ASSOCIATION',
  AUDITOR = 'AUDITOR',
  BACKING_UNIT = 'BACKING_UNIT',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);

registerEnumType(Role, {
  name: 'Role',
  description: "A partner organisation's department, which decides the fields and rows it may read",
  valuesConfig: {
    POVERTY_OFFICE: { description: '扶贫办 poverty alleviation office' },
    EDUCATION: { description: '教育局 education bureau or a school' },
    HEALTH: { description: '医保局 medical insurance bureau, insurer or hospital' },
    FINANCE: { description: 'bank issuing 扶贫小额信贷 small loans' },
    CIVIL_AFFAIRS: { description: '民政 civil affairs office' },
    HOUSING: { description: '住建 housing bureau' },
    EMPLOYMENT: { description: '人社 human resources and social security bureau' },
    CPPCC: { description: '政协 CPPCC committee group' },
    BUSINESS_ASSOCIATION: { description: '工商联·商会·经促会 chamber of commerce or business association' },
    AUDITOR: { description: '纪委/审计 discipline inspection or audit, read-only' },
    BACKING_UNIT: { description: "后盾单位 backing unit: its cadres' paired households, with what a visit needs" },
  },
});
