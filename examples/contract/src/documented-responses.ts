import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { WireResponse } from './wire.js';

type Json = Record<string, unknown>;

/** What one answer says about the document of the app that sent it. */
export interface DocumentedAnswer {
  /** `GET /v2/datasets/{id}`: the operation the request was for, or undefined for none. */
  readonly operation: string | undefined;
  /** The problem's code: its `error_code`, or for a 5xx the code of its documented `type`. */
  readonly code: string | undefined;
  /** Every way the answer departs from what its operation documents; empty when it holds. */
  readonly errors: readonly string[];
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON Pointer segment (RFC 6901). */
const segment = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** The path of a request target, without query and trailing slash (the API ignores both). */
function pathOf(target: string): string {
  const path = target.replace(/[?#].*$/, '');
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** Whether `/v2/datasets/abc` is an instance of the template `/v2/datasets/{id}`. */
function matchesTemplate(template: string, path: string): boolean {
  const want = template.split('/');
  const got = path.split('/');
  return (
    want.length === got.length &&
    want.every((part, index) =>
      /^\{[^}]+\}$/.test(part) ? (got[index] ?? '') !== '' : part === got[index],
    )
  );
}

/** A `$ref` to `#/components/responses/<name>`, followed; with the pointer it resolved to. */
function resolve(document: Json, response: unknown, pointer: string): [Json, string] | undefined {
  if (!isObject(response)) return undefined;
  const ref = response.$ref;
  if (typeof ref !== 'string') return [response, pointer];
  const name = ref.replace(/^#\/components\/responses\//, '');
  const found = (document.components as Json | undefined)?.responses as Json | undefined;
  return isObject(found?.[name])
    ? [found[name] as Json, `/components/responses/${segment(name)}`]
    : undefined;
}

/** The codes a documented problem response lists: its examples, one per code. */
function codesOf(response: Json): Map<string, Json> {
  const codes = new Map<string, Json>();
  for (const media of Object.values((response.content as Json | undefined) ?? {})) {
    for (const [code, example] of Object.entries(((media as Json).examples as Json) ?? {})) {
      const value = (example as Json).value;
      if (isObject(value)) codes.set(code, value);
    }
  }
  return codes;
}

/**
 * Checks answers against an app's OpenAPI document: the operation a request was for, the
 * response it documents for the status (`$ref`s followed), the body validated against its
 * schema with Ajv (JSON Schema 2020-12, `$ref`s resolved in the document), and a problem's code
 * among those the response lists. A request on a path the document does not have, or with a
 * method its path does not have, is no operation's: nothing is checked.
 *
 * @example
 * const check = documentChecker(await (await fetch(`${url}/openapi.json`)).json());
 * check('GET', '/v2/datasets', response).errors // []
 */
export function documentChecker(
  document: Json,
): (method: string, target: string, response: WireResponse) => DocumentedAnswer {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const id = 'https://contract.test/openapi.json';
  ajv.addSchema({ ...document, $id: id });
  const paths = (document.paths as Json | undefined) ?? {};

  return (method, target, response) => {
    const path = pathOf(target);
    const template = Object.keys(paths).find((candidate) => matchesTemplate(candidate, path));
    const verb = method.toLowerCase();
    const item = template === undefined ? undefined : (paths[template] as Json);
    if (template === undefined || !isObject(item?.[verb])) {
      return { operation: undefined, code: undefined, errors: [] };
    }
    const operation = `${method.toUpperCase()} ${template}`;
    const at = `${operation} (${method} ${target}) answered ${response.status}`;
    const status = String(response.status);
    const responses = (item[verb] as Json).responses as Json;
    const resolved = resolve(
      document,
      responses?.[status],
      `/paths/${segment(template)}/${verb}/responses/${status}`,
    );
    if (resolved === undefined) {
      return { operation, code: undefined, errors: [`${at}, a status it does not document`] };
    }
    const [documented, pointer] = resolved;
    const errors: string[] = [];
    let code: string | undefined;
    const content = documented.content as Json | undefined;
    const media =
      (response.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (method.toUpperCase() !== 'HEAD' && response.text !== '') {
      if (content === undefined || !isObject(content[media])) {
        errors.push(`${at} with ${media || 'a body'}, which it does not document for that status`);
      } else {
        let body: unknown;
        try {
          body = JSON.parse(response.text);
        } catch {
          errors.push(`${at} with a body that is not JSON`);
        }
        const validate = ajv.getSchema(`${id}#${pointer}/content/${segment(media)}/schema`);
        if (validate === undefined) {
          errors.push(`${at}: the documented response has no schema`);
        } else if (body !== undefined && !validate(body)) {
          for (const error of validate.errors ?? []) {
            errors.push(`${at}: body${error.instancePath} ${error.message ?? error.keyword}`);
          }
        }
        if (response.status >= 400 && isObject(body)) {
          const listed = codesOf(documented);
          const given = typeof body.error_code === 'string' ? body.error_code : undefined;
          code =
            given ??
            [...listed].find(
              ([, example]) => example.type === body.type && !('error_code' in example),
            )?.[0];
          if (code === undefined || !listed.has(code)) {
            errors.push(
              `${at} with ${given ?? `type ${String(body.type)}`}, which it does not list for that status (${[...listed.keys()].join(', ')})`,
            );
          }
        }
      }
    }
    return { operation, code, errors };
  };
}

/** Every problem code each operation of a document lists, by `METHOD /path`. */
export function documentedCodes(document: Json): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const [path, item] of Object.entries((document.paths as Json | undefined) ?? {})) {
    for (const [verb, operation] of Object.entries(item as Json)) {
      if (!isObject(operation) || !isObject(operation.responses)) continue;
      const codes = new Set<string>();
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400) continue;
        const resolved = resolve(document, response, '');
        for (const code of resolved === undefined ? [] : codesOf(resolved[0]).keys())
          codes.add(code);
      }
      found.set(`${verb.toUpperCase()} ${path}`, codes);
    }
  }
  return found;
}
