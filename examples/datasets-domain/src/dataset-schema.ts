/**
 * The body of `POST /v2/datasets`, as JSON Schema: Fastify validates it on the route, the
 * Express app with Ajv, so both refuse exactly the same bodies.
 */
export const newDatasetSchema = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100 },
    description: { type: 'string', maxLength: 1000 },
    visibility: { type: 'string', enum: ['private', 'public'] },
  },
} as const;

/**
 * The Ajv options both apps validate with. No coercion (`42` stays a number and is refused),
 * every failure reported (each one lands in `errors`), nothing removed or defaulted behind the
 * caller's back.
 */
export const validatorOptions = {
  coerceTypes: false,
  allErrors: true,
  removeAdditional: false,
  useDefaults: false,
} as const;
