import {
  body,
  checkExact,
  cookie,
  header,
  oneOf,
  param,
  query,
  validationResult,
} from 'express-validator';
import { answer, caught, SECRET } from './answer';

type Request = Record<string, unknown>;

/** Runs the chains on a request, then throws as `validationResult(req).throw()` does. */
async function rejected(request: Request, chains: { run(req: Request): Promise<unknown> }[]) {
  for (const chain of chains) await chain.run(request);
  return caught(() => validationResult(request).throw());
}

describe('express-validator: validationResult(req).throw()', () => {
  it('an absent body field → 422 MISSING_REQUIRED_FIELD', async () => {
    const error = await rejected({ body: {} }, [body('name').exists().isString()]);
    expect(answer(error)).toEqual({
      status: 422,
      code: 'MISSING_REQUIRED_FIELD',
      detail: "The 'name' field is required.",
      errors: [{ detail: "The 'name' field is required.", pointer: '#/name' }],
    });
  });

  it('a present but invalid field → 422 INVALID_FIELD_VALUE, and a message built from the value is not shown', async () => {
    const error = await rejected({ body: { email: SECRET } }, [
      body('email')
        .isEmail()
        .withMessage((value: string) => `${value} is not an email`),
    ]);
    expect(JSON.stringify((error as { errors: unknown }).errors)).toContain(SECRET);
    expect(answer(error)).toEqual({
      status: 422,
      code: 'INVALID_FIELD_VALUE',
      detail: "The 'email' field is invalid.",
      errors: [{ detail: "The 'email' field is invalid.", pointer: '#/email' }],
    });
  });

  it('nested and wildcard paths become pointers', async () => {
    const error = await rejected({ body: { items: [{ name: '' }], 'a.b': '' } }, [
      body('items.*.name').notEmpty(),
      body('["a.b"]').notEmpty(),
    ]);
    expect(answer(error).errors).toEqual([
      { detail: "The 'items.0.name' field is invalid.", pointer: '#/items/0/name' },
      { detail: "The 'a.b' field is invalid.", pointer: '#/a.b' },
    ]);
  });

  it('a path parameter → 400 INVALID_ID, in: path', async () => {
    const error = await rejected({ params: { id: SECRET } }, [param('id').isInt()]);
    expect(answer(error)).toEqual({
      status: 400,
      code: 'INVALID_ID',
      detail: "The 'id' parameter is invalid.",
      errors: [{ detail: "The 'id' parameter is invalid.", pointer: '#/id', in: 'path' }],
    });
  });

  it('query, header and cookie failures say where they were; the most relevant sets the code', async () => {
    const error = await rejected(
      { query: { page: SECRET }, headers: {}, cookies: { session: SECRET } },
      [query('page').isInt(), header('x-api-key').exists(), cookie('session').isUUID()],
    );
    expect(answer(error)).toEqual({
      status: 422,
      code: 'MISSING_REQUIRED_FIELD',
      detail: "The 'x-api-key' parameter is required.",
      errors: [
        { detail: "The 'page' parameter is invalid.", pointer: '#/page', in: 'query' },
        { detail: "The 'x-api-key' parameter is required.", pointer: '#/x-api-key', in: 'header' },
        {
          detail: "The 'cookie.session' parameter is invalid.",
          pointer: '#/cookie/session',
          in: 'header',
        },
      ],
    });
  });

  it('checkExact: an unknown field is not allowed', async () => {
    const error = await rejected({ body: { name: 'a', role: SECRET } }, [
      checkExact([body('name').isString()]),
    ]);
    expect(answer(error)).toMatchObject({
      status: 422,
      code: 'INVALID_FIELD_VALUE',
      errors: [{ detail: "The 'role' field is not allowed.", pointer: '#/role' }],
    });
  });

  it('oneOf: every alternative is listed', async () => {
    const error = await rejected({ body: {} }, [
      oneOf([body('email').exists(), body('phone').exists()]),
    ]);
    expect(answer(error)).toMatchObject({
      status: 422,
      code: 'MISSING_REQUIRED_FIELD',
      errors: [{ pointer: '#/email' }, { pointer: '#/phone' }],
    });
  });

  it('grouped oneOf alternatives are listed too', async () => {
    const error = await rejected({ body: {} }, [
      oneOf([[body('a').exists()], [body('b').exists(), body('c').exists()]]),
    ]);
    expect(answer(error).errors).toEqual([
      { detail: "The 'a' field is required.", pointer: '#/a' },
      { detail: "The 'b' field is required.", pointer: '#/b' },
      { detail: "The 'c' field is required.", pointer: '#/c' },
    ]);
  });
});

describe('what is not express-validator', () => {
  it('an AggregateError, whose errors are Errors, stays a 500', () => {
    expect(answer(new AggregateError([new Error(SECRET)])).status).toBe(500);
  });

  it('a list mixing its entries with others stays a 500', () => {
    const error = Object.assign(new Error(), {
      errors: [{ type: 'field', msg: 'x', path: 'a', location: 'body' }, { type: 'other' }],
    });
    expect(answer(error).status).toBe(500);
  });
});
