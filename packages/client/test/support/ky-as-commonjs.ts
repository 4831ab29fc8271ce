import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { KyInstance } from 'ky';

/**
 * ky 1.x itself, for these CommonJS tests: ky ships ES modules only, so it is bundled to
 * CommonJS once with esbuild (its code unchanged) and required from a temporary folder.
 */
export function loadKy(): KyInstance {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-client-ky-'));
  const file = join(dir, 'ky.cjs');
  const { outputFiles } = buildSync({
    entryPoints: [require.resolve('ky')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    write: false,
  });
  writeFileSync(file, outputFiles[0]!.text);
  return (require(file) as { default: KyInstance }).default;
}
