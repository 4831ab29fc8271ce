import { ProblemError } from '@faultline/core';
import type { Scenario } from '../scenario';
import { getSubject, UNEXPECTED } from './requests';

const notFound = () => new ProblemError('RESOURCE_NOT_FOUND');
const crash = () => new Error('database timed out');

/**
 * The log policy's options; the default levels (info for a 4xx, error for a 5xx) are checked by
 * every other row. The records expected are derived in `expectation.ts`.
 */
export const loggingScenarios: readonly Scenario[] = [
  {
    name: "logLevel4xx: 'warn'",
    options: () => ({ logLevel4xx: 'warn' }),
    handler: { throws: notFound },
    request: getSubject,
    expect: { status: 404, errorCode: 'RESOURCE_NOT_FOUND' },
  },
  {
    name: "logLevel4xx: 'silent'",
    options: () => ({ logLevel4xx: 'silent' }),
    handler: { throws: notFound },
    request: getSubject,
    expect: { status: 404, errorCode: 'RESOURCE_NOT_FOUND' },
  },
  {
    name: "logLevel5xx: 'fatal'",
    options: () => ({ logLevel5xx: 'fatal' }),
    handler: { throws: crash },
    request: getSubject,
    expect: { status: 500, body: { detail: UNEXPECTED } },
  },
  {
    name: "logLevel5xx: 'silent'",
    options: () => ({ logLevel5xx: 'silent' }),
    handler: { throws: crash },
    request: getSubject,
    expect: { status: 500, body: { detail: UNEXPECTED } },
  },
  {
    name: 'a logger whose methods throw does not change a 4xx answer',
    logger: 'throwing',
    handler: { throws: notFound },
    request: getSubject,
    expect: { status: 404, errorCode: 'RESOURCE_NOT_FOUND', logs: 'unchecked' },
  },
  {
    name: 'a logger whose methods throw does not change a 5xx answer',
    logger: 'throwing',
    handler: { throws: crash },
    request: getSubject,
    expect: { status: 500, body: { detail: UNEXPECTED }, logs: 'unchecked' },
  },
];
