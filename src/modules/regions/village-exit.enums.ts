import { registerEnumType } from 'type-graphql';

/** The village exit test 一低五有: low poverty incidence, and five things the village has. */
export enum VillageExitItemKind {
  INCIDENCE = 'INCIDENCE',
  CULTURE_ROOM = 'CULTURE_ROOM',
  CLINIC = 'CLINIC',
  TELECOM = 'TELECOM',
  HARDENED_ROAD = 'HARDENED_ROAD',
  COLLECTIVE_ECONOMY = 'COLLECTIVE_ECONOMY',
}

registerEnumType(VillageExitItemKind, {
  name: 'VillageExitItemKind',
  description: 'An item of the village exit test 一低五有',
  valuesConfig: {
    INCIDENCE: { description: '一低: poverty incidence 贫困发生率 below VILLAGE_EXIT_INCIDENCE_TARGET' },
    CULTURE_ROOM: { description: '有文化室 a culture room' },
    CLINIC: { description: '有卫生室 a village clinic' },
    TELECOM: { description: '有通讯网络 a telecom network' },
    HARDENED_ROAD: { description: '有通村硬化路 a hardened road to the village' },
    COLLECTIVE_ECONOMY: { description: '有集体经济: collective operating income at least VILLAGE_COLLECTIVE_INCOME_MIN' },
  },
});
