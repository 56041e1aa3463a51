/**
 * Disputes over HTTP: filing (an owner, the OC, the firm, the RC), mediation steps recorded by the mediator,
 * the board's list and statistics (no personal data), and whether a record is under dispute.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { disputeCategories, linkedRecordTypes, mediators, parties, routes as mediationRoutes, type DisputeCommand } from '../../domain/disputes/index.js';
import { DISPUTED_RECORDS, DISPUTES, disputeStatistics, type DisputedRecordDoc, type DisputeDoc } from '../../projections/disputes/index.js';
import { requirePrincipal, requireRole } from '../api/authenticate.js';
import { readModelGate } from '../api/readModel.js';
import { HttpProblem } from '../api/problem.js';
import { afterQuery, problemSchema, identifier } from '../api/schemas.js';
import { rolesOn, type Principal, type Role } from '../auth/grants.js';
import { commandIds } from '../commands/handler.js';
import { disputedRecordView, disputeList } from './viewSchemas.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const id = identifier;
const created = z.object({ position: z.string() }).passthrough();
const enumOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]]);
/** Parties file: owners, the OC, the firm, the RC (the decider records which). */
const FILERS: readonly Role[] = ['owner', 'oc_member', 'property_firm', 'rc_staff'];
/** Mediators record: the RC's mediation committee, the Party committee, the street office. */
const MEDIATORS: readonly Role[] = ['rc_staff', 'party_committee', 'street_office'];
const ANY: readonly Role[] = ['owner', 'oc_member', 'rc_staff', 'party_committee', 'street_office', 'property_firm', 'supervisor', 'developer'];
const facts = (p: Principal, compoundId: string) => ({ personId: p.personId, grants: rolesOn(p, compoundId) });

export const disputeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { disputes, commands, signingKey, read } = app.deps;
  const gate = readModelGate(app.deps);
  const caughtUp = (compoundId: string, after?: string) => gate.caughtUp(compoundId, ['disputes'], after);

  app.post(
    '/v1/compounds/:compoundId/disputes',
    {
      schema: {
        tags: ['disputes'],
        summary: 'File a dispute (纠纷) for mediation, linked to the records disputed',
        params: z.object({ compoundId: id }),
        body: z.object({
          category: enumOf(disputeCategories),
          respondents: z.array(enumOf(parties)).min(1).max(4),
          description: z.string().min(1).max(5000),
          links: z.array(z.object({ type: enumOf(linkedRecordTypes), id: z.string().min(1).max(128) })).max(50).optional(),
        }),
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => {
      const { compoundId } = request.params;
      const principal = await requirePrincipal(request, signingKey);
      const role = requireRole(principal, compoundId, FILERS, false);
      const b = request.body;
      return commands.run(request, reply, {
        principal,
        role,
        execute: (cmd) => {
          const disputeId = commandIds(cmd.commandId)();
          return disputes.handle(disputeId, { type: 'FileDispute', data: { disputeId, compoundId, category: b.category, respondents: b.respondents, description: b.description, ...(b.links ? { links: b.links } : {}) }, by: facts(principal, compoundId) }, cmd);
        },
        respond: ({ events, position }) => ({ status: 201, body: { disputeId: (events[0]!.data as { disputeId: string }).disputeId, position: position.toString() } }),
      });
    },
  );

  /** A mediation step on an existing dispute, recorded by a mediator. */
  const step = (path: string, summary: string, body: z.ZodType, build: (disputeId: string, body: never) => Omit<DisputeCommand, 'by'>) =>
    app.post(
      `/v1/disputes/:disputeId/${path}`,
      { schema: { tags: ['disputes'], summary, params: z.object({ disputeId: id }), body, response: { 201: created, ...errors } } },
      async (request: FastifyRequest, reply) => {
        const { disputeId } = request.params as { disputeId: string };
        const state = await disputes.dispute(disputeId);
        if (state.status === 'none') throw new HttpProblem(404, 'dispute_not_found', `No dispute ${disputeId}`);
        const compoundId = state.filed.compoundId;
        const principal = await requirePrincipal(request, signingKey);
        const role = requireRole(principal, compoundId, MEDIATORS);
        return commands.run(request, reply, {
          principal,
          role,
          execute: (cmd) => disputes.handle(disputeId, { ...build(disputeId, request.body as never), by: facts(principal, compoundId) } as DisputeCommand, cmd),
          respond: ({ position }) => ({ status: 201, body: { disputeId, position: position.toString() } }),
        });
      },
    );
  step('mediation', 'Start the mediation: the mediator takes it on; the one-month limit runs', z.object({ mediator: enumOf(mediators) }), (disputeId, b: { mediator: never }) => ({ type: 'StartMediation', data: { disputeId, mediator: b.mediator } }));
  step('sessions', 'Record a mediation session (人民调解法 Art. 27: records kept)', z.object({ summary: z.string().min(1).max(5000) }), (disputeId, b: { summary: string }) => ({ type: 'RecordSession', data: { disputeId, summary: b.summary } }));
  step('extension', 'Extend the one-month limit once by at most 30 days, both parties consenting', z.object({ days: z.number().int().min(1).max(30), consentRef: z.string().min(1).max(500) }), (disputeId, b: { days: number; consentRef: string }) => ({ type: 'ExtendMediation', data: { disputeId, ...b } }));
  step('agreement', 'Record the signed agreement (Arts. 28–29); the 30-day window for judicial confirmation opens (Art. 33)', z.object({ terms: z.string().min(1).max(10_000) }), (disputeId, b: { terms: string }) => ({ type: 'RecordAgreement', data: { disputeId, terms: b.terms } }));
  step('refusal', 'A party refuses mediation: it ends (Art. 17)', z.object({ party: enumOf(parties) }), (disputeId, b: { party: never }) => ({ type: 'RecordRefusal', data: { disputeId, party: b.party } }));
  step('failure', 'Mediation failed: the routes the parties were told of (Art. 26)', z.object({ routesTold: z.array(enumOf(mediationRoutes)).min(1).max(3) }), (disputeId, b: { routesTold: never[] }) => ({ type: 'RecordFailure', data: { disputeId, routesTold: b.routesTold } }));
  step('confirmation', 'Record the application for judicial confirmation (Art. 33)', z.object({ court: z.string().min(1).max(200), reference: z.string().min(1).max(200) }), (disputeId, b: { court: string; reference: string }) => ({ type: 'RecordConfirmationApplied', data: { disputeId, ...b } }));

  app.get(
    '/v1/compounds/:compoundId/disputes',
    {
      schema: { tags: ['disputes'], summary: 'Disputes by category, parties (by kind), mediator and outcome, with statistics; no personal data', params: z.object({ compoundId: id }), querystring: afterQuery, response: { 200: disputeList, ...errors } },
    },
    async (request) => {
      const principal = await requirePrincipal(request, signingKey);
      requireRole(principal, request.params.compoundId, ANY);
      await caughtUp(request.params.compoundId, request.query.after);
      const list = read.list<DisputeDoc>(DISPUTES, request.params.compoundId);
      return { disputes: list, statistics: disputeStatistics(list) };
    },
  );

  app.get(
    '/v1/compounds/:compoundId/disputed/:type/:recordId',
    { schema: { tags: ['disputes'], summary: 'Whether a record (a ballot receipt, a motion, a decision...) is under dispute, and by which disputes', params: z.object({ compoundId: id, type: enumOf(linkedRecordTypes), recordId: z.string().min(1).max(128) }), querystring: afterQuery, response: { 200: disputedRecordView, ...errors } } },
    async (request) => {
      const principal = await requirePrincipal(request, signingKey);
      requireRole(principal, request.params.compoundId, ANY);
      await caughtUp(request.params.compoundId, request.query.after);
      const doc = read.get<DisputedRecordDoc>(DISPUTED_RECORDS, `${request.params.type}:${request.params.recordId}`);
      const own = (doc?.disputes ?? []).filter((d) => read.get<DisputeDoc>(DISPUTES, d)?.compoundId === request.params.compoundId);
      return { type: request.params.type, id: request.params.recordId, underDispute: own.length > 0, disputes: own };
    },
  );
};
