import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const microMain = fileURLToPath(new URL('./micro-main.mjs', import.meta.url));

/**
 * Runs the core micro-benchmarks in a fresh process, `msPerTask` milliseconds each, and resolves
 * with `[{ id, name, nsPerOp, opsPerSecond, samples }]`.
 *
 * @example const micro = await runMicro(1000);
 */
export async function runMicro(msPerTask) {
  const { stdout } = await promisify(execFile)(process.execPath, [microMain, String(msPerTask)], {
    maxBuffer: 1 << 20,
  });
  const last = stdout.trim().split('\n').at(-1) ?? '[]';
  return JSON.parse(last);
}
