/**
 * The budgets every caller draws from, as token buckets: a bucket holds one period's worth of
 * tokens and refills evenly over the period, so a caller may spend a period's budget at once and
 * then goes at the sustained rate.
 */
import type { LimitOverrides } from '../kernel/viewer';

export type RateLimitDefaults = {
  /** Requests per API key. */
  requestsPerMinute: number;
  /** Look-ups of people by ID number (member, loanEligibility, each ID of loanEligibilities) per organisation. */
  lookupsPerHour: number;
  /** Requests per client address from callers without a valid key. */
  anonymousPerMinute: number;
};

/**
 * 600 a minute lets a partner's system page through a county (about 10,000 households, 100 a page)
 * in a few seconds' burst; 300 look-ups an hour covers a bank branch's day of loan applications
 * in one batch of 100 three times over, while harvesting a county's 30,000 people takes four days
 * of a full budget, in plain sight in the holder's access log.
 */
export const DEFAULT_LIMITS: RateLimitDefaults = { requestsPerMinute: 600, lookupsPerHour: 300, anonymousPerMinute: 60 };

/** Ceilings for the settings and for the poverty office's overrides: a budget is a limit, never switched off. */
export const MAX_REQUESTS_PER_MINUTE = 60_000;
export const MAX_LOOKUPS_PER_HOUR = 100_000;

/** An organisation's own values; null means the default. */
export const NO_OVERRIDES: LimitOverrides = { requestsPerMinute: null, lookupsPerHour: null };

export type Bucket = { capacity: number; periodMs: number };

export const perMinute = (n: number): Bucket => ({ capacity: n, periodMs: 60_000 });
export const perHour = (n: number): Bucket => ({ capacity: n, periodMs: 3_600_000 });

/** What an organisation gets, and whether each value is the default: for the API's RateLimits type. */
export function describeLimits(defaults: RateLimitDefaults, overrides: LimitOverrides = NO_OVERRIDES) {
  return {
    ...limitsInForce(defaults, overrides),
    requestsPerMinuteIsDefault: overrides.requestsPerMinute === null,
    lookupsPerHourIsDefault: overrides.lookupsPerHour === null,
  };
}

/** What an organisation gets: its own value where the poverty office set one, else the default. */
export function limitsInForce(defaults: RateLimitDefaults, overrides: LimitOverrides = NO_OVERRIDES) {
  return {
    requestsPerMinute: overrides.requestsPerMinute ?? defaults.requestsPerMinute,
    lookupsPerHour: overrides.lookupsPerHour ?? defaults.lookupsPerHour,
  };
}
