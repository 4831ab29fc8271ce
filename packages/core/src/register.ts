import type { DefaultErrorCode } from './catalogue.js';
import type { Problems } from './define-problems.js';

/**
 * Tells TypeScript which problems the application defined, so that the adapters' non-throwing
 * helpers (`reply.problem()`, `res.problem()`) accept exactly its codes:
 *
 * @example
 * declare module '@faultline/core' {
 *   interface Register {
 *     problems: typeof problems; // the result of defineProblems()
 *   }
 * }
 */
// biome-ignore lint/suspicious/noEmptyInterface: declared empty for applications to augment.
export interface Register {}

/** The application's error codes once it augments `Register`; the default catalogue's before. */
export type RegisteredCode = Register extends { readonly problems: Problems<infer Code> }
  ? Code
  : DefaultErrorCode;
