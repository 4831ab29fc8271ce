import type { FastifyPluginAsync, FastifyPluginOptions } from 'fastify';

/**
 * The plugin as fastify-plugin would wrap it, through the symbols Fastify itself reads: not
 * encapsulated (`skip-override`, so one registration covers the whole app), named in errors and
 * in `printPlugins()` (`fastify.display-name`), and refused by a Fastify outside `fastify`
 * (`plugin-meta`, checked at registration). Set here because importing fastify-plugin from the
 * ESM build costs a cold start about 3 ms on Node 20, for these three properties.
 */
export function rootPlugin<Options extends FastifyPluginOptions>(
  plugin: FastifyPluginAsync<Options>,
  meta: { readonly name: string; readonly fastify: string },
): FastifyPluginAsync<Options> {
  Object.assign(plugin, {
    [Symbol.for('skip-override')]: true,
    [Symbol.for('fastify.display-name')]: meta.name,
    [Symbol.for('plugin-meta')]: { ...meta },
  });
  return plugin;
}
