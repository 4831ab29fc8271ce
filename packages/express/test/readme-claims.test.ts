/**
 * Claims of the README outside its tables, held to what Express and this package do:
 * - "Async handlers on Express 4": a rejected promise is unhandled on Express 4; on Node 15+ the
 *   process ends (exit code 1); with an `unhandledRejection` listener the request hangs.
 * - "How 405 works, and its limits": OPTIONS inside a mounted router is Express's own answer
 *   (`Allow: GET,HEAD` on Express 4); `throw null` and `next(null)` end as a 404.
 */
import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { problemHandlers } from '@faultline/express';
import express5 from 'express';
import express4 from 'express4';
import request from 'supertest';

// Child processes and real servers: generous, the machine is shared.
jest.setTimeout(60_000);

/** An Express 4 app whose async handler rejects, and one request to it; prints what happened. */
function script(withListener: boolean): string {
  return `
const http = require('node:http');
const express = require(${JSON.stringify(require.resolve('express4'))});
${withListener ? "process.on('unhandledRejection', () => console.log('unhandled rejection'));" : ''}
const app = express();
app.get('/datasets', async () => { throw new Error('the store is down'); });
app.use((err, req, res, next) => res.status(500).json({ handled: true }));
const server = app.listen(0, '127.0.0.1', () => {
  const req = http.get({ host: '127.0.0.1', port: server.address().port, path: '/datasets' }, (res) => {
    console.log('answered ' + res.statusCode);
    process.exit(0);
  });
  req.on('error', (error) => console.log('client error ' + error.code));
  req.setTimeout(10000, () => {
    console.log('no answer after 10 s');
    process.exit(0);
  });
});
`;
}

function run(withListener: boolean): Promise<{ code: number | null; stdout: string }> {
  const file = join(tmpdir(), `faultline-express4-rejection-${process.pid}-${withListener}.cjs`);
  writeFileSync(file, script(withListener));
  return new Promise((resolve) => {
    execFile(process.execPath, [file], { timeout: 30_000 }, (error, stdout) => {
      rmSync(file, { force: true });
      resolve({ code: error === null ? 0 : ((error as { code?: number }).code ?? null), stdout });
    });
  });
}

describe('Express 4 and a rejected promise, without wrapAsyncRoutes', () => {
  it('ends the process with exit code 1: the error middleware never sees it', async () => {
    const { code, stdout } = await run(false);
    expect(code).toBe(1);
    expect(stdout).not.toContain('answered');
  });

  it('with an unhandledRejection listener, leaves the request without an answer', async () => {
    const { code, stdout } = await run(true);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toEqual(['unhandled rejection', 'no answer after 10 s']);
  });
});

describe.each([
  { name: 'Express 5', express: express5, allow: 'GET, HEAD' },
  { name: 'Express 4', express: express4 as unknown as typeof express5, allow: 'GET,HEAD' },
])('$name: the limits of the 405 walk', ({ express, allow }) => {
  const app = express();
  const router = express.Router();
  router.get('/items', (_req, res) => {
    res.end();
  });
  app.use('/api', router);
  app.get('/top', (_req, res) => {
    res.end();
  });
  app.get('/throw-null', () => {
    throw null;
  });
  app.get('/next-null', (_req, _res, next) => {
    next(null);
  });
  app.use(problemHandlers({ logger: { error() {} } }));

  it('OPTIONS inside a mounted router is answered by Express itself', async () => {
    const response = await request(app).options('/api/items');
    expect([response.status, response.headers.allow]).toEqual([200, allow]);
  });

  it('OPTIONS on a top-level path gets Allow: GET, HEAD from this package', async () => {
    const response = await request(app).options('/top');
    expect([response.status, response.headers.allow]).toEqual([204, 'GET, HEAD']);
  });

  it.each(['/throw-null', '/next-null'])('%s ends as a 404', async (path) => {
    const response = await request(app).get(path);
    expect([response.status, response.body.error_code]).toEqual([404, 'RESOURCE_NOT_FOUND']);
  });
});
