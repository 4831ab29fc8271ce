/**
 * JSON Schema (2020-12) of the problem documents faultline writes: RFC 9457 Appendix A, narrowed
 * to what we promise (an error status, an `error_code` only on 4xx, `errors` entries with pointers).
 * Extension members stay open, as the RFC requires.
 */
export const problemDocumentSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://faultline.dev/schemas/problem-details.json',
  title: 'Problem Details (RFC 9457)',
  type: 'object',
  required: ['status', 'title', 'type'],
  properties: {
    status: { type: 'integer', minimum: 400, maximum: 599 },
    title: { type: 'string', minLength: 1 },
    type: { type: 'string', format: 'uri-reference', minLength: 1 },
    detail: { type: 'string' },
    instance: { type: 'string', format: 'uri-reference' },
    error_code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['detail', 'pointer'],
        properties: {
          detail: { type: 'string' },
          pointer: { type: 'string', pattern: '^#(/.*)?$' },
          in: { enum: ['path', 'query', 'header'] },
        },
      },
    },
  },
  if: { properties: { status: { type: 'integer', minimum: 500 } } },
  // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword.
  then: { not: { required: ['error_code'] } },
  else: { required: ['error_code'] },
} as const;
