import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { build, expected, versions } from './helpers';

const datasetBody = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100 },
    visibility: { enum: ['private', 'public'] },
    size: { type: 'integer', minimum: 0 },
    contact: { type: 'string', format: 'email' },
    slug: { type: 'string', pattern: '^[a-z-]+$' },
  },
} as const;

const unprocessable = (code: string, detail: string, pointer: string) =>
  expected(422, 'validation-error', 'Unprocessable Entity', {
    detail,
    error_code: code,
    errors: [{ detail, pointer }],
  });

describe.each(versions)('%s: schema validation', (_name, version) => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function start(server: FastifyServerOptions = {}) {
    app = await build(
      version,
      (app) => {
        app.post('/datasets', { schema: { body: datasetBody } }, async (request) => ({
          body: request.body as unknown,
        }));
        app.get(
          '/datasets/:id',
          {
            schema: {
              params: { type: 'object', properties: { id: { type: 'integer' } } },
              querystring: {
                type: 'object',
                required: ['fields'],
                properties: { fields: { type: 'string' } },
              },
              headers: {
                type: 'object',
                required: ['x-api-version'],
                properties: { 'x-api-version': { type: 'string' } },
              },
            },
          },
          async () => ({ ok: true }),
        );
      },
      {},
      server,
    );
    return app;
  }

  const create = (app: FastifyInstance, body: unknown) =>
    app.inject({
      method: 'POST',
      url: '/datasets',
      payload: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });

  it('answers a missing required field with 422 MISSING_REQUIRED_FIELD and a pointer', async () => {
    const response = await create(await start(), { visibility: 'public' });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual(
      unprocessable('MISSING_REQUIRED_FIELD', "The 'name' field is required.", '#/name'),
    );
  });

  it('answers an empty required string with 422 MISSING_REQUIRED_FIELD', async () => {
    const response = await create(await start(), { name: '' });
    expect(response.json()).toEqual(
      unprocessable('MISSING_REQUIRED_FIELD', "The 'name' field must not be empty.", '#/name'),
    );
  });

  it('answers a value outside an enum with 422 INVALID_ENUM_VALUE', async () => {
    const response = await create(await start(), { name: 'x', visibility: 'secret' });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual(
      unprocessable(
        'INVALID_ENUM_VALUE',
        "The 'visibility' field must be one of 'private', 'public'.",
        '#/visibility',
      ),
    );
  });

  it.each([
    [
      'a length',
      { name: 'x'.repeat(101) },
      "The 'name' field must be at most 100 characters long.",
      '#/name',
    ],
    ['a range', { name: 'x', size: -1 }, "The 'size' field must be >= 0.", '#/size'],
    [
      'a format',
      { name: 'x', contact: 'not-an-address' },
      "The 'contact' field must be a valid email.",
      '#/contact',
    ],
    [
      'a pattern',
      { name: 'x', slug: 'Not A Slug' },
      "The 'slug' field does not match the expected pattern.",
      '#/slug',
    ],
  ])('answers %s rule with 422 INVALID_FIELD_VALUE', async (_rule, body, detail, pointer) => {
    const response = await create(await start(), body);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual(unprocessable('INVALID_FIELD_VALUE', detail, pointer));
  });

  it('answers a body that is JSON but not an object with 400 VALIDATION_ERROR', async () => {
    const response = await create(await start(), 'just a string');
    expect(response.statusCode).toBe(400);
    const detail = 'The request body must be of type object.';
    expect(response.json()).toEqual(
      expected(400, 'invalid-request', 'Bad Request', {
        detail,
        error_code: 'VALIDATION_ERROR',
        errors: [{ detail, pointer: '#' }],
      }),
    );
  });

  it('answers a POST with no body at all with 400, not 415', async () => {
    const app = await start();
    const response = await app.inject({ method: 'POST', url: '/datasets' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error_code: 'VALIDATION_ERROR' });
  });

  it('coerces a number into a string field by default (Fastify coerceTypes)', async () => {
    const response = await create(await start(), { name: 42 });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ body: { name: '42' } });
  });

  it('answers a wrong type with 400 VALIDATION_ERROR once coercion is off', async () => {
    const app = await start({ ajv: { customOptions: { coerceTypes: false } } });
    for (const name of [42, true, {}]) {
      const response = await create(app, { name });
      expect(response.statusCode).toBe(400);
      const detail = "The 'name' field must be of type string.";
      expect(response.json()).toEqual(
        expected(400, 'invalid-request', 'Bad Request', {
          detail,
          error_code: 'VALIDATION_ERROR',
          errors: [{ detail, pointer: '#/name' }],
        }),
      );
    }
  });

  it('turns coercion off for bodies only with a validator compiler per part (README recipe)', async () => {
    const coercing = addFormats(
      new Ajv({ coerceTypes: 'array', useDefaults: true, removeAdditional: true }),
    );
    const strict = addFormats(
      new Ajv({ coerceTypes: false, useDefaults: true, removeAdditional: true }),
    );
    app = await build(version, (app) => {
      app.setValidatorCompiler(({ schema, httpPart }) =>
        (httpPart === 'body' ? strict : coercing).compile(schema),
      );
      app.post(
        '/datasets/:id',
        {
          schema: {
            params: { type: 'object', properties: { id: { type: 'integer' } } },
            body: datasetBody,
          },
        },
        async (request) => ({ params: request.params as unknown }),
      );
    });
    const send = (name: unknown) =>
      app!.inject({ method: 'POST', url: '/datasets/7', payload: { name } });
    expect((await send('x')).json()).toEqual({ params: { id: 7 } });
    const wrong = await send(42);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      error_code: 'VALIDATION_ERROR',
      errors: [{ pointer: '#/name' }],
    });
  });

  it('lists every failure when allErrors is on, the most relevant one first in the code', async () => {
    const app = await start({ ajv: { customOptions: { allErrors: true } } });
    const response = await create(app, { visibility: 'secret', size: -1 });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual(
      expected(422, 'validation-error', 'Unprocessable Entity', {
        detail: "The 'name' field is required.",
        error_code: 'MISSING_REQUIRED_FIELD',
        errors: [
          { detail: "The 'name' field is required.", pointer: '#/name' },
          {
            detail: "The 'visibility' field must be one of 'private', 'public'.",
            pointer: '#/visibility',
          },
          { detail: "The 'size' field must be >= 0.", pointer: '#/size' },
        ],
      }),
    );
  });

  it('answers an invalid path parameter with 400 INVALID_ID, pointing into the path', async () => {
    const app = await start();
    const response = await app.inject({
      url: '/datasets/abc?fields=name',
      headers: { 'x-api-version': '2' },
    });
    expect(response.statusCode).toBe(400);
    const detail = "The 'id' parameter must be of type integer.";
    expect(response.json()).toEqual(
      expected(400, 'invalid-request', 'Bad Request', {
        detail,
        error_code: 'INVALID_ID',
        errors: [{ detail, pointer: '#/id', in: 'path' }],
      }),
    );
  });

  it('answers a missing query parameter with 422, pointing into the query', async () => {
    const app = await start();
    const response = await app.inject({ url: '/datasets/7', headers: { 'x-api-version': '2' } });
    expect(response.statusCode).toBe(422);
    const detail = "The 'fields' parameter is required.";
    expect(response.json()).toEqual(
      expected(422, 'validation-error', 'Unprocessable Entity', {
        detail,
        error_code: 'MISSING_REQUIRED_FIELD',
        errors: [{ detail, pointer: '#/fields', in: 'query' }],
      }),
    );
  });

  it('answers a missing header with 422, pointing into the headers', async () => {
    const app = await start();
    const response = await app.inject({ url: '/datasets/7?fields=name' });
    expect(response.statusCode).toBe(422);
    const detail = "The 'x-api-version' parameter is required.";
    expect(response.json()).toEqual(
      expected(422, 'validation-error', 'Unprocessable Entity', {
        detail,
        error_code: 'MISSING_REQUIRED_FIELD',
        errors: [{ detail, pointer: '#/x-api-version', in: 'header' }],
      }),
    );
  });

  it('maps the errors even when schemaErrorFormatter builds its own Error', async () => {
    const app = await start({ schemaErrorFormatter: () => new Error('formatted by the app') });
    const response = await create(app, {});
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      error_code: 'MISSING_REQUIRED_FIELD',
      errors: [{ pointer: '#/name' }],
    });
  });

  it('answers a custom validator that returns an Error with a generic 400', async () => {
    app = await build(version, (app) => {
      app.setValidatorCompiler(() => () => ({ error: new Error('zod says: secret internals') }));
      app.post('/x', { schema: { body: { type: 'object' } } }, async () => ({ ok: true }));
    });
    const response = await app.inject({ method: 'POST', url: '/x', payload: {} });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual(
      expected(400, 'invalid-request', 'Bad Request', {
        detail: 'The request body is invalid.',
        error_code: 'VALIDATION_ERROR',
      }),
    );
  });
});
