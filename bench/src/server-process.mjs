import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const serverMain = fileURLToPath(new URL('./server-main.mjs', import.meta.url));

/**
 * Starts a contender's server in a child process (`NODE_ENV=production`) and waits for the port
 * it prints. Its stderr is discarded unless `verbose`: finalhandler writes every error's stack
 * there, and a pipe would make the parent pay for reading it. `env` is added to the environment
 * (a contender's own, such as a baseline's checkout).
 *
 * @example const server = await startServer('fastify-default'); await server.stop();
 */
export async function startServer(
  id,
  {
    verbose = false,
    nodeArgs = [],
    logLevel = 'warn',
    wrapper = [],
    startTimeoutMs = 30_000,
    env = {},
  } = {},
) {
  const [command, ...commandArgs] = [...wrapper, process.execPath];
  const child = spawn(command, [...commandArgs, ...nodeArgs, serverMain, id], {
    // The IPC channel is only there so the server notices when this process goes away.
    stdio: ['ignore', 'pipe', verbose ? 'inherit' : 'ignore', 'ipc'],
    env: { ...process.env, ...env, NODE_ENV: 'production', BENCH_LOG_LEVEL: logLevel },
  });
  const lines = createInterface({ input: child.stdout });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => line),
    once(child, 'exit').then(([code]) => JSON.stringify({ error: `exited with code ${code}` })),
    new Promise((resolve) =>
      setTimeout(
        () => resolve(JSON.stringify({ error: `no port within ${startTimeoutMs / 1000} s` })),
        startTimeoutMs,
      ).unref(),
    ),
  ]);
  lines.close();
  child.stdout.resume();
  const message = JSON.parse(first);
  if (typeof message.port !== 'number') {
    child.kill('SIGKILL');
    throw new Error(`${id} did not start: ${message.error}`);
  }
  child.unref();
  child.channel?.unref();
  const exited = once(child, 'exit');
  let marks = 0;
  return {
    id,
    port: message.port,
    pid: child.pid,
    /** Asks the server to mark a window's edge (a callgrind dump); resolves with the mark's number, from 1. */
    mark() {
      const mark = ++marks;
      return new Promise((resolve, reject) => {
        const onMessage = (reply) => {
          if (reply?.marked !== mark) return;
          child.off('message', onMessage);
          child.off('exit', onExit);
          resolve(mark);
        };
        const onExit = (code) => {
          child.off('message', onMessage);
          reject(new Error(`${id} exited (${code}) before mark ${mark}`));
        };
        child.on('message', onMessage);
        child.once('exit', onExit);
        child.send({ mark });
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
