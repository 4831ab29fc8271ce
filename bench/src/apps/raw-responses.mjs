import { createNormaliser, ProblemError, validationProblem } from '@faultline/core';
import { ITEMS, itemNotFoundDetail, UNEXPECTED_MESSAGE, validateItem } from './fixtures.mjs';

const normalise = createNormaliser();

function problem(error, instance) {
  const { status, headers, body } = normalise(error, { instance });
  return { status, headers, body };
}

function json(status, body) {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body };
}

validateItem({});
const missingName = validationProblem(validateItem.errors ?? []);

/**
 * What the raw servers answer, by `METHOD path`: the same documents the scenarios expect, built
 * once with the core so the ceiling writes exactly what a problem response holds.
 */
export const rawResponses = {
  'GET /items/42': problem(
    new ProblemError('RESOURCE_NOT_FOUND', { detail: itemNotFoundDetail('42') }),
    '/items/42',
  ),
  'GET /lookup/42': problem(
    new ProblemError('RESOURCE_NOT_FOUND', { detail: itemNotFoundDetail('42') }),
    '/lookup/42',
  ),
  'GET /nothing/here': problem(new ProblemError('RESOURCE_NOT_FOUND'), '/nothing/here'),
  'DELETE /items': problem(new ProblemError('METHOD_NOT_ALLOWED', { allow: ['GET', 'POST'] })),
  'POST /items malformed': problem(
    new ProblemError('VALIDATION_ERROR', {
      detail: "JSON parse error: unexpected token '}' at position 9.",
    }),
  ),
  'POST /items invalid': problem(missingName),
  'GET /boom': problem(new Error(UNEXPECTED_MESSAGE)),
  'GET /items': json(200, ITEMS),
  'POST /items': json(201, { id: 7, name: 'widget' }),
};

/** The raw servers tell the three `POST /items` bodies apart by their first bytes. */
export function rawKey(method, url, firstChunk) {
  if (method !== 'POST') return `${method} ${url}`;
  const text = firstChunk ?? '';
  if (text.startsWith('{"name":"')) return 'POST /items';
  if (text === '{}') return 'POST /items invalid';
  return 'POST /items malformed';
}
