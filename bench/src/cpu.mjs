import { readFileSync } from 'node:fs';

/**
 * CPU time a process has used so far (user + system, all threads), in milliseconds, from
 * `/proc/<pid>/stat`; `undefined` where there is no `/proc`. Its resolution is 10 ms (Linux
 * reports clock ticks of 1/100 s), fine for runs of a second or more.
 *
 * @example const before = cpuMillis(server.pid);
 */
export function cpuMillis(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}
