import express5 from 'express';
import express4 from 'express4';

/** One Express major under test. */
export interface Framework {
  readonly name: string;
  readonly major: 4 | 5;
  /** Typed as Express 5 so one test body serves both; the runtime is the real major. */
  readonly express: typeof express5;
}

/** Every scenario runs against both majors: `describe.each(frameworks)('$name', ...)`. */
export const frameworks: readonly Framework[] = [
  { name: 'Express 5', major: 5, express: express5 },
  { name: 'Express 4', major: 4, express: express4 as unknown as typeof express5 },
];
