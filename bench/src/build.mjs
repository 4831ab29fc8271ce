import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const packages = ['core', 'express', 'fastify'];

function newestIn(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Why the workspace packages need building (a package without a build, or sources newer than it), or undefined. */
export function staleBuild(repoRoot) {
  for (const name of packages) {
    const root = join(repoRoot, 'packages', name);
    if (!existsSync(join(root, 'src'))) continue;
    const built = join(root, 'dist', 'index.js');
    if (!existsSync(built)) return `packages/${name} has no build`;
    const sources = Math.max(
      newestIn(join(root, 'src')),
      statSync(join(root, 'package.json')).mtimeMs,
    );
    if (sources > statSync(built).mtimeMs) return `packages/${name} changed since its build`;
  }
  return undefined;
}

/**
 * The command that runs pnpm with `args`: the pnpm that runs this script when there is one, else
 * pnpm 10 through npx.
 *
 * @example const [command, args] = pnpmCommand(['build']);
 */
export function pnpmCommand(args) {
  const execPath = process.env.npm_execpath;
  return execPath !== undefined && /pnpm/.test(execPath)
    ? [process.execPath, [execPath, ...args]]
    : ['npx', ['-y', 'pnpm@10', ...args]];
}

/**
 * Runs the workspace's `pnpm build`, with the pnpm that runs this script when there is one.
 *
 * @example buildPackages('/path/to/repo');
 */
export function buildPackages(repoRoot) {
  const [command, args] = pnpmCommand(['build']);
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`bench: pnpm build failed (exit ${result.status})`);
}
