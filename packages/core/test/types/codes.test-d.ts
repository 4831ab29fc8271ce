// Compiled by `pnpm typecheck` (tsc), never run: a line that should not compile must not.
import { type DefaultErrorCode, defineProblems, ProblemError } from '@faultline/core';

new ProblemError('RESOURCE_NOT_FOUND');
// @ts-expect-error: a typo in a built-in code does not compile
new ProblemError('RESOURCE_NOT_FUOND');
// @ts-expect-error: an application's code is unknown to the default class
new ProblemError('PAYMENT_REQUIRED');

const problems = defineProblems({ codes: { PAYMENT_REQUIRED: 402 } });
new problems.ProblemError('PAYMENT_REQUIRED');
new problems.ProblemError('RESOURCE_NOT_FOUND');
// @ts-expect-error: a typo in an application's code does not compile
new problems.ProblemError('PAYMENT_REQUIERD');

defineProblems({ stackPolicy: 'server-errors' });
// @ts-expect-error: a stack policy is true, false or 'server-errors'
defineProblems({ stackPolicy: 'client-errors' });

// @ts-expect-error: an extension is a record, not a string
new ProblemError('VALIDATION_ERROR', { extensions: 'x' });

const code: DefaultErrorCode = 'INVALID_ID';
// @ts-expect-error: DefaultErrorCode is exactly the catalogue's codes
const typo: DefaultErrorCode = 'INVALID_IDS';
void code;
void typo;

defineProblems({ codes: { DOCUMENTED: { status: 409, fix: 'Rename it.', retryable: false } } });
// @ts-expect-error: causes is a list of phrases, not one string
defineProblems({ codes: { DOCUMENTED: { status: 409, causes: 'A typo' } } });
// @ts-expect-error: retryable is a boolean
defineProblems({ codes: { DOCUMENTED: { status: 409, retryable: 'yes' } } });
