import type { Role } from './role';

/** Budgets the poverty office set for one organisation; null where the server's default applies. */
export type LimitOverrides = { requestsPerMinute: number | null; lookupsPerHour: number | null };

/** Who is calling: the organisation behind the API key, its department and its region scopes. */
export type Viewer = {
  organisationId: number;
  organisationName: string;
  role: Role;
  /** Region-code prefixes; the caller sees rows under any of them and nothing else. */
  scopes: string[];
  /** Villages the organisation is paired with (万企帮万村); the row rule of donors. */
  pairedVillages: string[];
  apiKeyId: number;
  apiKeyPrefix: string;
  /** The organisation's own rate limits, set by the poverty office; null or absent where the default applies. */
  limits?: LimitOverrides;
};
