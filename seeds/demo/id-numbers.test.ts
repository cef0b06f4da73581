import { parseIdNumber } from '../../src/kernel/id-number';
import { Sex } from '../../src/modules/households/member.enums';
import { IdNumberAllocator } from './id-numbers';

describe('IdNumberAllocator', () => {
  it('issues 500 distinct valid numbers per county, day and sex, then refuses', () => {
    const allocator = new IdNumberAllocator();
    for (const sex of [Sex.MALE, Sex.FEMALE]) {
      const issued = Array.from({ length: 500 }, () => allocator.next('430923', '1975-02-28', sex));
      expect(new Set(issued).size).toBe(500);
      for (const idNumber of issued) {
        const parsed = parseIdNumber(idNumber);
        expect(parsed).toEqual({ ok: true, facts: { regionCode: '430923', birthDate: '1975-02-28', sex } });
      }
      expect(() => allocator.next('430923', '1975-02-28', sex)).toThrow(/no ID number sequence left/);
    }
  });

  it('counts each county and day separately', () => {
    const allocator = new IdNumberAllocator();
    const first = allocator.next('430923', '1975-02-28', Sex.MALE);
    expect(allocator.next('430981', '1975-02-28', Sex.MALE).slice(6, 17)).toBe(first.slice(6, 17));
    expect(allocator.next('430923', '1975-03-01', Sex.MALE)).not.toBe(first);
  });
});
