import { createNormaliser, defaultRegistry, defineProblems } from '@faultline/core';
import { problemClassFor } from '@faultline/core/adapter';
import {
  type MediaTypeObject,
  problemCatalogue,
  problemComponents,
  problemResponses,
} from '@faultline/openapi';
import MarkdownIt from 'markdown-it';
import { hostileProblems } from './fixtures/hostile-problems';
import { problems } from './fixtures/problems';
import { documentWith, resolveResponse, schemaValidator, segment } from './openapi-document';

// Bounds a hang only: compiling whole documents with Ajv is slow on a busy machine. Nothing is timed.
jest.setTimeout(60_000);

const { registry } = problems;
const media = 'application/problem+json';
const mediaOf = (response: { content: Record<string, MediaTypeObject> }): MediaTypeObject => {
  const found = response.content[media];
  if (found === undefined) throw new Error(`no ${media} content`);
  return found;
};

describe('problemComponents', () => {
  const components = problemComponents(registry);

  it('describes the problem document: RFC 9457 members, error_code as the enum of the 4xx codes, extensions allowed', () => {
    const schema = components.schemas.ProblemDetails as Record<string, unknown> & {
      properties: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(schema.properties)).toEqual([
      'status',
      'title',
      'type',
      'detail',
      'instance',
      'error_code',
    ]);
    expect(schema.required).toEqual(['status', 'title', 'type']);
    expect(schema.additionalProperties).toBe(true);
    expect(schema.properties.error_code?.enum).toEqual(
      registry.codes.filter((code) => (registry.byCode(code)?.status ?? 500) < 500),
    );
    expect(schema.properties.error_code?.enum).toContain('DATASET_ARCHIVED');
    expect(schema.properties.error_code?.enum).not.toContain('INTERNAL_SERVER_ERROR');
    expect(schema.externalDocs).toEqual({
      url: 'https://api.example.com/docs/errors',
      description: expect.any(String),
    });
  });

  it('describes the validation problem: the problem document with errors of { detail, pointer }', () => {
    const schema = components.schemas.ValidationProblemDetails as {
      allOf: unknown[];
      properties: { errors: { items: { required: string[] } } };
    };
    expect(schema.allOf).toEqual([{ $ref: '#/components/schemas/ProblemDetails' }]);
    expect(schema.properties.errors.items.required).toEqual(['detail', 'pointer']);
  });

  it('has one response per problem type, keyed by slug, with one example per code', () => {
    const withCodes = registry.types.filter((type) => type.codes.length > 0);
    expect(Object.keys(components.responses).sort()).toEqual(
      withCodes.map((type) => type.slug).sort(),
    );
    for (const type of withCodes) {
      const response = components.responses[type.slug];
      if (response === undefined) throw new Error(type.slug);
      expect(Object.keys(mediaOf(response).examples)).toEqual(type.codes);
      expect(response.description).toContain(`(${type.type})`);
      expect(mediaOf(response).schema.externalDocs).toEqual({
        url: type.type,
        description: `${type.status} ${type.title}`,
      });
    }
  });

  it('takes every example from the real normaliser, from a ProblemError of its code', () => {
    const Problem = problemClassFor(registry);
    const normalise = createNormaliser({ registry });
    const conflict = mediaOf(components.responses['dataset-archived']!);
    expect(conflict.examples.DATASET_ARCHIVED?.value).toEqual(
      normalise(new Problem('DATASET_ARCHIVED' as never)).body,
    );
    expect(conflict.examples.DATASET_ARCHIVED?.value).toEqual({
      status: 409,
      title: 'Dataset Archived',
      type: 'https://api.example.com/docs/errors#dataset-archived',
      error_code: 'DATASET_ARCHIVED',
    });
    // A default code shows what the adapters send for it: here the failures a validation lists.
    const invalid = mediaOf(components.responses['validation-error']!);
    expect(invalid.examples.MISSING_REQUIRED_FIELD?.value).toMatchObject({
      status: 422,
      error_code: 'MISSING_REQUIRED_FIELD',
      errors: [{ pointer: '#/name', detail: expect.any(String) }],
    });
    expect(
      mediaOf(components.responses['internal-server-error']!).examples.INTERNAL_SERVER_ERROR?.value,
    ).toEqual({
      status: 500,
      title: 'Internal Server Error',
      type: 'https://api.example.com/docs/errors#internal-server-error',
      detail: 'An unexpected error occurred.',
    });
  });

  it('uses the detail and extensions an application gives an example', () => {
    const detail = "Dataset with ID 'ZGF0YXNldC10ZXN0' was not found.";
    const found = problemComponents(registry, {
      examples: { RESOURCE_NOT_FOUND: { detail, extensions: { id: 'ZGF0YXNldC10ZXN0' } } },
    });
    expect(
      mediaOf(found.responses['resource-not-found']!).examples.RESOURCE_NOT_FOUND?.value,
    ).toEqual({
      status: 404,
      title: 'Not Found',
      type: 'https://api.example.com/docs/errors#resource-not-found',
      detail,
      error_code: 'RESOURCE_NOT_FOUND',
      id: 'ZGF0YXNldC10ZXN0',
    });
  });

  it('documents the headers the normaliser sends with a problem, beyond its media type', () => {
    expect(Object.keys(components.responses['rate-limit-exceeded']?.headers ?? {})).toEqual([
      'Retry-After',
      'Cache-Control',
    ]);
    expect(components.responses['rate-limit-exceeded']?.headers?.['Retry-After']).toMatchObject({
      schema: { type: 'integer', minimum: 0 },
      example: 60,
    });
    // Every problem is sent with `Cache-Control: no-store`, so no proxy keeps a failure.
    expect(Object.keys(components.responses['method-not-allowed']?.headers ?? {})).toEqual([
      'Cache-Control',
      'Allow',
    ]);
    expect(Object.keys(components.responses['authentication-required']?.headers ?? {})).toEqual([
      'Cache-Control',
      'WWW-Authenticate',
    ]);
    expect(Object.keys(components.responses['resource-not-found']?.headers ?? {})).toEqual([
      'Cache-Control',
    ]);
  });

  it('links no documentation when the type URIs are about:blank', () => {
    const plain = problemComponents(defaultRegistry);
    expect(plain.schemas.ProblemDetails?.externalDocs).toBeUndefined();
    const response = plain.responses['resource-not-found'];
    expect(response?.description).not.toContain('](');
    expect(mediaOf(response!).schema.externalDocs).toBeUndefined();
  });

  it('keeps a hostile type URI inside its link in a response description', () => {
    const hostile = problemComponents(hostileProblems.registry);
    const description = hostile.responses['dataset-archived']?.description ?? '';
    const html = new MarkdownIt({ html: true }).render(description);
    expect(html).not.toContain('<script');
    const links = [...html.matchAll(/<a href="([^"]*)">/g)].map((m) => m[1]);
    expect(links).toEqual([
      'https://docs.test/errors/%22%3E%3Cscript%3Ealert%281%29%3C/script%3E#dataset-archived',
    ]);
  });

  it('refuses an example for a code the registry does not have', () => {
    expect(() => problemComponents(registry, { examples: { NO_SUCH_CODE: {} } as never })).toThrow(
      '@faultline/openapi: examples names "NO_SUCH_CODE", which is not a code of the registry',
    );
  });
});

describe('problemResponses', () => {
  it('refers to the problem type when an operation can produce all of its codes', () => {
    expect(
      problemResponses(registry, [
        'RESOURCE_NOT_FOUND',
        'INTERNAL_SERVER_ERROR',
        'AUTHENTICATION_REQUIRED',
        'INVALID_CREDENTIALS',
      ]),
    ).toEqual({
      '401': { $ref: '#/components/responses/authentication-required' },
      '404': { $ref: '#/components/responses/resource-not-found' },
      '500': { $ref: '#/components/responses/internal-server-error' },
    });
  });

  it('narrows a problem type to the codes an operation can produce, inline', () => {
    const responses = problemResponses(registry, ['INVALID_ID']);
    const response = resolveResponse({}, responses['400']);
    const content = mediaOf(response);
    expect(Object.keys(content.examples)).toEqual(['INVALID_ID']);
    expect(content.schema).toMatchObject({
      allOf: [{ $ref: '#/components/schemas/ValidationProblemDetails' }],
      properties: { status: { const: 400 }, error_code: { enum: ['INVALID_ID'] } },
      required: ['error_code'],
    });
  });

  it('merges the problem types of one status with oneOf, and all their examples', () => {
    const responses = problemResponses(registry, ['RESOURCE_ALREADY_EXISTS', 'DATASET_ARCHIVED']);
    const content = mediaOf(resolveResponse({}, responses['409']));
    expect(Object.keys(content.examples)).toEqual(['RESOURCE_ALREADY_EXISTS', 'DATASET_ARCHIVED']);
    const oneOf = content.schema.oneOf as { properties: Record<string, unknown> }[];
    expect(oneOf.map((schema) => schema.properties.type)).toEqual([
      { const: 'https://api.example.com/docs/errors#resource-conflict' },
      { const: 'https://api.example.com/docs/errors#dataset-archived' },
    ]);
    expect(oneOf[0]?.properties.error_code).toEqual({ enum: ['RESOURCE_ALREADY_EXISTS'] });
  });

  it('keys responses by status, in order, once for a code listed twice', () => {
    expect(
      Object.keys(
        problemResponses(registry, [
          'RATE_LIMIT_EXCEEDED',
          'INVALID_ID',
          'INVALID_ID',
          'PAYMENT_REQUIRED',
        ]),
      ),
    ).toEqual(['400', '402', '429']);
  });

  it('refuses a code the registry does not have', () => {
    expect(() => problemResponses(registry, ['NOT_A_CODE' as never])).toThrow(
      '@faultline/openapi: "NOT_A_CODE" is not a code of the registry',
    );
  });
});

describe('every example validates (Ajv, draft 2020-12) against the schema it illustrates', () => {
  const cases = {
    'with a type base': problems.registry,
    'with about:blank types': defaultRegistry,
    'with about:blank types and codes of their own': defineProblems({
      codes: {
        DATASET_LOCKED: 423,
        DATASET_ARCHIVED: { status: 409, type: { slug: 'dataset-archived', title: 'Archived' } },
        UPSTREAM_TIMEOUT: { status: 504, type: { slug: 'upstream-timeout', title: 'Timeout' } },
      },
    }).registry,
  };

  it.each(Object.entries(cases))('%s', (_, registry) => {
    const everyCode = registry.codes;
    const byType = Object.fromEntries(
      registry.types.map((type) => [`/${type.slug}`, type.codes.slice(0, 1)]),
    );
    const document = documentWith(registry, {
      '/everything': everyCode,
      ...byType,
    });
    const schemaAt = schemaValidator(document);
    let checked = 0;
    const paths = document.paths as Record<string, { get: { responses: Record<string, unknown> } }>;
    for (const [path, item] of Object.entries(paths)) {
      for (const [status, entry] of Object.entries(item.get.responses)) {
        if (status === '200') continue;
        const ref = (entry as { $ref?: string }).$ref;
        const pointer =
          ref === undefined ? `/paths/${segment(path)}/get/responses/${status}` : ref.slice(1);
        const validate = schemaAt(`${pointer}/content/${segment(media)}/schema`);
        const response = resolveResponse(document, entry);
        for (const [code, example] of Object.entries(mediaOf(response).examples)) {
          expect({ code, valid: validate(example.value), errors: validate.errors ?? [] }).toEqual({
            code,
            valid: true,
            errors: [],
          });
          expect((example.value as { status: number }).status).toBe(Number(status));
          checked++;
        }
      }
    }
    // Every code once on /everything, and one code per type on its own path.
    expect(checked).toBe(everyCode.length + Object.values(byType).flat().length);
  });

  it('and a document that does not match is caught', () => {
    const document = documentWith(problems.registry, { '/one': ['RESOURCE_NOT_FOUND'] });
    const validate = schemaValidator(document)(
      `/components/responses/resource-not-found/content/${segment(media)}/schema`,
    );
    const catalogue = problemCatalogue(problems.registry);
    const notFound = catalogue.codes.find((code) => code.code === 'RESOURCE_NOT_FOUND')!.example
      .body;
    expect(validate(notFound)).toBe(true);
    expect(validate({ ...notFound, error_code: 'ACCESS_DENIED' })).toBe(false);
    expect(validate({ ...notFound, status: 410 })).toBe(false);
    expect(validate({ ...notFound, error_code: undefined })).toBe(false);
  });
});

describe('translatedTitles', () => {
  const translatedTitles = { de: { 'resource-not-found': 'Nicht gefunden' } };

  it('lets a problem type be answered with its title in another language, and no other', () => {
    const document = documentWith(
      problems.registry,
      { '/one': ['RESOURCE_NOT_FOUND', 'ACCESS_DENIED'] },
      { translatedTitles },
    );
    const schemaAt = schemaValidator(document);
    const notFound = problemCatalogue(problems.registry).codes.find(
      (code) => code.code === 'RESOURCE_NOT_FOUND',
    )!.example.body;
    const validateNotFound = schemaAt(
      `/components/responses/resource-not-found/content/${segment(media)}/schema`,
    );
    expect(validateNotFound(notFound)).toBe(true);
    expect(validateNotFound({ ...notFound, title: 'Nicht gefunden' })).toBe(true);
    expect(validateNotFound({ ...notFound, title: 'Introuvable' })).toBe(false);
    // A type without a translation keeps its one title.
    const validateForbidden = schemaAt(
      `/components/responses/access-forbidden/content/${segment(media)}/schema`,
    );
    const forbidden = problemCatalogue(problems.registry).codes.find(
      (code) => code.code === 'ACCESS_DENIED',
    )!.example.body;
    expect(validateForbidden({ ...forbidden, title: 'Nicht gefunden' })).toBe(false);
  });

  it('lists the translations on the type in the catalogue', () => {
    const catalogue = problemCatalogue(problems.registry, { translatedTitles });
    const type = catalogue.types.find((entry) => entry.slug === 'resource-not-found');
    expect(type?.translatedTitles).toEqual({ de: 'Nicht gefunden' });
    expect(
      catalogue.types.find((entry) => entry.slug === 'access-forbidden')?.translatedTitles,
    ).toBeUndefined();
  });

  it('refuses a slug the registry does not have, and a title that is not text', () => {
    expect(() =>
      problemCatalogue(problems.registry, { translatedTitles: { de: { 'not-found': 'x' } } }),
    ).toThrow(
      /translatedTitles\.de names "not-found", which is not the slug of a problem type of the registry/,
    );
    expect(() =>
      problemCatalogue(problems.registry, {
        translatedTitles: { de: { 'resource-not-found': '' } },
      }),
    ).toThrow('translatedTitles.de["resource-not-found"] must be a non-empty string');
    expect(() =>
      problemCatalogue(problems.registry, {
        translatedTitles: ['de'] as unknown as Record<string, Record<string, string>>,
      }),
    ).toThrow(/translatedTitles must map a language to the titles/);
  });
});
