import { describeJsonParseError, findJsonSyntaxError } from '@faultline/core/adapter';
import fc from 'fast-check';

describe('describeJsonParseError', () => {
  it.each([
    ['{"a": }', "JSON parse error: unexpected token '}' at position 6."],
    ['{"a":1', 'JSON parse error: unexpected end of input at position 6.'],
    ['[1,2,]', "JSON parse error: unexpected token ']' at position 5."],
    ['{}x', "JSON parse error: unexpected token 'x' at position 2."],
    ['', 'JSON parse error: unexpected end of input at position 0.'],
    ['{"a":"\u0001"}', 'JSON parse error: unexpected token U+0001 at position 6.'],
    ["{'a':1}", 'JSON parse error: unexpected token U+0027 at position 1.'],
    ['01', "JSON parse error: unexpected token '1' at position 1."],
    ['{"a" 1}', "JSON parse error: unexpected token '1' at position 5."],
    ['{,}', "JSON parse error: unexpected token ',' at position 1."],
    ['{"a":1,}', "JSON parse error: unexpected token '}' at position 7."],
    ['nul', 'JSON parse error: unexpected end of input at position 3.'],
    ['"\\x"', "JSON parse error: unexpected token '\\' at position 1."],
  ])('%j → %s', (text, message) => {
    expect(describeJsonParseError(text)).toBe(message);
  });

  it('never quotes more than one character of the body', () => {
    const secret = `{"password": "${'s'.repeat(100)}" oops}`;
    const message = describeJsonParseError(secret);
    expect(message).not.toContain('ss');
    expect(message.length).toBeLessThan(80);
  });

  it('survives nesting far deeper than any call stack', () => {
    const deep = '['.repeat(1_000_000);
    expect(describeJsonParseError(deep)).toBe(
      'JSON parse error: unexpected end of input at position 1000000.',
    );
  });

  it('agrees with JSON.parse on what is valid, for any text', () => {
    const jsonish = fc.oneof(
      fc.json(),
      fc.string(),
      fc
        .json()
        .chain((json) =>
          fc.nat({ max: json.length }).map((cut) => json.slice(0, cut) + json.slice(cut + 1)),
        ),
      fc
        .json()
        .chain((json) =>
          fc
            .tuple(
              fc.nat({ max: json.length }),
              fc.constantFrom('}', ']', ',', ':', '"', 'x', ' ', '\\'),
            )
            .map(([at, char]) => json.slice(0, at) + char + json.slice(at)),
        ),
    );
    fc.assert(
      fc.property(jsonish, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(findJsonSyntaxError(text) === undefined).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('regressions', () => {
  it('scans a string of millions of characters without overflowing the stack', () => {
    const huge = `{"a":"${'a'.repeat(12_000_000)}`;
    expect(describeJsonParseError(huge)).toBe(
      `JSON parse error: unexpected end of input at position ${huge.length}.`,
    );
  });
});
