import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** Debian's strace; `BENCH_STRACE` names another. */
export const stracePath = process.env.BENCH_STRACE ?? '/usr/bin/strace';

/** Whether strace can be run here. */
export function straceAvailable() {
  return existsSync(stracePath);
}

/**
 * The system calls in a `strace -c` summary table, `{ total, errors, bySyscall }`: the rows
 * between the dashed rules (`% time  seconds  usecs/call  calls  errors  syscall`), the `total`
 * row last. Columns are found from the right, so an empty `errors` cell is read as 0.
 *
 * @example syscallSummary(readFileSync(file, 'utf8')).total; // 4012
 */
export function syscallSummary(text) {
  const bySyscall = {};
  let total;
  let errors = 0;
  for (const line of text.split('\n')) {
    const match = /^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:(\d+)\s+)?([a-z_0-9]+)\s*$/.exec(line);
    if (match === null) continue;
    const [, calls, failed, name] = match;
    if (name === 'total') {
      total = Number(calls);
      errors = Number(failed ?? 0);
    } else {
      bySyscall[name] = Number(calls);
    }
  }
  total ??= Object.values(bySyscall).reduce((sum, calls) => sum + calls, 0);
  return { total, errors, bySyscall };
}

/**
 * Bytes a process has handed to `write`-family system calls (sockets included) so far, from
 * `/proc/<pid>/io`; `undefined` where that cannot be read.
 */
export function bytesWritten(pid) {
  try {
    const match = /^wchar:\s*(\d+)/m.exec(readFileSync(`/proc/${pid}/io`, 'utf8'));
    return match === null ? undefined : Number(match[1]);
  } catch {
    return undefined;
  }
}

/**
 * Attaches `strace -c -f` to a running process (every thread) and resolves once it is attached;
 * `stop()` detaches it and resolves with the summary of the system calls made in between.
 *
 * @example const tracing = await traceSyscalls(pid, file); …; const { total } = await tracing.stop();
 */
export async function traceSyscalls(pid, outFile) {
  const child = spawn(stracePath, ['-c', '-f', '-o', outFile, '-p', String(pid)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  await new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (/attached/.test(stderr)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`strace exited (${code}): ${stderr.trim()}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    async stop() {
      child.kill('SIGINT');
      await exited;
      return syscallSummary(readFileSync(outFile, 'utf8'));
    },
  };
}
