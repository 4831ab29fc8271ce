import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const loadMain = fileURLToPath(new URL('./load-main.mjs', import.meta.url));

/**
 * Starts the load generator process once; `run(job)` sends it one autocannon run and resolves
 * with `{ requests, seconds, rps, p50, p99, errors, timeouts, statuses }`.
 *
 * @example const load = startLoad(); const figures = await load.run({ url, method: 'GET', connections: 50, duration: 2 });
 */
export function startLoad() {
  const child = fork(loadMain, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map();
  let next = 0;
  child.on('message', ({ id, result, error }) => {
    const entry = pending.get(id);
    if (entry === undefined) return;
    pending.delete(id);
    if (error === undefined) entry.resolve(result);
    else entry.reject(new Error(`autocannon: ${error}`));
  });
  child.on('exit', (code) => {
    for (const entry of pending.values()) {
      entry.reject(new Error(`the load generator exited with code ${code}`));
    }
    pending.clear();
  });
  return {
    run(job) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.send({ id, job });
      });
    },
    stop() {
      child.disconnect();
      child.kill('SIGTERM');
    },
  };
}
