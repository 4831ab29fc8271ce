import { createNormaliser } from '@faultline/core';
import {
  AuthenticationRequiredError,
  DatasetNameTakenError,
  DatasetNotFoundError,
  datasetErrorMapper,
  defineDatasetProblems,
  InvalidCredentialsError,
  InvalidDatasetIdError,
  PermissionDeniedError,
} from '@faultline-examples/datasets-domain';

const problems = defineDatasetProblems('https://api.example.com/docs/errors');
const normalise = createNormaliser({
  registry: problems.registry,
  mappers: [datasetErrorMapper(problems.ProblemError)],
  challenge: { realm: 'datasets' },
});

describe('the domain errors become problems in one place', () => {
  test.each([
    [new AuthenticationRequiredError(), 401, 'AUTHENTICATION_REQUIRED'],
    [new InvalidCredentialsError(), 401, 'INVALID_CREDENTIALS'],
    [new InvalidDatasetIdError('x'), 400, 'INVALID_ID'],
    [new DatasetNotFoundError('ZGF0YXNldC10ZXN0'), 404, 'RESOURCE_NOT_FOUND'],
    [new PermissionDeniedError('delete'), 403, 'ACCESS_DENIED'],
    [
      new DatasetNameTakenError('sales', { cause: new Error('UNIQUE') }),
      409,
      'RESOURCE_ALREADY_EXISTS',
    ],
  ])('%s → %i %s, its message the detail', (error, status, code) => {
    const { body } = normalise(error);
    expect(body).toEqual({
      status,
      title: expect.any(String),
      type: expect.stringMatching(/^https:\/\/api\.example\.com\/docs\/errors#[a-z-]+$/),
      detail: error.message,
      error_code: code,
    });
  });

  test('challenges with the realm, and says why a key was refused', () => {
    expect(normalise(new AuthenticationRequiredError()).headers['WWW-Authenticate']).toBe(
      'Bearer realm="datasets"',
    );
    expect(normalise(new InvalidCredentialsError()).headers['WWW-Authenticate']).toBe(
      'Bearer realm="datasets", error="invalid_token"',
    );
  });

  test('leaves anything else alone: a plain Error stays a silent 500', () => {
    const mapper = datasetErrorMapper(problems.ProblemError);
    expect(mapper(new Error('secret'))).toBeUndefined();
    expect(mapper('text')).toBeUndefined();
    expect(normalise(new Error('secret')).body).toEqual({
      status: 500,
      title: 'Internal Server Error',
      type: 'https://api.example.com/docs/errors#internal-server-error',
      detail: 'An unexpected error occurred.',
    });
  });
});

describe("the API's problems", () => {
  const frames = (error: Error) => (error.stack ?? '').split('\n').slice(1);

  test('capture a stack trace for server errors only', () => {
    expect(frames(new problems.ProblemError('RESOURCE_NOT_FOUND'))).toEqual([]);
    expect(frames(new problems.ProblemError('INTERNAL_SERVER_ERROR')).length).toBeGreaterThan(0);
  });
});
