import { registerEnumType } from 'type-graphql';

/** The measures of the seeds' 产业扶贫 (seed 002, 推进扶贫到户产业项目 and 电商扶贫; seed 003, 入股分红; DOMAIN.md, Assistance measures). */
export enum IndustrySupportKind {
  SPECIALTY_FARMING_SUBSIDY = 'SPECIALTY_FARMING_SUBSIDY',
  COOPERATIVE_SHARE = 'COOPERATIVE_SHARE',
  COOPERATIVE_DIVIDEND = 'COOPERATIVE_DIVIDEND',
  PHOTOVOLTAIC_INCOME = 'PHOTOVOLTAIC_INCOME',
  E_COMMERCE_INCOME = 'E_COMMERCE_INCOME',
  TOURISM_INCOME = 'TOURISM_INCOME',
}

registerEnumType(IndustrySupportKind, {
  name: 'IndustrySupportKind',
  description: 'A kind of industry support 产业扶贫',
  valuesConfig: {
    SPECIALTY_FARMING_SUBSIDY: { description: '特色种养业到户补贴 specialty farming or livestock subsidy' },
    COOPERATIVE_SHARE: { description: '合作社入股 shares in a cooperative taken up (入股, e.g. with industry funds): amount is the share capital' },
    COOPERATIVE_DIVIDEND: { description: '合作社分红 a cooperative dividend paid' },
    PHOTOVOLTAIC_INCOME: { description: '光伏扶贫收益 photovoltaic poverty-alleviation income paid' },
    E_COMMERCE_INCOME: { description: '电商扶贫 e-commerce income (a shop, sales through the county’s platform)' },
    TOURISM_INCOME: { description: '乡村旅游 rural tourism income or 旅游扶贫到户 subsidy' },
  },
});
