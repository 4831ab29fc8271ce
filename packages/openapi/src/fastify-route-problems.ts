import { schemaCodes } from './fastify-schema-codes.js';

/** The parts of a Fastify route (`RouteOptions`) its problems are read from. */
export interface RouteFacts {
  readonly method: string | readonly string[];
  readonly url: string;
  readonly config?: unknown;
}

/** The parts of a route's schema, after any transform of the user's, that decide its problems. */
export interface SchemaFacts {
  readonly body?: unknown;
  readonly params?: unknown;
  readonly querystring?: unknown;
  readonly headers?: unknown;
}

const where = '@faultline/openapi';

/** Methods whose requests carry the body the API documents, with or without a body schema. */
const bodyMethods: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'QUERY']);

/** What the adapter answers a body it cannot read with: not JSON (415), too large, malformed. */
const bodyReadingCodes = ['VALIDATION_ERROR', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'];

/** The route hooks @fastify/rate-limit may add its handler to (its `hook` option). */
const hookNames = ['onRequest', 'preParsing', 'preValidation', 'preHandler'];

function methodsOf(route: RouteFacts): string[] {
  return (typeof route.method === 'string' ? [route.method] : [...route.method]).map((method) =>
    method.toUpperCase(),
  );
}

/**
 * Whether @fastify/rate-limit guards the route. The library adds an anonymous handler to one of
 * the route's hooks (the app-wide `global` setting, or the route's `config.rateLimit`), keyed by
 * a request symbol it names `rateLimitRan`: that handler is how a route is known to be limited.
 */
export function isRateLimited(route: RouteFacts): boolean {
  const config = route.config as { readonly rateLimit?: unknown } | undefined;
  if (config?.rateLimit === false) return false;
  return hookNames.some((name) => {
    const hooks = (route as unknown as Readonly<Record<string, unknown>>)[name];
    const list = Array.isArray(hooks) ? hooks : [hooks];
    return list.some(
      (hook) =>
        typeof hook === 'function' &&
        Function.prototype.toString.call(hook).includes('rateLimitRan'),
    );
  });
}

/** Codes the route declares in `config.problems`, checked against the registry. */
export function declaredCodes(route: RouteFacts, isCode: (code: string) => boolean): string[] {
  const config = route.config as { readonly problems?: unknown } | undefined;
  const declared = config?.problems;
  if (declared === undefined) return [];
  const name = `${methodsOf(route).join(',')} ${route.url}`;
  if (!Array.isArray(declared)) {
    throw new TypeError(
      `${where}: route ${name} has config.problems that is not a list of error codes; write problems: ['RESOURCE_NOT_FOUND']`,
    );
  }
  for (const code of declared) {
    if (typeof code !== 'string' || !isCode(code)) {
      throw new TypeError(
        `${where}: route ${name} declares config.problems ${JSON.stringify(code) ?? String(code)}, which is not a code of the registry`,
      );
    }
  }
  return declared as string[];
}

/**
 * Every code the faultline Fastify plugin can answer a route with, knowing only the route: its
 * body (read, then validated), its parameters, query string and headers (validated), its rate
 * limit, and the 500 any handler may end in. What the handler itself throws, the route declares.
 */
export function knownCodes(route: RouteFacts, schema: SchemaFacts | undefined): string[] {
  const codes = new Set<string>(['INTERNAL_SERVER_ERROR']);
  const add = (more: Iterable<string>) => {
    for (const code of more) codes.add(code);
  };
  if (schema?.body !== undefined || methodsOf(route).some((method) => bodyMethods.has(method))) {
    add(bodyReadingCodes);
  }
  if (schema?.body !== undefined) add(schemaCodes(schema.body));
  if (schema?.params !== undefined) codes.add('INVALID_ID');
  for (const part of [schema?.querystring, schema?.headers]) {
    // A validator's own error, with no rule named, is a 400 for the part as a whole.
    if (part !== undefined) add(['VALIDATION_ERROR', ...schemaCodes(part)]);
  }
  if (isRateLimited(route)) codes.add('RATE_LIMIT_EXCEEDED');
  return [...codes];
}
