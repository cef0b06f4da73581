import { RegionLevel, VillagePovertyStatus } from '../../src/modules/regions/region.enums';
import { Random } from './random';
import { MAX_HOUSEHOLDS_PER_VILLAGE, planRegions, type RegionPlan } from './regions';
import type { RegionRow } from './rows';

const plan = (households: number): RegionPlan => planRegions(Random.stream(7, 0), households);
const byLevel = (rows: readonly RegionRow[], level: RegionLevel) => rows.filter((row) => row.level === level);

describe('the region tree', () => {
  const { rows, villages } = plan(3_000);
  const villageRows = byLevel(rows, RegionLevel.VILLAGE);

  it('has 湖南省 › 益阳市 › 安化县 and 沅江市 at the top', () => {
    expect(rows.slice(0, 2).map((row) => [row.code, row.name, row.parentCode])).toEqual([
      ['430000000000', '湖南省', null],
      ['430900000000', '益阳市', '430000000000'],
    ]);
    expect(byLevel(rows, RegionLevel.COUNTY).map((row) => [row.code, row.name])).toEqual([
      ['430923000000', '安化县'],
      ['430981000000', '沅江市'],
    ]);
  });

  it('has about ten townships of ten to twenty villages at the default size', () => {
    const townships = byLevel(rows, RegionLevel.TOWNSHIP);
    expect(townships.length).toBeGreaterThanOrEqual(8);
    expect(townships.length).toBeLessThanOrEqual(14);
    expect(villageRows.length).toBeGreaterThanOrEqual(100);
    expect(villageRows.length).toBeLessThanOrEqual(220);
    for (const township of townships) {
      const count = villageRows.filter((row) => row.parentCode === township.code).length;
      expect(count).toBeGreaterThanOrEqual(10);
      expect(count).toBeLessThanOrEqual(20);
    }
  });

  it('gives every row a unique code under its parent', () => {
    const codes = new Set(rows.map((row) => row.code));
    expect(codes.size).toBe(rows.length);
    for (const row of rows.slice(1)) {
      expect(codes.has(row.parentCode!)).toBe(true);
      expect(row.code).toMatch(/^\d{12}$/);
    }
    for (const row of byLevel(rows, RegionLevel.TOWNSHIP)) expect(row.code).toMatch(/^43(0923|0981)\d{3}000$/);
    for (const row of villageRows) {
      expect(row.code.slice(0, 9)).toBe(row.parentCode!.slice(0, 9));
      expect(row.name.endsWith('社区') === /^0\d\d$/.test(row.code.slice(9))).toBe(true);
    }
  });

  it('always holds the villages named in the 2018 CPPCC plan', () => {
    const name = new Map(rows.map((row) => [row.code, row.name]));
    const placed = villageRows.map((row) => `${name.get(row.parentCode!)}${row.name}`);
    const named = ['平口镇兴果村', '冷市镇董家村', '冷市镇陶竹村', '羊角塘镇云盘村', '烟溪镇双龙村', '烟溪镇雪峰山村'];
    for (const village of [...named, '烟溪镇通溪桥村', '仙溪镇鑫都村', '仙溪镇三星村', '柘溪林场白水村']) {
      expect(placed).toContain(village);
    }
    expect(plan(0).rows.map((row) => row.name)).toContain('兴果村');
  });

  it('makes about a third of the villages registered poor villages, nearly all exited', () => {
    const registered = villageRows.filter((row) => row.village!.povertyStatus !== VillagePovertyStatus.NON_POOR);
    expect(registered.length / villageRows.length).toBeGreaterThan(0.2);
    expect(registered.length / villageRows.length).toBeLessThan(0.45);
    const exited = registered.filter((row) => row.village!.povertyStatus === VillagePovertyStatus.EXITED);
    expect(exited.length / registered.length).toBeGreaterThan(0.85);
  });

  it('keeps village facts consistent', () => {
    for (const { village } of villageRows) {
      expect(village!.exitYear !== null).toBe(village!.povertyStatus === VillagePovertyStatus.EXITED);
      if (village!.exitYear !== null) expect(village!.exitYear).toBeGreaterThanOrEqual(2016);
      if (village!.exitYear !== null) expect(village!.exitYear).toBeLessThanOrEqual(2020);
      expect(village!.groupCount).toBeGreaterThanOrEqual(4);
      expect(village!.groupCount).toBeLessThanOrEqual(20);
      expect(village!.collectiveIncomeFen >= 1_000_000).toBe(village!.hasCollectiveEconomy);
    }
    for (const row of rows.filter((r) => r.level !== RegionLevel.VILLAGE)) expect(row.village).toBeNull();
  });

  it('places every household in a village, about 70 % of them in 安化县', () => {
    expect(villages.map((v) => v.code)).toEqual(villageRows.map((row) => row.code));
    expect(villages.reduce((sum, v) => sum + v.households, 0)).toBe(3_000);
    const anhua = villages.filter((v) => v.county === '430923').reduce((sum, v) => sum + v.households, 0);
    expect(anhua).toBe(2_100);
  });

  it('stays bounded at the largest size and fits the 4-digit household sequence', () => {
    const large = plan(2_000_000);
    expect(large.villages.length).toBeLessThanOrEqual(500);
    expect(Math.max(...large.villages.map((v) => v.households))).toBeLessThanOrEqual(MAX_HOUSEHOLDS_PER_VILLAGE);
    expect(large.villages.reduce((sum, v) => sum + v.households, 0)).toBe(2_000_000);
  });
});
