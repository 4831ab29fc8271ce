import * as api from '@faultline/fastify';
import { surface } from '@faultline/test-support';
import Fastify from 'fastify';
import { isJsonContentType } from '../src/json-parser';
import { rootPlugin } from '../src/root-plugin';

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

  it('marks the plugin as fastify-plugin would: not encapsulated, named, for Fastify 4 and 5', () => {
    const plugin = api.faultline as unknown as Record<symbol, unknown>;
    expect(plugin[Symbol.for('plugin-meta')]).toEqual({
      name: '@faultline/fastify',
      fastify: '4.x || 5.x',
    });
    expect(plugin[Symbol.for('skip-override')]).toBe(true);
    expect(plugin[Symbol.for('fastify.display-name')]).toBe('@faultline/fastify');
  });

  it('is checked by Fastify against the versions it names, as fastify-plugin meta is', async () => {
    const app = Fastify();
    app.register(rootPlugin(async () => undefined, { name: 'needs-three', fastify: '3.x' }));
    await expect(app.ready()).rejects.toThrow(/needs-three.*3\.x/);
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
