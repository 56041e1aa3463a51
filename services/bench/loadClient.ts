/**
 * The load generator of `npm run bench:vote`, run in its own process so that it does not share the
 * server's event loop. Reads a job (JSON) from argv[2], runs autocannon, prints one JSON line of results.
 *
 * Job: { url, connections, amount?, durationSeconds?, method, path, bodies?: string[], tokens?: string[] }.
 * Request i (counted across all connections) sends bodies[i] with tokens[i] (each ballot is another voter).
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

interface Job {
  url: string;
  connections: number;
  amount?: number;
  durationSeconds?: number;
  method: 'GET' | 'POST';
  path: string;
  bodies?: string[];
  tokens?: string[];
  token?: string;
}

const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Job;
// autocannon's own `duration` ticks in whole seconds, which for a 20,000-request run is an error of up to 20%:
// the rate is measured here, from the first request sent to the last response.
let firstSent: number | undefined;
let lastDone = 0;
let next = 0;
const instance = autocannon(
  {
    url: job.url,
    connections: job.connections,
    ...(job.amount !== undefined ? { amount: job.amount } : { duration: job.durationSeconds ?? 3 }),
    requests: [
      {
        method: job.method,
        path: job.path,
        setupRequest(request: Record<string, unknown>) {
          const i = next++;
          firstSent ??= performance.now();
          const token = job.tokens ? job.tokens[i % job.tokens.length] : job.token;
          request.headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
          if (job.bodies) request.body = job.bodies[i % job.bodies.length];
          return request;
        },
      },
    ],
  },
  (error: Error | null, result: autocannon.Result) => {
    if (error) {
      console.error(error);
      process.exit(1);
    }
    const elapsedSeconds = (lastDone - (firstSent ?? lastDone)) / 1000;
    const statuses: Record<string, number> = {};
    for (const [k, v] of Object.entries(result.statusCodeStats ?? {})) statuses[k] = (v as { count: number }).count;
    console.log(
      JSON.stringify({
        requests: result.requests.total,
        durationMs: elapsedSeconds * 1000,
        perSecond: result.requests.total / elapsedSeconds,
        // CPU this load generator used (user + system, µs), to show what was left for the server.
        cpuMicros: process.cpuUsage().user + process.cpuUsage().system,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors,
        statuses,
      }),
    );
  },
);
instance.on('response', () => {
  lastDone = performance.now();
});
