/** @jest-config-loader esbuild-register */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from 'jest';

const swc: NonNullable<Config['transform']> = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
  ],
};

// Tests import the packages by name; map those names to source so no build is needed first.
const moduleNameMapper: Record<string, string> = {
  '^@faultline/core$': '<rootDir>/../../packages/core/src/index.ts',
  '^@faultline/core/adapter$': '<rootDir>/../../packages/core/src/adapter.ts',
  '^@faultline/express$': '<rootDir>/../../packages/express/src/index.ts',
  '^@faultline/fastify$': '<rootDir>/../../packages/fastify/src/index.ts',
  '^@faultline/test-support$': '<rootDir>/../../packages/test-support/src/index.ts',
  '^@faultline/(openapi|client|testing|db)$': '<rootDir>/../../packages/$1/src/index.ts',
  '^@faultline/(openapi|client|testing)/(.+)$': '<rootDir>/../../packages/$1/src/$2.ts',
  '^(\\.{1,2}/.*)\\.js$': '$1',
};

function project(dir: string, displayName: string): Config {
  return {
    displayName,
    rootDir: dir,
    testEnvironment: 'node',
    transform: swc,
    // light-my-request (Fastify 5's inject) needs cookie 2, which ships ES modules only: compile it.
    transformIgnorePatterns: ['/node_modules/(?!\\.pnpm/cookie@|cookie/)'],
    moduleNameMapper,
    testMatch: ['<rootDir>/test/**/*.test.ts'],
  };
}

const config: Config = {
  // One project per workspace package that has tests.
  projects: ['packages', 'examples']
    .filter((group) => existsSync(group))
    .flatMap((group) =>
      readdirSync(group)
        .filter((name) => existsSync(join(group, name, 'test')))
        .map((name) => project(join(group, name), `${group}/${name}`)),
    ),
  // CI machines are shared and sometimes slow: tests wait for events, and this only bounds a hang.
  // A global option: Jest does not read it from a project.
  testTimeout: 60_000,
  coverageProvider: 'v8',
  collectCoverageFrom: ['packages/*/src/**/*.ts', '!packages/test-support/**'],
  coverageReporters: ['text-summary', 'text'],
  coverageThreshold: { global: {}, './packages/core/src/': { lines: 95 } },
};

export default config;
