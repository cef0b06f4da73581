/**
 * What a piece of text accepted from a caller may hold: a type, a length and a character set, the
 * same everywhere (issue 9). Lengths count characters as a person does (code points), so a
 * 100-character limit is 100 Chinese characters, not 50.
 */
export type TextRule = {
  /** Words for the caller: what the value must be. */
  describe: string;
  /** Counted on the value without its surrounding blanks: a name of three spaces is empty. */
  min: number;
  max: number;
  /** Free text keeps tab and line breaks; every other control character is refused everywhere. */
  multiline?: boolean;
  /** A stricter character set, for identifiers; checked after the control-character check. */
  pattern?: RegExp;
  /** For list arguments: how many items at most. */
  maxItems?: number;
};

const span = (min: number, max: number) => (min > 0 ? `${min} to ${max} characters` : `at most ${max} characters`);
const line = (min: number, max: number): TextRule => ({ describe: `text of ${span(min, max)} on one line`, min, max });
const paragraph = (min: number, max: number): TextRule => ({ describe: `text of ${span(min, max)}`, min, max, multiline: true });

/** The kinds of text the API takes. A limit lives here once; services that check more import it. */
export const TEXT = {
  /** An organisation's or an API key's name. */
  NAME: line(1, 100),
  /** A person's name as the household register writes it. */
  PERSON_NAME: line(1, 50),
  /** Why a person is looked up by ID number (PIPL purpose limitation). */
  PURPOSE: line(4, 200),
  /** Why the registry or a village changes. */
  REASON: paragraph(2, 500),
  /** The written justification of an override: a decision against a rule must be explained. */
  JUSTIFICATION: paragraph(10, 2000),
  /** The document and figure a policy parameter comes from. */
  SOURCE: paragraph(1, 500),
  /** A decimal value as text (policy parameters). */
  DECIMAL: { describe: 'a decimal number, e.g. "4000" or "1.2"', min: 1, max: 20, pattern: /^-?\d+(\.\d+)?$/ },
  /** A resident ID number as sent; its GB 11643 check comes after, with its own message. */
  ID_NUMBER: { describe: 'an 18-character resident ID number', min: 1, max: 32, pattern: /^[0-9A-Za-z ]+$/ },
  /** A statistical region code, full (12 digits) or a prefix of one. */
  REGION_CODE: { describe: 'a region code of up to 12 digits', min: 0, max: 12, pattern: /^\d*$/ },
  /** An opaque page cursor as this server hands them out. */
  CURSOR: { describe: 'a cursor from this list', min: 1, max: 200, pattern: /^[A-Za-z0-9_-]+$/ },
  /** A partner's own key for a record it syncs (its system's id): the batch-sync engine's externalId. */
  EXTERNAL_ID: { describe: 'an id of 1 to 64 letters, digits and . _ - : /, starting with a letter or digit', min: 1, max: 64, pattern: /^[A-Za-z0-9][A-Za-z0-9._:/-]*$/ },
  /** A school year as schools write it, "2026-2027". */
  ACADEMIC_YEAR: { describe: 'an academic year as "2026-2027"', min: 9, max: 9, pattern: /^\d{4}-\d{4}$/ },
  /** A household number 户编号 of the register. */
  HOUSEHOLD_NUMBER: { describe: 'a household number of up to 20 digits', min: 1, max: 20, pattern: /^\d+$/ },
  /** A line of a public notice or a receipt: what a gift is, what it is for, its receipt number. */
  NOTICE_LINE: line(1, 200),
  /** A name from a fixed vocabulary (entity types in the audit log). */
  IDENTIFIER: { describe: 'an identifier of letters and digits', min: 1, max: 64, pattern: /^[A-Za-z][A-Za-z0-9_]*$/ },
} as const satisfies Record<string, TextRule>;

/** Every GraphQL `ID` this API takes is a positive integer: a row's key (an assistance measure's, `StudentAid:17`, is only answered). */
export const ID_RULE: TextRule = { describe: 'an id (a positive whole number)', min: 1, max: 16, pattern: /^[1-9]\d*$/ };

export const withMaxItems = (rule: TextRule, maxItems: number): TextRule => ({ ...rule, maxItems });

// C0 controls, DEL and C1 controls; tab, LF and CR are let through only for multi-line text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const CONTROL_OR_BREAK = /[\u0000-\u001F\u007F-\u009F]/u;
// In a `u` pattern a proper pair is one code point, so only a lone half matches.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
// Noncharacters and the byte-order mark have no place in a record.
const NONCHARACTER = /[\uFFFE\uFFFF\uFEFF]/u;

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Characters as a person counts them: a pair of UTF-16 halves is one. */
function codePoints(value: string): number {
  return value.length - (value.match(SURROGATE_PAIR)?.length ?? 0);
}

/** Why `value` breaks `rule`, in words for the caller, or undefined when it fits. */
export function textProblem(value: string, rule: TextRule): string | undefined {
  if (LONE_SURROGATE.test(value)) return 'contains a lone surrogate (not valid Unicode)';
  const control = (rule.multiline ? CONTROL : CONTROL_OR_BREAK).exec(value) ?? NONCHARACTER.exec(value);
  if (control) return `contains the control character U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}, which is not accepted`;
  const length = codePoints(value);
  if (length > rule.max) return `must be ${rule.describe} (got ${length} characters)`;
  if (rule.min > 0 && codePoints(value.trim()) < rule.min) return `must be ${rule.describe}`;
  if (rule.pattern && !rule.pattern.test(value)) return `must be ${rule.describe}`;
  return undefined;
}
