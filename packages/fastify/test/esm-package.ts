import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

/**
 * Requires a package that ships ES modules only (@fastify/type-provider-typebox 6, with TypeBox
 * 1), which the tests' CommonJS runtime cannot load: the package as published is bundled into
 * one CommonJS file with esbuild, and that file is required.
 */
export function requireEsmPackage<T>(specifier: string): T {
  const outfile = join(mkdtempSync(join(tmpdir(), 'faultline-fastify-esm-')), 'package.cjs');
  buildSync({
    stdin: {
      contents: `export * as exported from ${JSON.stringify(specifier)};`,
      resolveDir: join(__dirname, '..'),
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
