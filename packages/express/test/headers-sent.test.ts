import http from 'node:http';
import { problemHandlers } from '@faultline/express';
import { frameworks } from './helpers/frameworks';
import { recordingLogger } from './helpers/logger';
import { exchange, parseRaw } from './helpers/raw-socket';

describe.each(frameworks)('an error after the response started on $name', ({ express }) => {
  it('hands the error to Express, which cuts the connection: nothing is written twice', async () => {
    const { logger, calls } = recordingLogger();
    const error = new Error('stream broke');
    const app = express();
    app.get('/export', (_req, res, next) => {
      res.setHeader('Content-Type', 'text/csv');
      res.write('id,name\n');
      next(error);
    });
    app.use(problemHandlers({ logger }));
    const server = http.createServer(app);
    try {
      const raw = await exchange(server, 'GET /export HTTP/1.1\r\nHost: localhost\r\n\r\n');
      const response = parseRaw(raw);
      expect(response.statusLine).toBe('HTTP/1.1 200 OK');
      expect(response.headers['transfer-encoding']).toBe('chunked');
      // The chunked body never gets its final 0-length chunk: the client can tell it was cut.
      expect(response.body).toBe('8\r\nid,name\n\r\n');
      expect(raw).not.toContain('problem+json');
      expect(calls).toEqual([
        {
          level: 'error',
          obj: { err: error, method: 'GET', url: '/export' },
          msg: 'GET /export failed after its response started; closing the connection',
        },
      ]);
    } finally {
      server.close();
    }
  });
});
