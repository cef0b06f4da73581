import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('has working defaults', () => {
    expect(loadConfig({})).toMatchObject({ port: 4000, dataDir: './data', env: 'development', isProduction: false, demoHouseholds: 3000 });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['NODE_ENV', 'staging'],
    ['LOG_LEVEL', 'loud'],
    ['DEMO_HOUSEHOLDS', '-5'],
    ['REDIS_URL', 'http://localhost:6379'],
    ['RATE_LIMIT_REQUESTS_PER_MINUTE', '0'],
    ['RATE_LIMIT_LOOKUPS_PER_HOUR', '100001'],
  ])('stops on a bad %s with one line naming it', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`^Invalid ${variable}=`));
  });

  it('treats production as production', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).isProduction).toBe(true);
  });
});
