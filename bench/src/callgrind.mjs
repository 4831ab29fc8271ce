import { existsSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';

/**
 * The native function whose every call makes callgrind dump its counts (`--dump-before`): Node
 * calls `getpriority(2)` only when JavaScript asks, so nothing else starts a new part.
 */
const MARKER = 'getpriority';

/**
 * Marks the edge of a measured window in a process run by `callgrindWrapper()`: callgrind writes
 * what was counted since the previous mark (or since start-up) to the next numbered part file.
 * Costs one system call when not under callgrind.
 *
 * @example markWindow();
 */
export function markWindow() {
  getPriority();
}

/** Debian's valgrind; `BENCH_VALGRIND` names another. */
export const valgrindPath = process.env.BENCH_VALGRIND ?? '/usr/bin/valgrind';

/**
 * The command that runs a process under callgrind, counting user-space instructions (Ir) and
 * dumping at each `markWindow()`: part `N` of `outFile` is `outFile.N`. V8 generates code at run
 * time, so callgrind must check for code it has already translated being rewritten.
 *
 * @example spawn(...callgrindWrapper('/tmp/x/callgrind.out'), process.execPath, ...);
 */
export function callgrindWrapper(outFile) {
  return [
    valgrindPath,
    '--tool=callgrind',
    '-q',
    '--smc-check=all-non-file',
    `--dump-before=${MARKER}`,
    `--callgrind-out-file=${outFile}`,
  ];
}

/** Whether valgrind can be run here. */
export function valgrindAvailable() {
  return existsSync(valgrindPath);
}

/**
 * The instructions counted in one callgrind output file: its `summary:` (or `totals:`) line.
 *
 * @example instructionsIn(readFileSync('/tmp/x/callgrind.out.2', 'utf8')); // 712345678
 */
export function instructionsIn(text) {
  const match = /^(?:summary|totals):\s*(\d+)/m.exec(text);
  if (match === null) throw new Error('callgrind: no summary line in the output file');
  return Number(match[1]);
}

/** The instructions of part `part` (from 1) of a run whose output file is `outFile`. */
export function partInstructions(outFile, part) {
  return instructionsIn(readFileSync(`${outFile}.${part}`, 'utf8'));
}
