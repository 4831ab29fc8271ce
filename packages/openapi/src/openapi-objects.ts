/*
 * The OpenAPI 3.1 objects this package produces, as plain JSON: assignable to the document types
 * of generators and OpenAPI libraries (type aliases, so they also fit `Record<string, unknown>`).
 */

/** A JSON Schema (2020-12), as OpenAPI 3.1 uses it. */
export type SchemaObject = {
  [keyword: string]: unknown;
};

export type ReferenceObject = {
  $ref: string;
};

export type ExampleObject = {
  summary?: string;
  description?: string;
  value: unknown;
};

export type HeaderObject = {
  description: string;
  schema: SchemaObject;
  example?: unknown;
};

export type MediaTypeObject = {
  schema: SchemaObject;
  examples: Record<string, ExampleObject>;
};

export type ResponseObject = {
  /** CommonMark: it links the type URI, since a Response Object has no `externalDocs`. */
  description: string;
  headers?: Record<string, HeaderObject>;
  content: Record<string, MediaTypeObject>;
};

/** The `responses` of an operation, keyed by status. */
export type ResponsesObject = Record<string, ResponseObject | ReferenceObject>;

/** What `problemComponents` adds to a document's `components`. */
export type ProblemComponents = {
  schemas: Record<string, SchemaObject>;
  responses: Record<string, ResponseObject>;
};
