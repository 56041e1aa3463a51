/**
 * ops: Prometheus metrics at `GET /metrics` (text exposition format, prom-client), on a registry of this app's
 * own (several apps may share a process in tests).
 *
 * - HTTP: requests by method, route pattern (never the raw URL: ids would make a series each) and status,
 *   with their latency as a histogram.
 * - The SQLite store's group commit (from its writer thread, per committed transaction): events per batch
 *   and the transaction's time, COMMIT and fsync included.
 * - The log's head; each projection's and each reactor's lag: events behind the head.
 * - Overdue deadlines: unmet obligations past due, in every compound.
 * - Node's process metrics (prom-client's defaults: memory, CPU, event-loop lag, handles).
 *
 * Who may read it: the holder of METRICS_TOKEN (`Authorization: Bearer <METRICS_TOKEN>`, a static secret a
 * scraper keeps; compared in constant time) or an admin token. The figures carry no personal data, but the
 * route patterns and volumes tell an outsider how the service is used, so it is not public.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { isAdmin } from '../auth/grants.js';
import { isSqliteStore } from '../store/sqlite/index.js';
import { principalOf } from './authenticate.js';
import type { AppDeps } from './deps.js';
import { HttpProblem } from './problem.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

export function registerMetrics(app: FastifyInstance, deps: AppDeps, options: { metricsToken?: string | undefined } = {}): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests answered, by method, route pattern and status', labelNames, registers: [registry] });
  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from the request to the end of its response, by method, route pattern and status',
    labelNames,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  // Callback style (#18): an async hook costs every request a promise and a turn (~1.8 µs).
  app.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    // The pattern (`/v1/motions/:motionId`); requests no route matched share one label.
    const labels = { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) };
    requests.inc(labels);
    latency.observe(labels, reply.elapsedTime / 1000);
    done();
  });

  const { store, read, platform } = deps;
  if (isSqliteStore(store)) {
    const batchEvents = new Histogram({
      name: 'store_append_batch_events',
      help: 'Events written per committed transaction of the store (group commit: the appends of many requests share one)',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048],
      registers: [registry],
    });
    const commitSeconds = new Histogram({
      name: 'store_commit_seconds',
      help: 'Time of one store transaction on the writer thread, COMMIT and its fsync included',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    });
    const off = store.onCommitted((batch) => {
      batchEvents.observe(batch.events);
      commitSeconds.observe(batch.seconds);
    });
    app.addHook('onClose', async () => {
      off();
    });
  }

  new Gauge({
    name: 'log_head_position',
    help: "The log's head: the global position of its last event",
    registers: [registry],
    async collect() {
      this.set(Number(await store.headPosition()));
    },
  });
  // The collectors run concurrently: each lag reads the head itself, before the positions it compares.
  const behind = (head: bigint, position: bigint) => Number(head > position ? head - position : 0n);
  new Gauge({
    name: 'projection_lag_events',
    help: "Events between the log's head and how far each projection has applied it",
    labelNames: ['projection'],
    registers: [registry],
    async collect() {
      const head = await store.headPosition();
      this.reset();
      for (const p of read.projections()) this.set({ projection: p.name }, behind(head, p.position));
    },
  });
  new Gauge({
    name: 'reactor_lag_events',
    help: "Events between the log's head and each reactor's checkpoint",
    labelNames: ['reactor'],
    registers: [registry],
    async collect() {
      const head = await store.headPosition();
      this.reset();
      for (const r of platform.reactors.status()) this.set({ reactor: r.name }, behind(head, BigInt(r.position)));
    },
  });
  new Gauge({
    name: 'reactor_failing',
    help: '1 while a reactor is failing (it retries with backoff; /health says why), else 0',
    labelNames: ['reactor'],
    registers: [registry],
    collect() {
      this.reset();
      for (const r of platform.reactors.status()) this.set({ reactor: r.name }, r.state === 'failing' ? 1 : 0);
    },
  });
  new Gauge({
    name: 'deadlines_overdue',
    help: 'Unmet obligations past their due date (and grace), in every compound',
    registers: [registry],
    collect() {
      this.set(platform.deadlines.overdue());
    },
  });

  const expected = options.metricsToken === undefined ? undefined : digest(options.metricsToken);
  app.get('/metrics', { schema: { tags: ['ops'], summary: 'Prometheus metrics (METRICS_TOKEN or an admin token)' } }, async (request, reply) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const byToken = expected !== undefined && bearer !== undefined && timingSafeEqual(digest(bearer), expected);
    if (!byToken) {
      const principal = await principalOf(request, deps.signingKey);
      if (!principal) throw new HttpProblem(401, 'missing_token', 'Metrics need METRICS_TOKEN or an admin token');
      if (!isAdmin(principal)) throw new HttpProblem(403, 'insufficient_grant', 'Metrics need METRICS_TOKEN or an admin token', { needed: ['admin'] });
    }
    const text = await registry.metrics();
    return reply.type(registry.contentType).send(text);
  });
  return registry;
}
