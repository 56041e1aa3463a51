/**
 * Registry corrections over HTTP (登记更正): a unit's area and its source, a unit returned to the developer, an
 * owner's name; each a new event with its evidence, none changing a roll already frozen.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal, requireRole } from '../api/authenticate.js';
import { problemSchema } from '../api/schemas.js';
import type { Role } from '../auth/grants.js';

/** Who keeps the registry: the street office and the residents' committee (as for imports and transfers). */
const REGISTRARS: readonly Role[] = ['street_office', 'rc_staff'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const evidenceRef = z.string().min(1).max(200).describe('the document the correction rests on (survey report, ruling, rescission)');

export const correctionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { registry, commands, signingKey } = app.deps;
  app.post(
    '/v1/compounds/:compoundId/units/:unitId/corrections',
    {
      schema: {
        tags: ['registry'],
        summary: 'Correct a unit on evidence: its area and area source, its return to the developer, or an owner\u2019s name',
        params: z.object({ compoundId: z.string().min(1).max(100), unitId: z.string().min(1).max(64) }),
        body: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('area'), area: z.string().max(20), areaSource: z.enum(['registry', 'survey', 'contract']), evidenceRef }),
          z.object({ kind: z.literal('returned_to_developer'), evidenceRef }),
          z.object({ kind: z.literal('owner_name'), personId: z.string().min(1).max(64), name: z.string().min(1).max(100), evidenceRef }),
        ]),
        response: { 201: z.object({ unitId: z.string(), kind: z.string(), position: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const { compoundId, unitId } = request.params;
      const principal = await requirePrincipal(request, signingKey);
      const role = requireRole(principal, compoundId, REGISTRARS);
      const body = request.body;
      return commands.run(request, reply, {
        principal,
        role,
        execute: (cmd) => registry.handle(compoundId, { type: 'CorrectUnit', data: { ...body, unitId } }, cmd),
        respond: ({ position }) => ({ status: 201, body: { unitId, kind: body.kind, position: position.toString() } }),
      });
    },
  );
};
