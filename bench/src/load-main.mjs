// The load generator in its own process: runs autocannon for each job the parent sends over IPC
// and answers with the figures the report needs.
import http from 'node:http';
import autocannon from 'autocannon';

function summarise(result, cpu) {
  const statuses = {};
  for (const [status, { count }] of Object.entries(result.statusCodeStats ?? {})) {
    statuses[status] = count;
  }
  return {
    requests: result.requests.total,
    seconds: result.duration,
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
    // The load generator's own CPU per response: it shares the cores with the server.
    loadCpuUs:
      result.requests.total === 0 ? undefined : (cpu.user + cpu.system) / result.requests.total,
  };
}

function once(agent, job) {
  return new Promise((resolve) => {
    const request = http.request(
      job.url,
      { method: job.method, headers: job.headers, agent },
      (response) => {
        response.resume();
        response.on('end', resolve);
        response.on('error', resolve);
      },
    );
    request.on('error', resolve);
    request.end(job.body);
  });
}

/** Warm-up: `connections` keep-alive loops for `seconds`, any fraction of a second (autocannon stops on whole seconds). */
async function warm(job) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
  const deadline = performance.now() + job.seconds * 1000;
  let requests = 0;
  await Promise.all(
    Array.from({ length: job.connections }, async () => {
      while (performance.now() < deadline) {
        await once(agent, job);
        requests++;
      }
    }),
  );
  agent.destroy();
  return { requests };
}

function reply(message) {
  // The harness may be gone (killed mid-run); then there is no one to answer.
  if (process.connected) process.send(message);
}

process.on('message', async ({ id, job }) => {
  if (job.warm) {
    reply({ id, result: await warm(job) });
    return;
  }
  try {
    const before = process.cpuUsage();
    const result = await autocannon({
      url: job.url,
      method: job.method,
      headers: job.headers,
      body: job.body,
      connections: job.connections,
      duration: job.duration,
      pipelining: 1,
    });
    reply({ id, result: summarise(result, process.cpuUsage(before)) });
  } catch (error) {
    reply({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
