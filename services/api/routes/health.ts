import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

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

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['ops'],
        summary: 'Liveness and the state of the event store and projections',
        security: [],
        response: {
          200: z.object({ status: z.literal('ok'), store: z.string(), position: z.string(), projected: z.string(), reactors: reactorsSchema }),
          503: z.object({ status: z.literal('degraded'), store: z.string(), detail: z.string() }),
        },
      },
    },
    async (_request, reply) => {
      const { store, runner } = app.deps;
      const health = await store.health();
      const failure = runner.failure();
      if (!health.ok || failure) {
        const detail = health.detail ?? (failure instanceof Error ? failure.message : 'projection runner stopped');
        return reply.code(503).send({ status: 'degraded' as const, store: health.adapter, detail });
      }
      return {
        status: 'ok' as const,
        store: health.adapter,
        position: (await store.headPosition()).toString(),
        projected: runner.position().toString(),
        // A failing reactor shows where it stopped and why; it retries on its own and blocks nothing else.
        reactors: app.deps.platform.reactors.status(),
      };
    },
  );
};
