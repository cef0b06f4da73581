/** The fixed part of the region tree: 湖南省 › 益阳市 › the two demo counties and their townships. */

export const PROVINCE = { code: '430000000000', name: '湖南省' } as const;
export const CITY = { code: '430900000000', name: '益阳市' } as const;

/** Hill country names its villages after streams and flats; the Dongting lake plain after islets and polders. */
export type Landscape = 'HILLS' | 'LAKE';

export type TownshipSeed = {
  /** The three township digits of the statistical code: 0xx 街道, 1xx 镇, 2xx 乡, 4xx state farm. */
  digits: string;
  name: string;
  /** Villages that must exist, such as those the 2018 CPPCC plan (seed 003) pairs with leaders. */
  namedVillages: readonly string[];
};

export type CountySeed = {
  code: string;
  name: string;
  /** Share of the households that live in this county. */
  householdShare: number;
  /** Share of villages that were registered poor villages (贫困村). */
  poorVillageShare: number;
  landscape: Landscape;
  /** In the order townships are taken; the leading ones with named villages are taken at every size. */
  townships: readonly TownshipSeed[];
};

const township = (digits: string, name: string, namedVillages: readonly string[] = []): TownshipSeed => ({
  digits,
  name,
  namedVillages,
});

export const COUNTIES: readonly CountySeed[] = [
  {
    code: '430923',
    name: '安化县',
    householdShare: 0.7,
    // 安化 was a nationally designated poverty county with many registered poor villages.
    poorVillageShare: 0.38,
    landscape: 'HILLS',
    townships: [
      township('104', '平口镇', ['兴果村']),
      township('103', '冷市镇', ['董家村', '陶竹村']),
      township('106', '羊角塘镇', ['云盘村']),
      township('105', '烟溪镇', ['双龙村', '雪峰山村', '通溪桥村']),
      township('102', '仙溪镇', ['鑫都村', '三星村']),
      township('400', '柘溪林场', ['白水村']),
      township('100', '东坪镇'),
      township('101', '梅城镇'),
      township('108', '江南镇', ['高马二溪村']),
      township('107', '小淹镇'),
      township('109', '清塘铺镇'),
      township('110', '大福镇'),
      township('111', '乐安镇'),
      township('112', '马路镇'),
      township('113', '奎溪镇'),
      township('114', '渠江镇'),
      township('115', '滔溪镇'),
      township('116', '龙塘镇'),
      township('117', '长塘镇'),
      township('200', '古楼乡'),
      township('201', '南金乡'),
      township('202', '高明乡'),
      township('203', '田庄乡'),
    ],
  },
  {
    code: '430981',
    name: '沅江市',
    householdShare: 0.3,
    poorVillageShare: 0.22,
    landscape: 'LAKE',
    townships: [
      township('100', '黄茅洲镇'),
      township('101', '草尾镇'),
      township('104', '南大膳镇'),
      township('001', '琼湖街道'),
      township('103', '四季红镇'),
      township('102', '阳罗洲镇'),
      township('106', '泗湖山镇'),
      township('105', '共华镇'),
      township('107', '茶盘洲镇'),
      township('108', '新湾镇'),
      township('109', '南嘴镇'),
      township('002', '胭脂湖街道'),
      township('400', '漉湖芦苇场'),
    ],
  },
];
