import { Role } from '../../kernel/role';
import { all, connection, type ModulePolicy } from '../../policy/policy';
import { EVERYONE } from '../../policy/role-groups';
import { REGION_ROWS, VILLAGE_ROWS } from '../../policy/row-rules';

const { POVERTY_OFFICE } = Role;

export const regionsPolicy: ModulePolicy = {
  types: {
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
  },
  fields: {
    Query: all(EVERYONE, 'region', 'villages', 'village'),
    Mutation: {
      changeVillageStatus: {
        read: [POVERTY_OFFICE],
        reason: { zh: '贫困村识别、退出和回退由扶贫办办理', en: 'The poverty office identifies, exits and rolls back poor villages' },
      },
    },
  },
  filters: {
    VillageFilter: { regionCode: 'Village.code', povertyStatus: 'Village.povertyStatus' },
  },
};
