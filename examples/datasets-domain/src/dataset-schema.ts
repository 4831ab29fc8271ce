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

/** A dataset as the API shows it (`Dataset`), as JSON Schema: the success responses use it. */
export const datasetSchema = {
  type: 'object',
  required: ['id', 'name', 'description', 'visibility', 'created_at'],
  properties: {
    id: {
      type: 'string',
      description: 'The base64url encoding (no padding) of `dataset-<suffix>`.',
      examples: ['ZGF0YXNldC10ZXN0'],
    },
    name: { type: 'string', minLength: 1, maxLength: 100 },
    description: { type: ['string', 'null'] },
    visibility: { type: 'string', enum: ['private', 'public'] },
    created_at: { type: 'string', format: 'date-time' },
  },
} as const;

/** The body of `GET /v2/datasets`: the datasets of the caller's space. */
export const datasetListSchema = {
  type: 'object',
  required: ['data'],
  properties: { data: { type: 'array', items: datasetSchema } },
} as const;

/** The path parameters of `/v2/datasets/:id`. */
export const datasetIdParamsSchema = {
  type: 'object',
  required: ['id'],
  properties: {
    id: { type: 'string', description: 'The id the API gave the dataset.' },
  },
} as const;
