import type { DefaultErrorCode, Registry } from '@faultline/core';
import {
  type HeaderObject,
  problemComponents,
  problemResponses,
  type ResponseObject,
  type ResponsesObject,
} from '@faultline/openapi';
import {
  apiInfo,
  apiServers,
  apiTags,
  bearerScheme,
  type DatasetOperation,
  datasetOperations,
  germanTitles,
  type SuccessResponse,
} from '@faultline-examples/datasets-domain';

/** What every `/v2` route can answer: the rate limit in front of it, and a handler that fails. */
const everyRoute: readonly DefaultErrorCode[] = ['RATE_LIMIT_EXCEEDED', 'INTERNAL_SERVER_ERROR'];

/**
 * What a route with a body can answer: `problemJson` refuses a body that is not JSON (415), too
 * large (413) or malformed (400); `validateBody` maps the schema's failures (a wrong type 400,
 * `required` and `minLength: 1` 422 MISSING_REQUIRED_FIELD, `enum` 422 INVALID_ENUM_VALUE,
 * `maxLength` 422 INVALID_FIELD_VALUE).
 */
const bodyRoute: readonly DefaultErrorCode[] = [
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'VALIDATION_ERROR',
  'MISSING_REQUIRED_FIELD',
  'INVALID_ENUM_VALUE',
  'INVALID_FIELD_VALUE',
];

/** The draft-6 headers express-rate-limit sends with its 429 (`standardHeaders: 'draft-6'`). */
const rateLimitHeaders: Record<string, HeaderObject> = {
  'ratelimit-limit': {
    description: 'How many requests the window allows.',
    schema: { type: 'integer', minimum: 0 },
  },
  'ratelimit-remaining': {
    description: 'How many requests the window still allows: none.',
    schema: { type: 'integer', minimum: 0 },
  },
  'ratelimit-reset': {
    description: 'Seconds until the window resets.',
    schema: { type: 'integer', minimum: 0 },
  },
};

type Components = ReturnType<typeof problemComponents>;

/** `/v2/datasets/:id` as OpenAPI writes it: `/v2/datasets/{id}`. */
const openApiPath = (route: string) => route.replace(/:(\w+)/g, '{$1}');

/** A success response: what @fastify/swagger makes of a route's `schema.response`. */
function successResponse(success: SuccessResponse): object {
  if (success.schema === undefined) return { description: success.description };
  return {
    description: success.description,
    content: {
      'application/json': { schema: { description: success.description, ...success.schema } },
    },
  };
}

/** The 429 with the rate-limit headers it is sent with. */
function withRateLimitHeaders(responses: ResponsesObject, components: Components): void {
  const limited = responses['429'];
  if (limited === undefined) return;
  const resolved =
    '$ref' in limited
      ? (components.responses[
          limited.$ref.replace('#/components/responses/', '')
        ] as ResponseObject)
      : limited;
  responses['429'] = { ...resolved, headers: { ...resolved.headers, ...rateLimitHeaders } };
}

function parametersOf(operation: DatasetOperation): object[] {
  const params = operation.params as
    | { properties: Record<string, { type: string; description?: string }> }
    | undefined;
  if (params === undefined) return [];
  return Object.entries(params.properties).map(([name, { description, ...schema }]) => ({
    schema,
    in: 'path',
    name,
    required: true,
    ...(description === undefined ? {} : { description }),
  }));
}

/**
 * The OpenAPI 3.1 document of the Express app, built from the table of operations its routes
 * follow: per operation its success response and exactly the problems it can answer with
 * (`problemResponses`: what its handler and the authentication throw, plus what the middleware
 * in front of it refuses), and the registry's `problemComponents`.
 *
 * @example app.get('/openapi.json', (_req, res) => res.json(openApiDocument(registry)));
 */
export function openApiDocument(registry: Registry<DefaultErrorCode>): Record<string, unknown> {
  // Problems answer in German too: each type's title is the English one or the German.
  const documentation = { translatedTitles: { de: germanTitles } };
  const components = problemComponents(registry, documentation);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of datasetOperations) {
    const codes = new Set([
      ...operation.problems,
      ...everyRoute,
      ...(operation.body === undefined ? [] : bodyRoute),
    ]);
    const problems = problemResponses(registry, [...codes], documentation);
    withRateLimitHeaders(problems, components);
    const responses = {
      [operation.success.status]: successResponse(operation.success),
      ...problems,
    };
    const parameters = parametersOf(operation);
    const path = openApiPath(operation.route);
    paths[path] = {
      ...paths[path],
      [operation.method.toLowerCase()]: {
        operationId: operation.operationId,
        summary: operation.summary,
        tags: [operation.tag],
        ...(parameters.length === 0 ? {} : { parameters }),
        ...(operation.body === undefined
          ? {}
          : {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: operation.body } },
              },
            }),
        security: [{ bearer: [] }],
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: apiInfo,
    servers: apiServers,
    tags: apiTags,
    paths,
    components: { securitySchemes: { bearer: bearerScheme }, ...components },
  };
}
