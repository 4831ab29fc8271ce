import { defaultCatalogue } from './catalogue.js';
import { codeFromPhrase, isErrorStatus, reasonPhrase } from './status.js';

/** A problem type: what every problem of one HTTP status means in this API. */
export interface ProblemTypeDefinition {
  /** The fragment of the type URI: `<typeBase>#<slug>`. */
  readonly slug: string;
  /** The stable, human-readable summary sent as `title`. */
  readonly title: string;
  /** The error code used when an error carries only this status. */
  readonly code?: string;
}

/** Builds a problem type's URI, in place of `<typeBase>#<slug>`. */
export type TypeUriBuilder = (problemType: {
  readonly slug: string;
  readonly status: number;
}) => string;

/** What an application adds to the default catalogue, in one place. */
export interface RegistryDefinition<Codes extends Readonly<Record<string, number>>> {
  /**
   * The documentation base of the type URIs, `https://api.example.com/docs/errors`; or a function
   * that builds each URI. Without it, `type` is `about:blank` and `title` the status's reason
   * phrase (RFC 9457 §4.2.1).
   */
  readonly typeBase?: string | TypeUriBuilder;
  /** Problem types for statuses the default catalogue does not define, keyed by status. */
  readonly types?: Readonly<Record<number, ProblemTypeDefinition>>;
  /** Error codes, each with its HTTP status: `{ PAYMENT_REQUIRED: 402 }`. */
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

/** How one error code is answered. */
export interface ResolvedCode {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly type: string;
}

/** A catalogue of problem types and error codes, resolved once. */
export interface Registry<Code extends string = string> {
  /** Every error code, in definition order. */
  readonly codes: readonly Code[];
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

function typeUriBuilder(
  base: RegistryDefinition<Readonly<Record<string, number>>>['typeBase'],
): TypeUriBuilder | undefined {
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

/**
 * Builds a registry: the default catalogue plus `definition`'s types and codes. Every mistake in
 * a definition throws here, at start-up, with a message that names it.
 */
export function createRegistry<Code extends string>(
  definition: RegistryDefinition<Readonly<Record<string, number>>> = {},
): Registry<Code> {
  const buildUri = typeUriBuilder(definition.typeBase);
  const codeStatus = new Map<string, number>(Object.entries(defaultCatalogue.codes));
  const types = new Map<number, ProblemTypeDefinition>(
    Object.entries(defaultCatalogue.types).map(([status, type]) => [Number(status), type]),
  );

  for (const [code, status] of Object.entries(definition.codes ?? {})) {
    if (!codeName.test(code)) {
      throw new TypeError(
        `${where}: error code "${code}" must be UPPER_SNAKE_CASE, such as "PAYMENT_REQUIRED"`,
      );
    }
    if (codeStatus.has(code))
      throw new TypeError(`${where}: error code "${code}" is already defined`);
    assertStatus(status, `error code "${code}"`);
    codeStatus.set(code, status);
  }

  const slugs = new Set([...types.values()].map((type) => type.slug));
  for (const [key, type] of Object.entries(definition.types ?? {})) {
    const status = Number(key);
    assertStatus(status, `problem type "${key}"`);
    if (types.has(status))
      throw new TypeError(`${where}: a problem type for status ${status} is already defined`);
    if (typeof type?.slug !== 'string' || !slugName.test(type.slug)) {
      throw new TypeError(
        `${where}: problem type ${status} needs a lower-case kebab slug, such as "payment-required"`,
      );
    }
    if (slugs.has(type.slug))
      throw new TypeError(`${where}: slug "${type.slug}" is already used by another problem type`);
    if (typeof type.title !== 'string' || type.title.trim() === '') {
      throw new TypeError(`${where}: problem type ${status} needs a non-empty title`);
    }
    if (type.code !== undefined && codeStatus.get(type.code) !== status) {
      throw new TypeError(
        `${where}: problem type ${status} names code "${type.code}", which is not a ${status} code`,
      );
    }
    slugs.add(type.slug);
    types.set(status, type);
  }

  const statuses = new Map<number, ResolvedStatus>();
  const resolveStatus = (status: number): ResolvedStatus => {
    let resolved = statuses.get(status);
    if (resolved === undefined) {
      const type = types.get(status);
      const serverError = status >= 500;
      const defaultCode =
        type?.code ??
        [...codeStatus].find(([, s]) => s === status)?.[0] ??
        codeFromPhrase(reasonPhrase(status));
      resolved = {
        status,
        title: type !== undefined && buildUri !== undefined ? type.title : reasonPhrase(status),
        type:
          type !== undefined && buildUri !== undefined
            ? buildUri({ slug: type.slug, status })
            : 'about:blank',
        code: serverError ? undefined : defaultCode,
      };
      statuses.set(status, resolved);
    }
    return resolved;
  };

  const resolvedCodes = new Map<string, ResolvedCode>();
  for (const [code, status] of codeStatus) {
    const { title, type } = resolveStatus(status);
    resolvedCodes.set(code, { code, status, title, type });
  }
  // Every possible status is resolved now, so a request never builds one and a bad builder fails here.
  for (let status = 400; status <= 599; status++) resolveStatus(status);
  for (const { type, status } of statuses.values()) {
    if (typeof type !== 'string' || type === '') {
      throw new TypeError(
        `${where}: the typeBase function returned ${String(type)} for status ${status}; it must return a URI`,
      );
    }
  }

  return {
    codes: [...codeStatus.keys()] as Code[],
    has: (code: unknown): code is Code => typeof code === 'string' && resolvedCodes.has(code),
    byCode: (code) => resolvedCodes.get(code),
    byStatus: (status) => statuses.get(status) ?? resolveStatus(status),
  };
}

/** The default catalogue, with no type base: every `type` is `about:blank`. */
export const defaultRegistry: Registry<keyof typeof defaultCatalogue.codes> = createRegistry();
