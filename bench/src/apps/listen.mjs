/**
 * Starts a `node:http` server (or an Express app, whose `listen` returns one) on 127.0.0.1 and an
 * ephemeral port.
 *
 * @example const { port } = await listenNode(http.createServer(handler));
 */
export function listenNode(listenable) {
  return new Promise((resolve, reject) => {
    const server = listenable.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ port: address.port, close: () => new Promise((done) => server.close(done)) });
    });
    server.once('error', reject);
  });
}

/**
 * Starts a Fastify instance on 127.0.0.1 and an ephemeral port.
 *
 * @example const { port } = await listenFastify(app);
 */
export async function listenFastify(app) {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { port: app.server.address().port, close: () => app.close() };
}
