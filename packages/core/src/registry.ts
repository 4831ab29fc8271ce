import { type DefaultErrorCode, defaultCatalogue } from './catalogue.js';
import { codeOfStatus, isErrorStatus, reasonPhrase } from './status.js';

/**
 * What the documentation a type URI points to says about a problem type or an error code. Every
 * member is optional; the default catalogue fills them all.
 *
 * @example { description: 'The dataset is being imported.', causes: ['An import still running'], fix: 'Wait for the import to finish.', retryable: true }
 */
export interface ProblemDocumentation {
  /** What the problem means. */
  readonly description?: string;
  /** What commonly leads to it, one short phrase an entry. */
  readonly causes?: readonly string[];
  /** What the caller should do about it. */
  readonly fix?: string;
  /** Whether the same request, sent again unchanged later, may succeed. */
  readonly retryable?: boolean;
}

/** What a problem type says about itself: its URI fragment, its title and, optionally, its documentation. */
export interface ProblemTypeDescription extends ProblemDocumentation {
  /** The fragment of the type URI: `<typeBase>#<slug>`. */
  readonly slug: string;
  /** The stable, human-readable summary sent as `title`. */
  readonly title: string;
}

/** A problem type for every problem of one HTTP status that has no type of its own. */
export interface ProblemTypeDefinition extends ProblemTypeDescription {
  /** The error code used when an error carries only this status. */
  readonly code?: string;
}

/**
 * An error code: its HTTP status alone (the code then shares its status's problem type), or its
 * status, optionally a problem type of its own, and optionally its documentation.
 *
 * @example { DATASET_LOCKED: { status: 423, type: { slug: 'dataset-locked', title: 'Dataset Locked' }, fix: 'Wait for the import.' } }
 */
export type CodeDefinition =
  | number
  | (ProblemDocumentation & {
      readonly status: number;
      readonly type?: ProblemTypeDescription;
    });

/** Builds a problem type's URI, in place of `<typeBase>#<slug>`. */
export type TypeUriBuilder = (problemType: {
  readonly slug: string;
  readonly status: number;
}) => string;

/** What an application adds to the default catalogue, in one place. */
export interface RegistryDefinition<
  Codes extends Readonly<Record<string, CodeDefinition>> = Readonly<Record<string, CodeDefinition>>,
> {
  /**
   * The documentation base of the type URIs, `https://api.example.com/docs/errors`; or a function
   * that builds each URI. Without it, `type` is `about:blank` and `title` the status's reason
   * phrase (RFC 9457 §4.2.1).
   */
  readonly typeBase?: string | TypeUriBuilder;
  /** Problem types for statuses the default catalogue does not define, keyed by status. */
  readonly types?: Readonly<Record<number, ProblemTypeDefinition>>;
  /**
   * Error codes, each with its HTTP status and, when it is a problem of its own, its type:
   * `{ PAYMENT_REQUIRED: 402, DATASET_ARCHIVED: { status: 409, type: { slug, title } } }`.
   */
  readonly codes?: Codes;
}

/** How one status is answered: its `title` and `type`, and the code an error with only that status gets. */
export interface ResolvedStatus {
  readonly status: number;
  readonly title: string;
  readonly type: string;
  /** Absent for 5xx: a server error never carries an `error_code`. */
  readonly code: string | undefined;
}

/** Documentation as resolved: each member `undefined` when the definition gave none. */
export interface ResolvedDocumentation {
  readonly description: string | undefined;
  readonly causes: readonly string[] | undefined;
  readonly fix: string | undefined;
  /** The code's own, else its problem type's. */
  readonly retryable: boolean | undefined;
}

/** How one error code is answered, and what its documentation says. */
export interface ResolvedCode extends ResolvedDocumentation {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly type: string;
}

/** One problem type of a registry, with the codes that answer with it: what its page documents. */
export interface ResolvedProblemType extends ResolvedDocumentation {
  readonly slug: string;
  readonly title: string;
  /** The type URI (`about:blank` without a type base). */
  readonly type: string;
  readonly status: number;
  readonly codes: readonly string[];
}

/** A catalogue of problem types and error codes, resolved once. */
export interface Registry<Code extends string = string> {
  /** Every error code, in definition order. */
  readonly codes: readonly Code[];
  /** Every problem type, those of the default catalogue first. */
  readonly types: readonly ResolvedProblemType[];
  /** Whether `code` is one of this registry's codes. */
  has(code: unknown): code is Code;
  byCode(code: string): ResolvedCode | undefined;
  /** Always answers: a status without a type of its own gets `about:blank` and its reason phrase. */
  byStatus(status: number): ResolvedStatus;
}

const codeName = /^[A-Z][A-Z0-9_]*$/;
const slugName = /^[a-z0-9][a-z0-9-]*$/;
const absoluteUri = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s#]+$/;
const where = '@faultline/core';

function typeUriBuilder(base: RegistryDefinition['typeBase']): TypeUriBuilder | undefined {
  if (base === undefined || typeof base === 'function') return base;
  if (typeof base !== 'string' || !absoluteUri.test(base)) {
    throw new TypeError(
      `${where}: typeBase must be an absolute URI without a fragment, such as "https://api.example.com/docs/errors"; got ${JSON.stringify(base)}`,
    );
  }
  return ({ slug }) => `${base}#${slug}`;
}

function assertStatus(status: unknown, what: string): asserts status is number {
  if (!isErrorStatus(status)) {
    throw new TypeError(
      `${where}: ${what} has status ${String(status)}; it must be an integer from 400 to 599`,
    );
  }
}

/** The documentation of every default code; a code missing here does not compile. */
const defaultCodeDocumentation: Readonly<Record<DefaultErrorCode, ProblemDocumentation>> =
  defaultCatalogue.documentation;

const documentationKeys = ['description', 'causes', 'fix', 'retryable'];
const descriptionKeys: ReadonlySet<string> = new Set([
  'slug',
  'title',
  'code',
  ...documentationKeys,
]);
const codeKeys: ReadonlySet<string> = new Set(['status', 'type', ...documentationKeys]);
const documentationShape = 'description?, causes?: string[], fix?, retryable?: boolean';

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Throws unless the documentation members of `owner` are well formed. */
function assertDocumentation(owner: object, what: string): void {
  const { description, causes, fix, retryable } = owner as Record<string, unknown>;
  if (description !== undefined && !isText(description)) {
    throw new TypeError(
      `${where}: ${what} has a description that is not a string, or is empty; write what the problem means, or leave it out`,
    );
  }
  if (causes !== undefined && (!Array.isArray(causes) || !causes.every(isText))) {
    throw new TypeError(
      `${where}: ${what} has causes that are not a list of non-empty strings; write causes: ['A mistyped identifier', ...]`,
    );
  }
  if (fix !== undefined && !isText(fix)) {
    throw new TypeError(
      `${where}: ${what} has a fix that is not a non-empty string; write what the caller should do, or leave it out`,
    );
  }
  if (retryable !== undefined && typeof retryable !== 'boolean') {
    throw new TypeError(
      `${where}: ${what} has retryable ${JSON.stringify(retryable) ?? String(retryable)}; it must be true or false`,
    );
  }
}

function assertDescription(type: unknown, what: string): asserts type is ProblemTypeDescription {
  if (typeof type !== 'object' || type === null) {
    throw new TypeError(
      `${where}: ${what} must be an object { slug, title, ${documentationShape} }`,
    );
  }
  const unknown = Object.keys(type).find((key) => !descriptionKeys.has(key));
  if (unknown !== undefined) {
    throw new TypeError(
      `${where}: ${what} has an unknown member "${unknown}"; a problem type is { slug, title, ${documentationShape} }`,
    );
  }
  const { slug, title } = type as Record<string, unknown>;
  if (typeof slug !== 'string' || !slugName.test(slug)) {
    throw new TypeError(
      `${where}: ${what} needs a lower-case kebab slug, such as "payment-required"`,
    );
  }
  if (typeof title !== 'string' || title.trim() === '') {
    throw new TypeError(`${where}: ${what} needs a non-empty title`);
  }
  assertDocumentation(type, what);
}

/** A type being assembled: its description, its status, and the codes answered with it. */
interface TypeEntry {
  readonly description: ProblemTypeDescription;
  readonly status: number;
  readonly codes: string[];
}

/**
 * Builds a registry: the default catalogue plus `definition`'s types and codes. Every mistake in
 * a definition throws here, at start-up, with a message that names it and says what to do.
 */
export function createRegistry<Code extends string>(
  definition: RegistryDefinition = {},
): Registry<Code> {
  const buildUri = typeUriBuilder(definition.typeBase);
  const codeStatus = new Map<string, number>(Object.entries(defaultCatalogue.codes));
  const codeDocs = new Map<string, ProblemDocumentation>(Object.entries(defaultCodeDocumentation));
  /** Codes with a problem type of their own, by code. */
  const ownTypes = new Map<string, TypeEntry>();
  /** The type of each status, for codes and errors with no type of their own. */
  const statusTypes = new Map<number, ProblemTypeDefinition>(
    Object.entries(defaultCatalogue.types).map(([status, type]) => [Number(status), type]),
  );
  const slugs = new Map<string, string>(
    [...statusTypes].map(([status, type]) => [type.slug, `the problem type of status ${status}`]),
  );
  const claimSlug = (slug: string, owner: string): void => {
    const holder = slugs.get(slug);
    if (holder !== undefined) {
      throw new TypeError(`${where}: slug "${slug}" of ${owner} is already used by ${holder}`);
    }
    slugs.set(slug, owner);
  };

  for (const [code, spec] of Object.entries(definition.codes ?? {})) {
    if (!codeName.test(code)) {
      throw new TypeError(
        `${where}: error code "${code}" must be UPPER_SNAKE_CASE, such as "PAYMENT_REQUIRED"`,
      );
    }
    if (codeStatus.has(code))
      throw new TypeError(`${where}: error code "${code}" is already defined`);
    if (typeof spec === 'object' && spec !== null) {
      const unknown = Object.keys(spec).find((key) => !codeKeys.has(key));
      if (unknown !== undefined) {
        throw new TypeError(
          `${where}: error code "${code}" has an unknown member "${unknown}"; a code is { status, type? } with its documentation: ${documentationShape}`,
        );
      }
      assertDocumentation(spec, `error code "${code}"`);
      codeDocs.set(code, spec);
    }
    const status = typeof spec === 'object' && spec !== null ? spec.status : spec;
    assertStatus(status, `error code "${code}"`);
    codeStatus.set(code, status);
    if (typeof spec === 'object' && spec !== null && spec.type !== undefined) {
      assertDescription(spec.type, `the problem type of error code "${code}"`);
      claimSlug(spec.type.slug, `error code "${code}"`);
      ownTypes.set(code, { description: spec.type, status, codes: [code] });
    }
  }

  for (const [key, type] of Object.entries(definition.types ?? {})) {
    const status = Number(key);
    assertStatus(status, `problem type "${key}"`);
    if (statusTypes.has(status)) {
      throw new TypeError(
        `${where}: a problem type for status ${status} is already defined; give the codes that need another one a type of their own: { status: ${status}, type: { slug, title } }`,
      );
    }
    assertDescription(type, `problem type ${status}`);
    if (type.code !== undefined && codeStatus.get(type.code) !== status) {
      throw new TypeError(
        `${where}: problem type ${status} names code "${type.code}", which is not a ${status} code`,
      );
    }
    claimSlug(type.slug, `the problem type of status ${status}`);
    statusTypes.set(status, type);
  }

  const uriOf = (slug: string, status: number): string => {
    const uri = buildUri === undefined ? 'about:blank' : buildUri({ slug, status });
    if (typeof uri !== 'string' || uri === '') {
      throw new TypeError(
        `${where}: the typeBase function returned ${String(uri)} for "${slug}" (status ${status}); it must return a URI`,
      );
    }
    return uri;
  };

  /** Each status's first code that has no type of its own: the code its bare problems get. */
  const firstCodes = new Map<number, string>();
  for (const [code, status] of codeStatus) {
    if (!firstCodes.has(status) && !ownTypes.has(code)) firstCodes.set(status, code);
  }
  const statuses = new Map<number, ResolvedStatus>();
  const resolveStatus = (status: number): ResolvedStatus => {
    let resolved = statuses.get(status);
    if (resolved === undefined) {
      const type = statusTypes.get(status);
      resolved = {
        status,
        title: type !== undefined && buildUri !== undefined ? type.title : reasonPhrase(status),
        type: type === undefined ? 'about:blank' : uriOf(type.slug, status),
        code:
          status >= 500
            ? undefined
            : (type?.code ?? firstCodes.get(status) ?? codeOfStatus(status)),
      };
      statuses.set(status, resolved);
    }
    return resolved;
  };
  // Every possible status is resolved now, so a request never builds one and a bad builder fails here.
  for (let status = 400; status <= 599; status++) resolveStatus(status);

  const statusEntries = new Map<number, TypeEntry>();
  const resolvedCodes = new Map<string, ResolvedCode>();
  for (const [code, status] of codeStatus) {
    const own = ownTypes.get(code);
    if (own !== undefined) {
      const { slug, title } = own.description;
      resolvedCodes.set(code, {
        code,
        status,
        title: buildUri === undefined ? reasonPhrase(status) : title,
        type: uriOf(slug, status),
        ...resolveDocumentation(codeDocs.get(code), own.description),
      });
      continue;
    }
    const type = statusTypes.get(status);
    if (type === undefined && buildUri !== undefined) {
      throw new TypeError(
        `${where}: error code "${code}" (status ${status}) has no problem type, so its type URI would be about:blank; give it one ({ ${code}: { status: ${status}, type: { slug, title } } }) or add types: { ${status}: { slug, title } }`,
      );
    }
    if (type !== undefined) {
      let entry = statusEntries.get(status);
      if (entry === undefined) {
        entry = { description: type, status, codes: [] };
        statusEntries.set(status, entry);
      }
      entry.codes.push(code);
    }
    const { title, type: uri } = resolveStatus(status);
    resolvedCodes.set(code, {
      code,
      status,
      title,
      type: uri,
      ...resolveDocumentation(codeDocs.get(code), type),
    });
  }

  const types: ResolvedProblemType[] = [];
  for (const [status, type] of statusTypes) {
    const entry = statusEntries.get(status) ?? { description: type, status, codes: [] };
    types.push(describeType(entry, resolveStatus(status).type));
  }
  for (const [code, entry] of ownTypes)
    types.push(describeType(entry, resolvedCodes.get(code)!.type));

  return {
    codes: [...codeStatus.keys()] as Code[],
    types,
    has: (code: unknown): code is Code => typeof code === 'string' && resolvedCodes.has(code),
    byCode: (code) => resolvedCodes.get(code),
    byStatus: (status) => statuses.get(status) ?? resolveStatus(status),
  };
}

/** `own` documentation as resolved; `retryable` falls back to the problem type's. */
function resolveDocumentation(
  own: ProblemDocumentation | undefined,
  type: ProblemDocumentation | undefined,
): ResolvedDocumentation {
  return {
    description: own?.description,
    causes: own?.causes === undefined ? undefined : [...own.causes],
    fix: own?.fix,
    retryable: own?.retryable ?? type?.retryable,
  };
}

function describeType(entry: TypeEntry, uri: string): ResolvedProblemType {
  const { slug, title } = entry.description;
  return {
    slug,
    title,
    type: uri,
    status: entry.status,
    codes: entry.codes,
    ...resolveDocumentation(entry.description, undefined),
  };
}

/** The default catalogue, with no type base: every `type` is `about:blank`. */
export const defaultRegistry: Registry<keyof typeof defaultCatalogue.codes> = createRegistry();
