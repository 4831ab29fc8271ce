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
      get: (name) => headers.get(name.toLowerCase()),
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
    applyProblemHeaders(writer, problem, 404);
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
    applyProblemHeaders(writer, problem, 404);
    expect(headers.get(name.toLowerCase())).toBe(value);
  });

  it("keeps the application's challenge and Retry-After, and adds the problem's only where none is set", () => {
    const kept = response({ 'WWW-Authenticate': 'Basic realm="legacy"', 'Retry-After': '30' });
    applyProblemHeaders(
      kept.writer,
      { ...problem, 'WWW-Authenticate': 'Bearer', 'Retry-After': '60' },
      401,
    );
    expect(kept.headers.get('www-authenticate')).toBe('Basic realm="legacy"');
    expect(kept.headers.get('retry-after')).toBe('30');

    const added = response({});
    applyProblemHeaders(
      added.writer,
      { ...problem, 'WWW-Authenticate': 'Bearer', 'Retry-After': '60' },
      401,
    );
    expect(added.headers.get('www-authenticate')).toBe('Bearer');
    expect(added.headers.get('retry-after')).toBe('60');
  });

  it("adds a problem's cookie to the application's, erasing none", () => {
    const { headers, writer } = response({ 'Set-Cookie': 'session=1' });
    applyProblemHeaders(writer, { ...problem, 'Set-Cookie': 'flash=denied' }, 403);
    expect(headers.get('set-cookie')).toBe('session=1\nflash=denied');
  });

  it("replaces the rest with the problem's own: media type, Allow, Accept", () => {
    const { headers, writer } = response({
      'Content-Type': 'text/csv',
      Allow: 'PUT',
      Accept: 'text/csv',
    });
    applyProblemHeaders(
      writer,
      { ...problem, Allow: 'GET, HEAD', Accept: 'application/json', 'Cache-Control': 'no-store' },
      405,
    );
    expect(Object.fromEntries(headers)).toEqual({
      'content-type': 'application/problem+json',
      'x-content-type-options': 'nosniff',
      allow: 'GET, HEAD',
      accept: 'application/json',
      'cache-control': 'no-store',
    });
  });

  it("keeps the application's own Cache-Control, except on a 429", () => {
    const kept = response({ 'Cache-Control': 'public, max-age=3600' });
    applyProblemHeaders(kept.writer, { ...problem, 'Cache-Control': 'no-store' }, 404);
    expect(kept.headers.get('cache-control')).toBe('public, max-age=3600');

    const replaced = response({ 'Cache-Control': 'public, max-age=3600' });
    applyProblemHeaders(replaced.writer, { ...problem, 'Cache-Control': 'no-store' }, 429);
    expect(replaced.headers.get('cache-control')).toBe('no-store');
  });

  it("adds the problem's Vary fields to the application's, each once", () => {
    const merged = response({ Vary: 'Origin, accept' });
    applyProblemHeaders(merged.writer, { ...problem, Vary: 'Accept, Accept-Language' }, 404);
    expect(merged.headers.get('vary')).toBe('Origin, accept, Accept-Language');

    const star = response({ Vary: '*' });
    applyProblemHeaders(star.writer, { ...problem, Vary: 'Accept' }, 404);
    expect(star.headers.get('vary')).toBe('*');

    const fresh = response({});
    applyProblemHeaders(fresh.writer, { ...problem, Vary: 'Accept' }, 404);
    expect(fresh.headers.get('vary')).toBe('Accept');
  });
});
