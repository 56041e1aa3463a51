/** The supervision over HTTP: the board, audit opinions, the supervisory trace with its flags. Thin. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { relations, type RelatedParty, type Relation, type SupervisionCommand } from '../../domain/supervision/index.js';
import { HttpProblem } from '../api/problem.js';
import { requirePrincipal, requireRole } from '../api/authenticate.js';
import { afterQuery, problemSchema, identifier } from '../api/schemas.js';
import { rolesOn, type Role } from '../auth/grants.js';
import { readModelGate } from '../api/readModel.js';
import { viewAsOf } from '../api/asOf/timeTravel.js';
import { commandIds } from '../commands/handler.js';
import { traceResponse } from './viewSchemas.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const id = identifier;
const created = z.object({ position: z.string() }).passthrough();

export const supervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { supervision, commands, signingKey, clock } = app.deps;
  const gate = readModelGate(app.deps);
  const params = z.object({ compoundId: id });

  /** A supervisory record by one of `roles` (never the admin: these are the parties' own acts), answered with its new id. */
  const record = (
    request: FastifyRequest,
    reply: FastifyReply,
    roles: readonly Role[],
    idField: string,
    command: (newId: string) => Omit<SupervisionCommand, 'by'>,
  ) => {
    const { compoundId } = request.params as { compoundId: string };
    return (async () => {
      const principal = await requirePrincipal(request, signingKey);
      const role = requireRole(principal, compoundId, roles, false);
      return commands.run(request, reply, {
        principal,
        role,
        execute: (cmd) => supervision.run(compoundId, { ...command(commandIds(cmd.commandId)()), by: { personId: principal.personId, grants: rolesOn(principal, compoundId) } } as SupervisionCommand, cmd),
        respond: ({ events, position }) => ({ status: 201, body: { [idField]: (events[0]?.data as Record<string, unknown> | undefined)?.[idField] ?? null, position: position.toString() } }),
      });
    })();
  };

  app.post(
    '/v1/compounds/:compoundId/supervisory-board',
    {
      schema: {
        tags: ['supervision'],
        summary: 'Record the supervisory board set up by an owners\u2019 decision: ≥ 3 members, odd, term ≤ 5 years, no OC member (广州办法 Arts. 49–50)',
        params,
        body: z.object({ decisionId: id, members: z.array(z.object({ personId: id, name: z.string().min(1).max(100) })).min(1).max(21), termYears: z.number().int(), ocMembers: z.array(id).max(50).default([]).describe('Deprecated: the OC\u2019s serving members are read from the committee; any given here are excluded too') }),
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => {
      const { compoundId } = request.params;
      const principal = await requirePrincipal(request, signingKey);
      const role = requireRole(principal, compoundId, ['oc_member', 'rc_staff', 'street_office']);
      // The decision is read from the assembly's read model: it must hold this instance's writes.
      await gate.caughtUp(compoundId, ['assembly']);
      const d = app.deps.decisions.decision(request.body.decisionId);
      const decision = d ? { decisionId: d.decisionId, compoundId: d.compoundId, revoked: d.revoked !== null } : null;
      const by = { personId: principal.personId, grants: role === 'admin' ? ['admin'] : rolesOn(principal, compoundId) };
      return commands.run(request, reply, {
        principal,
        role,
        execute: async (cmd) => {
          // 广州办法 Art. 49 (domain-rules §6.4): no OC member may serve. The OC's serving members come from the
          // committee's own record; a caller's `ocMembers` (deprecated) are excluded as well.
          const ocMembers = [...new Set([...(await supervision.ocMembers(compoundId)), ...request.body.ocMembers])];
          return supervision.run(compoundId, { type: 'EstablishBoard', data: { compoundId, decision, ...request.body, ocMembers }, by }, cmd);
        },
        respond: ({ position }) => ({ status: 201, body: { position: position.toString() } }),
      });
    },
  );

  app.post(
    '/v1/compounds/:compoundId/audit-opinions',
    {
      schema: {
        tags: ['supervision'],
        summary: 'A supervisor\u2019s audit opinion on a period, a transfer or a release',
        params,
        body: z.object({ subject: z.object({ kind: z.enum(['period', 'transfer', 'release']), id }), opinion: z.string().min(1).max(10_000), evidence: z.array(z.string().min(1).max(500)).max(50) }),
        response: { 201: created, ...errors },
      },
    },
    (request, reply) => record(request, reply, ['supervisor'], 'opinionId', (newId) => ({ type: 'RecordAuditOpinion', data: { opinionId: newId, ...request.body } })),
  );

  app.post(
    '/v1/compounds/:compoundId/relationships',
    {
      schema: {
        tags: ['supervision'],
        summary: 'An OC member or a supervisor declares their own relationship with an organisation (a contractor) or a person (a relative) (广州办法 Art. 49)',
        params,
        body: z.object({
          related: z.union([z.object({ kind: z.literal('organisation'), name: z.string().min(1).max(200), creditCode: z.string().length(18).optional() }), z.object({ kind: z.literal('person'), personId: id })]),
          relation: z.enum(relations as [Relation, ...Relation[]]),
          note: z.string().max(2000).default(''),
        }),
        response: { 201: created, ...errors },
      },
    },
    (request, reply) => record(request, reply, ['oc_member', 'supervisor'], 'declarationId', (newId) => ({ type: 'DeclareRelationship', data: { declarationId: newId, related: request.body.related as RelatedParty, relation: request.body.relation, note: request.body.note } })),
  );

  app.post(
    '/v1/compounds/:compoundId/supervisory-board/meetings',
    { schema: { tags: ['supervision'], summary: 'A meeting of the supervisory board, with its minutes (广州办法 Art. 50: at least once a year)', params, body: z.object({ heldOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), minutesRef: z.string().min(1).max(500) }), response: { 201: created, ...errors } } },
    (request, reply) => record(request, reply, ['supervisor'], 'meetingId', (newId) => ({ type: 'RecordBoardMeeting', data: { meetingId: newId, ...request.body } })),
  );

  app.get(
    '/v1/compounds/:compoundId/supervision',
    {
      schema: {
        tags: ['supervision'],
        summary: 'The supervisory trace: every balance to its transfers, each transfer to its authority and evidence; anomaly flags naming their rule. Transfers a page at a time (?cursor=, ?limit=; ?account=<ledger>/<account>)',
        params,
        querystring: afterQuery.extend({ account: z.string().regex(/^(maintenance|public_income)\/[^\s]{1,120}$/).optional(), cursor: z.string().regex(/^\d{1,12}$/).optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) }),
        response: { 200: traceResponse, ...errors },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(request, signingKey);
      requireRole(principal, request.params.compoundId, ['supervisor', 'street_office']);
      await gate.caughtUp(request.params.compoundId, ['funds'], request.query.after);
      // As of a past point (`?asOf=`), flags are judged at that instant (what was overdue then).
      const trace = await supervision.trace(request.params.compoundId, viewAsOf()?.at ?? clock.now(), { ...(request.query.account ? { account: request.query.account } : {}), ...(request.query.cursor ? { cursor: Number(request.query.cursor) } : {}), limit: request.query.limit });
      if (!trace) throw new HttpProblem(404, 'fund_not_open', 'The compound\u2019s funds are not open');
      return trace;
    },
  );
};
