import { registerEnumType } from 'type-graphql';

/** What a donor gives (DOMAIN.md, Donations: 帮扶资金、物资). */
export enum DonationKind {
  CASH = 'CASH',
  IN_KIND = 'IN_KIND',
}

/** What a gift is for: the village as a whole, one household of it, or a named project in it. */
export enum DonationTarget {
  VILLAGE = 'VILLAGE',
  HOUSEHOLD = 'HOUSEHOLD',
  PROJECT = 'PROJECT',
}

registerEnumType(DonationKind, {
  name: 'DonationKind',
  description: 'Cash or goods 捐赠方式',
  valuesConfig: {
    CASH: { description: '资金 cash: amount is the sum given' },
    IN_KIND: { description: '物资 goods: a description, and amount is their valuation 折价' },
  },
});

registerEnumType(DonationTarget, {
  name: 'DonationTarget',
  description: 'What a gift is for 捐赠对象',
  valuesConfig: {
    VILLAGE: { description: '村 the village as a whole (村集体, 公共设施)' },
    HOUSEHOLD: { description: '户 one household of the village, named by its household number 户编号' },
    PROJECT: { description: '项目 a project in the village (产业项目, 基础设施), named' },
  },
});
