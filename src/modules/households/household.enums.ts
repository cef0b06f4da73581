import { registerEnumType } from 'type-graphql';

export enum HouseholdStatus {
  NOT_EXITED = 'NOT_EXITED',
  EXITED = 'EXITED',
  RETURNED = 'RETURNED',
  ROLLED_BACK = 'ROLLED_BACK',
  MONITORED_UNSTABLE = 'MONITORED_UNSTABLE',
  MONITORED_MARGINAL = 'MONITORED_MARGINAL',
  MONITORED_SUDDEN_HARDSHIP = 'MONITORED_SUDDEN_HARDSHIP',
  REMOVED = 'REMOVED',
}

export enum HouseholdCategory {
  GENERAL = 'GENERAL',
  SUBSISTENCE_ALLOWANCE = 'SUBSISTENCE_ALLOWANCE',
  EXTREME_POVERTY_SUPPORT = 'EXTREME_POVERTY_SUPPORT',
}

export enum PovertyCause {
  ILLNESS = 'ILLNESS',
  DISABILITY = 'DISABILITY',
  SCHOOLING = 'SCHOOLING',
  DISASTER = 'DISASTER',
  LACK_OF_LABOUR = 'LACK_OF_LABOUR',
  LACK_OF_SKILLS = 'LACK_OF_SKILLS',
  LACK_OF_CAPITAL = 'LACK_OF_CAPITAL',
  LACK_OF_LAND = 'LACK_OF_LAND',
  LACK_OF_WATER = 'LACK_OF_WATER',
  TRANSPORT = 'TRANSPORT',
  LACK_OF_MOTIVATION = 'LACK_OF_MOTIVATION',
}

registerEnumType(HouseholdStatus, {
  name: 'HouseholdStatus',
  description: 'Registry status of a household (动态管理)',
  valuesConfig: {
    NOT_EXITED: { description: '未脱贫 not yet exited' },
    EXITED: { description: '已脱贫 exited poverty' },
    RETURNED: { description: '返贫 returned to poverty' },
    ROLLED_BACK: { description: '回退/错退 rolled back after a wrong exit' },
    MONITORED_UNSTABLE: { description: '脱贫不稳定户 monitored: unstable exited household' },
    MONITORED_MARGINAL: { description: '边缘易致贫户 monitored: marginal household at risk' },
    MONITORED_SUDDEN_HARDSHIP: { description: '突发严重困难户 monitored: sudden severe hardship' },
    REMOVED: { description: '清退 removed as wrongly registered' },
  },
});

registerEnumType(HouseholdCategory, {
  name: 'HouseholdCategory',
  description: 'Household category 贫困户属性',
  valuesConfig: {
    GENERAL: { description: '一般贫困户 general poor household' },
    SUBSISTENCE_ALLOWANCE: { description: '低保贫困户 subsistence-allowance household' },
    EXTREME_POVERTY_SUPPORT: { description: '特困供养 extreme-poverty support' },
  },
});

registerEnumType(PovertyCause, {
  name: 'PovertyCause',
  description: 'Cause of poverty 致贫原因',
  valuesConfig: {
    ILLNESS: { description: '因病' },
    DISABILITY: { description: '因残' },
    SCHOOLING: { description: '因学' },
    DISASTER: { description: '因灾' },
    LACK_OF_LABOUR: { description: '缺劳力' },
    LACK_OF_SKILLS: { description: '缺技术' },
    LACK_OF_CAPITAL: { description: '缺资金' },
    LACK_OF_LAND: { description: '缺土地' },
    LACK_OF_WATER: { description: '缺水' },
    TRANSPORT: { description: '交通条件落后' },
    LACK_OF_MOTIVATION: { description: '自身发展动力不足 (内生动力不足)' },
  },
});
