import type { ProblemDocument } from '@faultline/core';
import problemStringify from './problem-stringify.generated.js';

/**
 * Generated ahead of time by fast-json-stringify's standalone mode (the problem schema is in
 * `scripts/problem-stringify.cjs`): as fast as the serializer Fastify compiles for a response
 * schema, byte-for-byte what `JSON.stringify` writes for a problem document, and nothing compiled
 * (nor Ajv loaded) when the package is imported.
 */
const stringify: (body: object) => string = problemStringify;

/**
 * fast-json-stringify writes an extension member as `JSON.stringify(value)` gives it, so one
 * whose `toJSON()` returns `undefined` would come out as `"name":undefined`, which is not JSON.
 * Such members are resolved first, as `JSON.stringify` would: a value `undefined` is left out.
 */
function withExtensionsResolved(body: ProblemDocument): ProblemDocument {
  let resolved: Record<string, unknown> | undefined;
  for (const name in body) {
    const value = body[name];
    if (typeof value === 'object' && value !== null) {
      const toJSON = (value as { toJSON?: unknown }).toJSON;
      if (typeof toJSON === 'function') {
        resolved ??= { ...body };
        resolved[name] = toJSON.call(value, name);
      }
    }
  }
  return (resolved as ProblemDocument | undefined) ?? body;
}

/** Serialises a problem document. */
export function serializeProblem(body: ProblemDocument): string {
  return stringify(withExtensionsResolved(body));
}

/**
 * Installed with `reply.serializer()` so that the pre-serialised body is sent as it is: no route
 * response schema, `setReplySerializer` or preSerialization hook sees (or strips) it, and Fastify
 * adds no charset parameter to the media type.
 */
export function sendAsIs(payload: unknown): string {
  return payload as string;
}
