import '@faultline/testing/jest';
import { defaultRegistry, type RegisteredCode } from '@faultline/core';
import { configure, problemMatchers } from '@faultline/testing';
import request from 'supertest';
import { expressApp, problems } from './support/apps';
import { failureOf } from './support/failure';

const app = expressApp();
const archived = 'DATASET_ARCHIVED' as RegisteredCode;

afterEach(() => {
  configure({ registry: undefined });
});

describe('without a registry', () => {
  it('passes any code', async () => {
    expect(await request(app).get('/hand/foreign-code')).toBeProblem(409);
    expect(await request(app).get('/hand/code-of-another-status')).toBeProblem(404, archived);
  });
});

describe('with the registry given to configure()', () => {
  beforeEach(() => {
    configure({ registry: problems.registry });
  });

  it("passes the registry's codes, the application's own included", async () => {
    expect(await request(app).get('/archived')).toBeProblem(409, archived);
    expect(await request(app).get('/datasets/abc')).toMatchProblem({
      error_code: 'RESOURCE_NOT_FOUND',
    });
  });

  it('fails a code the registry does not define', async () => {
    const response = await request(app).get('/hand/foreign-code');
    expect(await failureOf(() => expect(response).toBeProblem(409))).toContain(
      '  - "error_code" "NOT_OURS" is not a code of the registry',
    );
    expect(await failureOf(() => expect(response).toMatchProblem({ status: 409 }))).toContain(
      '  - "error_code" "NOT_OURS" is not a code of the registry',
    );
  });

  it('fails a code answered with another status than the registry gives it', async () => {
    const response = await request(app).get('/hand/code-of-another-status');
    expect(await failureOf(() => expect(response).toBeProblem(404, archived))).toContain(
      '  - "error_code" "DATASET_ARCHIVED" answers with 409 in the registry, not 404',
    );
  });

  it('is forgotten once configure() is given no registry', async () => {
    configure({ registry: undefined });
    expect(await request(app).get('/hand/foreign-code')).toBeProblem(409);
  });
});

describe('problemMatchers(registry)', () => {
  // Registered under names of their own, so this file's other tests keep the default matchers.
  const { toBeProblem, toMatchProblem } = problemMatchers(defaultRegistry);
  expect.extend({ toBeDefaultProblem: toBeProblem, toMatchDefaultProblem: toMatchProblem });
  type DefaultMatchers = {
    toBeDefaultProblem(status: number, code?: string): void;
    toMatchDefaultProblem(expected: object): void;
  };
  const expectDefault = (value: unknown) => expect(value) as unknown as DefaultMatchers;

  it('checks codes against its own registry, whatever configure() says', async () => {
    configure({ registry: problems.registry });
    const response = await request(app).get('/archived');
    expect(response).toBeProblem(409, archived);
    const message = await failureOf(() => expectDefault(response).toBeDefaultProblem(409));
    expect(message).toContain('  - "error_code" "DATASET_ARCHIVED" is not a code of the registry');
    expect(
      await failureOf(() => expectDefault(response).toMatchDefaultProblem({ status: 409 })),
    ).toContain('  - "error_code" "DATASET_ARCHIVED" is not a code of the registry');
    expectDefault(await request(app).get('/datasets/abc')).toBeDefaultProblem(
      404,
      'RESOURCE_NOT_FOUND',
    );
  });
});

describe('refuses what is not a registry', () => {
  it('in configure()', () => {
    expect(() => configure({ registry: {} as never })).toThrow(
      new TypeError(
        '@faultline/testing: configure() option registry must be a registry from defineProblems() (or defaultRegistry)',
      ),
    );
    expect(() => configure(null as never)).toThrow(
      '@faultline/testing: configure() takes an object such as { registry }',
    );
  });

  it('in problemMatchers()', () => {
    expect(() => problemMatchers('registry' as never)).toThrow(
      new TypeError(
        '@faultline/testing: problemMatchers() takes a registry from defineProblems() (or defaultRegistry)',
      ),
    );
  });
});
