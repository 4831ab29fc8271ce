import { allowHeader, wwwAuthenticate } from '@faultline/core/adapter';

describe('allowHeader', () => {
  it('upper-cases, de-duplicates and sorts, adding HEAD beside GET', () => {
    expect(allowHeader(['post', 'GET', 'get', 'DELETE'])).toBe('DELETE, GET, HEAD, POST');
    expect(allowHeader(['PUT'])).toBe('PUT');
    expect(allowHeader([])).toBe('');
  });

  it('refuses anything that is not a method token', () => {
    expect(() => allowHeader(['GET\r\nX-Injected: 1'])).toThrow(/not an HTTP method/);
  });
});

describe('wwwAuthenticate', () => {
  it('builds a challenge with quoted parameters', () => {
    expect(wwwAuthenticate({})).toBe('Bearer');
    expect(wwwAuthenticate({ realm: 'data"sets' }, 'invalid_token')).toBe(
      'Bearer realm="data\\"sets", error="invalid_token"',
    );
    expect(wwwAuthenticate({ scheme: 'Basic', realm: 'r' })).toBe('Basic realm="r"');
  });
});
