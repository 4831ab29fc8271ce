import {
  bodyTooLarge,
  malformedJson,
  malformedUrl,
  methodNotAllowed,
  normalise,
  routeNotFound,
  unsupportedMediaType,
} from '@faultline/core';

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
