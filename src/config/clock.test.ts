import { chinaToday, chinaYear } from './clock';

describe("the registry's clock", () => {
  it('counts days and years in China, eight hours ahead of UTC', () => {
    expect(chinaToday(new Date('2024-06-30T15:59:59Z'))).toBe('2024-06-30');
    expect(chinaToday(new Date('2024-06-30T16:00:00Z'))).toBe('2024-07-01');
    expect(chinaYear(new Date('2024-12-31T16:30:00Z'))).toBe(2025);
  });
});
