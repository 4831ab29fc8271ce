import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pnpmCommand } from './build.mjs';

/** The packages a baseline contender takes from the earlier revision. */
const packages = ['core', 'express', 'fastify'];

function git(repoRoot, args) {
  const result = spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8' });
  return {
    ok: result.status === 0,
    out: (result.stdout ?? '').trim(),
    err: (result.stderr ?? '').trim(),
  };
}

/** Runs a command in `cwd`, its output shown; whether it succeeded. */
function run([command, args], cwd, log) {
  log(`  $ ${[command, ...args].join(' ')}`);
  return spawnSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] }).status === 0;
}

function builtIn(dir) {
  return packages.every((name) => existsSync(join(dir, 'packages', name, 'dist', 'index.js')));
}

/** The revision as a commit of this clone: full sha, short sha and subject; throws when unknown. */
function resolveRevision(repoRoot, rev) {
  if (rev === undefined || rev.trim() === '') {
    throw new TypeError('bench: --baseline needs a git revision (a sha, tag or branch)');
  }
  const sha = git(repoRoot, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  if (!sha.ok || !/^[0-9a-f]{40}$/.test(sha.out)) {
    throw new Error(
      `bench: --baseline ${rev} is not a commit of this clone; give a sha, tag or branch it has (git fetch it first if it is only on a remote)`,
    );
  }
  const missing = packages.filter(
    (name) => !git(repoRoot, ['cat-file', '-e', `${sha.out}:packages/${name}/package.json`]).ok,
  );
  if (missing.length > 0) {
    throw new Error(
      `bench: --baseline ${rev} has no ${missing.map((name) => `packages/${name}`).join(', ')}; pick a revision that has all three packages`,
    );
  }
  return {
    rev,
    sha: sha.out,
    short: git(repoRoot, ['rev-parse', '--short', sha.out]).out,
    subject: git(repoRoot, ['log', '-1', '--format=%s', sha.out]).out,
  };
}

/** A worktree of `sha` at `dir`, reusing one already there at that commit. */
function ensureWorktree(repoRoot, sha, dir, log) {
  if (existsSync(dir)) {
    const isWorktree = existsSync(join(dir, '.git'));
    if (isWorktree && git(dir, ['rev-parse', 'HEAD']).out === sha) return;
    log(`  ${dir} is not a worktree at ${sha}; replacing it`);
    git(repoRoot, ['worktree', 'remove', '--force', dir]);
    rmSync(dir, { recursive: true, force: true });
  }
  // A worktree deleted by hand stays registered until pruned, and then cannot be added again.
  git(repoRoot, ['worktree', 'prune']);
  mkdirSync(join(dir, '..'), { recursive: true });
  log(`  $ git worktree add --detach ${dir} ${sha}`);
  const added = git(repoRoot, ['worktree', 'add', '--detach', dir, sha]);
  if (!added.ok) {
    throw new Error(
      `bench: git worktree add for the baseline failed: ${added.err}\nRemove ${dir} and run \`git worktree prune\`, then try again.`,
    );
  }
}

/**
 * Installs the worktree's dependencies for the root and the three packages only: from the
 * lockfile as committed when it matches the manifests, else resolved again (an earlier revision
 * may have changed a manifest without its lockfile), preferring what the store already holds.
 */
function install(dir, log) {
  const root = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name;
  const filters = [root, ...packages.map((name) => `@faultline/${name}`)]
    .filter((name) => name !== undefined)
    .flatMap((name) => ['--filter', name]);
  const common = ['install', '--prefer-offline', ...filters];
  if (run(pnpmCommand([...common, '--frozen-lockfile']), dir, log)) return;
  log(
    "  The revision's lockfile does not match its manifests; installing without --frozen-lockfile",
  );
  if (run(pnpmCommand([...common, '--no-frozen-lockfile']), dir, log)) return;
  throw new Error(
    `bench: pnpm install failed in the baseline worktree ${dir}; run it there by hand to see why (network, store), then run the bench again`,
  );
}

function build(dir, short, log) {
  const filters = packages.flatMap((name) => ['--filter', `@faultline/${name}`]);
  const built = run(pnpmCommand([...filters, 'run', 'build']), dir, log);
  if (!built || !builtIn(dir)) {
    throw new Error(
      `bench: building @faultline/core, /express and /fastify at ${short} failed in ${dir}; fix the build there (or pick another revision), or remove the directory (git worktree remove --force ${dir}) to start again`,
    );
  }
}

/**
 * `--baseline REV`: a git worktree of REV under `node_modules/.cache/faultline-bench/baseline/<sha>`
 * with `@faultline/core`, `/express` and `/fastify` built, made once and reused while its
 * builds are there. Resolves REV first and throws, saying what to fix, when it is not a commit
 * of this clone or its install or build fails. Returns `{ rev, sha, short, subject, dir }`.
 *
 * @example const baseline = prepareBaseline(repoRoot, '5900ee9', console.log);
 */
export function prepareBaseline(repoRoot, rev, log) {
  const revision = resolveRevision(repoRoot, rev);
  const cache = join(repoRoot, 'node_modules', '.cache', 'faultline-bench', 'baseline');
  const dir = join(cache, revision.sha);
  const ready = join(cache, `${revision.sha}.ready`);
  const described = `${revision.short} (${revision.subject})`;
  if (existsSync(ready) && builtIn(dir)) {
    log(`Baseline ${described}: reusing the build in ${dir}`);
    return { ...revision, dir };
  }
  log(`Baseline ${described}: building @faultline/core, /express and /fastify in ${dir}…`);
  rmSync(ready, { force: true });
  ensureWorktree(repoRoot, revision.sha, dir, log);
  install(dir, log);
  build(dir, revision.short, log);
  writeFileSync(ready, `${new Date().toISOString()}\n`);
  log(`Baseline ${described}: built`);
  return { ...revision, dir };
}
