/** The media type of every problem response (RFC 9457 §3). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The members RFC 9457 defines, plus `error_code`: no extension may take one of these names. */
export const standardMembers: ReadonlySet<string> = new Set([
  'status',
  'title',
  'type',
  'detail',
  'instance',
  'error_code',
]);

/** A problem details document, its members in the order they are serialised. */
export interface ProblemDocument {
  readonly status: number;
  readonly title: string;
  readonly type: string;
  readonly detail?: string;
  readonly instance?: string;
  readonly error_code?: string;
  readonly [extension: string]: unknown;
}

/** Extension members (RFC 9457 §3.2): anything but the standard members. */
export type ProblemExtensions = Readonly<Record<string, unknown>>;

/** Throws where extensions are given if one would override a standard member. */
export function assertExtensions(extensions: ProblemExtensions, where: string): void {
  for (const name of Object.keys(extensions)) {
    if (standardMembers.has(name)) {
      throw new TypeError(
        `${where}: extension "${name}" would override the standard member of that name; rename it`,
      );
    }
  }
}
