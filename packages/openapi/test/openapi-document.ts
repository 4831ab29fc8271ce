import type { Registry } from '@faultline/core';
import {
  type DocumentationOptions,
  type ProblemComponents,
  problemComponents,
  problemResponses,
  type ResponseObject,
} from '@faultline/openapi';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** A whole OpenAPI 3.1 document around the components: what a linter and Ajv are given. */
export function documentWith<Code extends string>(
  registry: Registry<Code>,
  operations: Readonly<Record<string, readonly Code[]>>,
  options: DocumentationOptions<Code> = {},
): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const [path, codes] of Object.entries(operations)) {
    const responses = {
      '200': { description: 'It worked.' },
      ...problemResponses(registry, codes, options),
    };
    paths[path] = {
      get: {
        operationId: `read${path.replace(/[^A-Za-z0-9]/g, '')}`,
        summary: `Read ${path}`,
        parameters: [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
          name,
          in: 'path',
          required: true,
          schema: { type: 'string' },
        })),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Datasets API',
      version: '1.0.0',
      description: 'A test document.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: 'https://api.test/v2' }],
    security: [],
    paths,
    components: problemComponents(registry, options),
  };
}

/** A response of `document`, following its `$ref` into `components.responses`. */
export function resolveResponse(
  document: Record<string, unknown>,
  response: unknown,
): ResponseObject {
  const ref = (response as { $ref?: unknown }).$ref;
  if (typeof ref !== 'string') return response as ResponseObject;
  const name = ref.replace('#/components/responses/', '');
  const components = document.components as ProblemComponents;
  const found = components.responses[name];
  if (found === undefined) throw new Error(`${ref} resolves to nothing`);
  return found;
}

/**
 * Ajv (JSON Schema 2020-12) over a whole OpenAPI document, so that a schema inside it is compiled
 * where it stands and its `$ref`s resolve against the document.
 */
export function schemaValidator(document: Record<string, unknown>) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const id = 'https://api.test/openapi.json';
  ajv.addSchema({ ...document, $id: id });
  return (pointer: string) => {
    const validate = ajv.getSchema(`${id}#${pointer}`);
    if (validate === undefined) throw new Error(`no schema at ${pointer}`);
    return validate;
  };
}

/** A JSON Pointer segment (RFC 6901). */
export const segment = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');
