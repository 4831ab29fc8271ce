import type { Response } from 'supertest';

/** Asserts a problem response: status, media type, the exact body. */
export function expectProblem(response: Response, status: number, body: Record<string, unknown>) {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toBe('application/problem+json');
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(JSON.parse(response.text)).toEqual(body);
}
