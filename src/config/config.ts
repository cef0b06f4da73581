import { z } from 'zod';
import { DEFAULT_LIMITS, MAX_LOOKUPS_PER_HOUR, MAX_REQUESTS_PER_MINUTE, type RateLimitDefaults } from '../rate-limit/limits';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value), 'must be a postgres:// or postgresql:// URL');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: postgresUrl.optional(),
  MIGRATION_DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  DEMO_HOUSEHOLDS: z.coerce.number().int().min(0).max(2_000_000).default(3000),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(5),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').regex(/^\S+$/, 'must not contain spaces').optional(),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  REDIS_URL: z.string().refine((value) => /^rediss?:\/\/[^\s]+$/.test(value), 'must be a redis:// or rediss:// URL').optional(),
  REDIS_KEY_PREFIX: z.string().regex(/^[\w:.-]{1,64}$/, 'must be 1 to 64 letters, digits or _ : . -').default('jingzhun:rate:'),
  RATE_LIMIT_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(MAX_REQUESTS_PER_MINUTE).default(DEFAULT_LIMITS.requestsPerMinute),
  RATE_LIMIT_LOOKUPS_PER_HOUR: z.coerce.number().int().min(1).max(MAX_LOOKUPS_PER_HOUR).default(DEFAULT_LIMITS.lookupsPerHour),
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().min(1).max(MAX_REQUESTS_PER_MINUTE).default(DEFAULT_LIMITS.anonymousPerMinute),
  API_KEY_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  SQL_READS: z.enum(['on', 'off']).default('on'),
  API_KEY_CACHE_SIZE: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
});

export type Config = {
  port: number;
  /** The API's connection: a role that owns nothing (jingzhun_api). */
  databaseUrl?: string;
  /** The owner's connection, for migrations and seeding only. */
  migrationDatabaseUrl?: string;
  dataDir: string;
  env: 'development' | 'production' | 'test';
  logLevel: (typeof LOG_LEVELS)[number];
  demoHouseholds: number;
  dbPoolSize: number;
  /** On the API's connections: a statement running longer, or a transaction left idle longer, is ended by PostgreSQL. */
  dbTimeouts: { statementMs: number; idleInTransactionMs: number };
  /** When set, GET /metrics needs `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /** When set, /metrics is served on 127.0.0.1 at this port instead of the API's. */
  metricsPort?: number;
  /** Unset: each process keeps its own rate-limit buckets in memory. */
  redisUrl?: string;
  /** Keeps the buckets of deployments (or test runs) that share one Redis apart. */
  redisKeyPrefix: string;
  /** The defaults; the poverty office may set an organisation's own (organisation.requests_per_minute, lookups_per_hour). */
  rateLimits: RateLimitDefaults;
  /** Resolved API keys are trusted this long (0: never cached) without the database; writes to them evict them at once. */
  apiKeyCache: { ttlMs: number; maxEntries: number };
  /** Whether queries SQL can answer whole go as one statement (src/sql-read); off, the resolvers answer every query. */
  sqlReads: boolean;
  /** Demo keys and open introspection exist only outside production (API.md). */
  isProduction: boolean;
};

export class ConfigError extends Error {}

/** Reads and validates the environment once; the first bad variable stops the start with one line naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankAsUnset = Object.fromEntries(
    Object.keys(envSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = envSchema.safeParse(blankAsUnset);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue.path[0]);
    // A secret's value is not repeated into the start-up log.
    const shown = variable === 'METRICS_TOKEN' ? '(hidden)' : JSON.stringify(env[variable]);
    throw new ConfigError(`Invalid ${variable}=${shown}: ${issue.message}`);
  }
  const v = parsed.data;
  return {
    port: v.PORT,
    databaseUrl: v.DATABASE_URL,
    migrationDatabaseUrl: v.MIGRATION_DATABASE_URL,
    dataDir: v.DATA_DIR,
    env: v.NODE_ENV,
    logLevel: v.LOG_LEVEL,
    demoHouseholds: v.DEMO_HOUSEHOLDS,
    dbPoolSize: v.DB_POOL_SIZE,
    dbTimeouts: { statementMs: v.DB_STATEMENT_TIMEOUT_MS, idleInTransactionMs: v.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS },
    metricsToken: v.METRICS_TOKEN,
    metricsPort: v.METRICS_PORT,
    redisUrl: v.REDIS_URL,
    redisKeyPrefix: v.REDIS_KEY_PREFIX,
    rateLimits: {
      requestsPerMinute: v.RATE_LIMIT_REQUESTS_PER_MINUTE,
      lookupsPerHour: v.RATE_LIMIT_LOOKUPS_PER_HOUR,
      anonymousPerMinute: v.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
    },
    apiKeyCache: { ttlMs: v.API_KEY_CACHE_TTL_MS, maxEntries: v.API_KEY_CACHE_SIZE },
    sqlReads: v.SQL_READS === 'on',
    isProduction: v.NODE_ENV === 'production',
  };
}
