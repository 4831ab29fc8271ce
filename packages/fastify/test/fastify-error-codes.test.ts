import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastify5 from 'fastify';
import fastify4 from 'fastify4';
import { build, versions } from './helpers';

/** Every FST_ERR_* code that can reach a handler while serving a request, and its answer. */
const answered: readonly (readonly [
  code: string,
  status: number,
  errorCode: string | undefined,
])[] = [
  ['FST_ERR_CTP_INVALID_JSON_BODY', 400, 'VALIDATION_ERROR'],
  ['FST_ERR_CTP_EMPTY_JSON_BODY', 400, 'VALIDATION_ERROR'],
  ['FST_ERR_CTP_INVALID_CONTENT_LENGTH', 400, 'VALIDATION_ERROR'],
  ['FST_ERR_BAD_URL', 400, 'VALIDATION_ERROR'],
  ['FST_ERR_NOT_FOUND', 404, 'RESOURCE_NOT_FOUND'],
  ['FST_ERR_CTP_BODY_TOO_LARGE', 413, 'PAYLOAD_TOO_LARGE'],
  ['FST_ERR_MAX_PARAM_LENGTH', 414, 'URI_TOO_LONG'],
  ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ['FST_ERR_ROUTE_MISSING_CONTENT_TYPE', 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ['FST_ERR_HANDLER_TIMEOUT', 503, undefined],
  ['FST_ERR_SEND_UNDEFINED_ERR', 500, undefined],
  ['FST_ERR_BAD_STATUS_CODE', 500, undefined],
  ['FST_ERR_REP_INVALID_PAYLOAD_TYPE', 500, undefined],
  ['FST_ERR_REP_RESPONSE_BODY_CONSUMED', 500, undefined],
  ['FST_ERR_REP_READABLE_STREAM_LOCKED', 500, undefined],
  ['FST_ERR_BAD_TRAILER_NAME', 500, undefined],
  ['FST_ERR_BAD_TRAILER_VALUE', 500, undefined],
  ['FST_ERR_MISSING_SERIALIZATION_FN', 500, undefined],
  ['FST_ERR_MISSING_CONTENTTYPE_SERIALIZATION_FN', 500, undefined],
  ['FST_ERR_REQ_INVALID_VALIDATION_INVOCATION', 500, undefined],
  ['FST_ERR_ASYNC_CONSTRAINT', 500, undefined],
];
const neverAnswered = [
  'FST_ERR_FAILED_ERROR_SERIALIZATION',
  'FST_ERR_REP_ALREADY_SENT',
  'FST_ERR_SEND_INSIDE_ONERR',
];

type ErrorCodes = Record<string, new () => Error>;
const errorCodes: Record<4 | 5, ErrorCodes> = {
  5: (fastify5 as unknown as { errorCodes: ErrorCodes }).errorCodes,
  4: (fastify4 as unknown as { errorCodes: ErrorCodes }).errorCodes,
};

describe.each(versions)("%s: Fastify's error codes", (_name, version) => {
  let app: FastifyInstance;
  const codes = errorCodes[version.major];
  beforeAll(async () => {
    app = await build(version, (app) =>
      app.get('/throw/:code', async (request) => {
        const { code } = request.params as { code: string };
        throw new (codes[code] as new () => Error)();
      }),
    );
  });
  afterAll(() => app.close());

  const present = answered.filter(([code]) => codes[code] !== undefined);

  it.each(present)('answers %s with %i %s', async (code, status, errorCode) => {
    const response = await app.inject({ url: `/throw/${code}` });
    expect(response.statusCode).toBe(status);
    const body = response.json() as Record<string, unknown>;
    expect(body.status).toBe(status);
    expect(body.error_code).toBe(errorCode);
    if (status >= 500 && status !== 503) expect(body.detail).toBe('An unexpected error occurred.');
  });
});

describe('the README', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

  it.each(answered)('lists %s as %i %s', (code, status, errorCode) => {
    const row = `| \`${code}\` | ${status} | ${errorCode === undefined ? '—' : `\`${errorCode}\``} |`;
    expect(readme).toContain(row);
  });

  it.each(neverAnswered)('lists %s as never reaching a handler', (code) => {
    expect(readme).toContain(`| \`${code}\` | — | — | never reaches a handler`);
  });

  it('lists FST_ERR_VALIDATION', () => {
    expect(readme).toContain('| `FST_ERR_VALIDATION` | 400 / 415 / 422 | per keyword |');
  });

  it('lists no code it does not answer', () => {
    const listed = [...readme.matchAll(/^\| `(FST_ERR_[A-Z_]+)` \|/gm)].map((match) => match[1]);
    const known = new Set([
      ...answered.map(([code]) => code),
      ...neverAnswered,
      'FST_ERR_VALIDATION',
    ]);
    expect(listed.filter((code) => !known.has(code ?? ''))).toEqual([]);
    expect(new Set(listed).size).toBe(known.size);
  });
});
