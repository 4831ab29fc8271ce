import type { DefaultErrorCode } from './catalogue.js';
import { ProblemError, type ProblemErrorClass } from './problem-error.js';
import { createRegistry, type Registry, type RegistryDefinition } from './registry.js';

/** An application's catalogue: its registry and the `ProblemError` class that knows its codes. */
export interface Problems<Code extends string> {
  readonly registry: Registry<Code>;
  readonly ProblemError: ProblemErrorClass<Code>;
}

/**
 * Defines an application's problems in one place: the default catalogue plus its own codes and
 * types, and the base of its type URIs. Mistakes throw here, at start-up.
 *
 * @example
 * export const problems = defineProblems({
 *   typeBase: 'https://api.example.com/docs/errors',
 *   types: { 402: { slug: 'payment-required', title: 'Payment Required' } },
 *   codes: { PAYMENT_REQUIRED: 402 },
 * });
 * throw new problems.ProblemError('PAYMENT_REQUIRED'); // 'PAYMNT_REQUIRED' does not compile
 */
export function defineProblems<
  const Codes extends Readonly<Record<string, number>> = Record<never, number>,
>(
  definition: RegistryDefinition<Codes> = {},
): Problems<DefaultErrorCode | Extract<keyof NoInfer<Codes>, string>> {
  type Code = DefaultErrorCode | Extract<keyof Codes, string>;
  const registry = createRegistry<Code>(definition);
  const AppProblemError = class extends ProblemError {
    static override readonly registry: Registry = registry;
  };
  return { registry, ProblemError: AppProblemError as unknown as ProblemErrorClass<Code> };
}
