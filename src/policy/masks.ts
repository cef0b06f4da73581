/**
 * Masks shown to roles that may know a value exists but not what it is. Each keeps only what
 * such a role needs, and names what it hides and every field that would give the hidden part
 * away: a role that sees a value masked may read none of those (the policy test proves it).
 */
export type Mask = {
  apply: (value: string) => string;
  /** The same mask in SQL, on an expression of type text (src/sql-read); a test holds the two equal. */
  sql: (value: string) => string;
  hides: string;
  /** `Type.field`s whose values carry the hidden part, in full or in a form it is rebuilt from. */
  revealedBy: readonly string[];
};

export const MASKS = {
  /** The county (whose household it is) and the last four characters (to tell two people apart when talking to the household). */
  idNumber: {
    apply: (value: string) => `${value.slice(0, 6)}********${value.slice(14)}`,
    sql: (value: string) => `(left(${value}, 6) || '********' || substr(${value}, 15))`,
    hides: 'the holder’s birth date, characters 7 to 14',
    revealedBy: ['Member.birthDate'],
  },
} as const satisfies Record<string, Mask>;

export type MaskName = keyof typeof MASKS;
