/**
 * Personal-data protection over HTTP (PIPL): asking for a person's data in a compound to be erased, and the
 * supervisory board's list of staff reads of personal data (who, what, when, why; never the data). Thin.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ErasureRequester, PersonalDataErasedData } from '../../domain/personalData/index.js';
import { requirePrincipal, requireRole } from '../api/authenticate.js';
import { identifier, problemSchema } from '../api/schemas.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export const personalDataRoutes: FastifyPluginAsyncZod = async (app) => {
  const { personalData, commands, signingKey } = app.deps;

  app.post(
    '/v1/compounds/:compoundId/personal-data/:personId/erasure',
    {
      schema: {
        tags: ['personal data'],
        summary:
          'Erase a person\u2019s personal data in the compound (PIPL Art. 47): their keys are destroyed, views show 已删除; counts, areas, tallies and the log\u2019s chains are untouched. The person at any time; the OC or an admin once they own no unit and the retention period has run',
        params: z.object({ compoundId: identifier, personId: identifier }),
        response: { 201: z.object({ personId: z.string(), destroyedKeys: z.number(), basis: z.string(), position: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const { compoundId, personId } = request.params;
      const principal = await requirePrincipal(request, signingKey);
      const acting: ErasureRequester = principal.personId === personId ? 'self' : (requireRole(principal, compoundId, ['oc_member']) as 'oc_member' | 'admin');
      return commands.run(request, reply, {
        principal,
        role: acting === 'self' ? 'self' : acting,
        execute: (cmd) => personalData.erase({ type: 'ErasePersonalData', data: { compoundId, personId }, by: { personId: principal.personId, acting } }, cmd),
        respond: ({ events, position }) => {
          const erased = events[0]!.data as PersonalDataErasedData;
          return { status: 201, body: { personId: erased.personId, destroyedKeys: erased.keyIds.length, basis: erased.basis, position: position.toString() } };
        },
      });
    },
  );

  app.get(
    '/v1/compounds/:compoundId/personal-data/reads',
    {
      schema: {
        tags: ['personal data'],
        summary: 'Staff reads of personal data in the compound (who, which record and units, when, why), for the supervisory board: never the data',
        params: z.object({ compoundId: identifier }),
        querystring: z.object({
          cursor: z.string().regex(/^\d{1,20}$/).optional().describe('the `next` of the previous page'),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
        response: {
          200: z.object({
            reads: z.array(
              z.object({
                reader: z.object({ personId: z.string(), role: z.string() }),
                record: z.string(),
                unitIds: z.array(z.string()),
                names: z.number(),
                reason: z.string(),
                readAt: z.string(),
                position: z.string(),
              }),
            ),
            next: z.string().nullable(),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { compoundId } = request.params;
      const principal = await requirePrincipal(request, signingKey);
      requireRole(principal, compoundId, ['supervisor']);
      const { reads, next } = await personalData.reads(compoundId, BigInt(request.query.cursor ?? '0'), request.query.limit);
      return { reads: reads.map((r) => ({ reader: r.reader, record: r.record, unitIds: [...r.unitIds], names: r.names, reason: r.reason, readAt: r.readAt, position: r.position })), next };
    },
  );
};
