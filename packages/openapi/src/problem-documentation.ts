import { createHash } from 'node:crypto';
import type { Registry } from '@faultline/core';
import { allowHeader, assertKnownOptions, showValue } from '@faultline/core/adapter';
import fresh from 'fresh';
import Negotiator from 'negotiator';
import vary from 'vary';
import { problemCatalogue } from './problem-catalogue.js';
import { renderMarkdown } from './problem-markdown.js';
import { type PageOptions, renderPage } from './problem-page.js';

/** How the error page is served, beyond what it says. */
export interface ProblemDocsOptions<Code extends string = string> extends PageOptions<Code> {
  /**
   * The path the page is served at, from the root of the host. Default: the path of the
   * registry's type base (`https://api.example.com/docs/errors` → `/docs/errors`), so every
   * `type` URI dereferences to its section. Required when `typeBase` is a function or absent.
   */
  readonly path?: string;
  /** The `Cache-Control` of every representation. Default `public, max-age=300`. */
  readonly cacheControl?: string;
}

/** Request headers as Node gives them: lower-case names. */
export type DocsRequestHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** What answering a request for the page depends on. */
export interface DocsRequest {
  readonly method: string;
  readonly headers: DocsRequestHeaders;
}

/** An answer to write as it is. */
export interface DocsResponse {
  readonly status: 200 | 304;
  readonly headers: Readonly<Record<string, string>>;
  /** The representation's bytes; absent for `HEAD` and `304`. */
  readonly body: Buffer | undefined;
}

/** The page of a registry, rendered once, and how to answer a request for it. */
export interface ProblemDocumentation {
  /** The path it is served at. */
  readonly path: string;
  /** The methods it is served with: `GET` and `HEAD`. */
  readonly methods: readonly string[];
  /** Those methods as an `Allow` value, for `OPTIONS` and 405: `GET, HEAD`. */
  readonly allow: string;
  /**
   * The answer to a `GET` or `HEAD` of the page, negotiated on `Accept` and conditional on
   * `If-None-Match`; `undefined` for any other method, which the adapter answers (405).
   */
  respond(request: DocsRequest): DocsResponse | undefined;
  /** Whether a request target (`/docs/errors?x=1`, or in absolute form) is the page's path. */
  matches(target: string): boolean;
}

const where = '@faultline/openapi';
const optionNames = [
  'title',
  'introduction',
  'examples',
  'translatedTitles',
  'path',
  'cacheControl',
];
const defaultCacheControl = 'public, max-age=300';
const methods = ['GET', 'HEAD'] as const;

/** The media types offered, the default first: `*\/*`, or no `Accept`, gets the HTML page. */
const offered = ['text/html', 'application/json', 'text/markdown'] as const;
type Offered = (typeof offered)[number];

interface Representation {
  readonly full: Readonly<Record<string, string>>;
  readonly notModified: Readonly<Record<string, string>>;
  readonly bytes: Buffer;
}

/** A field value Node and both frameworks can send: visible ASCII, spaces and tabs. */
const headerValue = /^[\t\x20-\x7e]+$/;

function assertPath(path: unknown): asserts path is string {
  if (typeof path !== 'string' || !/^\/[^\s?#]*$/.test(path)) {
    throw new TypeError(
      `${where}: option path must be an absolute path such as "/docs/errors", without query or fragment; got ${showValue(path)}`,
    );
  }
}

/** The one http(s) base all the type URIs share (`<base>#<slug>`), if they do. */
function typeBasePath(registry: Registry): string | undefined {
  const bases = new Set<string>();
  for (const type of registry.types) {
    const suffix = `#${type.slug}`;
    if (!type.type.endsWith(suffix)) return undefined;
    bases.add(type.type.slice(0, -suffix.length));
  }
  const [base] = bases;
  if (bases.size !== 1 || base === undefined || !URL.canParse(base)) return undefined;
  const url = new URL(base);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.pathname || '/' : undefined;
}

function resolvePath(registry: Registry, given: unknown): string {
  if (given !== undefined) {
    assertPath(given);
    return given;
  }
  const path = typeBasePath(registry);
  if (path !== undefined) return path;
  const absent = registry.types.every((type) => type.type === 'about:blank');
  throw new TypeError(
    absent
      ? `${where}: the registry has no typeBase, so no type URI points to the page; give defineProblems() a typeBase, or problemDocs a path such as { path: '/docs/errors' }`
      : `${where}: the registry's type URIs are not "<typeBase>#<slug>" on one http(s) base (typeBase is a function), so the page's path is unknown; give problemDocs a path such as { path: '/docs/errors' }`,
  );
}

function resolveCacheControl(given: unknown): string {
  if (given === undefined) return defaultCacheControl;
  if (typeof given !== 'string' || !headerValue.test(given)) {
    throw new TypeError(
      `${where}: option cacheControl must be a header value such as "public, max-age=300"; got ${showValue(given)}`,
    );
  }
  return given;
}

function assertText(options: object, name: 'title' | 'introduction'): void {
  const value = (options as Record<string, unknown>)[name];
  if (value !== undefined && typeof value !== 'string') {
    throw new TypeError(`${where}: option ${name} must be a string; got ${showValue(value)}`);
  }
}

function representation(
  text: string,
  contentType: string,
  cacheControl: string,
  extra: Readonly<Record<string, string>> = {},
): Representation {
  const bytes = Buffer.from(text, 'utf8');
  const etag = `"${createHash('sha256').update(bytes).digest('base64url')}"`;
  const notModified = { ETag: etag, 'Cache-Control': cacheControl, Vary: 'Accept' };
  return {
    bytes,
    notModified,
    full: {
      'Content-Type': contentType,
      'Content-Length': String(bytes.length),
      ...notModified,
      'X-Content-Type-Options': 'nosniff',
      ...extra,
    },
  };
}

/** One field value from Node's headers: repeated fields joined as the list they are. */
function field(headers: DocsRequestHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' ? value : value?.join(', ');
}

function pathOf(target: string): string {
  const query = target.search(/[?#]/);
  const path = query === -1 ? target : target.slice(0, query);
  if (path.startsWith('/')) return path;
  // The absolute form, `GET http://host/docs/errors HTTP/1.1`.
  return URL.canParse(path) ? new URL(path).pathname : path;
}

/**
 * The `Vary` to send: the response's own (a CORS middleware's `Origin`, say) with `Accept`
 * added once.
 */
export function appendVary(existing: unknown, added: string): string {
  const current =
    typeof existing === 'string'
      ? existing
      : Array.isArray(existing)
        ? existing.join(', ')
        : typeof existing === 'number'
          ? String(existing)
          : '';
  return vary.append(current, added);
}

/**
 * Renders a registry's page, Markdown and JSON catalogue once, with their headers and strong
 * ETags, and answers requests for them: what the Express middleware and the Fastify plugin
 * translate. Bad options throw a `TypeError` saying what to fix.
 */
export function problemDocumentation<Code extends string>(
  registry: Registry<Code>,
  options: ProblemDocsOptions<NoInfer<Code>> = {},
): ProblemDocumentation {
  assertKnownOptions(options, optionNames, `${where}: problemDocs`);
  assertText(options, 'title');
  assertText(options, 'introduction');
  const catalogue = problemCatalogue(registry, options);
  const path = resolvePath(registry, options.path);
  const cacheControl = resolveCacheControl(options.cacheControl);
  const page = renderPage(catalogue, options);
  const representations: Readonly<Record<Offered, Representation>> = {
    'text/html': representation(page.html, 'text/html; charset=utf-8', cacheControl, {
      'Content-Security-Policy': page.contentSecurityPolicy,
    }),
    'application/json': representation(
      JSON.stringify(catalogue),
      'application/json; charset=utf-8',
      cacheControl,
    ),
    'text/markdown': representation(
      renderMarkdown(catalogue, options),
      'text/markdown; charset=utf-8',
      cacheControl,
    ),
  };

  return {
    path,
    methods,
    allow: allowHeader(methods),
    matches: (target) => pathOf(target) === path,
    respond({ method, headers }) {
      if (method !== 'GET' && method !== 'HEAD') return undefined;
      const accept = field(headers, 'accept');
      // An Accept nothing here satisfies is disregarded (RFC 9110 §12.5.1): the page it is.
      const chosen =
        (new Negotiator({ headers: { accept } }).mediaType([...offered]) as Offered | undefined) ??
        'text/html';
      const chosenRepresentation = representations[chosen];
      const conditions = {
        'if-none-match': field(headers, 'if-none-match'),
        'cache-control': field(headers, 'cache-control'),
      };
      if (fresh(conditions, { etag: chosenRepresentation.full.ETag })) {
        return { status: 304, headers: chosenRepresentation.notModified, body: undefined };
      }
      return {
        status: 200,
        headers: chosenRepresentation.full,
        body: method === 'HEAD' ? undefined : chosenRepresentation.bytes,
      };
    },
  };
}
