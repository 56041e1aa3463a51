/** `GET /v1/compounds/{compoundId}/export`: the compound's signed, pseudonymised log (`deps.export`, exportCompound.ts). Thin. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal, requireRole } from '../api/authenticate.js';
import { HttpProblem } from '../api/problem.js';
import { identifier, problemSchema } from '../api/schemas.js';
import { exportSchema } from './viewSchemas.js';

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { signingKey, clock } = app.deps;
  app.get(
    '/v1/compounds/:compoundId/export',
    {
      schema: {
        tags: ['log'],
        summary: 'The compound\u2019s whole log (streams, events, hash chains) with personal data pseudonymised, re-chained and signed with the log key; check it with `npm run verify-export`',
        params: z.object({ compoundId: identifier }),
        response: { 200: exportSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const { compoundId } = request.params;
      const principal = await requirePrincipal(request, signingKey);
      // The convenor (the OC) and the supervisory board; a platform admin.
      requireRole(principal, compoundId, ['oc_member', 'supervisor']);
      const file = await app.deps.export.compound(compoundId, clock.now());
      if (!file) throw new HttpProblem(404, 'compound_not_found', `No compound ${compoundId}`);
      reply.header('content-disposition', `attachment; filename="export-${compoundId}.json"`);
      reply.type('application/json');
      // Sent as text: Fastify passes a string through unserialised, so a whole log is never re-validated
      // (exportSchema documents it; the compiler holds that schema to ExportFile).
      return reply.send(JSON.stringify(file) as never);
    },
  );
};
