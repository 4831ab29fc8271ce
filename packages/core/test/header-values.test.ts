import { challengeError, isAllowValue, isChallengeValue, isRetryAfterValue } from '../src/headers';

describe('isRetryAfterValue', () => {
  it.each(['0', '120', '86400'])('takes delay-seconds %j', (value) => {
    expect(isRetryAfterValue(value)).toBe(true);
  });

  it('takes an IMF-fixdate that names a real moment', () => {
    expect(isRetryAfterValue('Wed, 21 Oct 2026 07:28:00 GMT')).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['signed', '-1'],
    ['hexadecimal', '0x10'],
    ['exponent', '1e3'],
    ['fraction', '1.5'],
    ['padded', ' 7'],
    ['ISO 8601', '2026-10-21T07:28:00Z'],
    ['the wrong weekday', 'Tue, 21 Oct 2026 07:28:00 GMT'],
    ['a day the month lacks', 'Sat, 31 Feb 2026 07:28:00 GMT'],
    ['another zone', 'Wed, 21 Oct 2026 07:28:00 UTC'],
    ['a header injection', '7\r\nSet-Cookie: a=b'],
  ])('refuses %s', (_what, value) => {
    expect(isRetryAfterValue(value)).toBe(false);
  });
});

describe('isAllowValue', () => {
  it.each(['GET', 'GET, HEAD', 'GET,HEAD', '', ' PUT '])('takes %j', (value) => {
    expect(isAllowValue(value)).toBe(true);
  });

  it.each(['GET,', ', GET', 'GET; rm', 'GE T', 'GET, "HEAD"', 'GET\r\nX: y'])(
    'refuses %j',
    (value) => {
      expect(isAllowValue(value)).toBe(false);
    },
  );
});

describe('isChallengeValue', () => {
  it.each([
    'Bearer',
    'Bearer realm="Users", error="invalid_token"',
    'Bearer realm="Users",error=invalid_token',
    'Basic realm="files", charset="UTF-8"',
    'Negotiate a87421000492aa874209af8bc028==',
    'Basic realm="a", Bearer',
    'Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"',
  ])('takes %j', (value) => {
    expect(isChallengeValue(value)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['an unclosed quoted-string', 'Bearer realm="unclosed'],
    ['a trailing comma', 'Bearer realm="x",'],
    ['a parameter with two equals signs', 'Bearer a=b=c'],
    ['a scheme that is not a token', '"Bearer"'],
    ['a line break', 'Bearer realm="x"\r\nSet-Cookie: a=b'],
    ['a NUL', 'Bearer realm="\u0000"'],
    ['non-ASCII', 'Bearer realm="Zürich"'],
    ['junk after a parameter', 'Bearer realm="x" junk'],
  ])('refuses %s', (_what, value) => {
    expect(isChallengeValue(value)).toBe(false);
  });

  it('reads a long list of parameters to its end', () => {
    const value = `Bearer ${'a=b, '.repeat(20_000)}c="`;
    expect(isChallengeValue(value)).toBe(false);
    expect(isChallengeValue(`Bearer ${'a="b", '.repeat(20_000)}c=d`)).toBe(true);
  });
});

describe('challengeError', () => {
  it("reads RFC 6750's error attribute, quoted or not, whatever the case of its name", () => {
    expect(challengeError('Bearer realm="Users", error="invalid_token"')).toBe('invalid_token');
    expect(challengeError('Bearer ERROR=invalid_token')).toBe('invalid_token');
  });

  it('finds none in a bare challenge, and none inside a quoted-string', () => {
    expect(challengeError('Bearer')).toBeUndefined();
    expect(challengeError('Bearer realm="error=\\"invalid_token\\""')).toBeUndefined();
  });

  it('finds none in a value that is not a challenge', () => {
    expect(challengeError('Bearer error="invalid_token')).toBeUndefined();
  });
});
