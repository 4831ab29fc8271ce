import type { ApiDescription, RegisteredApi } from './api.js';
import type { Problem } from './problem.js';

const brand = Symbol.for('faultline.problem-response-error');

/**
 * A response that was not a success, thrown: its problem, and the response itself. When the body
 * was not a problem, `problem` is built from the status alone (`about:blank`, RFC 9457 §4.2.1).
 * `R` is the response type of the HTTP library: fetch's `Response` unless said otherwise.
 *
 * @example
 * try {
 *   await ensureOk(await fetch(url));
 * } catch (error) {
 *   if (isProblemResponseError<typeof problems>(error) && error.problem.code === 'ACCESS_DENIED') ...
 * }
 */
export class ProblemResponseError<
  Api extends ApiDescription = RegisteredApi,
  R = Response,
> extends Error {
  override readonly name = 'ProblemResponseError';
  readonly problem: Problem<Api>;
  readonly response: R;
  /** The HTTP status, as `problem.status`. */
  readonly status: number;

  constructor(problem: Problem<Api>, response: R, options?: ErrorOptions) {
    const { status, code, detail, title } = problem;
    super(
      `${status}${code === undefined ? '' : ` ${code}`}: ${detail ?? title ?? 'HTTP error'}`,
      options,
    );
    this.problem = problem;
    this.response = response;
    this.status = status;
    Object.defineProperty(this, brand, { value: true });
  }
}

/**
 * Whether `value` is a `ProblemResponseError`, from this copy of the package or any other (it
 * reads a brand, not the prototype chain, so an ES module and a CommonJS copy agree).
 */
export function isProblemResponseError<Api extends ApiDescription = RegisteredApi, R = Response>(
  value: unknown,
): value is ProblemResponseError<Api, R> {
  return typeof value === 'object' && value !== null && brand in value;
}
