import { once } from 'node:events';
import net, { type AddressInfo } from 'node:net';

/** A local port nothing listens on: one the system just gave a server, which is then closed. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * A local server that accepts each connection and closes it at once, as a database that goes
 * away does. Returns its port and a function that stops it.
 */
export async function hangingUpServer(): Promise<{ port: number; stop: () => Promise<void> }> {
  const server = net.createServer((socket) => socket.destroy());
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    port,
    stop: async () => {
      server.close();
      await once(server, 'close');
    },
  };
}

/** A local server that accepts connections and never answers, until it is stopped. */
export async function silentServer(): Promise<{ port: number; stop: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    port,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}
