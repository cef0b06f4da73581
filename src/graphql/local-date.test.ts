import { GraphQLLocalDate } from 'graphql-scalars';
import { isCalendarDate } from './local-date';

describe('isCalendarDate', () => {
  it('agrees with graphql-scalars on every day of 1899-2101 and on near misses', () => {
    const accepts = (value: string) => {
      try {
        GraphQLLocalDate.serialize(value);
        return true;
      } catch {
        return false;
      }
    };
    const candidates: string[] = ['2020-02-30', '2021-02-29', '2000-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-01', '20260101', ' 2026-01-01', '2026-01-01\n'];
    for (let year = 1899; year <= 2101; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        for (const day of [1, 28, 29, 30, 31, 32]) candidates.push(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
      }
    }
    for (const value of candidates) expect([value, isCalendarDate(value)]).toEqual([value, accepts(value)]);
  });

  it('refuses what is not a string', () => {
    expect(isCalendarDate(new Date())).toBe(false);
    expect(isCalendarDate(20260101)).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
  });
});
