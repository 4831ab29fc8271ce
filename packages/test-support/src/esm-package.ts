import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

/**
 * Requires a package that ships ES modules only (celebrate 16, TypeBox 1.x,
 * @fastify/type-provider-typebox 6), which the tests' CommonJS runtime cannot load: esbuild
 * bundles the package as published, resolved from `fromDirectory`, into one CommonJS file, and
 * that file is required.
 *
 * @example const { Type } = requireEsmPackage<typeof import('typebox')>('typebox', __dirname);
 */
export function requireEsmPackage<T>(specifier: string, fromDirectory: string): T {
  const outfile = join(mkdtempSync(join(tmpdir(), 'faultline-esm-')), 'package.cjs');
  buildSync({
    stdin: {
      contents: `export * as exported from ${JSON.stringify(specifier)};`,
      resolveDir: fromDirectory,
      loader: 'js',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'silent',
  });
  return (require(outfile) as { exported: T }).exported;
}
