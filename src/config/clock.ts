/**
 * The registry's days and years are China's (UTC+8), whatever zone the server runs in: a date a
 * clerk enters in the morning in Hunan is already "today" though UTC is still on yesterday.
 */
const CHINA_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

const DAY_MS = 86_400_000;

/** The last day formatted and the instants it spans: formatting a date was 1 % of a loan check's CPU, and every compiled read asks for today. */
let lastDay: { day: string; from: number; to: number } | undefined;

/** Today in China as YYYY-MM-DD. */
export function chinaToday(now = new Date()): string {
  const instant = now.getTime();
  if (lastDay && instant >= lastDay.from && instant < lastDay.to) return lastDay.day;
  const day = CHINA_DAY.format(now);
  // China keeps UTC+8 all year, so its day is the 24 hours from its midnight.
  const from = Date.parse(`${day}T00:00:00+08:00`);
  lastDay = { day, from, to: from + DAY_MS };
  return day;
}

/** The calendar year in China. */
export function chinaYear(now = new Date()): number {
  return Number(chinaToday(now).slice(0, 4));
}
