import type { DefaultErrorCode } from './catalogue.js';
import { rememberProblemClass } from './problem-class.js';
import {
  isStackPolicy,
  ProblemError,
  type ProblemErrorClass,
  type StackPolicy,
} from './problem-error.js';
import {
  type CodeDefinition,
  createRegistry,
  type Registry,
  type RegistryDefinition,
} from './registry.js';

/** An application's catalogue: its registry and the `ProblemError` class that knows its codes. */
export interface Problems<Code extends string> {
  readonly registry: Registry<Code>;
  readonly ProblemError: ProblemErrorClass<Code>;
}

/** An application's problems: its registry's definition, and how its errors are constructed. */
export interface ProblemsDefinition<Codes extends Readonly<Record<string, CodeDefinition>>>
  extends RegistryDefinition<Codes> {
  /**
   * Which errors of the class capture a stack trace when the throw does not say (`captureStack`):
   * `'server-errors'` (default: those answered with a 5xx), `true` (all) or `false` (none).
   */
  readonly stackPolicy?: StackPolicy;
}

const where = '@faultline/core';

/**
 * Defines an application's problems in one place: the default catalogue plus its own codes and
 * types, and the base of its type URIs. Mistakes throw here, at start-up.
 *
 * @example
 * export const problems = defineProblems({
 *   typeBase: 'https://api.example.com/docs/errors',
 *   types: { 402: { slug: 'payment-required', title: 'Payment Required' } },
 *   codes: {
 *     PAYMENT_REQUIRED: 402,
 *     DATASET_ARCHIVED: { status: 409, type: { slug: 'dataset-archived', title: 'Dataset Archived' } },
 *   },
 *   stackPolicy: 'server-errors',
 * });
 * throw new problems.ProblemError('PAYMENT_REQUIRED'); // 'PAYMNT_REQUIRED' does not compile
 */
export function defineProblems<
  const Codes extends Readonly<Record<string, CodeDefinition>> = Record<never, number>,
>(
  definition: ProblemsDefinition<Codes> = {},
): Problems<DefaultErrorCode | Extract<keyof NoInfer<Codes>, string>> {
  type Code = DefaultErrorCode | Extract<keyof Codes, string>;
  const registry = createRegistry<Code>(definition);
  const { stackPolicy = 'server-errors' } = definition;
  if (!isStackPolicy(stackPolicy)) {
    throw new TypeError(
      `${where}: stackPolicy must be true, false or 'server-errors'; got ${typeof stackPolicy === 'string' ? `'${stackPolicy}'` : String(stackPolicy)}`,
    );
  }
  const AppProblemError = class extends ProblemError {
    static override readonly registry: Registry = registry;
    static override readonly stackPolicy: StackPolicy = stackPolicy;
  };
  rememberProblemClass(registry, AppProblemError);
  return { registry, ProblemError: AppProblemError as unknown as ProblemErrorClass<Code> };
}
