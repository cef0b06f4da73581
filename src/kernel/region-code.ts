/** A full statistical region code (统计用区划代码): province(2) city(2) county(2) township(3) village(3). */
export const REGION_CODE_PATTERN = /^\d{12}$/;
/** A region scope or filter is a prefix of 2 to 12 digits. */
export function isRegionPrefix(value: string): boolean {
  return /^\d{2,12}$/.test(value);
}
