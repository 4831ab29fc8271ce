import { readConfig, resolveAppOptions } from '@faultline-examples/datasets-domain';

describe('configuration', () => {
  test('has a default for everything', () => {
    expect(readConfig({}, { port: 3000 })).toEqual({
      host: '127.0.0.1',
      port: 3000,
      databasePath: ':memory:',
      databaseUrl: undefined,
      databaseTable: 'datasets',
      rateLimitMax: 100,
      rateLimitWindowS: 60,
      redisUrl: undefined,
      rateLimitPrefix: 'datasets:rate-limit:',
      problemTypeBase: process.env.PROBLEM_TYPE_BASE ?? 'https://api.example.com/docs/errors',
      logLevel: 'info',
      logStream: undefined,
    });
  });

  test('reads the environment', () => {
    expect(
      readConfig(
        {
          HOST: '0.0.0.0',
          PORT: '0',
          DATABASE_PATH: '/tmp/datasets.db',
          DATABASE_URL: 'postgres://app@db.internal:5432/datasets',
          RATE_LIMIT_MAX: '5',
          RATE_LIMIT_WINDOW_S: '10',
          REDIS_URL: 'redis://cache.internal:6379',
          PROBLEM_TYPE_BASE: 'https://errors.example.org/datasets',
          LOG_LEVEL: 'silent',
        },
        { port: 3001 },
      ),
    ).toEqual({
      host: '0.0.0.0',
      port: 0,
      databasePath: '/tmp/datasets.db',
      databaseUrl: 'postgres://app@db.internal:5432/datasets',
      databaseTable: 'datasets',
      rateLimitMax: 5,
      rateLimitWindowS: 10,
      redisUrl: 'redis://cache.internal:6379',
      rateLimitPrefix: 'datasets:rate-limit:',
      problemTypeBase: 'https://errors.example.org/datasets',
      logLevel: 'silent',
      logStream: undefined,
    });
  });

  test.each([
    [{ PORT: 'http' }, 'PORT must be a whole number, got "http"'],
    [{ PORT: '70000' }, 'PORT must be at most 65535, got 70000'],
    [{ RATE_LIMIT_MAX: '0' }, 'option rateLimitMax must be a positive integer, got 0'],
    [{ RATE_LIMIT_WINDOW_S: '-1' }, 'RATE_LIMIT_WINDOW_S must be a whole number, got "-1"'],
    [{ LOG_LEVEL: 'loud' }, 'option logLevel must be one of'],
    [
      { REDIS_URL: 'http://cache.internal' },
      'option redisUrl must start with redis:// or rediss://',
    ],
    [
      { DATABASE_URL: 'sqlite://datasets.db' },
      'option databaseUrl must start with postgres://, postgresql://, mysql:// or mariadb://',
    ],
  ])('refuses %j at start-up', (env, message) => {
    expect(() => readConfig(env, { port: 3000 })).toThrow(TypeError);
    expect(() => readConfig(env, { port: 3000 })).toThrow(
      `@faultline-examples/datasets-domain: ${message}`,
    );
  });

  test('checks buildApp options the same way', () => {
    expect(() => resolveAppOptions({ rateLimitMax: 1.5 })).toThrow(
      '@faultline-examples/datasets-domain: option rateLimitMax must be a positive integer, got 1.5',
    );
    expect(resolveAppOptions({ rateLimitMax: 3 }).rateLimitWindowS).toBe(60);
  });
});
