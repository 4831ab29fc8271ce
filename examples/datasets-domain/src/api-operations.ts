import type { DefaultErrorCode } from '@faultline/core';
import {
  datasetIdParamsSchema,
  datasetListSchema,
  datasetSchema,
  newDatasetSchema,
} from './dataset-schema.js';

/** What both apps' OpenAPI documents say about the API as a whole. */
export const apiInfo = {
  title: 'Datasets API',
  version: '2.0.0',
  description:
    'Datasets in spaces, behind Bearer keys. Every failure is an RFC 9457 problem (`application/problem+json`) whose `type` is documented on the error page, `/docs/errors`.',
  license: { name: 'MIT', identifier: 'MIT' },
} as const;

/** Where the API is: the server that serves the document (a relative URL). */
export const apiServers = [
  { url: '/', description: 'The server that serves this document.' },
] as const;

/** The tags the operations are grouped by. */
export const apiTags = [
  { name: 'datasets', description: 'Create, read, list and delete datasets.' },
  { name: 'demo', description: 'Routes that fail on purpose, to show the problem responses.' },
] as const;

/** The one security scheme: `Authorization: Bearer <key>`. */
export const bearerScheme = {
  type: 'http',
  scheme: 'bearer',
  description: 'An API key: `demo-admin-key`, `demo-reader-key` or `other-space-key`.',
} as const;

/** A success answer of an operation: its status, and a JSON body schema unless it has none. */
export interface SuccessResponse {
  readonly status: 200 | 201 | 204;
  readonly description: string;
  readonly schema?: object;
}

/**
 * One operation of the API, as both apps document it. `problems` are the codes the handler and
 * the authentication in front of it answer with; what follows from the route itself (its body,
 * the rate limit, the 500 any handler may end in) each app's documentation adds.
 */
export interface DatasetOperation {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** The route as both routers write it, `:id` for a parameter. */
  readonly route: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tag: (typeof apiTags)[number]['name'];
  readonly params?: object;
  readonly body?: object;
  readonly success: SuccessResponse;
  readonly problems: readonly DefaultErrorCode[];
}

/** Every `/v2` route checks the Bearer key first. */
const authentication = ['AUTHENTICATION_REQUIRED', 'INVALID_CREDENTIALS'] as const;
/** A database that cannot be reached answers 503 (`@faultline/db`). */
const database = 'SERVICE_UNAVAILABLE';
/** An id that is not one (400 INVALID_ID), or a path not correctly percent-encoded (400). */
const datasetPath = ['INVALID_ID', 'VALIDATION_ERROR'] as const;

/**
 * The operations of the Datasets API, in the order both apps declare their routes.
 *
 * @example datasetOperations.find((operation) => operation.operationId === 'getDataset')?.route
 * // '/v2/datasets/:id'
 */
export const datasetOperations: readonly DatasetOperation[] = [
  {
    method: 'GET',
    route: '/v2/datasets',
    operationId: 'listDatasets',
    summary: "List the datasets of the caller's space",
    tag: 'datasets',
    success: {
      status: 200,
      description: "The datasets of the caller's space.",
      schema: datasetListSchema,
    },
    problems: [...authentication, database],
  },
  {
    method: 'POST',
    route: '/v2/datasets',
    operationId: 'createDataset',
    summary: 'Create a dataset',
    tag: 'datasets',
    body: newDatasetSchema,
    success: { status: 201, description: 'The dataset, created.', schema: datasetSchema },
    problems: [...authentication, 'ACCESS_DENIED', 'RESOURCE_ALREADY_EXISTS', database],
  },
  {
    method: 'GET',
    route: '/v2/datasets/:id',
    operationId: 'getDataset',
    summary: 'Read a dataset',
    tag: 'datasets',
    params: datasetIdParamsSchema,
    success: { status: 200, description: 'The dataset.', schema: datasetSchema },
    problems: [...authentication, ...datasetPath, 'RESOURCE_NOT_FOUND', database],
  },
  {
    method: 'DELETE',
    route: '/v2/datasets/:id',
    operationId: 'deleteDataset',
    summary: 'Delete a dataset',
    tag: 'datasets',
    params: datasetIdParamsSchema,
    success: { status: 204, description: 'The dataset is deleted.' },
    problems: [...authentication, ...datasetPath, 'RESOURCE_NOT_FOUND', 'ACCESS_DENIED', database],
  },
  {
    method: 'GET',
    route: '/v2/_demo/crash',
    operationId: 'demoCrash',
    summary: 'A handler bug: always 500',
    tag: 'demo',
    success: { status: 200, description: 'Never: the handler throws.' },
    problems: [...authentication],
  },
  {
    method: 'GET',
    route: '/v2/_demo/upstream',
    operationId: 'demoUpstream',
    summary: 'An upstream call that fails: always 502',
    tag: 'demo',
    success: { status: 200, description: 'Never: the upstream call fails.' },
    problems: [...authentication, 'BAD_GATEWAY'],
  },
  {
    method: 'GET',
    route: '/v2/_demo/maintenance',
    operationId: 'demoMaintenance',
    summary: 'The service in maintenance: always 503',
    tag: 'demo',
    success: { status: 200, description: 'Never: the service is in maintenance.' },
    problems: [...authentication, 'SERVICE_UNAVAILABLE'],
  },
];

/**
 * The operation with this id; throws for an id the table does not have, so a typo fails at
 * start-up.
 */
export function datasetOperation(operationId: string): DatasetOperation {
  const found = datasetOperations.find((operation) => operation.operationId === operationId);
  if (found === undefined) {
    throw new TypeError(`@faultline-examples/datasets-domain: no operation ${operationId}`);
  }
  return found;
}
