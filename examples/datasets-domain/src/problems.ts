import { type DefaultErrorCode, defineProblems, type Problems } from '@faultline/core';

/** Where the problem types of the Datasets API are documented. */
export const DEFAULT_PROBLEM_TYPE_BASE = 'https://api.example.com/docs/errors';

/** The Datasets API's catalogue: the default codes, under its own documentation base. */
export type DatasetProblems = Problems<DefaultErrorCode>;

/**
 * The problem definitions of the Datasets API. The type base comes from `PROBLEM_TYPE_BASE`
 * unless given; every `type` is `<base>#<slug>`. A 4xx is an expected answer, thrown in floods
 * by scanners and bad clients, so only server errors pay for a stack trace.
 *
 * @example defineDatasetProblems().registry.byCode('INVALID_ID')?.type
 * // 'https://api.example.com/docs/errors#invalid-request'
 */
export function defineDatasetProblems(
  typeBase: string = process.env.PROBLEM_TYPE_BASE ?? DEFAULT_PROBLEM_TYPE_BASE,
): DatasetProblems {
  // Inferred on its own: as a `return` operand, the declared return type would steer the inference.
  const problems = defineProblems({ typeBase, stackPolicy: 'server-errors' });
  return problems;
}
