/**
 * GET /health: the status for anyone; with a valid token, the details: the store, each projection's version
 * and position, the scopes whose projection failed (projection, scope, event position, reason: never a path)
 * and the reactors. A projection failure degrades the service but does not stop it: 200 `degraded`. 503 only
 * when the store cannot be reached or the projection runner itself stopped.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reasonOf } from '../../projections/runner.js';
import { principalOf } from '../authenticate.js';

const reactorsSchema = z.array(
  z.object({
    name: z.string(),
    state: z.enum(['running', 'failing', 'stopped']),
    position: z.string(),
    failure: z.object({ at: z.string(), reason: z.string(), attempts: z.number(), retryAt: z.string() }).nullable(),
    issued: z.number(),
    replayed: z.number(),
    refused: z.number(),
  }),
);
const status = z.enum(['ok', 'degraded']);

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['ops'],
        summary: 'Liveness; with a token, the state of the event store, each projection and the reactors',
        security: [],
        response: {
          200: z.union([
            z.object({
              status,
              store: z.string(),
              position: z.string(),
              projected: z.string(),
              projections: z.array(z.object({ name: z.string(), version: z.number(), position: z.string() })),
              failures: z.array(z.object({ projection: z.string(), scope: z.string(), position: z.string(), eventType: z.string(), reason: z.string() })),
              reactors: reactorsSchema,
            }),
            z.object({ status }),
          ]),
          503: z.union([z.object({ status: z.literal('degraded'), store: z.string(), detail: z.string() }), z.object({ status: z.literal('degraded') })]),
        },
      },
    },
    async (request, reply) => {
      const { store, runner, read } = app.deps;
      const detailed = (await principalOf(request, app.deps.signingKey).catch(() => null)) !== null;
      const health = await store.health();
      const stopped = runner.failure();
      if (!health.ok || stopped) {
        const detail = health.ok ? `projection runner stopped: ${reasonOf(stopped)}` : reasonOf(health.detail ?? 'store unreachable');
        return reply.code(503).send(detailed ? { status: 'degraded' as const, store: health.adapter, detail } : { status: 'degraded' as const });
      }
      const failures = read.failures();
      const state = failures.length > 0 ? ('degraded' as const) : ('ok' as const);
      if (!detailed) return { status: state };
      return {
        status: state,
        store: health.adapter,
        position: (await store.headPosition()).toString(),
        projected: runner.position().toString(),
        projections: read.projections().map((p) => ({ name: p.name, version: p.version, position: p.position.toString() })),
        failures,
        // A failing reactor shows where it stopped and why; it retries on its own and blocks nothing else.
        reactors: app.deps.platform.reactors.status(),
      };
    },
  );
};
