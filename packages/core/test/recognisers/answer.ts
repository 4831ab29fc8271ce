import { normalise } from '@faultline/core';

/** Every rejected value in these tests contains this: no answer may show it. */
export const SECRET = 'hunter2-secret';

/** What a client sees of the normaliser's answer to `error`, checked not to show `SECRET`. */
export function answer(error: unknown) {
  const { status, headers, body } = normalise(error);
  expect(JSON.stringify(body)).not.toContain(SECRET);
  expect(JSON.stringify(headers)).not.toContain(SECRET);
  return {
    status,
    code: body.error_code,
    detail: body.detail,
    errors: (body as { errors?: unknown }).errors,
  };
}

/** What `run` throws (or rejects with); fails the test when it does not throw. */
export async function caught(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

/** What a synchronous `run` throws. */
export function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
