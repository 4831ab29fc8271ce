import fc from 'fast-check';
import { asUriReference } from '../src/uri-reference';
import { isValidProblem } from './problem-schema';

const isUriReference = (instance: string) =>
  isValidProblem({
    status: 404,
    title: 'Not Found',
    type: 'about:blank',
    error_code: 'RESOURCE_NOT_FOUND',
    instance,
  });

describe('asUriReference', () => {
  it.each([
    '/datasets/7',
    '',
    'https://api.example.com/occurrences/7?attempt=2#top',
    'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e',
    '//api.example.com:8443/x',
    'tag:example.com,2026:problem/42',
    '/a%20b',
  ])('leaves a URI reference as it is: %p', (value) => {
    expect(asUriReference(value)).toBe(value);
    expect(isUriReference(value)).toBe(true);
  });

  it.each([
    ['/datasets/my report "Q1"', '/datasets/my%20report%20%22Q1%22'],
    ['/datasets/café', '/datasets/caf%C3%A9'],
    ['/a{b}|c\\d^e`f<g>', '/a%7Bb%7D%7Cc%5Cd%5Ee%60f%3Cg%3E'],
    ['/100%', '/100%25'],
    ['/a#b#c', '/a#b%23c'],
    ['/[x]', '/%5Bx%5D'],
    ['//host:port/x', '//host%3Aport/x'],
    ['http://user@a:b:8080/x', 'http://user@a%3Ab:8080/x'],
    ['//a@b@c/x', '//a%40b@c/x'],
    ['/lone\ud800', '/lone%EF%BF%BD'],
  ])('encodes what a URI cannot hold: %p → %p', (value, expected) => {
    expect(asUriReference(value)).toBe(expected);
    expect(isUriReference(expected)).toBe(true);
  });

  it('gives a URI reference for any string, and changes nothing a second time', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const once = asUriReference(value);
        expect(isUriReference(once)).toBe(true);
        expect(asUriReference(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives a URI reference for strings made of URI characters in any order', () => {
    const uriCharacter = fc.constantFrom(...":/?#[]@!$&'()*+,;=%-._~aZ09".split(''));
    fc.assert(
      fc.property(fc.string({ unit: uriCharacter, maxLength: 24 }), (value) => {
        expect(isUriReference(asUriReference(value))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('gives a URI reference for any authority', () => {
    const authorityCharacter = fc.constantFrom(...'@:a1%/[]#?.'.split(''));
    fc.assert(
      fc.property(
        fc.constantFrom('', 'http:', 'a+b:'),
        fc.string({ unit: authorityCharacter, maxLength: 16 }),
        (scheme, rest) => {
          expect(isUriReference(asUriReference(`${scheme}//${rest}`))).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
  });
});
