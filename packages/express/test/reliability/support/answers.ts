import {
  assertProblemResponse,
  type Exchange,
  onlyResponse,
  type WireResponse,
} from '@faultline/test-support';

/**
 * Exactly one response, then the server closed the connection: a problem with this status and
 * exactly this body, which also meets every invariant of a problem response.
 */
export function expectProblemAnswer(
  answer: Exchange,
  status: number,
  body: Record<string, unknown>,
): WireResponse {
  const response = onlyResponse(answer);
  expect(response.status).toBe(status);
  expect(assertProblemResponse(response)).toEqual(body);
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
