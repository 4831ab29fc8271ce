import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describePublishedFiles } from '../../../scripts/package-checks';

const packageDir = join(__dirname, '..');

describePublishedFiles(packageDir);

describe('the peer dependencies of @faultline/express', () => {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    peerDependencies?: Record<string, string>;
    peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  };

  // The .d.ts imports Express's types, so TypeScript users need @types/express; marked optional,
  // npm and pnpm do not install it for JavaScript users (checked by installing the packed
  // tarball with `npm install --omit=dev`: without `optional`, eleven @types packages land).
  it('asks for @types/express as an optional peer, and for express as a required one', () => {
    expect(manifest.peerDependencies).toMatchObject({
      express: expect.any(String),
      '@types/express': expect.any(String),
    });
    expect(manifest.peerDependenciesMeta?.['@types/express']?.optional).toBe(true);
    expect(manifest.peerDependenciesMeta?.express?.optional).not.toBe(true);
  });
});
