import { markWindow } from '../callgrind.mjs';

/**
 * Prints `{"port":N}` once the server listens, and, when `BENCH_COLD_MARK` is set, marks the
 * callgrind window (start-up → first answer) and exits as soon as the first answer is sent.
 *
 * @example const server = app.listen(0, '127.0.0.1', () => reportReady(server));
 */
export function reportReady(server) {
  if (process.env.BENCH_COLD_MARK !== undefined) {
    server.once('request', (_req, res) => {
      res.once('finish', () => {
        markWindow();
        process.exit(0);
      });
    });
  }
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
}

/** What `GET /items` answers in every cold-start app. */
export const ITEMS = [{ id: 1, name: 'anvil' }];
