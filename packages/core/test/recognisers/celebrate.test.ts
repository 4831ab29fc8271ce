import { requireEsmPackage } from '@faultline/test-support';
import type * as Celebrate from 'celebrate';
import { answer, SECRET } from './answer';

// celebrate 16 ships ES modules only.
const { CelebrateError, celebrate, Joi, Segments } = requireEsmPackage<typeof Celebrate>(
  'celebrate',
  __dirname,
);

/** Runs celebrate's middleware on a request and gives what it passes to `next`. */
function rejectedBy(
  middleware: (request: never, response: never, next: (error?: unknown) => void) => unknown,
  request: Record<string, unknown>,
) {
  return new Promise<unknown>((resolve) => {
    void middleware(request as never, {} as never, resolve);
  });
}

describe('celebrate: CelebrateError', () => {
  it('a body failure → the problem Joi would give', async () => {
    const middleware = celebrate({
      [Segments.BODY]: Joi.object({ name: Joi.string().required(), kind: Joi.valid('a', 'b') }),
    });
    const error = await rejectedBy(middleware, { method: 'POST', body: { kind: SECRET } });
    expect(error).toBeInstanceOf(CelebrateError);
    expect(answer(error)).toEqual({
      status: 422,
      code: 'MISSING_REQUIRED_FIELD',
      detail: "The 'name' field is required.",
      errors: [{ detail: "The 'name' field is required.", pointer: '#/name' }],
    });
  });

  it('a path parameter → 400 INVALID_ID, in: path', async () => {
    const middleware = celebrate({ [Segments.PARAMS]: Joi.object({ id: Joi.number().integer() }) });
    const error = await rejectedBy(middleware, { method: 'GET', params: { id: SECRET } });
    expect(answer(error)).toEqual({
      status: 400,
      code: 'INVALID_ID',
      detail: "The 'id' parameter must be of type number.",
      errors: [
        { detail: "The 'id' parameter must be of type number.", pointer: '#/id', in: 'path' },
      ],
    });
  });

  it('query, headers and cookies, each where it was', async () => {
    const options = { abortEarly: false };
    for (const [segment, request, expected] of [
      [Segments.QUERY, { query: { page: SECRET } }, { pointer: '#/page', in: 'query' }],
      [Segments.HEADERS, { headers: { 'x-key': SECRET } }, { pointer: '#/x-key', in: 'header' }],
      [Segments.COOKIES, { cookies: { sid: SECRET } }, { pointer: '#/cookie/sid', in: 'header' }],
      [
        Segments.SIGNEDCOOKIES,
        { signedCookies: { sid: SECRET } },
        { pointer: '#/cookie/sid', in: 'header' },
      ],
    ] as const) {
      const key = Object.keys(request)[0] as string;
      const field = Object.keys(
        (request as Record<string, Record<string, string>>)[key] ?? {},
      )[0] as string;
      const middleware = celebrate(
        { [segment]: Joi.object({ [field]: Joi.number() }).unknown(true) },
        options,
      );
      const error = await rejectedBy(middleware, { method: 'GET', ...request });
      expect(answer(error)).toMatchObject({
        status: 400,
        code: 'VALIDATION_ERROR',
        errors: [expected],
      });
    }
  });

  it('a CelebrateError with no Joi error in it is not recognised', () => {
    const error = new CelebrateError('Validation failed');
    expect(answer(error).status).toBe(500);
  });
});
