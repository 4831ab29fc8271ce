/**
 * The type tests (`packages/<name>/test/types/*.test-d.ts`), compiled with the TypeScript
 * compiler API so that `pnpm test` runs them, not only `pnpm typecheck`. They are compiled with
 * the settings of the root `tsconfig.json` (the one that includes them: strict, `paths` from
 * `@faultline/*` to source, Node and Jest types), and each `@ts-expect-error` in them must still
 * find an error, or TypeScript reports it unused (TS2578).
 *
 * Snippets that exist only in memory can be compiled alongside, in the same program, to prove
 * that the check fails when it should. `describeTypeTests` registers one package's suite of these
 * checks with Jest; the package's test file keeps only its own snippets and what they must yield.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

/** The repository root. */
export const repositoryRoot = resolve(__dirname, '..');

/** The type-test files of a package directory, sorted, as absolute paths. */
export function typeTestFiles(packageDir: string): string[] {
  const dir = join(packageDir, 'test', 'types');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.test-d.ts'))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * The compiler options of a tsconfig file, with `overrides` (as written in a tsconfig's
 * `compilerOptions`) on top and `noEmit` forced. Throws on a broken config.
 */
function compilerOptions(
  tsconfig: string,
  overrides: Readonly<Record<string, unknown>>,
): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic(diagnostic) {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (parsed === undefined) throw new Error(`cannot read ${tsconfig}`);
  if (parsed.errors.length > 0) throw new Error(formatDiagnostics(parsed.errors));
  const extra = ts.convertCompilerOptionsFromJson(overrides, repositoryRoot);
  if (extra.errors.length > 0) throw new Error(formatDiagnostics(extra.errors));
  return { ...parsed.options, ...extra.options, noEmit: true };
}

const formatHost: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (fileName) => fileName,
  getCurrentDirectory: () => repositoryRoot,
  getNewLine: () => '\n',
};

/** Diagnostics as `tsc` prints them: `path(line,col): error TS2345: message`, one a line. */
export function formatDiagnostics(diagnostics: readonly ts.Diagnostic[]): string {
  return ts.formatDiagnostics(diagnostics, formatHost).trim();
}

/** One diagnostic reduced to what a test asserts on. */
export interface DiagnosticSummary {
  readonly code: number;
  /** 1-based, as an editor shows it. */
  readonly line: number;
  readonly message: string;
}

export interface TypeCheck {
  /** Option and global diagnostics, and those of the given files (real or in memory). */
  diagnosticsOf(files: readonly string[]): readonly ts.Diagnostic[];
  /** The same, for one file, reduced to code, line and message. */
  summaryOf(file: string): DiagnosticSummary[];
}

/** Where the compiler options come from. */
export interface CheckSettings {
  /** Default: the root `tsconfig.json`, the one that includes the type tests. */
  readonly tsconfig?: string;
  /** Options on top, as in a tsconfig: `{ module: 'commonjs', moduleResolution: 'node10' }`. */
  readonly compilerOptions?: Readonly<Record<string, unknown>>;
}

/**
 * Compiles `files` and the in-memory `snippets` (absolute path → source text) in one program,
 * with the options of the root tsconfig (or `settings`). A snippet's path decides how its
 * imports resolve, so put it beside the files it imitates; it is never written to disk.
 */
export function checkTypes(
  files: readonly string[],
  snippets: Readonly<Record<string, string>> = {},
  settings: CheckSettings = {},
): TypeCheck {
  const options = compilerOptions(
    settings.tsconfig ?? join(repositoryRoot, 'tsconfig.json'),
    settings.compilerOptions ?? {},
  );
  const memory = new Map(Object.entries(snippets).map(([path, text]) => [resolve(path), text]));
  const host = ts.createCompilerHost(options, true);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (fileName) => memory.has(resolve(fileName)) || fileExists.call(host, fileName);
  host.readFile = (fileName) => memory.get(resolve(fileName)) ?? readFile.call(host, fileName);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = memory.get(resolve(fileName));
    return text === undefined
      ? getSourceFile.call(host, fileName, languageVersion, onError, shouldCreate)
      : ts.createSourceFile(fileName, text, languageVersion, true);
  };

  const program = ts.createProgram({ rootNames: [...files, ...memory.keys()], options, host });
  const shared = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];

  function ofFile(file: string): readonly ts.Diagnostic[] {
    const source = program.getSourceFile(resolve(file));
    if (source === undefined) throw new Error(`${file} is not part of the program`);
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
  }

  return {
    diagnosticsOf: (list) => [...shared, ...list.flatMap(ofFile)],
    summaryOf: (file) =>
      ofFile(file).map((diagnostic) => ({
        code: diagnostic.code,
        line:
          diagnostic.file === undefined || diagnostic.start === undefined
            ? 0
            : diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1,
        message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
      })),
  };
}

// Compiling a TypeScript program with a framework's typings takes seconds, more on a busy machine.
const TIMEOUT = 180_000;

/** One package's type tests, and the snippets that prove their check can fail. */
export interface TypeTestSuite {
  /** As the suite's title names it: `@faultline/core`. */
  readonly name: string;
  /** The package directory (`join(__dirname, '..')` from its `test` folder). */
  readonly packageDir: string;
  /**
   * Snippets by file name, one line an element. Each lives only in memory, beside the real type
   * tests (`test/types/<name>`), so that its imports resolve as theirs do.
   */
  readonly snippets: Readonly<Record<string, readonly string[]>>;
}

/** What the package's own tests learn about its snippets, each named by its file name. */
export interface SnippetDiagnostics {
  /** A snippet's diagnostics: code, line and message. */
  summaryOf(snippet: string): DiagnosticSummary[];
  /** The same as `[line, code]` pairs, in order. */
  linesAndCodes(snippet: string): [number, number][];
}

/**
 * Registers a package's type tests with Jest, in one `describe`: the type-test files exist, they
 * compile under the root tsconfig with every `@ts-expect-error` still meeting an error, and then
 * the package's own tests (`snippetTests`), which hold its snippets (at least one deliberately
 * wrong) to exactly their diagnostics, so that the check is seen to fail when it should.
 */
export function describeTypeTests(
  suite: TypeTestSuite,
  snippetTests: (diagnostics: SnippetDiagnostics) => void,
): void {
  const files = typeTestFiles(suite.packageDir);
  const pathOf = (snippet: string) => join(suite.packageDir, 'test', 'types', snippet);
  const sources = Object.fromEntries(
    Object.entries(suite.snippets).map(([snippet, lines]) => [pathOf(snippet), lines.join('\n')]),
  );

  describe(`the type tests of ${suite.name} (test/types/*.test-d.ts)`, () => {
    let check: TypeCheck;
    beforeAll(() => {
      check = checkTypes(files, sources);
    }, TIMEOUT);

    it('finds them (a renamed folder must not make the check vacuous)', () => {
      expect(files.length).toBeGreaterThan(0);
    });

    it(
      'compile under the root tsconfig, every @ts-expect-error still meeting an error',
      () => {
        expect(formatDiagnostics(check.diagnosticsOf(files))).toBe('');
      },
      TIMEOUT,
    );

    const summaryOf = (snippet: string) => {
      if (!Object.hasOwn(suite.snippets, snippet)) throw new Error(`no snippet named ${snippet}`);
      return check.summaryOf(pathOf(snippet));
    };
    snippetTests({
      summaryOf,
      linesAndCodes: (snippet) =>
        summaryOf(snippet).map(({ code, line }): [number, number] => [line, code]),
    });
  });
}
