import {
  createNormaliser,
  type DefaultErrorCode,
  type ProblemDocument,
  type ProblemErrorOptions,
  type Registry,
} from '@faultline/core';
import { problemClassFor, reasonPhrase } from '@faultline/core/adapter';
import { typicalErrors } from './example-errors.js';

/** What the documentation of a registry is built from, beyond the registry itself. */
export interface DocumentationOptions<Code extends string = string> {
  /**
   * What the example of a code says: the options of the `ProblemError` thrown to produce it
   * (`detail`, `instance`, `extensions`, `retryAfter`, `allow`, `headers`). A default code without
   * an entry shows what the adapters send for it; any other code, a bare `ProblemError`.
   *
   * @example { RESOURCE_NOT_FOUND: { detail: "Dataset with ID 'ZGF0YXNldC10ZXN0' was not found." } }
   */
  readonly examples?: Readonly<Partial<Record<Code, ProblemErrorOptions>>>;
  /**
   * The titles the API also answers with (a `localize` hook's), by language, then by the slug of
   * the problem type: the OpenAPI schemas accept each beside the catalogue's own title.
   *
   * @example { de: { 'resource-not-found': 'Nicht gefunden' } }
   */
  readonly translatedTitles?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** A problem response exactly as the normaliser writes it: status, headers and body. */
export interface ProblemExample {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: ProblemDocument;
}

/** One error code, documented. Members the registry does not document are absent. */
export interface DocumentedCode {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  /** The type URI sent as `type`. */
  readonly type: string;
  /** The slug of its problem type: the `id` of that type's section on the page. */
  readonly slug: string;
  readonly description?: string;
  readonly causes?: readonly string[];
  readonly fix?: string;
  readonly retryable?: boolean;
  /** Whether the code is sent as `error_code` (4xx) or only names a server error (5xx). */
  readonly sent: boolean;
  readonly example: ProblemExample;
}

/** One problem type, documented: what the section its URI points to says. */
export interface DocumentedType {
  readonly slug: string;
  readonly type: string;
  readonly status: number;
  /** The `title` its problems are sent with. */
  readonly title: string;
  /** The `title` in other languages, by language, from `translatedTitles`. */
  readonly translatedTitles?: Readonly<Record<string, string>>;
  readonly description?: string;
  readonly causes?: readonly string[];
  readonly fix?: string;
  readonly retryable?: boolean;
  /** The codes answered with this type, in definition order. */
  readonly codes: readonly string[];
  /** The problem its first code (or, without codes, its bare status) is answered with. */
  readonly example: ProblemExample;
}

/** A registry with its documentation and real examples: the JSON form of the error page. */
export interface ProblemCatalogue {
  /** Every problem type, in the registry's order, ordered by status. */
  readonly types: readonly DocumentedType[];
  /** Every error code, in the registry's order. */
  readonly codes: readonly DocumentedCode[];
}

const where = '@faultline/openapi';

function documentation(source: {
  readonly description: string | undefined;
  readonly causes: readonly string[] | undefined;
  readonly fix: string | undefined;
  readonly retryable: boolean | undefined;
}): Pick<DocumentedType, 'description' | 'causes' | 'fix' | 'retryable'> {
  return {
    ...(source.description === undefined ? {} : { description: source.description }),
    ...(source.causes === undefined ? {} : { causes: [...source.causes] }),
    ...(source.fix === undefined ? {} : { fix: source.fix }),
    ...(source.retryable === undefined ? {} : { retryable: source.retryable }),
  };
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `translatedTitles` checked, and turned around: for each slug, its title by language. */
function translationsBySlug(
  given: unknown,
  slugs: ReadonlySet<string>,
): Map<string, Record<string, string>> {
  const bySlug = new Map<string, Record<string, string>>();
  if (given === undefined) return bySlug;
  const shape = `${where}: translatedTitles must map a language to the titles of problem types by slug, such as { de: { 'resource-not-found': 'Nicht gefunden' } }`;
  if (!isRecord(given)) throw new TypeError(`${shape}; got ${typeof given}`);
  for (const [language, titles] of Object.entries(given)) {
    if (!isRecord(titles)) throw new TypeError(`${shape}; "${language}" maps to ${typeof titles}`);
    for (const [slug, title] of Object.entries(titles)) {
      if (!slugs.has(slug)) {
        throw new TypeError(
          `${where}: translatedTitles.${language} names "${slug}", which is not the slug of a problem type of the registry (${[...slugs].join(', ')})`,
        );
      }
      if (typeof title !== 'string' || title.trim() === '') {
        throw new TypeError(
          `${where}: translatedTitles.${language}["${slug}"] must be a non-empty string`,
        );
      }
      bySlug.set(slug, { ...bySlug.get(slug), [language]: title });
    }
  }
  return bySlug;
}

function assertRegistry(registry: unknown): asserts registry is Registry {
  const candidate = registry as Partial<Registry> | null;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    !Array.isArray(candidate.codes) ||
    !Array.isArray(candidate.types) ||
    typeof candidate.byCode !== 'function'
  ) {
    throw new TypeError(
      `${where}: expected the registry of defineProblems(), got ${typeof registry}`,
    );
  }
}

/**
 * A registry with its documentation and, for every code and type, the response the real
 * normaliser gives for it: what the page, the Markdown and the OpenAPI components are built from,
 * and the JSON an error page answers `Accept: application/json` with.
 *
 * @example
 * const catalogue = problemCatalogue(registry, {
 *   examples: { RESOURCE_NOT_FOUND: { detail: "Dataset with ID 'ZGF0YXNldC10ZXN0' was not found." } },
 * });
 * res.json(catalogue);
 */
export function problemCatalogue<Code extends string>(
  registry: Registry<Code>,
  options: DocumentationOptions<NoInfer<Code>> = {},
): ProblemCatalogue {
  assertRegistry(registry);
  const examples: Readonly<Record<string, ProblemErrorOptions | undefined>> =
    options.examples ?? {};
  for (const code of Object.keys(examples)) {
    if (!registry.has(code)) {
      throw new TypeError(
        `${where}: examples names "${code}", which is not a code of the registry`,
      );
    }
  }
  const Problem = problemClassFor(registry);
  const normalise = createNormaliser({ registry });
  const exampleOf = (code: string): ProblemExample => {
    const given = examples[code];
    const typical = typicalErrors[code as DefaultErrorCode];
    const error =
      given === undefined && typical !== undefined
        ? typical()
        : new Problem(code as DefaultErrorCode, { ...given, captureStack: false });
    return normalise(error);
  };

  const slugOf = new Map<string, string>();
  const types: DocumentedType[] = registry.types.map((type) => {
    for (const code of type.codes) slugOf.set(code, type.slug);
    const first = type.codes[0];
    const example = first === undefined ? normalise({ status: type.status }) : exampleOf(first);
    return {
      slug: type.slug,
      type: type.type,
      status: type.status,
      title: example.body.title,
      ...documentation(type),
      codes: [...type.codes],
      example,
    };
  });

  // Without a type base, a code may have a status no problem type covers: it gets one of its own.
  const uncovered = new Map<number, string[]>();
  for (const code of registry.codes) {
    if (slugOf.has(code)) continue;
    const status = registry.byCode(code)?.status ?? 500;
    uncovered.set(status, [...(uncovered.get(status) ?? []), code]);
  }
  for (const [status, codes] of uncovered) {
    const slug = `status-${status}`;
    for (const code of codes) slugOf.set(code, slug);
    types.push({
      slug,
      type: 'about:blank',
      status,
      title: reasonPhrase(status),
      codes,
      example: exampleOf(codes[0] as string),
    });
  }
  types.sort((a, b) => a.status - b.status);
  const translated = translationsBySlug(
    options.translatedTitles,
    new Set(types.map((type) => type.slug)),
  );
  const documentedTypes =
    translated.size === 0
      ? types
      : types.map((type) => {
          const titles = translated.get(type.slug);
          return titles === undefined ? type : { ...type, translatedTitles: titles };
        });

  const codes: DocumentedCode[] = registry.codes.map((code) => {
    const resolved = registry.byCode(code);
    if (resolved === undefined) throw new TypeError(`${where}: the registry lost code "${code}"`);
    return {
      code,
      status: resolved.status,
      title: resolved.title,
      type: resolved.type,
      slug: slugOf.get(code) as string,
      ...documentation(resolved),
      sent: resolved.status < 500,
      example: exampleOf(code),
    };
  });
  return { types: documentedTypes, codes };
}
