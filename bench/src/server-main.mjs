// A contender's server in its own process: `node server-main.mjs <contender-id>`. Prints one JSON
// line, `{"port":N}` (or `{"error":"…"}`), then serves until SIGTERM, SIGINT or the parent goes.
import { markWindow } from './callgrind.mjs';

const id = process.argv[2] ?? '';

function report(message) {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

try {
  if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`unknown contender "${id}"`);
  const { start } = await import(`./apps/${id}.mjs`);
  const { port, close } = await start();
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // A normal exit, so that `--cpu-prof` writes its profile.
    const timer = setTimeout(() => process.exit(0), 2000);
    await close().catch(() => {});
    clearTimeout(timer);
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // The harness died without stopping this server (killed, or its output pipe closed).
  process.on('disconnect', stop);
  // `--instructions`: the harness marks the edges of each measured window (callgrind dumps there).
  process.on('message', (message) => {
    if (typeof message?.mark !== 'number') return;
    markWindow();
    process.send?.({ marked: message.mark });
  });
  report({ port });
} catch (error) {
  report({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}
