import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

/**
 * Loads a package that ships ES modules only (celebrate 16, TypeBox 1.x), which the tests'
 * CommonJS runtime cannot require: esbuild bundles the real package, as published, into one
 * CommonJS file, and that file is required.
 */
export function loadEsm<T>(specifier: string): T {
  const outfile = join(mkdtempSync(join(tmpdir(), 'faultline-esm-')), 'bundle.cjs');
  buildSync({
    stdin: {
      contents: `export * as namespace from ${JSON.stringify(specifier)};`,
      resolveDir: join(__dirname, '..', '..'),
      loader: 'js',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'silent',
  });
  return (require(outfile) as { namespace: T }).namespace;
}
