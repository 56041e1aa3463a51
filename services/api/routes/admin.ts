/** Operator endpoints. The manual clock exists only when the server was started with CLOCK=manual. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ClockBackwardsError, ClockOutOfRangeError, type ManualClock } from '../../clock.js';
import { requirePrincipal, requireRole } from '../authenticate.js';
import { HttpProblem } from '../problem.js';
import { identifier, instant, problemSchema } from '../schemas.js';

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

  // trust17: token revocation, recorded in the log (services/auth/revocations.ts).
  app.post(
    '/v1/admin/token-revocations',
    {
      schema: {
        tags: ['admin'],
        summary: 'Revoke a token (by its jti) or every token of a person issued before an instant; recorded in the log, refused (401 token_revoked) from then on',
        body: z.union([
          z.object({ jti: z.string().min(1).max(200), reason: z.string().min(1).max(500) }).strict(),
          z.object({ subject: identifier, issuedBefore: instant, reason: z.string().min(1).max(500) }).strict(),
        ]),
        response: { 201: z.object({ revoked: z.string(), position: z.string() }), 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request, reply) => {
      const principal = await requirePrincipal(request, app.deps.signingKey);
      requireRole(principal, null, []);
      const body = request.body;
      return app.deps.commands.run(request, reply, {
        principal,
        role: 'admin',
        execute: (cmd) =>
          app.deps.tokenRevocations.revoke(
            'jti' in body ? { kind: 'token', jti: body.jti, reason: body.reason } : { kind: 'subject', subject: body.subject, issuedBefore: new Date(body.issuedBefore), reason: body.reason },
            cmd,
          ),
        respond: ({ events, position }) => {
          const e = events[0]!;
          const data = e.data as { jti?: string; subject?: string };
          return { status: 201, body: { revoked: e.type === 'TokenRevoked' ? `token ${data.jti}` : `tokens of ${data.subject}`, position: position.toString() } };
        },
      });
    },
  );
};
