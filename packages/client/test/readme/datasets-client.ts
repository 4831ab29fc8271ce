import { readProblem, readText } from '@faultline/client';
import type { DatasetProblems } from '@faultline-examples/datasets-domain'; // typeof problems

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
export class ExpiredCredentialsError extends ApiError {}
export class AuthenticationError extends ApiError {}
export class BadRequestError extends ApiError {}
export class InvalidInputError extends ApiError {}
export class ValidationError extends ApiError {}
export class NotFoundError extends ApiError {}
export class ServerError extends ApiError {}
export class RateLimitError extends ApiError {
  constructor(
    message: string,
    readonly retryAfter: number,
  ) {
    super(429, message);
  }
}

/** Sends one request to the Datasets API: its JSON on success, a typed error otherwise. */
export async function callApi(
  baseUrl: string,
  apiKey: string,
  method: string,
  path: string,
  payload?: unknown,
): Promise<unknown> {
  const response = await fetch(new URL(path, baseUrl), {
    method,
    headers: {
      Authorization: `Bearer ${apiKey}`,
      ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: payload === undefined ? null : JSON.stringify(payload),
  });
  if (response.ok) return response.status === 204 ? undefined : response.json();

  const problem = await readProblem<DatasetProblems>(response);
  if (problem === undefined) throw new ApiError(response.status, await readText(response));
  const { status, code, retryAfter } = problem;
  const detail = problem.detail ?? problem.title ?? `HTTP ${status}`;

  switch (status) {
    case 401:
      if (code === 'INVALID_CREDENTIALS') {
        throw new ExpiredCredentialsError(status, 'Session expired — re-authenticate and retry');
      }
      throw new AuthenticationError(status, detail);
    case 400:
      if (code === 'INVALID_ID')
        throw new InvalidInputError(status, `Invalid ID format: ${detail}`);
      throw new BadRequestError(status, detail);
    case 422:
      if (code === 'MISSING_REQUIRED_FIELD') {
        throw new InvalidInputError(status, `Missing field: ${detail}`);
      }
      throw new ValidationError(status, detail);
    case 404:
      throw new NotFoundError(status, detail);
    case 429:
      throw new RateLimitError(detail, retryAfter ?? 60);
    default:
      throw status >= 500 ? new ServerError(status, detail) : new ApiError(status, detail);
  }
}
