import { applyProblemHeaders, type HeaderWriter } from '@faultline/core/adapter';

/** A response's headers as a plain map, behind the writer interface adapters implement. */
function response(initial: Record<string, string>): {
  headers: Map<string, string>;
  writer: HeaderWriter;
} {
  const headers = new Map(
    Object.entries(initial).map(([name, value]) => [name.toLowerCase(), value]),
  );
  return {
    headers,
    writer: {
      names: () => [...headers.keys()],
      remove: (name) => headers.delete(name.toLowerCase()),
      set: (name, value) => headers.set(name.toLowerCase(), value),
      append: (name, value) => {
        const lower = name.toLowerCase();
        const current = headers.get(lower);
        headers.set(lower, current === undefined ? value : `${current}\n${value}`);
      },
    },
  };
}

const problem = {
  'Content-Type': 'application/problem+json',
  'X-Content-Type-Options': 'nosniff',
};

describe('the headers a problem keeps from the response it replaces', () => {
  it.each([
    'Content-Encoding',
    'Content-Language',
    'Content-Length',
    'Content-Range',
    'Content-Disposition',
    'Content-Location',
    'Content-MD5',
    'Content-Digest',
    'Repr-Digest',
    'Digest',
    'ETag',
    'Last-Modified',
    'Transfer-Encoding',
  ])('drops %s, which described the lost body', (name) => {
    const { headers, writer } = response({ [name]: 'x' });
    applyProblemHeaders(writer, problem);
    expect(headers.has(name.toLowerCase())).toBe(false);
  });

  it.each([
    ['Access-Control-Allow-Origin', 'https://app.example'],
    ['Strict-Transport-Security', 'max-age=63072000'],
    ['X-Frame-Options', 'DENY'],
    ['RateLimit-Limit', '100'],
    ['X-RateLimit-Remaining', '0'],
    ['Vary', 'Origin'],
    ['Set-Cookie', 'session=1'],
    ['X-Request-Id', 'abc'],
  ])('keeps %s', (name, value) => {
    const { headers, writer } = response({ [name]: value });
    applyProblemHeaders(writer, problem);
    expect(headers.get(name.toLowerCase())).toBe(value);
  });

  it("keeps the application's challenge and Retry-After, and adds the problem's only where none is set", () => {
    const kept = response({ 'WWW-Authenticate': 'Basic realm="legacy"', 'Retry-After': '30' });
    applyProblemHeaders(kept.writer, {
      ...problem,
      'WWW-Authenticate': 'Bearer',
      'Retry-After': '60',
    });
    expect(kept.headers.get('www-authenticate')).toBe('Basic realm="legacy"');
    expect(kept.headers.get('retry-after')).toBe('30');

    const added = response({});
    applyProblemHeaders(added.writer, {
      ...problem,
      'WWW-Authenticate': 'Bearer',
      'Retry-After': '60',
    });
    expect(added.headers.get('www-authenticate')).toBe('Bearer');
    expect(added.headers.get('retry-after')).toBe('60');
  });

  it("adds a problem's cookie to the application's, erasing none", () => {
    const { headers, writer } = response({ 'Set-Cookie': 'session=1' });
    applyProblemHeaders(writer, { ...problem, 'Set-Cookie': 'flash=denied' });
    expect(headers.get('set-cookie')).toBe('session=1\nflash=denied');
  });

  it("replaces the rest with the problem's own: media type, Allow, Accept, Cache-Control", () => {
    const { headers, writer } = response({
      'Content-Type': 'text/csv',
      Allow: 'PUT',
      Accept: 'text/csv',
      'Cache-Control': 'public, max-age=3600',
    });
    applyProblemHeaders(writer, {
      ...problem,
      Allow: 'GET, HEAD',
      Accept: 'application/json',
      'Cache-Control': 'no-store',
    });
    expect(Object.fromEntries(headers)).toEqual({
      'content-type': 'application/problem+json',
      'x-content-type-options': 'nosniff',
      allow: 'GET, HEAD',
      accept: 'application/json',
      'cache-control': 'no-store',
    });
  });
});
