import { ProblemError } from '@faultline/core';
import type { AnswerExpectation, Scenario } from '../scenario';
import { getSubject, UNEXPECTED } from './requests';

function withHeaders(
  name: string,
  headers: Record<string, string>,
  throws: () => unknown,
  expect: AnswerExpectation,
): Scenario {
  return { name, handler: { headers, throws }, request: getSubject, expect };
}

/** Headers that describe the representation the handler meant to send, not the problem. */
const representation: Record<string, string> = {
  'Content-Encoding': 'gzip',
  ETag: '"v42"',
  'Last-Modified': 'Tue, 01 Jul 2025 10:00:00 GMT',
  'Content-Range': 'bytes 0-99/1000',
  'Content-Location': '/datasets/ds-1.csv',
  'Content-Language': 'de',
  'Content-Disposition': 'attachment; filename="ds-1.csv"',
};
const representationNames = Object.keys(representation).map((name) => name.toLowerCase());

const notFound = () => new ProblemError('RESOURCE_NOT_FOUND');
const notFoundAnswer: AnswerExpectation = { status: 404, errorCode: 'RESOURCE_NOT_FOUND' };

/** Headers a handler set before it threw: which the problem drops, which it keeps. */
export const headersBeforeThrow: readonly Scenario[] = [
  withHeaders(
    'a cookie the problem sets joins the one set before the throw',
    { 'Set-Cookie': 'session=1; HttpOnly' },
    () => new ProblemError('ACCESS_DENIED', { headers: { 'Set-Cookie': 'flash=denied' } }),
    {
      status: 403,
      errorCode: 'ACCESS_DENIED',
      // Each Set-Cookie line, in the sorted order the harness compares headers in.
      headers: { 'set-cookie': 'flash=denied, session=1; HttpOnly' },
    },
  ),
  withHeaders('representation headers set before a 404 are dropped', representation, notFound, {
    ...notFoundAnswer,
    absentHeaders: representationNames,
  }),
  withHeaders(
    'representation headers set before a 500 are dropped',
    representation,
    () => new Error('stream failed'),
    { status: 500, body: { detail: UNEXPECTED }, absentHeaders: representationNames },
  ),
  withHeaders(
    'CORS headers set before the throw are kept',
    {
      'Access-Control-Allow-Origin': 'https://app.example.com',
      'Access-Control-Expose-Headers': 'X-Request-Id',
    },
    notFound,
    {
      ...notFoundAnswer,
      headers: {
        'access-control-allow-origin': 'https://app.example.com',
        'access-control-expose-headers': 'X-Request-Id',
      },
    },
  ),
  withHeaders(
    'security headers set before the throw are kept',
    {
      'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
      'X-Frame-Options': 'DENY',
    },
    notFound,
    {
      ...notFoundAnswer,
      headers: {
        'strict-transport-security': 'max-age=63072000; includeSubDomains',
        'x-frame-options': 'DENY',
      },
    },
  ),
  withHeaders(
    'rate-limit headers set before a 429 are kept',
    { 'RateLimit-Limit': '100', 'X-RateLimit-Remaining': '0' },
    () => new ProblemError('RATE_LIMIT_EXCEEDED'),
    {
      status: 429,
      errorCode: 'RATE_LIMIT_EXCEEDED',
      headers: { 'ratelimit-limit': '100', 'x-ratelimit-remaining': '0', 'retry-after': '60' },
    },
  ),
  withHeaders('Vary set before the throw is kept', { Vary: 'Origin' }, notFound, {
    ...notFoundAnswer,
    headers: { vary: 'Origin' },
  }),
  withHeaders(
    'a custom X-Request-Id set before the throw is kept',
    { 'X-Request-Id': 'req-7' },
    notFound,
    {
      ...notFoundAnswer,
      headers: { 'x-request-id': 'req-7' },
    },
  ),
  withHeaders(
    'WWW-Authenticate set before a 401 is kept exactly, no Bearer added',
    { 'WWW-Authenticate': 'Basic realm="legacy"' },
    () => new ProblemError('AUTHENTICATION_REQUIRED'),
    {
      status: 401,
      errorCode: 'AUTHENTICATION_REQUIRED',
      headers: { 'www-authenticate': 'Basic realm="legacy"' },
    },
  ),
  withHeaders(
    'a 401 with no challenge set gets WWW-Authenticate: Bearer',
    {},
    () => new ProblemError('AUTHENTICATION_REQUIRED'),
    {
      status: 401,
      errorCode: 'AUTHENTICATION_REQUIRED',
      headers: { 'www-authenticate': 'Bearer' },
    },
  ),
  withHeaders(
    'Retry-After set before a 429 is kept',
    { 'Retry-After': '30' },
    () => new ProblemError('RATE_LIMIT_EXCEEDED'),
    { status: 429, errorCode: 'RATE_LIMIT_EXCEEDED', headers: { 'retry-after': '30' } },
  ),
  withHeaders(
    "Allow set before a 405 loses to the problem's own Allow",
    { Allow: 'PUT' },
    () => new ProblemError('METHOD_NOT_ALLOWED', { allow: ['GET'] }),
    // The problem's computed Allow, which lists HEAD wherever GET is served (core's README).
    { status: 405, errorCode: 'METHOD_NOT_ALLOWED', headers: { allow: 'GET, HEAD' } },
  ),
  withHeaders(
    "Cache-Control set before a 404 is the application's choice, and kept",
    { 'Cache-Control': 'public, max-age=3600' },
    notFound,
    { ...notFoundAnswer, headers: { 'cache-control': 'public, max-age=3600' } },
  ),
  withHeaders(
    'Cache-Control set before a 500 is kept',
    { 'Cache-Control': 'private, max-age=60' },
    () => new Error('stream failed'),
    {
      status: 500,
      body: { detail: UNEXPECTED },
      headers: { 'cache-control': 'private, max-age=60' },
    },
  ),
  withHeaders(
    'Cache-Control set before a 429 loses to no-store',
    { 'Cache-Control': 'public, max-age=3600' },
    () => new ProblemError('RATE_LIMIT_EXCEEDED'),
    { status: 429, errorCode: 'RATE_LIMIT_EXCEEDED', headers: { 'cache-control': 'no-store' } },
  ),
  withHeaders(
    "an error's own Cache-Control is kept",
    {},
    () => new ProblemError('RESOURCE_NOT_FOUND', { headers: { 'Cache-Control': 'max-age=30' } }),
    { ...notFoundAnswer, headers: { 'cache-control': 'max-age=30' } },
  ),
  withHeaders(
    'Content-Type and X-Content-Type-Options set before the throw are replaced',
    { 'Content-Type': 'text/html; charset=utf-8', 'X-Content-Type-Options': 'off' },
    notFound,
    notFoundAnswer,
  ),
];
