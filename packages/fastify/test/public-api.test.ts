import * as api from '@faultline/fastify';
import { surface } from '@faultline/test-support';
import { isJsonContentType } from '../src/json-parser';

describe('the public API', () => {
  it('exposes exactly its public surface', () => {
    expect(surface(api)).toMatchInlineSnapshot(`
{
  "faultline": "function",
  "problemClientErrorHandler": "function",
  "problemFrameworkErrors": "function",
  "rateLimitErrorResponseBuilder": "function",
}
`);
  });

  it('wraps the plugin with fastify-plugin under its package name', () => {
    const meta = (api.faultline as unknown as Record<symbol, unknown>)[Symbol.for('plugin-meta')];
    expect(meta).toEqual({ name: '@faultline/fastify', fastify: '4.x || 5.x' });
    expect((api.faultline as unknown as Record<symbol, unknown>)[Symbol.for('skip-override')]).toBe(
      true,
    );
  });

  it.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['Application/JSON', true],
    ['application/problem+json', true],
    ['application/vnd.api+json;charset=utf-8', true],
    ['application/jsonx', false],
    ['text/json', false],
    ['text/plain', false],
    [undefined, false],
  ])('isJsonContentType(%p) is %p', (header, json) => {
    expect(isJsonContentType(header)).toBe(json);
  });
});
