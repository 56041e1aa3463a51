/**
 * After the vote, over HTTP: notice deliveries, objections and answers, the final result, decisions and their
 * revocation, owners' petitions for an extraordinary meeting. Thin: parse, authorise, call the service, answer.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { deliveryMethods, revokingAuthorities, type MotionState } from '../../domain/assembly/index.js';
import type { DomainError } from '../../domain/shared/errors.js';
import { MOTION_OBJECTIONS, type ObjectionDoc } from '../../projections/assembly/index.js';
import { requirePrincipal, requireRole } from '../api/authenticate.js';
import { readModelGate } from '../api/readModel.js';
import type { CommandOutcome } from '../api/commandLog.js';
import { HttpProblem } from '../api/problem.js';
import { afterQuery, problemSchema, identifier } from '../api/schemas.js';
import { rolesOn, type Principal, type Role } from '../auth/grants.js';
import { commandIds, type CommandEnvelope } from '../commands/handler.js';
import { decisionList, decisionView, objectionList, petitionView } from './decisionViewSchemas.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const id = identifier;
const text = (max: number) => z.string().min(1).max(max);
const receipt = z.string().regex(/^[0-9a-f]{64}$/);
const created = z.object({ position: z.string() }).passthrough();

/** Convenors run a vote (domain/assembly/actor.ts); everyone with a grant on the compound reads the board. */
const CONVENORS: readonly Role[] = ['oc_member', 'rc_staff', 'street_office'];
const ANY: readonly Role[] = ['owner', 'oc_member', 'rc_staff', 'party_committee', 'street_office', 'property_firm', 'supervisor', 'developer'];

const facts = (principal: Principal, compoundId: string, role: string) => ({
  personId: principal.personId,
  grants: role === 'admin' ? ['admin', ...rolesOn(principal, compoundId)] : rolesOn(principal, compoundId),
});

export const decisionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { assembly, decisions, commands, signingKey, runner } = app.deps;

  const motionOf = async (motionId: string): Promise<Extract<MotionState, { compoundId: string }>> => {
    const state = await assembly.motion(motionId);
    if (state.status === 'none') throw new HttpProblem(404, 'motion_not_found', `No motion ${motionId}`);
    return state;
  };
  const gate = readModelGate(app.deps);
  const readable = (request: FastifyRequest, compoundId: string, after?: string) => gate.readable(request, compoundId, { roles: ANY, projections: ['assembly'], after });

  /** A command on a motion by one of `roles`; `respond` shapes the 201 body. */
  const onMotion = (
    request: FastifyRequest,
    reply: Parameters<typeof commands.run>[1],
    roles: readonly Role[],
    run: (motionId: string, by: ReturnType<typeof facts>, cmd: CommandEnvelope) => Promise<CommandOutcome | DomainError>,
    body: (outcome: CommandOutcome, cmd?: CommandEnvelope) => Record<string, unknown> = () => ({}),
  ) =>
    (async () => {
      const { motionId } = request.params as { motionId: string };
      const principal = await requirePrincipal(request, signingKey);
      const motion = await motionOf(motionId);
      const role = requireRole(principal, motion.compoundId, roles, false);
      return commands.run(request, reply, {
        principal,
        role,
        execute: (cmd) => run(motionId, facts(principal, motion.compoundId, role), cmd),
        respond: (outcome) => ({ status: 201, body: { motionId, ...body(outcome), position: outcome.position.toString() } }),
      });
    })();

  app.post(
    '/v1/motions/:motionId/deliveries',
    {
      schema: {
        tags: ['assembly'],
        summary: 'Record how the notice reached the voter identity holding unitId (送达); only delivered non-voters can be deemed (从众)',
        params: z.object({ motionId: id }),
        body: z.object({ unitId: id, method: z.enum(deliveryMethods as [string, ...string[]]), evidenceRef: text(500).optional() }),
        response: { 201: created, ...errors },
      },
    },
    (request, reply) =>
      onMotion(request, reply, CONVENORS, (motionId, by, cmd) =>
        decisions.recordDelivery(motionId, { unitId: request.body.unitId, method: request.body.method as never, ...(request.body.evidenceRef ? { evidenceRef: request.body.evidenceRef } : {}) }, by, cmd),
      ),
  );

  app.post(
    '/v1/motions/:motionId/objections',
    {
      schema: {
        tags: ['assembly'],
        summary: 'Object to the preliminary result (异议), within the objection window; an owner on the roll',
        params: z.object({ motionId: id }),
        body: z.object({ reason: text(2000), receipts: z.array(receipt).max(500).optional(), units: z.array(id).max(500).optional() }),
        response: { 201: created, ...errors },
      },
    },
    (request, reply) => {
      const body = request.body;
      return onMotion(
        request,
        reply,
        ['owner'],
        (motionId, by, cmd) =>
          decisions.fileObjection(motionId, commandIds(cmd.commandId)(), { reason: body.reason, ...(body.receipts ? { receipts: body.receipts } : {}), ...(body.units ? { units: body.units } : {}) }, by, cmd),
        ({ events }) => ({ objectionId: (events[0]!.data as { objectionId: string }).objectionId }),
      );
    },
  );

  app.post(
    '/v1/motions/:motionId/objections/:objectionId/answer',
    {
      schema: {
        tags: ['assembly'],
        summary: 'Answer an objection: upheld (ruling ballots invalid, each with its evidence) or dismissed, with reasons',
        params: z.object({ motionId: id, objectionId: id }),
        body: z.object({
          outcome: z.enum(['upheld', 'dismissed']),
          reason: text(2000),
          invalidate: z.array(z.object({ receipt, evidenceRef: text(500) })).max(500).optional().describe('upheld: the ballots ruled invalid (废票), by receipt'),
        }),
        response: { 201: created, ...errors },
      },
    },
    (request, reply) => {
      const { objectionId } = request.params;
      const body = request.body;
      return onMotion(request, reply, CONVENORS, (motionId, by, cmd) =>
        decisions.answerObjection(motionId, objectionId, { outcome: body.outcome, reason: body.reason, ...(body.invalidate ? { invalidate: body.invalidate } : {}) }, by, cmd),
      );
    },
  );

  app.post(
    '/v1/motions/:motionId/final',
    {
      schema: {
        tags: ['assembly'],
        summary: 'Publish the final result (最终结果): after the objection window, every objection answered; records the decision',
        params: z.object({ motionId: id }),
        body: z.object({}).passthrough().nullish(),
        response: { 201: created, ...errors },
      },
    },
    (request, reply) =>
      onMotion(
        request,
        reply,
        CONVENORS,
        (motionId, by, cmd) => decisions.publish(motionId, 'final', by, cmd),
        ({ events }) => ({ decisionId: (events[0]?.data as { decision?: { decisionId: string } | null } | undefined)?.decision?.decisionId ?? null }),
      ),
  );

  app.get(
    '/v1/motions/:motionId/objections',
    { schema: { tags: ['assembly'], summary: 'Objections to the result and their answers (never who objected)', params: z.object({ motionId: id }), querystring: afterQuery, response: { 200: objectionList, ...errors } } },
    async (request) => {
      const motion = await motionOf(request.params.motionId);
      await readable(request, motion.compoundId, request.query.after);
      return { objections: app.deps.read.list<ObjectionDoc>(MOTION_OBJECTIONS, request.params.motionId) };
    },
  );

  app.get(
    '/v1/compounds/:compoundId/decisions',
    { schema: { tags: ['assembly'], summary: 'The compound\u2019s decisions (业主大会决定), revoked ones marked', params: z.object({ compoundId: id }), querystring: afterQuery, response: { 200: decisionList, ...errors } } },
    async (request) => {
      await readable(request, request.params.compoundId, request.query.after);
      return { decisions: decisions.decisions(request.params.compoundId) };
    },
  );

  app.get(
    '/v1/decisions/:decisionId',
    { schema: { tags: ['assembly'], summary: 'A decision: its matter, proposal, what was adopted, notification and revocation', params: z.object({ decisionId: id }), querystring: afterQuery, response: { 200: decisionView, ...errors } } },
    async (request) => {
      const principal = await requirePrincipal(request, signingKey);
      await runner.waitFor(commands.lastAppended(), 5_000);
      const doc = decisions.decision(request.params.decisionId);
      if (!doc) throw new HttpProblem(404, 'decision_not_found', `No decision ${request.params.decisionId}`);
      requireRole(principal, doc.compoundId, ANY);
      return doc;
    },
  );

  app.post(
    '/v1/decisions/:decisionId/revoke',
    {
      schema: {
        tags: ['assembly'],
        summary: 'Revoke a decision: the street office\u2019s order (物业管理条例 Art. 19), or an admin recording a department\u2019s order or a judgment',
        params: z.object({ decisionId: id }),
        body: z.object({ authority: z.enum(revokingAuthorities as [string, ...string[]]), documentRef: text(500), reason: text(2000) }),
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => {
      const principal = await requirePrincipal(request, signingKey);
      await runner.waitFor(commands.lastAppended(), 5_000);
      const doc = decisions.decision(request.params.decisionId);
      if (!doc) throw new HttpProblem(404, 'decision_not_found', `No decision ${request.params.decisionId}`);
      const role = requireRole(principal, doc.compoundId, ['street_office']);
      const body = request.body;
      return commands.run(request, reply, {
        principal,
        role,
        execute: (cmd) => decisions.revoke(doc.decisionId, { authority: body.authority as never, documentRef: body.documentRef, reason: body.reason }, facts(principal, doc.compoundId, role), cmd),
        respond: ({ position }) => ({ status: 201, body: { decisionId: doc.decisionId, position: position.toString() } }),
      });
    },
  );

  app.post(
    '/v1/compounds/:compoundId/petitions',
    {
      schema: {
        tags: ['assembly'],
        summary: 'Petition for an extraordinary meeting (提议召开临时会议): 20% of area and headcount oblige the OC to convene',
        params: z.object({ compoundId: id }),
        body: z.object({ purpose: text(2000) }),
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => {
      const { compoundId } = request.params;
      const principal = await requirePrincipal(request, signingKey);
      const role = requireRole(principal, compoundId, ['owner'], false);
      return commands.run(request, reply, {
        principal,
        role,
        execute: (cmd) => decisions.openPetition(compoundId, commandIds(cmd.commandId)(), request.body.purpose, facts(principal, compoundId, role), cmd),
        respond: ({ events, position }) => ({ status: 201, body: { petitionId: (events[0]!.data as { petitionId: string }).petitionId, position: position.toString() } }),
      });
    },
  );

  app.post(
    '/v1/petitions/:petitionId/signatures',
    {
      schema: {
        tags: ['assembly'],
        summary: 'Sign a petition for the voter identity holding unitId (one signature per owner)',
        params: z.object({ petitionId: id }),
        body: z.object({ unitId: id }),
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => {
      const { petitionId } = request.params;
      const principal = await requirePrincipal(request, signingKey);
      await runner.waitFor(commands.lastAppended(), 5_000);
      const petition = decisions.petition(petitionId);
      if (!petition) throw new HttpProblem(404, 'petition_not_found', `No petition ${petitionId}`);
      const role = requireRole(principal, petition.compoundId, ['owner'], false);
      return commands.run(request, reply, {
        principal,
        role,
        execute: (cmd) => decisions.signPetition(petitionId, request.body.unitId, facts(principal, petition.compoundId, role), cmd),
        respond: ({ events, position }) => ({
          status: 201,
          body: { petitionId, reached: events.some((e) => e.type === 'PetitionThresholdReached'), position: position.toString() },
        }),
      });
    },
  );

  app.get(
    '/v1/petitions/:petitionId',
    { schema: { tags: ['assembly'], summary: 'A petition\u2019s totals against 20% of area and headcount; never who signed', params: z.object({ petitionId: id }), querystring: afterQuery, response: { 200: petitionView, ...errors } } },
    async (request) => {
      const principal = await requirePrincipal(request, signingKey);
      await runner.waitFor(commands.lastAppended(), 5_000);
      const petition = decisions.petition(request.params.petitionId);
      if (!petition) throw new HttpProblem(404, 'petition_not_found', `No petition ${request.params.petitionId}`);
      requireRole(principal, petition.compoundId, ANY);
      return petition;
    },
  );
};
