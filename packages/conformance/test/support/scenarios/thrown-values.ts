import { ProblemError } from '@faultline/core';
import Boom from '@hapi/boom';
import createError from 'http-errors';
import type { AnswerExpectation, Scenario } from '../scenario';
import { getSubject, UNEXPECTED } from './requests';

function thrown(name: string, throws: () => unknown, expect: AnswerExpectation): Scenario {
  return { name, handler: { throws }, request: getSubject, expect };
}

const unexpected: AnswerExpectation = {
  status: 500,
  body: { title: 'Internal Server Error', type: 'about:blank', detail: UNEXPECTED },
  absentMembers: ['error_code', 'stack'],
};

/** Every kind of value a handler can throw, each answered alike. */
export const thrownValues: readonly Scenario[] = [
  thrown('throws ProblemError RESOURCE_NOT_FOUND', () => new ProblemError('RESOURCE_NOT_FOUND'), {
    status: 404,
    errorCode: 'RESOURCE_NOT_FOUND',
    body: { title: 'Not Found', type: 'about:blank' },
    absentMembers: ['detail', 'instance'],
  }),
  thrown('throws ProblemError ACCESS_DENIED', () => new ProblemError('ACCESS_DENIED'), {
    status: 403,
    errorCode: 'ACCESS_DENIED',
    body: { title: 'Forbidden' },
  }),
  thrown(
    'throws ProblemError VALIDATION_ERROR with a detail',
    () => new ProblemError('VALIDATION_ERROR', { detail: "The 'name' field must be a string." }),
    {
      status: 400,
      errorCode: 'VALIDATION_ERROR',
      body: { detail: "The 'name' field must be a string." },
    },
  ),
  thrown('throws ProblemError INVALID_CREDENTIALS', () => new ProblemError('INVALID_CREDENTIALS'), {
    status: 401,
    errorCode: 'INVALID_CREDENTIALS',
    headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
  }),
  thrown(
    'throws ProblemError SERVICE_UNAVAILABLE with retryAfter',
    () => new ProblemError('SERVICE_UNAVAILABLE', { retryAfter: 120 }),
    { status: 503, headers: { 'retry-after': '120' }, absentMembers: ['error_code', 'detail'] },
  ),
  thrown('throws ProblemError RATE_LIMIT_EXCEEDED', () => new ProblemError('RATE_LIMIT_EXCEEDED'), {
    status: 429,
    errorCode: 'RATE_LIMIT_EXCEEDED',
    headers: { 'retry-after': '60', 'cache-control': 'no-store' },
  }),
  thrown(
    'throws ProblemError with detail, extensions and instance',
    () =>
      new ProblemError('RESOURCE_ALREADY_EXISTS', {
        detail: "A dataset named 'sales' already exists.",
        instance: '/datasets/ds-1',
        extensions: { conflictingId: 'ds-1', names: ['sales'] },
      }),
    {
      status: 409,
      errorCode: 'RESOURCE_ALREADY_EXISTS',
      body: {
        title: 'Conflict',
        detail: "A dataset named 'sales' already exists.",
        instance: '/datasets/ds-1',
        conflictingId: 'ds-1',
        names: ['sales'],
      },
    },
  ),
  thrown('throws http-errors 404 (expose)', () => createError(404, 'No dataset ds-9.'), {
    status: 404,
    errorCode: 'RESOURCE_NOT_FOUND',
    body: { detail: 'No dataset ds-9.' },
  }),
  thrown('throws http-errors 409 (expose)', () => createError(409, 'Dataset name taken.'), {
    status: 409,
    errorCode: 'RESOURCE_ALREADY_EXISTS',
    body: { detail: 'Dataset name taken.' },
  }),
  thrown('throws http-errors 418 (expose)', () => createError(418, 'Short and stout.'), {
    status: 418,
    errorCode: 'IM_A_TEAPOT',
    body: { type: 'about:blank', detail: 'Short and stout.' },
  }),
  thrown(
    'throws http-errors 500 (not exposed)',
    () => createError(500, 'db password is x'),
    unexpected,
  ),
  thrown(
    'throws http-errors 500 marked expose: true',
    () => createError(500, 'db password is x', { expose: true }),
    unexpected,
  ),
  thrown('throws a Boom 409', () => Boom.conflict('Dataset name taken.'), {
    status: 409,
    errorCode: 'RESOURCE_ALREADY_EXISTS',
    body: { detail: 'Dataset name taken.' },
  }),
  thrown('throws a Boom 500', () => Boom.badImplementation('db password is x'), unexpected),
  thrown('throws a plain Error', () => new Error('database timed out'), unexpected),
  thrown(
    'throws a TypeError',
    () => new TypeError('Cannot read properties of undefined'),
    unexpected,
  ),
  thrown('throws a string', () => 'a string', unexpected),
  thrown('throws a number', () => 42, unexpected),
  {
    ...thrown('throws null', () => null, unexpected),
    only: {
      frameworks: ['Fastify 4', 'Fastify 5'],
      reason: 'Express reads a thrown null as "no error" and goes on to the next route',
    },
  },
  {
    ...thrown('throws undefined', () => undefined, unexpected),
    only: {
      frameworks: ['Fastify 4', 'Fastify 5'],
      reason: 'Express reads a thrown undefined as "no error" and goes on to the next route',
    },
  },
  thrown('throws { status: 503 }', () => ({ status: 503 }), {
    status: 503,
    body: { title: 'Service Unavailable' },
    absentMembers: ['error_code', 'detail'],
  }),
  thrown(
    "throws { statusCode: 429, headers: { 'Retry-After': '7' } }",
    () => ({ statusCode: 429, headers: { 'Retry-After': '7' } }),
    {
      status: 429,
      errorCode: 'RATE_LIMIT_EXCEEDED',
      headers: { 'retry-after': '7', 'cache-control': 'no-store' },
    },
  ),
  thrown(
    'throws a frozen object { status: 409, expose: true }',
    () => Object.freeze({ status: 409, message: 'Frozen conflict.', expose: true }),
    { status: 409, errorCode: 'RESOURCE_ALREADY_EXISTS', body: { detail: 'Frozen conflict.' } },
  ),
  thrown(
    'throws an Error whose status getter throws',
    () =>
      Object.defineProperty(new Error('hostile'), 'status', {
        get() {
          throw new Error('the status getter failed');
        },
      }),
    unexpected,
  ),
];
