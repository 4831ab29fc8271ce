import http from 'node:http';
import { problemHandlers } from '@faultline/express';
import { frameworks } from '../helpers/frameworks';
import { silentLogger } from '../helpers/logger';
import { exchange, parseRaw } from '../helpers/raw-socket';

/**
 * Regression: with `instance: true` the request path went into `instance` as Node received it,
 * and Node accepts characters a URI may not hold: `GET /a{b}` gave `"instance": "/a{b}"`,
 * `GET /v2/datasets/%` gave `"/v2/datasets/%"` (not URI references, so not valid problem
 * documents), and `GET //evil.example/x` gave `"//evil.example/x"`, which a client resolves to
 * another host.
 */
describe.each(frameworks)('instance: true on odd request targets, on $name', ({ express }) => {
  it.each([
    ['/a{b}|c^d`e\\f', '/a%7Bb%7D%7Cc%5Ed%60e%5Cf'],
    ['/v2/datasets/%', '/v2/datasets/%25'],
    ['/%41%zz', '/%41%25zz'],
    ['//evil.example/x', '/%2Fevil.example/x'],
    ['/datasets/7?q={x}', '/datasets/7'],
    ["/plain/path-_.~!$&'()*+,;=:@", "/plain/path-_.~!$&'()*+,;=:@"],
  ])('%s → instance %s', async (target, instance) => {
    const app = express();
    app.use(problemHandlers({ instance: true, logger: silentLogger }));
    const server = http.createServer(app);
    try {
      const raw = await exchange(
        server,
        `GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
      );
      expect(JSON.parse(parseRaw(raw).body).instance).toBe(instance);
    } finally {
      server.close();
    }
  });
});
