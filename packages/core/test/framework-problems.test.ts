import { normalise } from '@faultline/core';
import {
  bodyTooLarge,
  declaresUtf8,
  malformedJson,
  malformedUrl,
  methodNotAllowed,
  parserRejection,
  rawHttpResponse,
  routeNotFound,
  unsupportedCharset,
  unsupportedMediaType,
} from '@faultline/core/adapter';

describe('the problems adapters raise for framework signals', () => {
  it('404 for a path no route serves', () => {
    expect(normalise(routeNotFound()).body).toMatchObject({
      status: 404,
      detail: 'No resource exists at this URL.',
      error_code: 'RESOURCE_NOT_FOUND',
    });
  });

  it('405 with the Allow of the methods served', () => {
    const response = normalise(methodNotAllowed('PUT', ['POST', 'GET']));
    expect(response.body).toMatchObject({
      status: 405,
      detail: 'The PUT method is not allowed on this resource.',
    });
    expect(response.headers.Allow).toBe('GET, HEAD, POST');
  });

  it('415 naming the exact types in the detail and every accepted type in Accept', () => {
    const response = normalise(
      unsupportedMediaType(['application/json', 'application/*+json'], 'POST'),
    );
    expect(response.body.detail).toBe('Content-Type must be application/json');
    expect(response.headers.Accept).toBe('application/json, application/*+json');
    expect(response.headers).not.toHaveProperty('Accept-Patch');
    expect(
      normalise(unsupportedMediaType(['application/*+json'], 'PATCH')).headers['Accept-Patch'],
    ).toBe('application/*+json');
  });

  it.each([
    ['{"a": }', "JSON parse error: unexpected token '}' at position 6."],
    ['  ', 'JSON parse error: the request body is empty.'],
    ['"text"', 'JSON parse error: the body must be a JSON object or array.'],
  ])('400 for the JSON body %j', (text, detail) => {
    expect(normalise(malformedJson(text)).body).toMatchObject({
      status: 400,
      detail,
      error_code: 'VALIDATION_ERROR',
    });
  });

  it('413 naming the limit when known', () => {
    expect(bodyTooLarge(100).detail).toBe(
      'The request body is larger than the limit of 100 bytes.',
    );
    expect(bodyTooLarge().status).toBe(413);
  });

  it('400 for a URL that does not decode', () => {
    expect(malformedUrl()).toMatchObject({ status: 400, code: 'VALIDATION_ERROR' });
  });
});

describe('requests no framework saw', () => {
  it.each([
    ['HPE_HEADER_OVERFLOW', 431, 'REQUEST_HEADER_FIELDS_TOO_LARGE'],
    ['ERR_HTTP_REQUEST_TIMEOUT', 408, 'REQUEST_TIMEOUT'],
    ['HPE_INVALID_METHOD', 400, 'VALIDATION_ERROR'],
    [undefined, 400, 'VALIDATION_ERROR'],
  ])('%s → %i %s', (code, status, errorCode) => {
    const { body } = normalise(parserRejection(code));
    expect(body).toMatchObject({ status, error_code: errorCode });
  });

  it('writes a whole HTTP/1.1 response that closes the connection, with the byte length of the body', () => {
    const response = normalise(parserRejection('HPE_HEADER_OVERFLOW'));
    const payload = JSON.stringify({ ...response.body, detail: 'é' });
    const raw = rawHttpResponse(response, payload);
    expect(raw.startsWith('HTTP/1.1 431 Request Header Fields Too Large\r\n')).toBe(true);
    expect(raw).toContain('Content-Type: application/problem+json\r\n');
    expect(raw).toContain(
      `Content-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n${payload}`,
    );
  });

  it('415 for a charset other than UTF-8', () => {
    expect(unsupportedCharset()).toMatchObject({
      status: 415,
      detail: 'JSON request bodies must be encoded in UTF-8.',
    });
  });
});

it('treats only JSON whitespace as an empty body', () => {
  expect(malformedJson('\u00a0').detail).toBe(
    'JSON parse error: unexpected token U+00A0 at position 0.',
  );
});

it('counts Content-Length in UTF-8 bytes, surrogate pairs and lone surrogates included', () => {
  const response = normalise(parserRejection(undefined));
  for (const payload of ['a', 'é', '€', '😀', '\ud800', 'x\udc00y']) {
    expect(rawHttpResponse(response, payload)).toContain(
      `Content-Length: ${Buffer.byteLength(payload)}\r\n`,
    );
  }
});

it.each([
  [undefined, true],
  ['application/json', true],
  ['application/json; charset=UTF-8', true],
  ['application/json; charset="utf8"', true],
  ['application/json; charset=', false],
  ['application/json; charset=""', false],
  ['application/json; charset=latin1; charset=utf-8', false],
])('declaresUtf8(%j) is %s', (contentType, expected) => {
  expect(declaresUtf8(contentType)).toBe(expected);
});
