import { RegionLevel } from './region.enums';

export const REGION_CODE_PATTERN = /^\d{12}$/;
/** Prefix lengths of each level: province(2) city(2) county(2) township(3) village(3). */
const PREFIX_LENGTH: Record<RegionLevel, number> = {
  PROVINCE: 2,
  CITY: 4,
  COUNTY: 6,
  TOWNSHIP: 9,
  VILLAGE: 12,
};

/** The significant prefix of a full code: '430923100000' → '430923100'. */
export function regionPrefix(code: string): string {
  return code.slice(0, PREFIX_LENGTH[levelOfCode(code)]);
}

export function levelOfCode(code: string): RegionLevel {
  if (code.endsWith('0000000000')) return RegionLevel.PROVINCE;
  if (code.endsWith('00000000')) return RegionLevel.CITY;
  if (code.endsWith('000000')) return RegionLevel.COUNTY;
  if (code.endsWith('000')) return RegionLevel.TOWNSHIP;
  return RegionLevel.VILLAGE;
}

/** A region scope or filter is a prefix of 2 to 12 digits. */
export function isRegionPrefix(value: string): boolean {
  return /^\d{2,12}$/.test(value);
}
