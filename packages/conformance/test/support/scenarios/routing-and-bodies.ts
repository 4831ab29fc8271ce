import { ProblemError } from '@faultline/core';
import type { Scenario } from '../scenario';
import { json, malformedJson, textPlain, UNEXPECTED } from './requests';

const NO_RESOURCE = 'No resource exists at this URL.';

/** What the adapters answer without any error of the application's, and hooks that throw. */
export const routingAndBodies: readonly Scenario[] = [
  {
    name: 'GET an unknown path',
    request: { method: 'GET', path: '/nowhere' },
    expect: { status: 404, errorCode: 'RESOURCE_NOT_FOUND', body: { detail: NO_RESOURCE } },
  },
  {
    name: 'a method the path does not serve',
    request: { method: 'DELETE', path: '/items' },
    expect: { status: 405, errorCode: 'METHOD_NOT_ALLOWED', headers: { allow: 'GET, HEAD, POST' } },
  },
  {
    name: 'POST a text/plain body to an unknown path',
    request: { method: 'POST', path: '/nowhere', headers: textPlain, body: 'hello' },
    expect: { status: 404, errorCode: 'RESOURCE_NOT_FOUND', body: { detail: NO_RESOURCE } },
  },
  {
    name: 'POST a text/plain body to a GET-only route',
    request: { method: 'POST', path: '/subject', headers: textPlain, body: 'hello' },
    expect: { status: 405, errorCode: 'METHOD_NOT_ALLOWED', headers: { allow: 'GET, HEAD' } },
  },
  {
    name: 'POST malformed JSON to an unknown path',
    request: { method: 'POST', path: '/nowhere', headers: json, body: malformedJson },
    expect: { status: 404, errorCode: 'RESOURCE_NOT_FOUND', body: { detail: NO_RESOURCE } },
  },
  {
    name: 'POST a text/plain body to a POST route',
    request: { method: 'POST', path: '/items', headers: textPlain, body: 'hello' },
    expect: { status: 415, errorCode: 'UNSUPPORTED_MEDIA_TYPE' },
  },
  {
    name: 'POST malformed JSON to a POST route',
    request: { method: 'POST', path: '/items', headers: json, body: malformedJson },
    expect: {
      status: 400,
      errorCode: 'VALIDATION_ERROR',
      body: { detail: "JSON parse error: unexpected token '}' at position 8." },
    },
  },
  {
    name: 'a hook throws ProblemError ACCESS_DENIED before the handler',
    hook: { throws: () => new ProblemError('ACCESS_DENIED') },
    handler: { throws: () => new ProblemError('RESOURCE_NOT_FOUND') },
    request: { method: 'GET', path: '/subject' },
    expect: { status: 403, errorCode: 'ACCESS_DENIED' },
  },
  {
    name: 'a hook throws a plain Error before the handler',
    hook: { throws: () => new Error('session store down') },
    handler: { throws: () => new ProblemError('RESOURCE_NOT_FOUND') },
    request: { method: 'GET', path: '/subject' },
    expect: { status: 500, body: { detail: UNEXPECTED }, absentMembers: ['error_code'] },
  },
];
