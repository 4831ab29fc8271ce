import { PACKAGES_ENV } from './apps/faultline-packages.mjs';

const errorPaths = [
  'thrown-404',
  'unmatched-path',
  'malformed-json',
  'validation',
  'unexpected-500',
];
const everything = [
  ...errorPaths,
  'problem-404',
  'unmatched-method',
  'success-get',
  'success-post',
];

/**
 * Every server measured, in the order each round runs them (rotated by one each round). The
 * pairs the targets compare sit side by side (hand-written, faultline, default, faultline with
 * stacks, the A/A twin), so each pair is measured seconds apart, except in the one round whose
 * rotation splits it across the ends; each faultline app with its production options on follows
 * the default, two places from the same app with them off. `role` decides the ratios: each framework's `default` is the
 * denominator of "× default", the `ceiling` of "× ceiling"; a `control` is an identical second
 * copy of a default server, whose ratio to the first shows how far noise alone moves a ratio. `requires` names a workspace package
 * whose build must exist for the contender to run; `quick` marks the `--quick` subset; `env` (only
 * on `withBaseline()`'s contenders) is added to the server's environment.
 */
export const contenders = [
  {
    id: 'ceiling',
    label: 'node:http, precomputed buffer',
    framework: 'node',
    role: 'ceiling',
    scenarios: everything,
    quick: true,
  },
  {
    id: 'raw-stringify',
    label: 'node:http, JSON.stringify per request',
    framework: 'node',
    role: 'context',
    scenarios: ['thrown-404'],
    quick: false,
  },
  {
    id: 'fastify-hand',
    label: 'Fastify hand-written setErrorHandler',
    framework: 'fastify',
    role: 'hand',
    scenarios: [...errorPaths, 'problem-404'],
    quick: true,
  },
  {
    id: 'fastify-faultline',
    label: '@faultline/fastify',
    framework: 'fastify',
    role: 'faultline',
    requires: '@faultline/fastify',
    scenarios: everything,
    quick: true,
  },
  {
    id: 'fastify-default',
    label: 'Fastify default handlers',
    framework: 'fastify',
    role: 'default',
    scenarios: everything,
    quick: true,
  },
  {
    id: 'fastify-faultline-options',
    label: '@faultline/fastify, production options on (no @opentelemetry/api installed)',
    framework: 'fastify',
    role: 'options',
    requires: '@faultline/fastify',
    scenarios: everything,
    quick: true,
  },
  {
    id: 'fastify-faultline-stack',
    label: '@faultline/fastify, stackPolicy: true (4xx capture a stack)',
    framework: 'fastify',
    role: 'faultline',
    requires: '@faultline/fastify',
    scenarios: ['thrown-404'],
    quick: false,
  },
  {
    id: 'fastify-default-twin',
    label: 'Fastify default handlers again (A/A control)',
    framework: 'fastify',
    role: 'control',
    scenarios: ['success-get'],
    quick: false,
  },
  {
    id: 'fastify-sensible',
    label: '@fastify/sensible',
    framework: 'fastify',
    role: 'peer',
    scenarios: ['thrown-404', 'unmatched-path'],
    quick: false,
  },
  {
    id: 'express-hand',
    label: 'Express hand-written error middleware',
    framework: 'express',
    role: 'hand',
    scenarios: [...errorPaths, 'problem-404'],
    quick: true,
  },
  {
    id: 'express-faultline',
    label: '@faultline/express',
    framework: 'express',
    role: 'faultline',
    requires: '@faultline/express',
    scenarios: everything,
    quick: true,
  },
  {
    id: 'express-default',
    label: 'Express finalhandler',
    framework: 'express',
    role: 'default',
    scenarios: everything,
    quick: true,
  },
  {
    id: 'express-faultline-options',
    label: '@faultline/express, production options on (no @opentelemetry/api installed)',
    framework: 'express',
    role: 'options',
    requires: '@faultline/express',
    scenarios: everything,
    quick: true,
  },
  {
    id: 'express-default-twin',
    label: 'Express finalhandler again (A/A control)',
    framework: 'express',
    role: 'control',
    scenarios: ['success-get'],
    quick: false,
  },
  {
    id: 'express-http-errors',
    label: 'http-errors + JSON error middleware',
    framework: 'express',
    role: 'peer',
    scenarios: errorPaths,
    quick: false,
  },
  {
    id: 'express-problem-details',
    label: 'express-http-problem-details',
    framework: 'express',
    role: 'peer',
    scenarios: errorPaths,
    quick: false,
  },
];

/** The faultline contenders that `--baseline` measures again, built from the earlier revision. */
const baselined = ['fastify-faultline', 'express-faultline'];

/**
 * The contenders with `--baseline`: right before each framework's hand-written contender (two
 * places from its faultline contender, which stays between hand-written and default), the same app as
 * `<id>-baseline`, its server given `env` so that it imports `@faultline/core`, `/express` and
 * `/fastify` from the baseline checkout's build (`baseline.dir`). Without a baseline, `list` as it is.
 *
 * @example const all = withBaseline(contenders, { dir, short: '5900ee9' });
 */
export function withBaseline(list, baseline) {
  if (baseline === undefined) return list;
  return list.flatMap((contender) => {
    if (contender.role !== 'hand') return [contender];
    const original = list.find(
      (other) => baselined.includes(other.id) && other.framework === contender.framework,
    );
    if (original === undefined) return [contender];
    const twin = {
      ...original,
      id: `${original.id}-baseline`,
      label: `${original.label} as built at ${baseline.short}`,
      role: 'baseline',
      requires: undefined,
      env: { [PACKAGES_ENV]: baseline.dir },
    };
    return [twin, contender];
  });
}
