/**
 * The registry's days and years are China's (UTC+8), whatever zone the server runs in: a date a
 * clerk enters in the morning in Hunan is already "today" though UTC is still on yesterday.
 */
const CHINA_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in China as YYYY-MM-DD. */
export function chinaToday(now = new Date()): string {
  return CHINA_DAY.format(now);
}

/** The calendar year in China. */
export function chinaYear(now = new Date()): number {
  return Number(chinaToday(now).slice(0, 4));
}
