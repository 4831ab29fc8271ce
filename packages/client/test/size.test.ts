import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';

/** The budget of the main entry, minified and gzipped: 2.5 kB. */
const BUDGET_BYTES = 2500;
const packageDir = join(__dirname, '..');

function bundle(entry: string) {
  const { outputFiles, metafile } = buildSync({
    entryPoints: [join(packageDir, entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    metafile: true,
  });
  return { code: outputFiles[0]!.contents, inputs: Object.keys(metafile.inputs) };
}

describe('the fetch entry (src/index.ts), bundled and minified with esbuild', () => {
  const { code, inputs } = bundle('src/index.ts');

  it(`stays within ${BUDGET_BYTES} bytes gzipped`, () => {
    const gzipped = gzipSync(code, { level: 9 }).length;
    expect(gzipped).toBeGreaterThan(0);
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('holds nothing but the package itself: no dependency, no node: import', () => {
    const root = join(packageDir, '..', '..');
    expect(
      inputs.filter(
        (input) => !relative(root, join(root, input)).startsWith('packages/client/src/'),
      ),
    ).toEqual([]);
    expect(Buffer.from(code).toString('utf8')).not.toMatch(/\bimport\b|\brequire\(/);
  });
});
