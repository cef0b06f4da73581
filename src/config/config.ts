import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value), 'must be a postgres:// or postgresql:// URL');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  DEMO_HOUSEHOLDS: z.coerce.number().int().min(0).max(2_000_000).default(3000),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(5),
});

export type Config = {
  port: number;
  databaseUrl?: string;
  dataDir: string;
  env: 'development' | 'production' | 'test';
  logLevel: (typeof LOG_LEVELS)[number];
  demoHouseholds: number;
  dbPoolSize: number;
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
    throw new ConfigError(`Invalid ${variable}=${JSON.stringify(env[variable])}: ${issue.message}`);
  }
  const v = parsed.data;
  return {
    port: v.PORT,
    databaseUrl: v.DATABASE_URL,
    dataDir: v.DATA_DIR,
    env: v.NODE_ENV,
    logLevel: v.LOG_LEVEL,
    demoHouseholds: v.DEMO_HOUSEHOLDS,
    dbPoolSize: v.DB_POOL_SIZE,
    isProduction: v.NODE_ENV === 'production',
  };
}
