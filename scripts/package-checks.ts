/**
 * What a published package's tarball must hold beyond its build: the licence, and a README whose
 * links work on the npm registry's page, where a relative link (`../core`) leads nowhere.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from './type-tests';

/** Where the README's links to the rest of the repository point. */
export const repositoryTree = 'https://github.com/faultline-dev/faultline/tree/main/';

/** The paths `npm pack --dry-run` would put in the package's tarball (nothing is written). */
export function packedFiles(packageDir: string): string[] {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: packageDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [packed] = JSON.parse(output) as { files: { path: string }[] }[];
  return (packed?.files ?? []).map((file) => file.path).sort();
}

/** The root licence, which every package repeats. */
export function rootLicense(): string {
  return readFileSync(join(repositoryRoot, 'LICENSE'), 'utf8');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Every link target of a markdown text, with the in-page anchors it may use. */
export function linksOf(markdown: string): { targets: string[]; anchors: Set<string> } {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '');
  const targets = [...withoutCode.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
  const anchors = new Set(
    [...withoutCode.matchAll(/^#{1,6} (.+)$/gm)].map((match) => anchorOf(match[1]!)),
  );
  return { targets, anchors };
}

/**
 * The checks every published package runs on itself, as a Jest suite: the licence is the root
 * one, `npm pack` includes it and the README, and the README's links work off GitHub.
 */
export function describePublishedFiles(packageDir: string): void {
  const name = (
    JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
      name: string;
    }
  ).name;

  describe(`the published files of ${name}`, () => {
    it('hold the MIT licence of the repository', () => {
      const license = readFileSync(join(packageDir, 'LICENSE'), 'utf8');
      expect(license).toBe(rootLicense());
      expect(license).toMatch(/^MIT License\n\nCopyright \(c\) 2026 faultline contributors\n/);
    });

    it('put LICENSE, README.md and package.json in the tarball', () => {
      expect(packedFiles(packageDir)).toEqual(
        expect.arrayContaining(['LICENSE', 'README.md', 'package.json']),
      );
    }, 120_000);

    it('link the README to absolute URLs or to its own headings, never to a relative path', () => {
      const { targets, anchors } = linksOf(readFileSync(join(packageDir, 'README.md'), 'utf8'));
      const broken = targets.filter((target) =>
        target.startsWith('#') ? !anchors.has(target.slice(1)) : !/^https:\/\//.test(target),
      );
      expect(broken).toEqual([]);
      const repository = targets.filter((target) => target.includes('github.com/faultline-dev'));
      expect(repository.filter((target) => !target.startsWith(repositoryTree))).toEqual([]);
    });
  });
}
