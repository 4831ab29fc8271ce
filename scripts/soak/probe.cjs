// Preloaded into a server under soak: samples its memory and event-loop delay and writes them to
// the file named by SOAK_STATS_FILE, so the load generator can read them from another process.
const { writeFileSync } = require('node:fs');
const { monitorEventLoopDelay } = require('node:perf_hooks');

const file = process.env.SOAK_STATS_FILE;
if (file) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const write = () => {
    const stats = {
      rss: process.memoryUsage.rss(),
      heapUsed: process.memoryUsage().heapUsed,
      delayP99Ms: delay.percentile(99) / 1e6,
      delayMaxMs: delay.max / 1e6,
    };
    writeFileSync(file, JSON.stringify(stats));
  };
  setInterval(write, 250).unref();
  process.on('message', () => {});
  // The soak asks for a sample after a full collection (heap that is really retained), and
  // starts the delay histogram afresh for the measured run.
  process.on('SIGUSR2', () => {
    global.gc?.();
    delay.reset();
    write();
  });
}
