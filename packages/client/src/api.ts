/**
 * What an application declares once so that every problem it reads has its error codes, without
 * a type argument at each call:
 *
 * @example
 * import type { problems } from '../server/problems'; // the result of defineProblems()
 *
 * declare module '@faultline/client' {
 *   interface Register {
 *     problems: typeof problems;
 *   }
 * }
 */
// biome-ignore lint/suspicious/noEmptyInterface: declared empty for applications to augment.
export interface Register {}

/**
 * An OpenAPI document whose `ProblemDetails` schema lists the API's codes, as `@faultline/openapi`
 * writes it. Its type must keep the codes as literals: a document declared `as const` in
 * TypeScript; a `.json` import widens them to `string`.
 */
export interface OpenApiDescription {
  readonly components: {
    readonly schemas: {
      readonly ProblemDetails: {
        readonly properties: { readonly error_code: { readonly enum: readonly string[] } };
      };
    };
  };
}

/**
 * What the types of a client may know about the API it calls: the result of the server's
 * `defineProblems()` (as `typeof problems`, a type-only import), its OpenAPI document, or a union
 * of error codes.
 */
export type ApiDescription =
  | string
  | { readonly registry: { readonly codes: readonly string[] } }
  | OpenApiDescription;

/** The API the application registered, or any API (every code a `string`) before it does. */
export type RegisteredApi = Register extends { readonly problems: infer Api extends ApiDescription }
  ? Api
  : string;

/**
 * The error codes an API can send.
 *
 * @example type Code = ErrorCodeOf<typeof problems>; // 'RESOURCE_NOT_FOUND' | 'INVALID_ID' | ...
 */
export type ErrorCodeOf<Api extends ApiDescription> = Api extends string
  ? Api
  : Api extends { readonly registry: { readonly codes: readonly (infer Code extends string)[] } }
    ? Code
    : Api extends OpenApiDescription
      ? Api['components']['schemas']['ProblemDetails']['properties']['error_code']['enum'][number]
      : never;
