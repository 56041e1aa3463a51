/**
 * A compound's obligations (法定期限 and scheduled steps) as the deadline scheduler keeps them
 * (services/platform): what is due when, under which article, for which record, and whether it was met.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '../../auth/grants.js';
import { deadlineStatus, deadlineStatuses, metLate } from '../../platform/deadlines.js';
import { requirePrincipal, requireRole } from '../authenticate.js';
import { HttpProblem } from '../problem.js';
import { afterQuery, problemSchema } from '../schemas.js';
import { viewAsOf } from '../asOf/timeTravel.js';

const anyRole: readonly Role[] = ['owner', 'oc_member', 'rc_staff', 'party_committee', 'street_office', 'property_firm', 'supervisor', 'developer'];

const deadlineSchema = z.object({
  deadlineId: z.string(),
  kind: z.string().describe('e.g. voting_opens, voting_closes, result_publication'),
  dueAt: z.string(),
  status: z.enum(['open', 'met', 'overdue']),
  metAt: z.string().nullable(),
  late: z.boolean().describe('met after dueAt'),
  source: z.object({ article: z.string(), jurisdiction: z.string() }),
  record: z.object({ type: z.string(), id: z.string() }),
  blocked: z
    .object({ code: z.string(), message: z.string(), at: z.string() })
    .nullable()
    .describe('why the server could not take the step itself when it fell due (e.g. notice_not_published)'),
});

export const deadlineRoutes: FastifyPluginAsyncZod = async (app) => {
  const { platform, commands, registry, signingKey, clock } = app.deps;

  app.get(
    '/v1/compounds/:compoundId/deadlines',
    {
      schema: {
        tags: ['deadlines'],
        summary: "The compound's obligations: kind, due date, status, the rule's article, the record",
        params: z.object({ compoundId: z.string().min(1).max(100) }),
        querystring: afterQuery.extend({ status: z.enum(deadlineStatuses as ['open', 'met', 'overdue']).optional() }),
        response: { 200: z.object({ now: z.string(), deadlines: z.array(deadlineSchema) }), 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 504: problemSchema },
      },
    },
    async (request) => {
      const { compoundId } = request.params;
      const principal = await requirePrincipal(request, signingKey);
      requireRole(principal, compoundId, anyRole);
      if ((await registry.state(compoundId)).status !== 'registered') throw new HttpProblem(404, 'compound_not_found', `No compound ${compoundId}`);
      // Read-your-writes, as for the read model: every command this process acknowledged, and `?after=`.
      const after = request.query.after === undefined ? 0n : BigInt(request.query.after);
      const wanted = after > commands.lastAppended() ? after : commands.lastAppended();
      if (!viewAsOf() && !(await platform.deadlinesAt(wanted, 5_000))) {
        throw new HttpProblem(504, 'read_model_behind', `The deadlines have not reached position ${wanted} yet; retry`);
      }
      // ?asOf=: the obligations folded from the log up to the point, their status at that instant (services/api/asOf).
      const past = viewAsOf();
      const now = past ? past.at : clock.now();
      const deadlines = (past ? past.deadlines : platform.deadlines.deadlines(compoundId))
        .map((d) => ({
          deadlineId: d.deadlineId,
          kind: d.kind,
          dueAt: d.dueAt,
          status: deadlineStatus(d, now),
          metAt: d.metAt,
          late: metLate(d),
          source: d.source,
          record: d.record,
          blocked: d.metAt === null ? d.blocked : null,
        }))
        .filter((d) => request.query.status === undefined || d.status === request.query.status);
      return { now: now.toISOString(), deadlines };
    },
  );
};
