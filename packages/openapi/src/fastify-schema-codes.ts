import type { DefaultErrorCode } from '@faultline/core';

/** The codes a failed validation of a request part can have (core's validation mapping). */
export type ValidationCode =
  | 'VALIDATION_ERROR'
  | 'MISSING_REQUIRED_FIELD'
  | 'INVALID_ENUM_VALUE'
  | 'INVALID_FIELD_VALUE';

/** Every code a schema of the body, query string or headers can fail with. */
export const everyValidationCode: readonly ValidationCode[] = [
  'VALIDATION_ERROR',
  'MISSING_REQUIRED_FIELD',
  'INVALID_ENUM_VALUE',
  'INVALID_FIELD_VALUE',
] satisfies readonly DefaultErrorCode[];

/** Keywords that describe a value without ever failing. */
const annotations: ReadonlySet<string> = new Set([
  '$id',
  '$schema',
  '$anchor',
  '$dynamicAnchor',
  '$comment',
  '$defs',
  'definitions',
  'title',
  'description',
  'default',
  'examples',
  'example',
  'deprecated',
  'readOnly',
  'writeOnly',
  'nullable',
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
]);

/** Keywords holding subschemas (one, or a list), failing only through them. */
const applicators: ReadonlySet<string> = new Set([
  'items',
  'prefixItems',
  'additionalItems',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'then',
  'else',
  'allOf',
]);

/** Keywords holding subschemas whose failures are reported, and failing themselves too. */
const failingApplicators: ReadonlySet<string> = new Set(['anyOf', 'oneOf', 'propertyNames']);

/** Keywords holding a map of subschemas. */
const schemaMaps: ReadonlySet<string> = new Set([
  'properties',
  'patternProperties',
  'dependentSchemas',
  'dependencies',
  '$defs',
  'definitions',
]);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The subschemas whose failures a keyword reports. */
function subschemas(keyword: string, value: unknown): unknown[] {
  if (schemaMaps.has(keyword)) {
    // `dependencies` may name properties (a list) instead of holding a subschema.
    return isObject(value) ? Object.values(value).filter((entry) => !Array.isArray(entry)) : [];
  }
  if (!applicators.has(keyword) && !failingApplicators.has(keyword)) return [];
  return Array.isArray(value) ? value : [value];
}

/** The code core gives a failure of `keyword` (`value` is the keyword's value). */
function codeOfKeyword(keyword: string, value: unknown): ValidationCode | undefined {
  if (keyword.startsWith('x-') || annotations.has(keyword)) return undefined;
  if (keyword === 'type') return 'VALIDATION_ERROR';
  if (keyword === 'required') {
    return Array.isArray(value) && value.length > 0 ? 'MISSING_REQUIRED_FIELD' : undefined;
  }
  if (keyword === 'minLength') {
    if (value === 1) return 'MISSING_REQUIRED_FIELD';
    return value === 0 ? undefined : 'INVALID_FIELD_VALUE';
  }
  if (keyword === 'enum' || keyword === 'const') return 'INVALID_ENUM_VALUE';
  if (schemaMaps.has(keyword) && keyword !== 'dependencies') return undefined;
  // A subschema `false` refuses everything; others fail through what they hold.
  if (applicators.has(keyword)) return value === false ? 'INVALID_FIELD_VALUE' : undefined;
  return 'INVALID_FIELD_VALUE';
}

/**
 * The codes a request part validated against `schema` can fail with: each keyword mapped as
 * core maps Ajv's failures (`type` → VALIDATION_ERROR, `required` → MISSING_REQUIRED_FIELD,
 * `enum` → INVALID_ENUM_VALUE, any other rule → INVALID_FIELD_VALUE). A `$ref` or a schema that
 * is not plain JSON Schema (a Zod or other library's object) may fail with any of them.
 */
export function schemaCodes(schema: unknown): Set<ValidationCode> {
  const codes = new Set<ValidationCode>();
  const seen = new Set<object>();
  const walk = (node: unknown): boolean => {
    if (typeof node === 'boolean') {
      if (!node) codes.add('INVALID_FIELD_VALUE');
      return true;
    }
    if (!isObject(node) || Object.getPrototypeOf(node) !== Object.prototype) return false;
    if (seen.has(node)) return true;
    seen.add(node);
    for (const [keyword, value] of Object.entries(node)) {
      if (keyword === '$ref' || keyword === '$dynamicRef') return false;
      const code = codeOfKeyword(keyword, value);
      if (code !== undefined) codes.add(code);
      if (!subschemas(keyword, value).every(walk)) return false;
    }
    return true;
  };
  return walk(schema) ? codes : new Set(everyValidationCode);
}
