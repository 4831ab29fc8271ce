import { Writable } from 'node:stream';
import rateLimit5 from '@fastify/rate-limit';
import sensible5 from '@fastify/sensible';
import { defineProblems } from '@faultline/core';
import { type FaultlineOptions, faultline } from '@faultline/fastify';
import fastify5, {
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyServerOptions,
} from 'fastify';
import fastify4 from 'fastify4';
import rateLimit4 from 'rate-limit4';
import sensible4 from 'sensible4';

type Factory = (options?: FastifyServerOptions) => FastifyInstance;

/** One Fastify major and the plugins built for it. */
export interface Version {
  readonly name: string;
  readonly major: 4 | 5;
  readonly Fastify: Factory;
  readonly rateLimit: FastifyPluginAsync<Record<string, unknown>>;
  readonly sensible: FastifyPluginAsync;
}

// Fastify 4's types differ in detail from 5's; the tests drive both through 5's.
export const versions: readonly (readonly [string, Version])[] = [
  [
    'Fastify 5',
    {
      name: 'Fastify 5',
      major: 5,
      Fastify: fastify5 as unknown as Factory,
      rateLimit: rateLimit5 as unknown as FastifyPluginAsync<Record<string, unknown>>,
      sensible: sensible5 as unknown as FastifyPluginAsync,
    },
  ],
  [
    'Fastify 4',
    {
      name: 'Fastify 4',
      major: 4,
      Fastify: fastify4 as unknown as Factory,
      rateLimit: rateLimit4 as unknown as FastifyPluginAsync<Record<string, unknown>>,
      sensible: sensible4 as unknown as FastifyPluginAsync,
    },
  ],
];

export const TYPE_BASE = 'https://api.example.com/docs/errors';
export const problems = defineProblems({ typeBase: TYPE_BASE });
export const PROBLEM_TYPE = 'application/problem+json';

/** Builds an app with the plugin registered first, then `routes`; ready to `inject`. */
export async function build(
  version: Version,
  routes: (app: FastifyInstance) => unknown,
  options: FaultlineOptions = {},
  server: FastifyServerOptions = {},
): Promise<FastifyInstance> {
  const app = version.Fastify({ logger: false, ...server });
  await app.register(faultline, { registry: problems.registry, ...options });
  await routes(app);
  await app.ready();
  return app;
}

/** A pino destination that keeps every line, parsed. */
export function logCapture(): {
  readonly lines: Record<string, unknown>[];
  readonly stream: Writable;
} {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      callback();
    },
  });
  return { lines, stream };
}

/** The problem body the default catalogue gives a status and code, with the test type base. */
export function expected(
  status: number,
  slug: string,
  title: string,
  members: Record<string, unknown> = {},
): Record<string, unknown> {
  return { status, title, type: `${TYPE_BASE}#${slug}`, ...members };
}
