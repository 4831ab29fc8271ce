import { PROBLEM_CONTENT_TYPE } from '@faultline/core';

/** What the page and the Markdown say under their heading, unless told otherwise. */
export const defaultIntroduction = `Every error response of this API has Content-Type: ${PROBLEM_CONTENT_TYPE} and a body in the RFC 9457 Problem Details format. Each problem type below is the target of the type URI its responses carry.`;

/** The members of a problem document, as the schema, the page and the Markdown describe them. */
export interface FieldDescription {
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
  readonly description: string;
}

export const problemFields: readonly FieldDescription[] = [
  {
    name: 'status',
    type: 'integer',
    required: true,
    description: 'The HTTP status code of the response, repeated in the body.',
  },
  {
    name: 'title',
    type: 'string',
    required: true,
    description:
      'A short summary of the problem type. It is the same for every occurrence of the type.',
  },
  {
    name: 'type',
    type: 'string (URI)',
    required: true,
    description:
      'A URI that identifies the problem type and points to its section of this page. Route errors on it, or on error_code.',
  },
  {
    name: 'detail',
    type: 'string',
    required: false,
    description: 'What went wrong this time, written for a person, often with what to change.',
  },
  {
    name: 'instance',
    type: 'string (URI reference)',
    required: false,
    description: 'A URI reference naming this occurrence, such as the path of the request.',
  },
  {
    name: 'error_code',
    type: 'string (enum)',
    required: false,
    description:
      'A stable, machine-readable code for the exact problem, on every 4xx response and never on a 5xx. Branch on it instead of parsing detail.',
  },
  {
    name: 'errors',
    type: 'array',
    required: false,
    description:
      'On validation problems: one entry per failure, each with a detail and a JSON Pointer (pointer) to the offending value.',
  },
];

/** What the headers a problem response may carry mean to the client. */
export const headerDescriptions: Readonly<Record<string, string>> = {
  'retry-after': 'Seconds to wait before sending the request again.',
  'www-authenticate': 'The authentication scheme (and realm) the server expects.',
  allow: 'The methods the resource serves.',
  accept: 'The media types the endpoint reads.',
  'accept-patch': 'The media types the endpoint reads in a PATCH.',
  'cache-control': 'How long the answer may be cached: never, for a problem.',
};

/** Headers every problem response carries, which say nothing about the problem. */
export const everyResponseHeader: ReadonlySet<string> = new Set([
  'content-type',
  'x-content-type-options',
]);
