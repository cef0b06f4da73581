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
module.exports = async () => {
  const url = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
  const server = await serverAnswers(url);
  process.env.JZ_TEST_DB_MODE = server ? 'server' : 'embedded';
  process.env.JZ_TEST_DB_URL = server ? url : '';
  if (!server) console.warn(`No PostgreSQL answers at ${url}: running the tests on embedded PGlite, one file at a time.`);
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
