import { assertValidProblem } from './problem-schema';
import type { WireExchange, WireResponse } from './wire';

/** The connection carried exactly one response, nothing after it, and was closed by the server. */
export function onlyResponse(answer: WireExchange): WireResponse {
  expect(answer.ending).toBe('closed');
  expect(answer.responses).toHaveLength(1);
  expect(answer.rest.toString('latin1')).toBe('');
  return answer.responses[0]!;
}

/** Exactly one response: a problem with this status and exactly this body. */
export function expectProblemAnswer(
  answer: WireExchange,
  status: number,
  body: Record<string, unknown>,
): WireResponse {
  const response = onlyResponse(answer);
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toBe('application/problem+json');
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  const parsed: unknown = JSON.parse(response.text);
  assertValidProblem(parsed);
  expect(parsed).toEqual(body);
  return response;
}

export const problems = {
  badRequest: (detail: string, instance?: string) => ({
    status: 400,
    title: 'Bad Request',
    type: 'about:blank',
    detail,
    ...(instance === undefined ? {} : { instance }),
    error_code: 'VALIDATION_ERROR',
  }),
  unsupported: (detail: string, instance: string) => ({
    status: 415,
    title: 'Unsupported Media Type',
    type: 'about:blank',
    detail,
    instance,
    error_code: 'UNSUPPORTED_MEDIA_TYPE',
  }),
  tooLarge: (detail: string, instance: string) => ({
    status: 413,
    title: 'Content Too Large',
    type: 'about:blank',
    detail,
    instance,
    error_code: 'PAYLOAD_TOO_LARGE',
  }),
  unexpected: (instance: string) => ({
    status: 500,
    title: 'Internal Server Error',
    type: 'about:blank',
    detail: 'An unexpected error occurred.',
    instance,
  }),
};
