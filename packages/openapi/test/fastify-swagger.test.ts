import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import { faultline, rateLimitErrorResponseBuilder } from '@faultline/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { schemaCodes } from '../src/fastify-schema-codes.js';
import { problemSwagger } from '../src/fastify-swagger.js';
import { problems } from './fixtures/problems';
import { resolveResponse, schemaValidator, segment } from './openapi-document';
import { lint, rulesOf } from './redocly';

// Bounds a hang only: the lint starts a Node process, Ajv compiles whole documents. Nothing is timed.
jest.setTimeout(60_000);

const { registry, ProblemError } = problems;
const media = 'application/problem+json';
type Document = Record<string, unknown> & { paths: Record<string, Record<string, Operation>> };
interface Operation {
  readonly responses: Record<string, unknown>;
  readonly [key: string]: unknown;
}

const openapi = {
  openapi: '3.1.0',
  info: {
    title: 'Datasets API',
    version: '1.0.0',
    description: 'A test document.',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  servers: [{ url: 'https://api.test' }],
  security: [],
};

const datasetBody = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1 },
    kind: { enum: ['table', 'graph'] },
  },
} as const;

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^[a-z]+$' } },
} as const;

/** The Datasets app: faultline, @fastify/swagger with the problems, routes of every kind. */
async function datasetsApp(
  swaggerOptions: Record<string, unknown> = {},
  routes: (app: FastifyInstance) => void = () => {},
): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  await app.register(faultline, { registry });
  await app.register(swagger, { openapi, ...problemSwagger(registry), ...swaggerOptions });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: rateLimitErrorResponseBuilder,
  });
  app.get('/health', { schema: { operationId: 'health', summary: 'Health' } }, async () => ({
    ok: true,
  }));
  app.get(
    '/datasets/:id',
    {
      schema: { operationId: 'readDataset', summary: 'Read a dataset', params: idParams },
      config: { problems: ['RESOURCE_NOT_FOUND'] },
    },
    async () => {
      throw new ProblemError('RESOURCE_NOT_FOUND', { detail: 'No such dataset.' });
    },
  );
  app.post(
    '/datasets',
    {
      schema: { operationId: 'createDataset', summary: 'Create a dataset', body: datasetBody },
      config: { problems: ['RESOURCE_ALREADY_EXISTS', 'DATASET_ARCHIVED'] },
    },
    async (_request, reply) => reply.code(201).send({ id: 'abc' }),
  );
  app.get(
    '/search',
    {
      schema: {
        operationId: 'search',
        summary: 'Search',
        querystring: {
          type: 'object',
          properties: { q: { type: 'string', maxLength: 10 } },
        },
      },
      config: { rateLimit: { max: 1, timeWindow: 60_000 } },
    },
    async () => [],
  );
  app.delete(
    '/datasets/:id',
    { schema: { operationId: 'deleteDataset', summary: 'Delete a dataset', params: idParams } },
    async (_request, reply) => reply.code(204).send(),
  );
  routes(app);
  await app.ready();
  return app;
}

/** The codes a documented response covers: its examples are keyed by code. */
function codesOf(document: Document, response: unknown): string[] {
  const resolved = resolveResponse(document, response);
  return Object.keys(resolved.content[media]?.examples ?? {}).sort();
}

/** An operation's problem responses, as `{ status: codes }`. */
function problemsOf(document: Document, path: string, method: string): Record<string, string[]> {
  const operation = document.paths[path]?.[method];
  if (operation === undefined) throw new Error(`no ${method} ${path} in the document`);
  return Object.fromEntries(
    Object.entries(operation.responses)
      .filter(([status]) => Number(status) >= 400)
      .map(([status, response]) => [status, codesOf(document, response)]),
  );
}

describe('problemSwagger with @fastify/swagger 9 on Fastify 5', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function documentOf(
    swaggerOptions: Record<string, unknown> = {},
    routes?: (app: FastifyInstance) => void,
  ): Promise<Document> {
    app = await datasetsApp(swaggerOptions, routes);
    return app.swagger() as unknown as Document;
  }

  it('documents on each operation exactly the problems its route can answer with', async () => {
    const document = await documentOf();
    expect(problemsOf(document, '/health', 'get')).toEqual({
      '500': ['INTERNAL_SERVER_ERROR'],
    });
    expect(problemsOf(document, '/datasets/{id}', 'get')).toEqual({
      '400': ['INVALID_ID'],
      '404': ['RESOURCE_NOT_FOUND'],
      '500': ['INTERNAL_SERVER_ERROR'],
    });
    expect(problemsOf(document, '/datasets/{id}', 'delete')).toEqual({
      '400': ['INVALID_ID'],
      '500': ['INTERNAL_SERVER_ERROR'],
    });
    expect(problemsOf(document, '/datasets', 'post')).toEqual({
      '400': ['VALIDATION_ERROR'],
      '409': ['DATASET_ARCHIVED', 'RESOURCE_ALREADY_EXISTS'],
      '413': ['PAYLOAD_TOO_LARGE'],
      '415': ['UNSUPPORTED_MEDIA_TYPE'],
      '422': ['INVALID_ENUM_VALUE', 'INVALID_FIELD_VALUE', 'MISSING_REQUIRED_FIELD'],
      '500': ['INTERNAL_SERVER_ERROR'],
    });
    expect(problemsOf(document, '/search', 'get')).toEqual({
      '400': ['VALIDATION_ERROR'],
      '422': ['INVALID_FIELD_VALUE'],
      '429': ['RATE_LIMIT_EXCEEDED'],
      '500': ['INTERNAL_SERVER_ERROR'],
    });
  });

  it('never documents a 405 on an operation, and keeps what the route documents itself', async () => {
    const document = await documentOf();
    for (const item of Object.values(document.paths)) {
      for (const operation of Object.values(item)) {
        expect(Object.keys(operation.responses)).not.toContain('405');
        expect(operation).not.toHaveProperty(['x-faultline-problems']);
      }
    }
    expect(document.paths['/health']?.get?.responses['200']).toEqual({
      description: 'Default Response',
    });
  });

  it('uses the $ref of a problem type whose codes the route all has, else the response inline', async () => {
    const document = await documentOf();
    const responses = document.paths['/datasets/{id}']?.get?.responses ?? {};
    expect(responses['404']).toEqual({ $ref: '#/components/responses/resource-not-found' });
    expect(responses['500']).toEqual({ $ref: '#/components/responses/internal-server-error' });
    expect(responses['400']).not.toHaveProperty('$ref'); // INVALID_ID alone, not VALIDATION_ERROR
  });

  it('documents the 429 of a rate-limited route with the headers @fastify/rate-limit sends', async () => {
    const document = await documentOf();
    const limited = resolveResponse(document, document.paths['/search']?.get?.responses['429']);
    expect(Object.keys(limited.headers ?? {}).sort()).toEqual([
      'Cache-Control',
      'Retry-After',
      'x-ratelimit-limit',
      'x-ratelimit-remaining',
      'x-ratelimit-reset',
    ]);

    const drafted = await documentOf({
      ...problemSwagger(registry, { rateLimit: { enableDraftSpec: true } }),
    });
    const draft = resolveResponse(drafted, drafted.paths['/search']?.get?.responses['429']);
    expect(Object.keys(draft.headers ?? {})).toContain('ratelimit-limit');
  });

  it('finds a route rate-limited app-wide, and not one that turns the limit off', async () => {
    const app = Fastify({ logger: false });
    try {
      await app.register(faultline, { registry });
      await app.register(swagger, { openapi, ...problemSwagger(registry) });
      await app.register(rateLimit, { max: 100, timeWindow: 60_000 });
      app.get('/limited', { schema: { operationId: 'limited' } }, async () => 'ok');
      app.get(
        '/free',
        { schema: { operationId: 'free' }, config: { rateLimit: false } },
        async () => 'ok',
      );
      await app.ready();
      const document = app.swagger() as unknown as Document;
      expect(Object.keys(problemsOf(document, '/limited', 'get'))).toEqual(['429', '500']);
      expect(Object.keys(problemsOf(document, '/free', 'get'))).toEqual(['500']);
    } finally {
      await app.close();
    }
  });

  it("merges the registry's components without replacing the app's own", async () => {
    const own = {
      schemas: { Dataset: { type: 'object' } },
      responses: { 'resource-not-found': { description: 'Our own 404.' } },
    };
    const document = await documentOf({ openapi: { ...openapi, components: own } });
    const components = document.components as {
      schemas: Record<string, unknown>;
      responses: Record<string, unknown>;
    };
    expect(components.schemas.Dataset).toEqual({ type: 'object' });
    expect(components.schemas).toHaveProperty('ProblemDetails');
    expect(components.schemas).toHaveProperty('ValidationProblemDetails');
    expect(components.responses['resource-not-found']).toEqual({ description: 'Our own 404.' });
    expect(components.responses).toHaveProperty('internal-server-error');
  });

  it('passes @redocly/cli lint with no error', async () => {
    const document = await documentOf();
    const report = await lint(document);
    expect(report.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    // Problem types no route answers with are components nothing uses yet, and GET /health can
    // fail only with a 500: both are warnings.
    expect(rulesOf(report).sort()).toEqual(['no-unused-components', 'operation-4xx-response']);
    expect(
      report.problems
        .filter((problem) => problem.ruleId === 'operation-4xx-response')
        .map((problem) => problem.message),
    ).toHaveLength(1);
  });

  it("calls the app's own transform and transformObject, around its own", async () => {
    const seen: string[] = [];
    const document = await documentOf({
      ...problemSwagger(registry, {
        transform: ({ schema, url }) => {
          seen.push(url);
          return { schema: { ...schema, tags: ['datasets'] }, url: `/v2${url}` };
        },
        transformObject: (input) => {
          const object = 'openapiObject' in input ? input.openapiObject : {};
          // It sees the problems already merged in.
          seen.push(Object.keys(object.paths?.['/v2/health']?.get?.responses ?? {}).join(','));
          return { ...object, info: { title: 'Renamed', version: '2.0.0' } };
        },
      }),
    });
    expect(seen).toContain('/datasets/:id');
    expect(seen.at(-1)).toBe('200,500');
    expect(Object.keys(document.paths).sort()).toEqual([
      '/v2/datasets',
      '/v2/datasets/{id}',
      '/v2/health',
      '/v2/search',
    ]);
    expect(document.paths['/v2/datasets/{id}']?.get?.tags).toEqual(['datasets']);
    expect(Object.keys(problemsOf(document, '/v2/datasets/{id}', 'get'))).toEqual([
      '400',
      '404',
      '500',
    ]);
    expect(document.info).toEqual({ title: 'Renamed', version: '2.0.0' });
  });

  it('refuses a route that declares a code the registry does not have, naming both', async () => {
    app = await datasetsApp({}, (app) => {
      app.get('/typo', { config: { problems: ['RESOURCE_NOT_FUOND'] } }, async () => 'never');
    });
    expect(() => app?.swagger()).toThrow(
      '@faultline/openapi: route GET /typo declares config.problems "RESOURCE_NOT_FUOND", which is not a code of the registry',
    );
  });

  it('refuses to document OpenAPI 3.0, and checks its options when called', async () => {
    app = await datasetsApp({ openapi: { ...openapi, openapi: '3.0.3' } });
    expect(() => app?.swagger()).toThrow(/documents OpenAPI 3\.1, not 3\.0\.3/);
    expect(() => problemSwagger(registry, { trasform: () => ({}) } as never)).toThrow(
      '@faultline/openapi: problemSwagger has no option trasform; it takes examples, translatedTitles, transform, transformObject, rateLimit',
    );
    expect(() => problemSwagger(registry, { examples: { NOT_A_CODE: {} } } as never)).toThrow(
      /NOT_A_CODE/,
    );
  });
});

describe('what the app really answers is what its document says', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  const cases: readonly (readonly [string, string, string, RequestInit])[] = [
    ['a body failing validation', 'post', '/datasets', jsonBody({})],
    ['a body with a value out of its set', 'post', '/datasets', jsonBody({ name: 'a', kind: 'x' })],
    ['a malformed JSON body', 'post', '/datasets', { ...jsonBody({}), body: '{"name":' }],
    [
      'a body that is not JSON',
      'post',
      '/datasets',
      { method: 'POST', body: 'name=a', headers: { 'content-type': 'text/plain' } },
    ],
    ['a path parameter failing validation', 'get', '/datasets/ABC', {}],
    ['a thrown RESOURCE_NOT_FOUND', 'get', '/datasets/abc', {}],
    ['a query parameter failing validation', 'get', '/search?q=far-too-long-a-query', {}],
  ];

  it.each(cases)(
    '%s: a documented status and code, valid against the documented schema',
    async (_name, method, path, init) => {
      app = await datasetsApp();
      const document = app.swagger() as unknown as Document;
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      const response = await fetch(`${address}${path}`, init);
      const body = (await response.json()) as Record<string, unknown>;
      expect(response.headers.get('content-type')).toBe(media);

      const route = `/${path.split('?')[0]?.split('/')[1]}${path.startsWith('/datasets/') ? '/{id}' : ''}`;
      const documented = problemsOf(document, route, method);
      expect(documented[String(response.status)]).toContain(body.error_code);

      const raw = document.paths[route]?.[method]?.responses[String(response.status)];
      const pointer =
        typeof (raw as { $ref?: unknown }).$ref === 'string'
          ? `/components/responses/${segment(String((raw as { $ref: string }).$ref).replace('#/components/responses/', ''))}`
          : `/paths/${segment(route)}/${method}/responses/${response.status}`;
      const validate = schemaValidator(document)(`${pointer}/content/${segment(media)}/schema`);
      expect(validate(body)).toBe(true);
    },
  );

  it('a rate-limited request: a documented 429 with every documented header', async () => {
    app = await datasetsApp();
    const document = app.swagger() as unknown as Document;
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    expect((await fetch(`${address}/search`)).status).toBe(200);
    const response = await fetch(`${address}/search`);
    expect(response.status).toBe(429);
    const body = (await response.json()) as Record<string, unknown>;
    expect(problemsOf(document, '/search', 'get')['429']).toEqual([body.error_code]);
    const documented = resolveResponse(document, document.paths['/search']?.get?.responses['429']);
    for (const name of Object.keys(documented.headers ?? {})) {
      expect([name, response.headers.get(name)]).toEqual([name, expect.any(String)]);
    }
  });
});

function jsonBody(value: unknown): RequestInit {
  return {
    method: 'POST',
    body: JSON.stringify(value),
    headers: { 'content-type': 'application/json' },
  };
}

describe('the codes a schema can fail with', () => {
  it('follows core mapping of each keyword, and assumes every code behind a $ref', () => {
    expect([...schemaCodes({ type: 'object', required: ['a'] })].sort()).toEqual([
      'MISSING_REQUIRED_FIELD',
      'VALIDATION_ERROR',
    ]);
    expect(
      [...schemaCodes({ properties: { kind: { enum: ['a'] }, n: { minimum: 1 } } })].sort(),
    ).toEqual(['INVALID_ENUM_VALUE', 'INVALID_FIELD_VALUE']);
    expect([
      ...schemaCodes({ properties: { name: { description: 'Any name', minLength: 1 } } }),
    ]).toEqual(['MISSING_REQUIRED_FIELD']);
    expect([...schemaCodes({ properties: { a: { $ref: 'dataset#' } } })].sort()).toEqual([
      'INVALID_ENUM_VALUE',
      'INVALID_FIELD_VALUE',
      'MISSING_REQUIRED_FIELD',
      'VALIDATION_ERROR',
    ]);
  });
});
