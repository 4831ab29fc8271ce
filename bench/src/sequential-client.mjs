import http from 'node:http';

function send(agent, port, scenario) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path: scenario.path,
        method: scenario.method,
        headers: scenario.headers,
        agent,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(scenario.body);
  });
}

/**
 * Sends a scenario's request `count` times, one after the other on one keep-alive connection
 * (a new one only when the server closes it), and resolves with the count of each status.
 * Sequential on purpose: a server under callgrind runs many times slower, and one request at a
 * time makes every contender do exactly the same work.
 *
 * @example const statuses = await sendSequentially(port, scenario, 1000); // { '404': 1000 }
 */
export async function sendSequentially(port, scenario, count) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const statuses = {};
  try {
    for (let index = 0; index < count; index++) {
      const status = await send(agent, port, scenario);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  } finally {
    agent.destroy();
  }
  return statuses;
}
