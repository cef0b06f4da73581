import { registerEnumType } from 'type-graphql';

/** The level a 12-digit statistical code (统计用区划代码) stands for. */
export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
}

export enum VillagePovertyStatus {
  POOR = 'POOR',
  EXITED = 'EXITED',
  NON_POOR = 'NON_POOR',
}

registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: 'Administrative level of a region code',
  valuesConfig: {
    PROVINCE: { description: '省 province (2-digit prefix)' },
    CITY: { description: '市 prefecture city (4-digit prefix)' },
    COUNTY: { description: '县 county (6-digit prefix)' },
    TOWNSHIP: { description: '乡镇 township (9-digit prefix)' },
    VILLAGE: { description: '村/社区 village or urban community (12 digits)' },
  },
});

registerEnumType(VillagePovertyStatus, {
  name: 'VillagePovertyStatus',
  description: "A village's poverty status",
  valuesConfig: {
    POOR: { description: '贫困村 registered poor village' },
    EXITED: { description: '已退出/摘帽 exited; support continues (摘帽不摘政策)' },
    NON_POOR: { description: '非贫困村 non-poor village' },
  },
});
