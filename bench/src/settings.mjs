import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { quickScenarioIds } from './scenarios.mjs';

/** `--help`. */
export const usage = `Usage: pnpm bench [options]

  --quick                 a subset (${quickScenarioIds.length} scenarios, no peers, 2 × 1 s rounds, 4 cold-start pairs)
  --rounds N              measured rounds per contender and scenario (default 5; quick 2)
  --duration S            seconds per round, whole seconds (default 1)
  --warmup S              warm-up seconds per contender and scenario, not measured (default 1; quick 0.3)
  --connections N         autocannon connections (default 50)
  --only a,b              only these contenders (ids from bench/src/contenders.mjs)
  --scenarios a,b         only these scenarios (ids from bench/src/scenarios.mjs)
  --out FILE              where to write the report (default BENCHMARKS.md for a full run; quick writes none)
  --no-write              print only
  --json FILE             also write every round's raw figures as JSON
  --no-micro              skip the core micro-benchmarks
  --log-level LEVEL       the servers' pino level (default warn: 5xx are logged, 4xx are not)
  --build                 run \`pnpm build\` first even when every package's build is newer than its sources
  --no-build              use the packages' builds as they are
  --verbose               show the servers' stderr
  --profile ID:SCENARIO   profile one contender on one scenario with --cpu-prof and rank where time goes
  --profile-seconds S     load applied while profiling (default 10)
  --baseline REV          also measure fastify-faultline-baseline and express-faultline-baseline: the
                          same apps with @faultline/core, /express and /fastify built from git
                          revision REV (a worktree under node_modules/.cache/faultline-bench/baseline/,
                          installed and built once, then reused), and check "now vs REV" per scenario

  --instructions          also count, per response, user-space instructions under valgrind's callgrind
                          and system calls and bytes written under strace, for every contender and
                          scenario (slow: each server runs under callgrind), and instructions to the
                          first answer in the cold-start comparison
  --instructions-only     only that and the cold start: no autocannon rounds, no micro-benchmarks
  --instr-requests N      sequential requests in each measured window (default 500; quick 200)
  --instr-warmup N        requests before each scenario's first window (default 1000; quick 500)
  --instr-steady N        windows that must agree before a count is taken; their median counts (default 4)
  --instr-tolerance PCT   how far apart, in percent, agreeing windows may be (default 3)
  --instr-max-windows N   windows after which a scenario that has not settled is reported as not
                          steady (default 40; quick 16)
  --instr-jobs N          servers under callgrind at once (default 2)
  --no-strace             skip the strace counts
  --keep-callgrind        keep callgrind's output files (their directories are printed)
  --cold-start-pairs N    cold-start pairs per framework, alternating order (default 8; quick 4)
  --no-cold-start         skip the cold-start comparison
`;

/**
 * The command line, checked and resolved: what to run, for how long, and where to write.
 *
 * @example const settings = parseSettings(process.argv.slice(2), repoRoot);
 */
export function parseSettings(argv, repoRoot) {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      only: { type: 'string' },
      scenarios: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'string' },
      'no-write': { type: 'boolean', default: false },
      'no-micro': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      build: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      'log-level': { type: 'string', default: 'warn' },
      profile: { type: 'string' },
      'profile-seconds': { type: 'string' },
      baseline: { type: 'string' },
      instructions: { type: 'boolean', default: false },
      'instructions-only': { type: 'boolean', default: false },
      'instr-requests': { type: 'string' },
      'instr-warmup': { type: 'string' },
      'instr-jobs': { type: 'string' },
      'instr-steady': { type: 'string' },
      'instr-tolerance': { type: 'string' },
      'instr-max-windows': { type: 'string' },
      'no-strace': { type: 'boolean', default: false },
      'keep-callgrind': { type: 'boolean', default: false },
      'cold-start-pairs': { type: 'string' },
      'no-cold-start': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const integer = (name, fallback, min) => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) {
      throw new TypeError(
        `bench: option --${name} must be an integer of at least ${min}, got ${raw}`,
      );
    }
    return value;
  };
  const seconds = (name, fallback) => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) {
      throw new TypeError(`bench: option --${name} must be a number of seconds, got ${raw}`);
    }
    return value;
  };
  const list = (name) =>
    values[name] === undefined ? undefined : values[name].split(',').map((id) => id.trim());
  const quick = values.quick;
  return {
    help: values.help,
    quick,
    rounds: integer('rounds', quick ? 2 : 5, 1),
    duration: integer('duration', 1, 1),
    warmup: seconds('warmup', quick ? 0.3 : 1),
    connections: integer('connections', 50, 1),
    only: list('only'),
    scenarioIds: list('scenarios') ?? (quick ? quickScenarioIds : undefined),
    out: values['no-write']
      ? undefined
      : (values.out ?? (quick ? undefined : join(repoRoot, 'BENCHMARKS.md'))),
    json: values.json,
    micro: !values['no-micro'] && !values['instructions-only'],
    microMs: quick ? 250 : 1000,
    verbose: values.verbose,
    build: values['no-build'] ? false : values.build,
    skipBuild: values['no-build'],
    logLevel: values['log-level'],
    profile: values.profile,
    profileSeconds: integer('profile-seconds', 10, 1),
    baseline: values.baseline,
    instructions: values.instructions || values['instructions-only'],
    instructionsOnly: values['instructions-only'],
    instrRequests: integer('instr-requests', quick ? 200 : 500, 1),
    instrWarmup: integer('instr-warmup', quick ? 500 : 1000, 0),
    instrJobs: integer('instr-jobs', 2, 1),
    instrSteady: integer('instr-steady', 4, 2),
    instrTolerance: integer('instr-tolerance', 3, 1) / 100,
    instrMaxWindows: integer('instr-max-windows', quick ? 16 : 40, 2),
    strace: !values['no-strace'],
    keepCallgrind: values['keep-callgrind'],
    coldStart: !values['no-cold-start'],
    coldStartPairs: integer('cold-start-pairs', quick ? 4 : 8, 1),
  };
}
