import { requestTargetInstance, requestTargetPath } from '@faultline/core/adapter';
import fc from 'fast-check';

describe('requestTargetPath', () => {
  it.each([
    ['/datasets/7?page=2', '/datasets/7'],
    ['/datasets/7', '/datasets/7'],
    ['/?', '/'],
    ['http://api.example.com/datasets?page=2', '/datasets'],
    ['https://api.example.com', '/'],
    ['http://api.example.com?x=1', '/'],
    ['*', '/'],
    ['', '/'],
  ])('%p → %p', (target, path) => {
    expect(requestTargetPath(target)).toBe(path);
  });
});

describe('requestTargetInstance', () => {
  it.each([
    ['/datasets/7?q={x}', '/datasets/7'],
    ['/a{b}|c^d`e\\f', '/a%7Bb%7D%7Cc%5Ed%60e%5Cf'],
    ['/a<b>"c"#d', '/a%3Cb%3E%22c%22%23d'],
    ['/v2/datasets/%', '/v2/datasets/%25'],
    ['/%41%zz', '/%41%25zz'],
    ["/a-b_c.d~e!$&'()*+,;=:@", "/a-b_c.d~e!$&'()*+,;=:@"],
    ['//evil.example/x', '/%2Fevil.example/x'],
    ['http://host//evil.example/x', '/%2Fevil.example/x'],
    // Node refuses raw non-ASCII bytes; Unicode comes from an application rewriting the URL.
    ['/café', '/caf%C3%A9'],
    ['/snow\u2603', '/snow%E2%98%83'],
    ['/lone\ud800', '/lone%EF%BF%BD'],
  ])('%p → %p', (target, instance) => {
    expect(requestTargetInstance(target)).toBe(instance);
  });

  it('always gives a path-absolute URI reference, whatever the target', () => {
    const pathAbsolute = /^\/(?!\/)(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2}|%[0-9a-f]{2})*$/;
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (target) => {
        expect(requestTargetInstance(target)).toMatch(pathAbsolute);
      }),
      { numRuns: 2000 },
    );
  });
});
