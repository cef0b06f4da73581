/**
 * Masks shown to roles that may know a value exists but not what it is. Each keeps only what
 * such a role needs: the county of an ID number (whose household it is) and its last four
 * characters (to tell two people apart when talking to the household).
 */
export const MASKS = {
  idNumber: (value: string) => `${value.slice(0, 6)}********${value.slice(14)}`,
} as const;

export type MaskName = keyof typeof MASKS;
