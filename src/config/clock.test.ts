import { chinaToday, chinaYear } from './clock';

describe("the registry's clock", () => {
  it('counts days and years in China, eight hours ahead of UTC', () => {
    expect(chinaToday(new Date('2024-06-30T15:59:59Z'))).toBe('2024-06-30');
    expect(chinaToday(new Date('2024-06-30T16:00:00Z'))).toBe('2024-07-01');
    expect(chinaYear(new Date('2024-12-31T16:30:00Z'))).toBe(2025);
  });

  it('gives the day Intl formats for any instant, in any order, around midnights and a leap day (the last day is remembered)', () => {
    const format = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
    const start = Date.parse('2024-02-27T15:00:00Z');
    const instants = Array.from({ length: 400 }, (_, i) => start + i * 17 * 60_000 + (i % 3) * 999);
    // Forwards, backwards, and across each midnight by a millisecond either side.
    const midnights = ['2024-02-28T16:00:00Z', '2024-02-29T16:00:00Z', '2024-03-01T16:00:00Z'].map(Date.parse);
    for (const t of [...instants, ...[...instants].reverse(), ...midnights.flatMap((m) => [m - 1, m, m - 1, m + 1])]) {
      expect(chinaToday(new Date(t))).toBe(format.format(new Date(t)));
    }
  });
});
