import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import multipart5 from '@fastify/multipart';
import multipart4 from '@fastify/multipart4';
import { problemHandlers } from '@faultline/express';
import { faultline } from '@faultline/fastify';
import express5 from 'express';
import express4 from 'express4';
import fastify5, { type FastifyInstance } from 'fastify';
import fastify4 from 'fastify4';
import multer from 'multer';
import { capturingLogger } from './support/capture-logger';

/**
 * Real uploads over real HTTP: multer on Express 4 and 5, @fastify/multipart on Fastify 4 and 5,
 * each with a file size limit of 16 bytes. A file over the limit is a 413 on every adapter; a
 * file in a field the route does not take is a 400 naming the field.
 */

const FILE_SIZE_LIMIT = 16;
/** The client's own file name: not the server's to repeat. */
const FILE_NAME = 'private-name-8c2e.png';

interface Server {
  readonly url: string;
  close(): Promise<void>;
}

async function expressServer(express: typeof express5): Promise<Server> {
  const app = express();
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: FILE_SIZE_LIMIT } });
  app.post('/upload', upload.single('avatar'), (_req, res) => {
    res.status(201).json({ ok: true });
  });
  app.use(problemHandlers({ logger: capturingLogger().logger }));
  const server = http.createServer(app);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/upload`,
    async close() {
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}

async function fastifyServer(
  factory: (options: Record<string, unknown>) => FastifyInstance,
  major: 4 | 5,
  plugin: unknown,
): Promise<Server> {
  const app = factory({ [major === 5 ? 'loggerInstance' : 'logger']: capturingLogger().logger });
  await app.register(faultline);
  await app.register(plugin as typeof multipart5, { limits: { fileSize: FILE_SIZE_LIMIT } });
  app.post('/upload', async (request, reply) => {
    const file = await request.file();
    await file?.toBuffer();
    reply.code(201);
    return { ok: true };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/upload`,
    close: () => app.close(),
  };
}

const servers: readonly (readonly [string, () => Promise<Server>])[] = [
  ['Express 4 + multer', () => expressServer(express4 as unknown as typeof express5)],
  ['Express 5 + multer', () => expressServer(express5)],
  [
    'Fastify 4 + @fastify/multipart 8',
    () => fastifyServer(fastify4 as unknown as typeof fastify5, 4, multipart4),
  ],
  [
    'Fastify 5 + @fastify/multipart 10',
    () => fastifyServer(fastify5 as typeof fastify5, 5, multipart5),
  ],
];

async function upload(url: string, field: string, bytes: number) {
  const form = new FormData();
  form.append(field, new Blob(['x'.repeat(bytes)]), FILE_NAME);
  const response = await fetch(url, { method: 'POST', body: form });
  const text = await response.text();
  expect(text).not.toContain(FILE_NAME);
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: JSON.parse(text) as Record<string, unknown>,
  };
}

describe.each(servers)('%s', (_name, start) => {
  let server: Server;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server.close());

  it('a file within the limit is taken', async () => {
    const { status, body } = await upload(server.url, 'avatar', FILE_SIZE_LIMIT);
    expect({ status, body }).toEqual({ status: 201, body: { ok: true } });
  });

  it('a file over the limit → 413 PAYLOAD_TOO_LARGE', async () => {
    const { status, contentType, body } = await upload(server.url, 'avatar', 4 * FILE_SIZE_LIMIT);
    expect({ status, contentType }).toEqual({
      status: 413,
      contentType: 'application/problem+json',
    });
    expect(body).toMatchObject({
      status: 413,
      title: 'Content Too Large',
      error_code: 'PAYLOAD_TOO_LARGE',
    });
  });
});

describe.each(servers.slice(0, 2))('%s: what multer says, as it meant it', (_name, start) => {
  let server: Server;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server.close());

  it('a file over the limit says so', async () => {
    const { body } = await upload(server.url, 'avatar', 4 * FILE_SIZE_LIMIT);
    expect(body.detail).toBe('An uploaded file is larger than the server accepts.');
  });

  it('a file in a field the route does not take → 400 VALIDATION_ERROR naming the field', async () => {
    const { status, body } = await upload(server.url, 'document', 1);
    expect({ status, body }).toEqual({
      status: 400,
      body: {
        status: 400,
        title: 'Bad Request',
        type: 'about:blank',
        detail: 'The upload has a file in a field that takes no more files.',
        error_code: 'VALIDATION_ERROR',
        errors: [
          {
            detail: 'The upload has a file in a field that takes no more files.',
            pointer: '#/document',
          },
        ],
      },
    });
  });
});
