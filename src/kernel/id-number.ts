import { Mod11_2 } from '@konfirm/iso7064';

/** The sex the sequence code's parity gives; the values of the member's `Sex`. */
export type IdNumberSex = 'MALE' | 'FEMALE';

/** What an 18-character resident ID number (GB 11643) says about its holder. */
export type IdNumberFacts = { regionCode: string; birthDate: string; sex: IdNumberSex };

export type IdNumberProblem =
  | 'LENGTH'
  | 'CHARACTERS'
  | 'REGION'
  | 'BIRTH_DATE'
  | 'CHECK_CHARACTER';

const PROBLEM_TEXT: Record<IdNumberProblem, string> = {
  LENGTH: 'must be 18 characters',
  CHARACTERS: 'must be 17 digits followed by a digit or X',
  REGION: 'does not begin with a valid 6-digit region code',
  BIRTH_DATE: 'does not hold a valid birth date',
  CHECK_CHARACTER: 'has a wrong check character (ISO 7064 MOD 11-2)',
};

/** Province-level codes of GB/T 2260; a region code whose first two digits are not one of them is invalid. */
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43',
  '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
]);

/**
 * The one form an ID number is stored, logged and looked up in: no surrounding blanks, the check
 * character X in upper case. Every path that takes an ID number from a caller goes through it.
 */
export const normalisedIdNumber = (raw: string): string => raw.trim().toUpperCase();

export function describeIdNumberProblem(problem: IdNumberProblem): string {
  return `ID number ${PROBLEM_TEXT[problem]}`;
}

/** Checks an ID number and reads its facts, or names the first thing wrong with it. */
export function parseIdNumber(raw: string): { ok: true; facts: IdNumberFacts } | { ok: false; problem: IdNumberProblem } {
  const value = normalisedIdNumber(raw);
  if (value.length !== 18) return { ok: false, problem: 'LENGTH' };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'CHARACTERS' };
  if (!PROVINCE_CODES.has(value.slice(0, 2)) || value.slice(2, 6) === '0000') return { ok: false, problem: 'REGION' };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isRealDate(birthDate)) return { ok: false, problem: 'BIRTH_DATE' };
  if (!Mod11_2.validate(value)) return { ok: false, problem: 'CHECK_CHARACTER' };
  const sex = Number(value[16]) % 2 === 1 ? 'MALE' : 'FEMALE';
  return { ok: true, facts: { regionCode: value.slice(0, 6), birthDate, sex } };
}

/** Builds a valid ID number; `sequence` is the 3-digit order code whose parity must match the sex. */
export function composeIdNumber(regionCode: string, birthDate: string, sequence: number): string {
  const body = `${regionCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return Mod11_2.generate(body);
}

function isRealDate(isoDate: string): boolean {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const year = Number(isoDate.slice(0, 4));
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === isoDate && year >= 1900 && date <= new Date();
}
