import { normalise } from '@faultline/core';
import { MARKER, throwingTraps, withThrowingGetters } from '@faultline/test-support';
import multer from 'multer';
import { z } from 'zod';

/**
 * Values shaped like a library's error, but hostile: getters that throw, Proxies, cycles, huge
 * lists. The normaliser answers each (a 4xx when enough can be read, else a 500), never throws,
 * reads a bounded part of any list, and never shows what it was given.
 */

function answered(value: unknown) {
  const { status, body } = normalise(value);
  expect(JSON.stringify(body)).not.toContain(MARKER);
  return { status, code: body.error_code, errors: (body as { errors?: unknown }).errors };
}

/** An array of length 2^32-1 whose few real entries are these. */
function huge(...items: unknown[]): unknown[] {
  const list: unknown[] = [...items];
  list.length = 2 ** 32 - 1;
  return list;
}

function zodError(issues: unknown): Error {
  return Object.assign(new Error(MARKER), { name: 'ZodError', issues });
}

describe('hostile values shaped like library errors', () => {
  it('a ZodError whose issues getter throws is not recognised: 500', () => {
    const error = withThrowingGetters(zodError([]), ['issues']);
    expect(answered(error).status).toBe(500);
  });

  it('a ZodError whose issues are a Proxy that throws on every read: 400, nothing listed', () => {
    expect(answered(zodError(new Proxy([], throwingTraps)))).toEqual({
      status: 400,
      code: 'VALIDATION_ERROR',
      errors: undefined,
    });
  });

  it('a revoked Proxy for the issues is not recognised: 500', () => {
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    expect(answered(zodError(proxy)).status).toBe(500);
  });

  it('issues whose every member throws are each an invalid request body', () => {
    const issue = withThrowingGetters({ code: 'invalid_type', path: ['a'], message: MARKER }, [
      'code',
      'path',
      'message',
      'received',
      'input',
    ]);
    expect(answered(zodError([issue]))).toEqual({
      status: 422,
      code: 'INVALID_FIELD_VALUE',
      errors: [{ detail: 'The request body is invalid.', pointer: '#' }],
    });
  });

  it('a list of 2^32-1 issues: the first hundred are read, the rest never', () => {
    const issue = {
      code: 'invalid_type',
      expected: 'string',
      received: 'undefined',
      path: ['name'],
    };
    expect(answered(zodError(huge(issue)))).toMatchObject({
      status: 422,
      code: 'MISSING_REQUIRED_FIELD',
    });
  });

  it('a path of 2^32-1 keys, or with keys of any kind, is cut where it stops being keys', () => {
    const issue = {
      code: 'custom',
      path: huge('a', 1, { toString: () => MARKER }, 'b'),
      message: MARKER,
    };
    expect(answered(zodError([issue])).errors).toEqual([
      { detail: "The 'a.1' field is invalid.", pointer: '#/a/1' },
    ]);
  });

  it('at most 100 failures are listed', () => {
    const issues = Array.from({ length: 500 }, (_, index) => ({
      code: 'custom',
      path: [`f${index}`],
    }));
    expect(answered(zodError(issues)).errors).toHaveLength(100);
  });

  it('a ZodError carrying an error status is answered by its status', () => {
    const error = Object.assign(z.object({ a: z.string() }).safeParse({}).error as object, {
      status: 409,
    });
    expect(answered(error)).toMatchObject({ status: 409, code: 'RESOURCE_ALREADY_EXISTS' });
  });

  it('class-validator errors in a cycle: the walk stops', () => {
    const node: Record<string, unknown> = {
      property: 'a',
      constraints: { isString: MARKER },
      value: 1,
    };
    node.children = [node, node];
    const { status, errors } = answered([node]);
    expect(status).toBe(400);
    expect((errors as unknown[]).length).toBeLessThanOrEqual(100);
  });

  it('class-validator constraints that cannot be listed: 500', () => {
    expect(answered([{ property: 'a', constraints: new Proxy({}, throwingTraps) }]).status).toBe(
      500,
    );
  });

  it('express-validator entries that throw on every read are not recognised', () => {
    const error = Object.assign(new Error(MARKER), { errors: [new Proxy({}, throwingTraps)] });
    expect(answered(error).status).toBe(500);
  });

  it("celebrate's details: a Map's own entries are read, six at most, whatever its class says", () => {
    class Endless extends Map<unknown, unknown> {
      override *[Symbol.iterator](): MapIterator<[unknown, unknown]> {
        while (true)
          yield ['body', { isJoi: true, details: [{ type: 'any.required', path: ['a'] }] }];
      }
    }
    const endless = Object.assign(new Error(MARKER), { details: new Endless() });
    expect(answered(endless).status).toBe(500);
    const many = new Map<unknown, unknown>(
      Array.from({ length: 1000 }, (_, index) => [index, MARKER]),
    );
    many.set('body', { isJoi: true, details: [{ type: 'any.required', path: ['a'] }] });
    expect(answered(Object.assign(new Error(MARKER), { details: many })).status).toBe(500);
  });

  it('a Joi error with details of 2^32-1 entries', () => {
    const detail = { type: 'any.required', path: ['name'], context: { value: MARKER } };
    const error = Object.assign(new Error(MARKER), {
      isJoi: true,
      details: huge(detail),
      _original: MARKER,
    });
    expect(answered(error)).toMatchObject({ status: 422, code: 'MISSING_REQUIRED_FIELD' });
  });

  it('a yup error whose params throw on every read', () => {
    const error = Object.assign(new Error(MARKER), {
      name: 'ValidationError',
      inner: [],
      type: 'min',
      path: 'a',
      params: new Proxy({}, throwingTraps),
    });
    expect(answered(error)).toMatchObject({ status: 422, code: 'INVALID_FIELD_VALUE' });
  });

  it('a MulterError whose code getter throws is not recognised', () => {
    const error = withThrowingGetters(new multer.MulterError('LIMIT_FILE_SIZE', 'f'), ['code']);
    expect(answered(error).status).toBe(500);
  });

  it('enum values that are objects, or too many, are not listed', () => {
    const objects = { code: 'invalid_value', values: [{ toString: () => MARKER }], path: ['a'] };
    const many = {
      code: 'invalid_value',
      values: Array.from({ length: 50 }, (_, i) => `v${i}`),
      path: ['b'],
    };
    expect(answered(zodError([objects, many])).errors).toEqual([
      { detail: "The 'a' field must be one of the allowed values.", pointer: '#/a' },
      { detail: "The 'b' field must be one of the allowed values.", pointer: '#/b' },
    ]);
  });

  it('limits that are not numbers give no limit', () => {
    const issue = {
      code: 'too_big',
      origin: 'string',
      maximum: { valueOf: () => MARKER },
      path: ['a'],
    };
    expect(answered(zodError([issue])).errors).toEqual([
      { detail: "The 'a' field is invalid.", pointer: '#/a' },
    ]);
  });
});
