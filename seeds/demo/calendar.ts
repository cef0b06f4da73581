import type { Random } from './random';

/** Ages are taken on this day rather than "today", so that the same options always give the same rows. */
export const REFERENCE_DATE = '2024-06-30';

const DAY_MS = 86_400_000;
const REFERENCE_YEAR = Number(REFERENCE_DATE.slice(0, 4));
const REFERENCE_MONTH = Number(REFERENCE_DATE.slice(5, 7));
const REFERENCE_DAY = Number(REFERENCE_DATE.slice(8, 10));

function epochDay(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function isoDay(epoch: number): string {
  return new Date(epoch * DAY_MS).toISOString().slice(0, 10);
}

/** A birth date that makes someone exactly `age` full years old on the reference date. */
export function birthDateForAge(random: Random, age: number): string {
  const latest = epochDay(REFERENCE_YEAR - age, REFERENCE_MONTH, REFERENCE_DAY);
  const earliest = epochDay(REFERENCE_YEAR - age - 1, REFERENCE_MONTH, REFERENCE_DAY) + 1;
  return isoDay(random.int(earliest, latest));
}
