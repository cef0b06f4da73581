import type { Landscape } from './region-data';
import type { Random } from './random';

const FIRST_CHARACTERS = [...'青石龙凤桃竹金银白黄新大小高长东西南北上下双三九云花茶梓柳杨荷马鹤狮永红胜丰太仁和福兴'];

const SECOND_CHARACTERS: Record<Landscape, readonly string[]> = {
  HILLS: [...'溪坪冲山岭湾塘桥田园坳峰源'],
  LAKE: [...'洲湖垸堤港湾口嘴坪河桥塘'],
};

/** Surnames that name clan villages such as 董家村. */
const CLAN_SURNAMES = [...'董王李张刘陈杨黄周罗彭谭曾邓唐肖田袁蒋夏廖贺龚熊邹易'];

const COMMUNITY_STEMS = [
  '城东', '城西', '城南', '城北', '新华', '人民', '解放', '建设', '胜利',
  '和平', '东风', '向阳', '团结', '光明', '文化', '中心', '桔城', '莲花',
];

function villageNamePool(landscape: Landscape): string[] {
  const placeNames = FIRST_CHARACTERS.flatMap((first) =>
    SECOND_CHARACTERS[landscape].map((second) => `${first}${second}村`),
  );
  return [...placeNames, ...CLAN_SURNAMES.map((surname) => `${surname}家村`)];
}

const POOLS: Record<Landscape, readonly string[]> = { HILLS: villageNamePool('HILLS'), LAKE: villageNamePool('LAKE') };

/** `count` village names for one township, distinct from each other and from the names it already has. */
export function drawVillageNames(random: Random, landscape: Landscape, count: number, taken: readonly string[]): string[] {
  return pickDistinct(random, POOLS[landscape], count, taken);
}

export function drawCommunityNames(random: Random, count: number): string[] {
  return pickDistinct(random, COMMUNITY_STEMS.map((stem) => `${stem}社区`), count, []);
}

function pickDistinct(random: Random, pool: readonly string[], count: number, taken: readonly string[]): string[] {
  const excluded = new Set(taken);
  const names = random.shuffle(pool).filter((name) => !excluded.has(name)).slice(0, count);
  if (names.length < count) throw new Error(`only ${names.length} distinct names for ${count} places`);
  return names;
}
