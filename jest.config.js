// @ts-check
const { Client } = require('pg');

const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function serverAnswers(url) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Tests run against the real PostgreSQL server when TEST_DATABASE_URL (or the local default)
 * answers, each file in a database of its own, in parallel. Otherwise they fall back to one
 * embedded PGlite, which holds a single database, so files then run one at a time.
 * @returns {Promise<import('jest').Config>}
 */
/** Whether a Redis server answers PING at the URL, within a second. */
async function redisAnswers(url) {
  const { default: Redis } = require('ioredis');
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

module.exports = async () => {
  const url = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
  const server = await serverAnswers(url);
  process.env.JZ_TEST_DB_MODE = server ? 'server' : 'embedded';
  process.env.JZ_TEST_DB_URL = server ? url : '';
  if (!server) console.warn(`No PostgreSQL answers at ${url}: running the tests on embedded PGlite, one file at a time.`);
  // Redis is optional for users; the tests of rate limits shared through it run when one answers.
  const redisUrl = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
  process.env.JZ_TEST_REDIS_URL = (await redisAnswers(redisUrl)) ? redisUrl : '';
  if (!process.env.JZ_TEST_REDIS_URL) console.warn(`No Redis answers at ${redisUrl}: the tests of rate limits shared through Redis are skipped.`);
  return {
    testEnvironment: 'node',
    roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/seeds'],
    testMatch: ['**/*.test.ts'],
    transform: {
      '^.+\\.ts$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
            target: 'es2022',
          },
          module: { type: 'commonjs' },
        },
      ],
    },
    setupFiles: ['reflect-metadata'],
    globalSetup: '<rootDir>/test/global-setup.ts',
    globalTeardown: '<rootDir>/test/global-teardown.ts',
    maxWorkers: server ? 2 : 1,
    testTimeout: 60_000,
  };
};
