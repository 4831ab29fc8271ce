// Compiled by `pnpm typecheck` (tsc) and by test/type-tests.test.ts, never run: a line that
// should not compile must not.
import '@faultline/testing/jest';
import '@faultline/testing/vitest';
import type { AxiosResponse } from 'axios';
import type { LightMyRequestResponse } from 'fastify';
import type { Response as SupertestResponse } from 'supertest';
import { expect as vitestExpect } from 'vitest';

declare const supertest: SupertestResponse;
declare const injected: LightMyRequestResponse;
declare const fetched: Response;
declare const axiosResponse: AxiosResponse;

// Jest's global expect.
expect(supertest).toBeProblem(404);
expect(supertest).toBeProblem(404, 'RESOURCE_NOT_FOUND');
expect(injected).not.toBeProblem(400, 'INVALID_ID');
// @ts-expect-error: a typo in a code does not compile
expect(supertest).toBeProblem(404, 'RESOURCE_NOT_FUOND');
// @ts-expect-error: the status is a number
expect(injected).toBeProblem('404');
expect(axiosResponse).toMatchProblem({
  status: 404,
  detail: expect.stringContaining('abc'),
  errors: [{ pointer: '#/name' }],
});
// @ts-expect-error: error_code is one of the codes
expect(axiosResponse).toMatchProblem({ error_code: 'NOT_A_CODE' });
// @ts-expect-error: title is a string
expect(axiosResponse).toMatchProblem({ title: 404 });

// A fetch Response's matchers return a promise to await; the others' do not.
const pending: Promise<void> = expect(fetched).toBeProblem(404);
const matching: Promise<void> = expect(fetched).not.toMatchProblem({ status: 500 });
// @ts-expect-error: a supertest response is checked at once
const notPending: Promise<void> = expect(supertest).toBeProblem(404);

// Vitest's expect.
vitestExpect(injected).toBeProblem(404, 'RESOURCE_NOT_FOUND');
vitestExpect(axiosResponse).not.toMatchProblem({ error_code: 'INVALID_ID' });
// @ts-expect-error: a typo in a code does not compile
vitestExpect(supertest).toBeProblem(404, 'RESOURCE_NOT_FUOND');
const vitestPending: Promise<void> = vitestExpect(fetched).toMatchProblem({ status: 404 });

export { matching, notPending, pending, vitestPending };
