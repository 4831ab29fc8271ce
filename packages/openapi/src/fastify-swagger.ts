import type { SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger';
import type { DefaultErrorCode, Problems, Register, Registry } from '@faultline/core';
import { declaredCodes, knownCodes, type SchemaFacts } from './fastify-route-problems.js';
import type { HeaderObject, ResponseObject, ResponsesObject } from './openapi-objects.js';
import { type DocumentationOptions, problemCatalogue } from './problem-catalogue.js';
import { componentsOf, responsesOf } from './problem-responses.js';

/**
 * The codes `config.problems` takes: the application's, once it augments `Register` from
 * `@faultline/core`; before, any string (the default codes suggested), checked when the document
 * is generated.
 */
export type RouteProblemCode = Register extends { readonly problems: Problems<infer Code> }
  ? Code
  : DefaultErrorCode | (string & Record<never, never>);

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The problems the route's handler answers with, beyond those faultline knows from the
     * route itself (body, parameters, rate limit, 500): documented by `problemSwagger` of
     * `@faultline/openapi`.
     *
     * @example config: { problems: ['RESOURCE_NOT_FOUND'] }
     */
    problems?: readonly RouteProblemCode[];
  }
}

/** Options of `problemSwagger`: the documentation's, and the hooks of your own it calls too. */
export interface ProblemSwaggerOptions<Code extends string = string>
  extends DocumentationOptions<Code> {
  /** Your own per-route `transform`: called first; the problems are added to what it returns. */
  readonly transform?: SwaggerTransform;
  /** Your own `transformObject`: called last, with the document the problems are merged into. */
  readonly transformObject?: SwaggerTransformObject;
  /** How @fastify/rate-limit names its headers: `enableDraftSpec` as given to the library. */
  readonly rateLimit?: { readonly enableDraftSpec?: boolean };
}

/** The hooks to spread into @fastify/swagger's options. */
export interface ProblemSwagger {
  readonly transform: SwaggerTransform;
  readonly transformObject: SwaggerTransformObject;
}

const where = '@faultline/openapi';
/** Carries a route's codes from `transform` to `transformObject`, which removes it. */
const marker = 'x-faultline-problems';
const optionNames: ReadonlySet<string> = new Set([
  'examples',
  'translatedTitles',
  'transform',
  'transformObject',
  'rateLimit',
]);

function rateLimitHeaders(draftSpec: boolean): Record<string, HeaderObject> {
  const prefix = draftSpec ? 'ratelimit' : 'x-ratelimit';
  return {
    [`${prefix}-limit`]: {
      description: 'How many requests the window allows.',
      schema: { type: 'integer', minimum: 0 },
    },
    [`${prefix}-remaining`]: {
      description: 'How many requests the window still allows: none.',
      schema: { type: 'integer', minimum: 0 },
    },
    [`${prefix}-reset`]: {
      description: 'Seconds until the window resets.',
      schema: { type: 'integer', minimum: 0 },
    },
  };
}

function assertOptions(options: unknown): asserts options is ProblemSwaggerOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `${where}: problemSwagger options must be an object, got ${typeof options}`,
    );
  }
  for (const [name, value] of Object.entries(options)) {
    if (!optionNames.has(name)) {
      throw new TypeError(
        `${where}: problemSwagger has no option ${name}; it takes ${[...optionNames].join(', ')}`,
      );
    }
    if ((name === 'transform' || name === 'transformObject') && typeof value !== 'function') {
      throw new TypeError(`${where}: problemSwagger option ${name} must be a function`);
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The hooks that make @fastify/swagger document, on every operation, the problems the route can
 * answer with: what faultline knows from the route (its body, parameters, query string and
 * headers; @fastify/rate-limit on it; the 500 any handler may end in) and the codes it declares
 * in `config.problems`. They merge `problemComponents` into `components`, never replacing one
 * of your own, and never touch a route's `schema.response` (which would strip a problem's
 * extension members on the wire). The document must be OpenAPI 3.1.
 *
 * @example
 * await app.register(swagger, {
 *   openapi: { openapi: '3.1.0', info: { title: 'Datasets API', version: '1.0.0' } },
 *   ...problemSwagger(registry),
 * });
 * app.get('/datasets/:id', { config: { problems: ['RESOURCE_NOT_FOUND'] } }, handler);
 */
export function problemSwagger<Code extends string>(
  registry: Registry<Code>,
  options: ProblemSwaggerOptions<NoInfer<Code>> = {},
): ProblemSwagger {
  assertOptions(options);
  const { transform: theirTransform, transformObject: theirTransformObject } = options;
  const catalogue = problemCatalogue(registry, options);
  const components = componentsOf(catalogue);
  const draftSpec = options.rateLimit?.enableDraftSpec === true;

  const operationResponses = (codes: readonly string[]): ResponsesObject => {
    const responses = responsesOf(catalogue, codes);
    const limited = responses['429'];
    if (limited === undefined || !codes.includes('RATE_LIMIT_EXCEEDED')) return responses;
    const resolved: ResponseObject =
      '$ref' in limited
        ? (components.responses[
            limited.$ref.replace('#/components/responses/', '')
          ] as ResponseObject)
        : limited;
    return {
      ...responses,
      '429': { ...resolved, headers: { ...resolved.headers, ...rateLimitHeaders(draftSpec) } },
    };
  };

  const transform: SwaggerTransform = function problemTransform(input) {
    const given = theirTransform === undefined ? input : theirTransform(input);
    const schema = (given.schema ?? input.schema) as SchemaFacts | undefined;
    const codes = new Set([
      ...knownCodes(input.route, schema),
      ...declaredCodes(input.route, (code) => registry.has(code)),
    ]);
    return {
      schema: { ...schema, [marker]: [...codes] },
      url: given.url ?? input.url,
    };
  };

  const transformObject: SwaggerTransformObject = function problemTransformObject(input) {
    if (!('openapiObject' in input)) {
      throw new Error(
        `${where}: problemSwagger documents OpenAPI 3.1; give @fastify/swagger an openapi option with openapi: '3.1.0'`,
      );
    }
    const document = input.openapiObject as Record<string, unknown>;
    const version = document.openapi;
    if (typeof version !== 'string' || !version.startsWith('3.1.')) {
      throw new Error(
        `${where}: problemSwagger documents OpenAPI 3.1, not ${String(version)}; set openapi: { openapi: '3.1.0' } in @fastify/swagger's options`,
      );
    }
    const paths: Record<string, unknown> = {};
    for (const [url, item] of Object.entries(isRecord(document.paths) ? document.paths : {})) {
      if (!isRecord(item)) {
        paths[url] = item;
        continue;
      }
      const operations: Record<string, unknown> = {};
      for (const [key, operation] of Object.entries(item)) {
        if (!isRecord(operation) || !Array.isArray(operation[marker])) {
          operations[key] = operation;
          continue;
        }
        const { [marker]: codes, responses, ...rest } = operation;
        // A status the route documents itself keeps its own response.
        operations[key] = {
          ...rest,
          responses: {
            ...operationResponses(codes as string[]),
            ...(isRecord(responses) ? responses : {}),
          },
        };
      }
      paths[url] = operations;
    }
    const theirs = isRecord(document.components) ? document.components : {};
    const merged = {
      ...document,
      paths,
      components: {
        ...theirs,
        schemas: { ...components.schemas, ...(isRecord(theirs.schemas) ? theirs.schemas : {}) },
        responses: {
          ...components.responses,
          ...(isRecord(theirs.responses) ? theirs.responses : {}),
        },
      },
    } as typeof input.openapiObject;
    return theirTransformObject === undefined
      ? merged
      : theirTransformObject({ openapiObject: merged });
  };

  return { transform, transformObject };
}
