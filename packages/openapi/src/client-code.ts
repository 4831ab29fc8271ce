import type { ProblemCatalogue } from './problem-catalogue.js';

/** One line of comment text: a line break would end a `//` comment and start code. */
const comment = (text: string): string => text.replace(/[\r\n\u2028\u2029]+/g, ' ');

/**
 * A client that branches on `error_code`, in TypeScript: one `case` per code a client can
 * receive, with what the caller should do; codes safe to retry wait and try again.
 */
export function clientCode(catalogue: ProblemCatalogue): string {
  const sent = catalogue.codes.filter((code) => code.sent);
  const caseLine = (code: (typeof sent)[number]) =>
    `    case '${code.code}': // ${code.status}${code.fix === undefined ? '' : ` ${comment(code.fix)}`}`;
  const retryable = sent.filter((code) => code.retryable === true);
  const final = sent.filter((code) => code.retryable !== true);
  const lines = [
    'const response = await fetch(url, init);',
    'if (!response.ok) {',
    '  const problem = await response.json(); // application/problem+json',
    '  switch (problem.error_code) {',
    ...retryable.map(caseLine),
    ...(retryable.length === 0
      ? []
      : [
          "      await wait(Number(response.headers.get('Retry-After') ?? 60));",
          '      return retry();',
        ]),
    ...final.map(caseLine),
    ...(final.length === 0
      ? []
      : ['      throw new ApiError(problem.error_code, problem.detail ?? problem.title);']),
    '  }',
    '  // A 5xx carries no error_code: retry later, waiting longer after each failure.',
    '  if (problem.status >= 500) return retryWithBackoff();',
    '  throw new ApiError(problem.status, problem.detail ?? problem.title);',
    '}',
  ];
  return lines.join('\n');
}
