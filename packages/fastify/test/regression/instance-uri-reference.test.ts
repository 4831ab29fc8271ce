import { exchange, httpRequest, onlyResponse } from '@faultline/test-support';
import { versions } from '../helpers';
import { closeCleanly, startHostileApp } from '../reliability/support/hostile-app';

/*
 * Counter-example found by the request-paths property: with `instance: true`, `GET /a{b}` was
 * answered with `"instance":"/a{b}"`, which is not a URI reference (RFC 9457 §3.1.5; core's
 * schema refuses it). Node's parser lets `{ } | \ ^ ` < > " #` and a `%` that starts no escape
 * through; the path is now percent-encoded where it has to be. Raw sockets: `inject`
 * normalises some of these away.
 */
describe.each(versions)('%s: instance from the request path', (_name, version) => {
  it.each([
    ['/a{b}', 404, '/a%7Bb%7D'],
    ['/a|b\\c^d`e', 404, '/a%7Cb%5Cc%5Ed%60e'],
    ['/a<b>"c"', 404, '/a%3Cb%3E%22c%22'],
    ['/a#b#c', 404, '/a%23b%23c'],
    // Fastify 5 refuses the path itself (FST_ERR_BAD_URL); Fastify 4 finds no route for it.
    ['/a%zz', version.major === 5 ? 400 : 404, '/a%25zz'],
    ['/a%', version.major === 5 ? 400 : 404, '/a%25'],
    ['/a%2Fb%C3%A9', 404, '/a%2Fb%C3%A9'],
    ["/a-b_c.d~e!$&'()*+,;=:@", 404, "/a-b_c.d~e!$&'()*+,;=:@"],
    // A leading `//` would name another host (a network-path reference).
    ['//evil.example/x', 404, '/%2Fevil.example/x'],
  ])('%s → %s %s', async (path, status, instance) => {
    const server = await startHostileApp(version, () => {});
    try {
      const response = onlyResponse(
        await exchange(server.port, [httpRequest('GET', `${path}?q={x}`)]),
      );
      expect(JSON.parse(response.body)).toMatchObject({ status, instance });
    } finally {
      await closeCleanly(server);
    }
  });
});
