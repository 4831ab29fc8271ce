import { prefersProblemXml } from '../src/accept';

describe('which problem media type the client prefers', () => {
  it.each([
    'application/problem+xml',
    'application/xml',
    'application/problem+xml, application/problem+json;q=0.9',
    'application/json;q=0.5, application/xml',
    'text/html, application/problem+xml;q=0.8',
    'APPLICATION/PROBLEM+XML',
    'application/problem+json;q=0, */*',
  ])('XML to %j', (accept) => {
    expect(prefersProblemXml(accept)).toBe(true);
  });

  it.each([
    undefined,
    '',
    '*/*',
    'application/*',
    'text/html',
    'application/json',
    'application/json, application/xml',
    'application/problem+json, application/problem+xml',
    'application/problem+xml;q=0.5, application/problem+json',
    'application/problem+xml;q=0',
    'application/problem+xml;q=2',
    'application/problem+xml;q=abc',
    'application/xml, application/problem+json;q=0.5, application/problem+xml;q=0.1',
    ';;;,,,',
  ])('JSON to %j', (accept) => {
    expect(prefersProblemXml(accept)).toBe(false);
  });
});
