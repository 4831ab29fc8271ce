import { PROBLEM_CONTENT_TYPE, type Registry } from '@faultline/core';
import { escapeMarkdown, isWebUrl, markdownUrl } from './escape.js';
import { everyResponseHeader, headerDescriptions } from './fields.js';
import type {
  ExampleObject,
  HeaderObject,
  ProblemComponents,
  ResponseObject,
  ResponsesObject,
  SchemaObject,
} from './openapi-objects.js';
import {
  type DocumentationOptions,
  type DocumentedCode,
  type DocumentedType,
  type ProblemCatalogue,
  problemCatalogue,
} from './problem-catalogue.js';
import { problemSchemas, typeSchema } from './problem-schemas.js';

const where = '@faultline/openapi';

/** The key of a problem type's entry in `components.responses`: its slug. */
const responseRef = (type: DocumentedType) => ({ $ref: `#/components/responses/${type.slug}` });

function describeType(type: DocumentedType): string {
  const text = [`${type.status} ${type.title}.`, type.description, type.fix]
    .filter((part) => part !== undefined)
    .map((part) => escapeMarkdown(part))
    .join(' ');
  return isWebUrl(type.type)
    ? `${text}\n\n[Documentation of ${escapeMarkdown(type.title)}](${markdownUrl(type.type)})`
    : text;
}

function headersOf(codes: readonly DocumentedCode[]): Record<string, HeaderObject> | undefined {
  const headers: Record<string, HeaderObject> = {};
  for (const { example } of codes) {
    for (const [name, value] of Object.entries(example.headers)) {
      const key = name.toLowerCase();
      if (everyResponseHeader.has(key) || name in headers) continue;
      headers[name] = {
        description: headerDescriptions[key] ?? `Sent with this problem.`,
        schema: key === 'retry-after' ? { type: 'integer', minimum: 0 } : { type: 'string' },
        example: key === 'retry-after' ? Number(value) : value,
      };
    }
  }
  return Object.keys(headers).length === 0 ? undefined : headers;
}

function examplesOf(codes: readonly DocumentedCode[]): Record<string, ExampleObject> {
  return Object.fromEntries(
    codes.map((code) => [
      code.code,
      {
        summary: code.code,
        ...(code.description === undefined
          ? {}
          : { description: escapeMarkdown(code.description) }),
        value: code.example.body,
      },
    ]),
  );
}

/** A response for the codes of one status, drawn from one problem type or several. */
function response(
  parts: readonly { readonly type: DocumentedType; readonly codes: readonly DocumentedCode[] }[],
  catalogue: ProblemCatalogue,
): ResponseObject {
  const schemas = parts.map(({ type, codes }) =>
    typeSchema(
      type,
      codes.map((code) => code.code),
      catalogue,
    ),
  );
  const uris = new Set(parts.map(({ type }) => type.type));
  // Types of one status differ by their URI; without a type base they all share about:blank.
  const schema: SchemaObject =
    schemas.length === 1
      ? (schemas[0] as SchemaObject)
      : uris.size === parts.length
        ? { oneOf: schemas }
        : { anyOf: schemas };
  const codes = parts.flatMap((part) => part.codes);
  const headers = headersOf(codes);
  return {
    description: parts.map(({ type }) => describeType(type)).join('\n\n'),
    ...(headers === undefined ? {} : { headers }),
    content: { [PROBLEM_CONTENT_TYPE]: { schema, examples: examplesOf(codes) } },
  };
}

function codesOfType(type: DocumentedType, catalogue: ProblemCatalogue): DocumentedCode[] {
  return catalogue.codes.filter((code) => code.slug === type.slug);
}

/** `components` for a catalogue: its two schemas and a response per problem type with codes. */
export function componentsOf(catalogue: ProblemCatalogue): ProblemComponents {
  const responses: Record<string, ResponseObject> = {};
  for (const type of catalogue.types) {
    const codes = codesOfType(type, catalogue);
    if (codes.length > 0) responses[type.slug] = response([{ type, codes }], catalogue);
  }
  return { schemas: problemSchemas(catalogue), responses };
}

/** `responses` for `codes`: a `$ref` where a status's codes are all of one type's, else inline. */
export function responsesOf(
  catalogue: ProblemCatalogue,
  codes: readonly string[],
): ResponsesObject {
  const wanted = new Set<string>();
  for (const code of codes) {
    if (!catalogue.codes.some((entry) => entry.code === code)) {
      throw new TypeError(`${where}: "${String(code)}" is not a code of the registry`);
    }
    wanted.add(code);
  }
  const byStatus = new Map<number, DocumentedCode[]>();
  for (const entry of catalogue.codes) {
    if (!wanted.has(entry.code)) continue;
    byStatus.set(entry.status, [...(byStatus.get(entry.status) ?? []), entry]);
  }
  const responses: ResponsesObject = {};
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
    const entries = byStatus.get(status) ?? [];
    const parts = catalogue.types
      .map((type) => ({ type, codes: entries.filter((entry) => entry.slug === type.slug) }))
      .filter((part) => part.codes.length > 0);
    const only = parts.length === 1 ? parts[0] : undefined;
    responses[String(status)] =
      only !== undefined && only.codes.length === codesOfType(only.type, catalogue).length
        ? responseRef(only.type)
        : response(parts, catalogue);
  }
  return responses;
}

/**
 * OpenAPI 3.1 `components` for a registry, to merge into a document: `schemas.ProblemDetails` and
 * `schemas.ValidationProblemDetails`, and one entry of `responses` per problem type, keyed by its
 * slug, with one example per code produced by the real normaliser.
 *
 * @example
 * const document = {
 *   openapi: '3.1.0',
 *   info: { title: 'Datasets API', version: '1.0.0' },
 *   paths: {},
 *   components: problemComponents(registry),
 * };
 */
export function problemComponents<Code extends string>(
  registry: Registry<Code>,
  options: DocumentationOptions<NoInfer<Code>> = {},
): ProblemComponents {
  return componentsOf(problemCatalogue(registry, options));
}

/**
 * The OpenAPI `responses` an operation that can fail with `codes` documents, keyed by status: a
 * `$ref` to the problem type's component when the codes of a status are all of its codes, else
 * the response inline, narrowed to those codes (types sharing a status become a `oneOf`). They
 * refer to the schemas of `problemComponents`, which the document must hold too.
 *
 * @example
 * paths['/datasets/{id}'].get.responses = {
 *   200: { description: 'The dataset' },
 *   ...problemResponses(registry, ['INVALID_ID', 'RESOURCE_NOT_FOUND', 'INTERNAL_SERVER_ERROR']),
 * };
 */
export function problemResponses<Code extends string>(
  registry: Registry<Code>,
  codes: readonly NoInfer<Code>[],
  options: DocumentationOptions<NoInfer<Code>> = {},
): ResponsesObject {
  return responsesOf(problemCatalogue(registry, options), codes);
}
