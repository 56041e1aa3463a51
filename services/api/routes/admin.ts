/** Operator endpoints. The manual clock exists only when the server was started with CLOCK=manual. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ClockBackwardsError, ClockOutOfRangeError, type ManualClock } from '../../clock.js';
import { requirePrincipal, requireRole } from '../authenticate.js';
import { HttpProblem } from '../problem.js';
import { instant, problemSchema } from '../schemas.js';

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/admin/clock',
    { schema: { tags: ['admin'], summary: 'The server clock', response: { 200: z.object({ now: z.string(), kind: z.string() }) } } },
    async () => ({ now: app.deps.clock.now().toISOString(), kind: app.deps.clock.kind }),
  );
  app.post(
    '/v1/admin/clock',
    {
      schema: {
        tags: ['admin'],
        summary: 'Move the manual clock forward (demos and end-to-end tests only)',
        body: z.object({ now: instant }),
        response: { 200: z.object({ now: z.string() }), 400: problemSchema, 401: problemSchema, 403: problemSchema, 409: problemSchema },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(request, app.deps.signingKey);
      requireRole(principal, null, []);
      const clock = app.deps.clock;
      if (clock.kind !== 'manual') throw new HttpProblem(409, 'clock_not_manual', 'The server runs on the system clock');
      try {
        (clock as ManualClock).set(new Date(request.body.now));
      } catch (error) {
        if (error instanceof ClockBackwardsError) throw new HttpProblem(409, 'clock_backwards', error.message);
        if (error instanceof ClockOutOfRangeError) throw new HttpProblem(400, 'instant_out_of_range', error.message);
        throw error;
      }
      request.log.warn({ now: clock.now().toISOString() }, 'manual clock moved');
      return { now: clock.now().toISOString() };
    },
  );
};
