import http from 'node:http';
import { ProblemError } from '@faultline/core';
import { problemHandlers } from '@faultline/express';
import { frameworks } from './helpers/frameworks';
import { silentLogger } from './helpers/logger';
import { exchange, parseRaw } from './helpers/raw-socket';

describe.each(frameworks)('HEAD requests on $name', ({ express }) => {
  let server: http.Server;

  beforeEach(() => {
    const app = express();
    app.get('/datasets/:id', () => {
      throw new ProblemError('RESOURCE_NOT_FOUND', { detail: 'No such dataset.' });
    });
    app.post('/uploads', (_req, res) => {
      res.end();
    });
    app.use(problemHandlers({ logger: silentLogger }));
    server = http.createServer(app);
  });

  afterEach(() => {
    server.close();
  });

  it.each([
    ['a thrown error', '/datasets/7', 'HTTP/1.1 404 Not Found'],
    ['an unknown path', '/nope', 'HTTP/1.1 404 Not Found'],
    ['an unserved method', '/uploads', 'HTTP/1.1 405 Method Not Allowed'],
  ])('puts no body on the wire for %s (RFC 9110 §9.3.2)', async (_what, path, statusLine) => {
    const raw = await exchange(
      server,
      `HEAD ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
    );
    const response = parseRaw(raw);
    expect(response.statusLine).toBe(statusLine);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(Number(response.headers['content-length'])).toBeGreaterThan(0);
    expect(response.body).toBe('');
  });
});
