import { isWebUrl } from './escape.js';
import { problemFields } from './fields.js';
import type { SchemaObject } from './openapi-objects.js';
import type { DocumentedType, ProblemCatalogue } from './problem-catalogue.js';

/** The names of the two schemas `problemComponents` adds to `components.schemas`. */
export const PROBLEM_SCHEMA = 'ProblemDetails';
export const VALIDATION_PROBLEM_SCHEMA = 'ValidationProblemDetails';

const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const fieldDescription = (name: string): string =>
  problemFields.find((field) => field.name === name)?.description ?? name;

/** The codes of the default catalogue that answer with a list of failures in `errors`. */
const validationCodes: ReadonlySet<string> = new Set([
  'VALIDATION_ERROR',
  'INVALID_ID',
  'MISSING_REQUIRED_FIELD',
  'INVALID_FIELD_VALUE',
  'INVALID_ENUM_VALUE',
]);

/** The URL of the error page itself, when every type URI is a section of one http(s) page. */
export function pageUrl(catalogue: ProblemCatalogue): string | undefined {
  const pages = new Set(
    catalogue.types.filter((type) => isWebUrl(type.type)).map((type) => type.type.split('#')[0]),
  );
  return pages.size === 1 ? [...pages][0] : undefined;
}

/** `components.schemas`: the problem document and the validation problem. */
export function problemSchemas(catalogue: ProblemCatalogue): Record<string, SchemaObject> {
  const page = pageUrl(catalogue);
  const externalDocs =
    page === undefined
      ? {}
      : { externalDocs: { url: page, description: 'Every problem type and error code' } };
  const sentCodes = catalogue.codes.filter((code) => code.sent).map((code) => code.code);
  return {
    [PROBLEM_SCHEMA]: {
      type: 'object',
      description:
        'A problem details document (RFC 9457), the body of every error response (application/problem+json). Members beyond these are extensions.',
      required: ['status', 'title', 'type'],
      properties: {
        status: {
          type: 'integer',
          minimum: 400,
          maximum: 599,
          description: fieldDescription('status'),
        },
        title: { type: 'string', description: fieldDescription('title') },
        type: { type: 'string', format: 'uri-reference', description: fieldDescription('type') },
        detail: { type: 'string', description: fieldDescription('detail') },
        instance: {
          type: 'string',
          format: 'uri-reference',
          description: fieldDescription('instance'),
        },
        error_code: {
          type: 'string',
          enum: sentCodes,
          description: fieldDescription('error_code'),
        },
      },
      additionalProperties: true,
      ...externalDocs,
    },
    [VALIDATION_PROBLEM_SCHEMA]: {
      description: 'A problem details document that lists every failure of a request it rejects.',
      allOf: [schemaRef(PROBLEM_SCHEMA)],
      properties: {
        errors: {
          type: 'array',
          description: fieldDescription('errors'),
          items: {
            type: 'object',
            required: ['detail', 'pointer'],
            properties: {
              detail: { type: 'string', description: 'What is wrong with this value.' },
              pointer: {
                type: 'string',
                pattern: '^#(/.*)?$',
                description: 'A JSON Pointer (RFC 6901), in URI-fragment form, to the value.',
              },
              in: {
                enum: ['path', 'query', 'header'],
                description: 'Where the value is, when it is not in the body.',
              },
            },
          },
        },
      },
      ...externalDocs,
    },
  };
}

/** Whether the problems of `type` list their failures: those of the validation codes, or any example with `errors`. */
function listsFailures(type: DocumentedType, catalogue: ProblemCatalogue): boolean {
  return type.codes.some(
    (code) =>
      validationCodes.has(code) ||
      catalogue.codes.some((entry) => entry.code === code && 'errors' in entry.example.body),
  );
}

/** The type's title, or one of its titles when the API also answers in other languages. */
function titleSchema(type: DocumentedType): SchemaObject {
  const titles = new Set([type.title, ...Object.values(type.translatedTitles ?? {})]);
  return titles.size === 1 ? { const: type.title } : { enum: [...titles] };
}

/** The schema of the problems of one type, answered with `codes` (all of the type's, or some). */
export function typeSchema(
  type: DocumentedType,
  codes: readonly string[],
  catalogue: ProblemCatalogue,
): SchemaObject {
  const serverError = type.status >= 500;
  return {
    allOf: [schemaRef(listsFailures(type, catalogue) ? VALIDATION_PROBLEM_SCHEMA : PROBLEM_SCHEMA)],
    properties: {
      status: { const: type.status },
      title: titleSchema(type),
      type: { const: type.type },
      // A server error never carries its code.
      error_code: serverError ? false : { enum: [...codes] },
    },
    ...(serverError ? {} : { required: ['error_code'] }),
    ...(isWebUrl(type.type)
      ? { externalDocs: { url: type.type, description: `${type.status} ${type.title}` } }
      : {}),
  };
}
