/**
 * Owners' assembly decisions (业主共同决定) over HTTP: motions and their lifecycle, proxy mandates, ballots,
 * and the notice-board reads (list, motion, tally, public ballots, a ballot by its receipt).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { matters, type MotionCommand, type MotionState } from '../../../domain/assembly/index.js';
import { buildingsOf } from '../../../domain/registry/index.js';
import {
  MOTION_BALLOTS,
  MOTION_TALLIES,
  MOTIONS,
  renderBallot,
  renderTally,
  type BallotDoc,
  type MotionDoc,
  type TallyDoc,
} from '../../../projections/assembly/index.js';
import { ballotRoles, BALLOT_READERS, isDeveloperBallot } from '../../assembly/access.js';
import { actingRole, rolesOn, type Principal, type Role } from '../../auth/grants.js';
import type { DomainError } from '../../../domain/shared/errors.js';
import { commandIds, type CommandEnvelope } from '../../commands/handler.js';
import { requirePrincipal, requireRole } from '../authenticate.js';
import type { CommandOutcome } from '../commandLog.js';
import { domainProblem, HttpProblem } from '../problem.js';
import {
  MAX_BUILDINGS_IN_SCOPE,
  MAX_CLAUSE_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  MAX_EVIDENCE_REF_LENGTH,
  MAX_REASON_LENGTH,
  MAX_REFERENCE_LENGTH,
  MAX_TITLE_LENGTH,
} from '../../../domain/shared/limits.js';
import { afterQuery, identifier, instant, problemSchema, text } from '../schemas.js';
import { readModelGate } from '../readModel.js';
import { ballotCheck, ballotPage, motionList, motionView, tallyView } from '../../assembly/viewSchemas.js';
import { DISPUTED_RECORDS, type DisputedRecordDoc } from '../../../projections/disputes/index.js';
import { currentSignedHead } from './log.js';
import { motionAsOf } from '../../board/asOf.js'; // board
import { asOfField, asOfWire, requestedAsOf } from '../../board/asOfQuery.js'; // board

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const motionParams = z.object({ motionId: identifier });
const positionBody = z.object({ motionId: z.string(), status: z.string(), position: z.string() });

/** Who convenes and runs a vote: the OC, the residents' committee acting for it, the street office (domain/assembly/actor.ts). */
const convenors: readonly Role[] = ['oc_member', 'rc_staff', 'street_office'];
const anyRole: readonly Role[] = ['owner', 'oc_member', 'rc_staff', 'party_committee', 'street_office', 'property_firm', 'supervisor', 'developer'];

const actorFacts = (principal: Principal, compoundId: string) => ({ personId: principal.personId, grants: rolesOn(principal, compoundId) });

export const motionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { assembly, registry, commands, signingKey, read, store } = app.deps;

  /** Reads see every command this process acknowledged and `?after=`, and a whole assembly view (services/api/readModel.ts). */
  const gate = readModelGate(app.deps);
  const consistentRead = (after: string | undefined, compoundId: string) => gate.caughtUp(compoundId, ['assembly'], after);

  const existingMotion = async (motionId: string): Promise<Extract<MotionState, { compoundId: string }>> => {
    const state = await assembly.motion(motionId);
    if (state.status === 'none') throw new HttpProblem(404, 'motion_not_found', `No motion ${motionId}`);
    return state;
  };

  const motionReply = (motionId: string) => ({ events, position }: CommandOutcome) => ({
    status: 201,
    body: { motionId, status: events.at(-1)?.type ?? 'unchanged', position: position.toString() },
  });

  /** A lifecycle step on an existing motion, run by a convenor: a motion command, or a step of the assembly service. */
  const lifecycle = (
    path: string,
    summary: string,
    build: (motionId: string, body: Record<string, unknown>, by: ReturnType<typeof actorFacts>, cmd: CommandEnvelope) => Promise<MotionCommand | { readonly run: () => Promise<CommandOutcome | DomainError> }>,
    body = z.object({}).passthrough(),
  ) =>
    app.post(
      `/v1/motions/:motionId/${path}`,
      { schema: { tags: ['assembly'], summary, params: motionParams, body: body.nullish(), response: { 201: positionBody, ...errors } } },
      async (request, reply) => {
        const { motionId } = request.params;
        const principal = await requirePrincipal(request, signingKey);
        const motion = await existingMotion(motionId);
        const role = requireRole(principal, motion.compoundId, convenors, false);
        return commands.run(request, reply, {
          principal,
          role,
          execute: async (cmd) => {
            const step = await build(motionId, (request.body ?? {}) as Record<string, unknown>, actorFacts(principal, motion.compoundId), cmd);
            return 'run' in step ? step.run() : assembly.handleMotion(motionId, step, cmd);
          },
          respond: motionReply(motionId),
        });
      },
    );

  app.post(
    '/v1/compounds/:compoundId/motions',
    {
      schema: {
        tags: ['assembly'],
        summary: 'Propose a motion on one of the nine matters of Civil Code Art. 278',
        params: z.object({ compoundId: identifier }),
        body: z.object({
          title: text(MAX_TITLE_LENGTH),
          description: text(MAX_DESCRIPTION_LENGTH, { multiline: true, allowEmpty: true }),
          matter: z.enum(matters as [string, ...string[]]),
          buildings: z.array(identifier).min(1).max(MAX_BUILDINGS_IN_SCOPE).optional().describe('scope: these buildings only (沪规定 Art. 69); omitted = the whole compound'),
          opensAt: instant,
          closesAt: instant,
          deemedVotes: z.object({ basis: text(MAX_CLAUSE_LENGTH) }).nullable().optional().describe('从众: count notified non-voters with the majority, citing the covenant clause; off by default'),
          form: z.enum(['yes_no', 'choose_one', 'elect']).default('yes_no').describe('the ballot form'),
          options: z.array(z.object({ optionId: identifier, label: text(200) })).max(20).optional().describe('choose_one: 2 to 20 options'),
          candidates: z.array(z.object({ candidateId: identifier, name: text(100) })).max(60).optional().describe('elect: the candidates (names are posted, 京条例 Art. 40)'),
          seats: z.number().int().min(1).max(25).optional().describe('elect: seats to fill'),
          proposal: z.record(z.string(), z.unknown()).optional().describe('typed per matter: use_maintenance_fund {plan, budget, chargeScope, works, contractor?}; raise_maintenance_fund {ratePerSquareMetre}; hire_or_dismiss_firm {action, firm?}; elect_committee {seats, electionId?}; change_common_use {what, where, incomeUse}; others {text}'),
          meeting: z.enum(['regular', 'extraordinary']).optional().describe('定期会议 (default) or 临时会议 (e.g. 杭条例 Art. 19: 7 days\u2019 notice)'),
          petitionId: identifier.optional().describe('the owners\u2019 petition this extraordinary meeting answers'),
        }),
        response: { 201: z.object({ motionId: z.string(), position: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const { compoundId } = request.params;
      const principal = await requirePrincipal(request, signingKey);
      const role = requireRole(principal, compoundId, convenors, false);
      const compound = await registry.state(compoundId);
      if (compound.status !== 'registered') throw new HttpProblem(404, 'compound_not_found', `No compound ${compoundId}`);
      const body = request.body;
      return commands.run(request, reply, {
        principal,
        role,
        execute: (cmd) => {
          const motionId = commandIds(cmd.commandId)();
          return assembly.handleMotion(
            motionId,
            {
              type: 'ProposeMotion',
              data: {
                motionId,
                compoundId,
                jurisdiction: compound.compound.jurisdiction,
                title: body.title,
                description: body.description,
                matter: body.matter as MotionDoc['matter'],
                form: body.form === 'choose_one' ? { form: 'choose_one', options: body.options } : body.form === 'elect' ? { form: 'elect', candidates: body.candidates, seats: body.seats } : { form: 'yes_no' },
                ...(body.proposal !== undefined ? { proposal: body.proposal } : {}),
                ...(body.meeting !== undefined ? { meeting: body.meeting } : {}),
                ...(body.petitionId !== undefined ? { petitionId: body.petitionId } : {}),
                scope: body.buildings ? { kind: 'buildings', buildings: body.buildings } : { kind: 'compound' },
                compoundBuildings: buildingsOf(compound),
                opensAt: body.opensAt,
                closesAt: body.closesAt,
                ...(body.deemedVotes ? { deemedVotes: body.deemedVotes } : {}),
              },
              by: actorFacts(principal, compoundId),
            },
            cmd,
          );
        },
        respond: ({ events, position }) => ({
          status: 201,
          body: { motionId: (events[0]!.data as { motionId: string }).motionId, position: position.toString() },
        }),
      });
    },
  );

  lifecycle('notice', 'Publish the notice (会议通知); the notice period starts the next day', async (motionId, _b, by) => ({ type: 'PublishNotice', data: { motionId }, by }));
  lifecycle('open', 'Open voting once the notice period has run and opensAt is reached; freezes the roll', async (motionId, _b, by, cmd) => ({ run: () => assembly.openMotion(motionId, by, cmd) }));
  lifecycle('close', 'Close voting (not before closesAt); ballots after the close in the log do not count', async (motionId, _b, by) => ({ type: 'CloseMotion', data: { motionId }, by }));
  lifecycle(
    'cancel',
    'Cancel (撤回) a motion before voting opens',
    async (motionId, body, by) => ({ type: 'CancelMotion', data: { motionId, reason: typeof body.reason === 'string' ? body.reason : '' }, by }),
    z.object({ reason: text(MAX_REASON_LENGTH, { multiline: true }) }),
  );
  lifecycle('result', 'Publish the result (公布表决结果) from the tally frozen at the close', async (motionId, _b, by, cmd) => ({ run: () => assembly.publishResult(motionId, by, cmd) }));

  app.post(
    '/v1/motions/:motionId/mandates',
    {
      schema: {
        tags: ['assembly'],
        summary: 'Register a proxy mandate (授权委托书) before the proxy votes',
        params: motionParams,
        body: z.object({
          unitId: identifier,
          proxy: identifier.describe('person id of the proxy'),
          mandateRef: text(MAX_REFERENCE_LENGTH).describe('reference of the mandate document'),
          principal: identifier.optional().describe('person id of the owner giving the mandate; defaults to the caller'),
          evidenceRef: text(MAX_EVIDENCE_REF_LENGTH).optional().describe('where the written mandate is kept; required when staff record it'),
        }),
        response: { 201: z.object({ motionId: z.string(), unitId: z.string(), position: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const { motionId } = request.params;
      const { unitId, proxy, mandateRef, principal: principalId, evidenceRef } = request.body;
      const principal = await requirePrincipal(request, signingKey);
      const motion = await existingMotion(motionId);
      const role = requireRole(principal, motion.compoundId, ['owner', 'oc_member', 'rc_staff'], false);
      return commands.run(request, reply, {
        principal,
        role,
        execute: (cmd) =>
          assembly.handleMotion(
            motionId,
            {
              type: 'RegisterMandate',
              data: {
                motionId,
                unitId,
                principalPersonId: principalId ?? principal.personId,
                proxyPersonId: proxy,
                mandateRef,
                ...(evidenceRef !== undefined ? { evidenceRef } : {}),
              },
              by: actorFacts(principal, motion.compoundId),
            },
            cmd,
          ),
        respond: ({ position }) => ({ status: 201, body: { motionId, unitId, position: position.toString() } }),
      });
    },
  );

  app.post(
    '/v1/motions/:motionId/ballots',
    {
      schema: {
        tags: ['assembly'],
        summary: 'Cast the ballot (表决票) of the voter identity that holds unitId',
        params: motionParams,
        body: z.object({
          unitId: identifier.describe('any unit of the voter identity'),
          choice: z.enum(['for', 'against', 'abstain']).optional().describe('yes_no'),
          option: identifier.optional().describe('choose_one: an option id, or abstain'),
          candidates: z.record(identifier, z.enum(['for', 'against', 'abstain'])).optional().describe('elect: candidate id → for / against / abstain; unmarked = abstain; at most `seats` for'),
          invalid: z.boolean().optional().describe('paper ballots: recorded as invalid (废票), with evidenceRef'),
          channel: z.enum(['electronic', 'paper']).default('electronic'),
          evidenceRef: text(MAX_EVIDENCE_REF_LENGTH).optional().describe('paper ballots: where the signed ballot is kept'),
          onBehalfOf: identifier.optional().describe('paper ballots and proxies: person id of the owner who signed / gave the mandate'),
        }),
        response: { 201: z.object({ receipt: z.string(), position: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const { motionId } = request.params;
      const body = request.body;
      const principal = await requirePrincipal(request, signingKey);
      const decidedOn = await assembly.motionAt(motionId);
      const motion = decidedOn.state;
      if (motion.status === 'none') throw new HttpProblem(404, 'motion_not_found', `No motion ${motionId}`);
      // The grant that fits the ballot: owner (also a proxy), developer, or OC/RC staff for paper (access.ts).
      const role = requireRole(principal, motion.compoundId, ballotRoles(motion, body.unitId, body.channel), false);
      const held = rolesOn(principal, motion.compoundId);
      return commands.run(request, reply, {
        principal,
        role,
        execute: (cmd) =>
          assembly.castBallot(
            {
              type: 'CastBallot',
              data: {
                motionId,
                unitId: body.unitId,
                ...(body.choice !== undefined ? { choice: body.choice } : {}),
                ...(body.option !== undefined ? { option: body.option } : {}),
                ...(body.candidates !== undefined ? { candidates: body.candidates } : {}),
                ...(body.invalid !== undefined ? { invalid: body.invalid } : {}),
                channel: body.channel,
                ...(body.evidenceRef !== undefined ? { evidenceRef: body.evidenceRef } : {}),
                ...(body.onBehalfOf !== undefined ? { onBehalfOf: body.onBehalfOf } : {}),
              },
              by: { personId: principal.personId, grants: held },
            },
            cmd,
            decidedOn,
          ),
        respond: async ({ events, position, replayed }) => {
          // A replayed command answers as the first did: a ballot behind the close never got a receipt.
          // (A first answer was already checked by castBallot.)
          const late = replayed ? await assembly.afterClose(motionId, position) : null;
          if (late) throw domainProblem(late);
          return { status: 201, body: { receipt: (events.at(-1)!.data as { receipt: string }).receipt, position: position.toString() } };
        },
      });
    },
  );

  // --- reads: the notice board (公示栏). No names, no person ids.

  const readMotionCompound = async (request: Parameters<typeof requirePrincipal>[0], motionId: string) => {
    const principal = await requirePrincipal(request, signingKey);
    const motion = await existingMotion(motionId);
    requireRole(principal, motion.compoundId, anyRole);
    return { motion, principal };
  };

  /** Per-unit choices and households: owners, convenors, the supervisory board, admins (access.ts). */
  const mayReadBallots = (principal: Principal, compoundId: string) => actingRole(principal, compoundId, BALLOT_READERS) !== null;
  const refuseBallotReader = (compoundId: string): never => {
    const needed = ['admin', ...BALLOT_READERS.map((r) => `${r}@${compoundId}`)];
    throw new HttpProblem(403, 'insufficient_grant', `How each unit voted is shown to the owners, the convenors and the supervisory board; the tally has the totals. This needs one of: ${needed.join(', ')}`, { needed });
  };

  app.get(
    '/v1/compounds/:compoundId/motions',
    {
      schema: {
        tags: ['assembly'],
        summary: "The compound's notice board: its motions",
        params: z.object({ compoundId: identifier }),
        querystring: afterQuery,
        response: { 200: motionList, ...errors },
      },
    },
    async (request) => {
      const { compoundId } = request.params;
      const principal = await requirePrincipal(request, signingKey);
      requireRole(principal, compoundId, anyRole);
      await consistentRead(request.query.after, compoundId);
      // The log's signed tree head, so whoever reads the board can keep it and check the log against it later.
      const logHead = await currentSignedHead(app.deps);
      return { motions: read.list<MotionDoc>(MOTIONS, compoundId), ...(logHead ? { logHead } : {}) };
    },
  );

  app.get(
    '/v1/motions/:motionId',
    { schema: { tags: ['assembly'], summary: 'A motion as the notice board shows it', params: motionParams, querystring: afterQuery, response: { 200: motionView, ...errors } } },
    async (request) => {
      const { motionId } = request.params;
      const { motion: m } = await readMotionCompound(request, motionId);
      await consistentRead(request.query.after, m.compoundId);
      const doc = read.get<MotionDoc>(MOTIONS, motionId);
      if (!doc) throw new HttpProblem(404, 'motion_not_found', `No motion ${motionId}`);
      return doc;
    },
  );

  app.get(
    '/v1/motions/:motionId/tally',
    {
      config: { asOf: 'self' }, // the tally recomputes its own past from the motion's streams
      schema: {
        tags: ['assembly'],
        summary: 'The exact two-axis tally (Civil Code Art. 278): quorum, passage, what is still needed',
        params: motionParams,
        querystring: afterQuery.extend({ asOf: asOfField }), // board: time travel
        response: { 200: tallyView, ...errors },
      },
    },
    async (request) => {
      const { motionId } = request.params;
      const { motion: m } = await readMotionCompound(request, motionId);
      // board: `?asOf=` recomputes the tally from the log up to that point (services/board/asOf.ts).
      const asOf = await requestedAsOf(store, request.query.asOf);
      if (asOf) {
        const past = await motionAsOf(store, motionId, asOf);
        if (!past.tally) throw new HttpProblem(404, 'motion_not_found', `Motion ${motionId} did not exist yet at that point`);
        return { ...renderTally(past.tally), asOf: asOfWire(past) };
      }
      await consistentRead(request.query.after, m.compoundId);
      const doc = read.get<TallyDoc>(MOTION_TALLIES, motionId);
      if (!doc) throw new HttpProblem(404, 'motion_not_found', `No motion ${motionId}`);
      return renderTally(doc);
    },
  );

  app.get(
    '/v1/motions/:motionId/ballots',
    {
      schema: {
        tags: ['assembly'],
        summary: 'The ballot list (owners, convenors, supervisory board): unit ids, area, choice, channel, receipt — never a name or person id',
        params: motionParams,
        querystring: afterQuery.extend({
          cursor: z.string().regex(/^\d{20}$/).optional(),
          limit: z.coerce.number().int().min(1).max(5000).default(1000),
        }),
        response: { 200: ballotPage, ...errors },
      },
    },
    async (request) => {
      const { motionId } = request.params;
      const { cursor, limit } = request.query;
      const { motion, principal } = await readMotionCompound(request, motionId);
      if (!mayReadBallots(principal, motion.compoundId)) refuseBallotReader(motion.compoundId);
      await consistentRead(request.query.after, motion.compoundId);
      const docs = read.list<BallotDoc>(MOTION_BALLOTS, motionId, { limit: limit + 1, ...(cursor ? { afterSortKey: cursor } : {}) });
      const page = docs.slice(0, limit);
      return {
        ballots: page.map(renderBallot),
        next: docs.length > limit ? page.at(-1)!.position.padStart(20, '0') : null,
      };
    },
  );

  app.get(
    '/v1/motions/:motionId/ballots/:receipt',
    {
      schema: {
        tags: ['assembly'],
        summary: 'Check one ballot by its receipt',
        params: motionParams.extend({ receipt: z.string().regex(/^[0-9a-f]{64}$/) }),
        querystring: afterQuery,
        response: { 200: ballotCheck, ...errors },
      },
    },
    async (request) => {
      const { motionId, receipt } = request.params;
      const { motion, principal } = await readMotionCompound(request, motionId);
      // The developer checks its own ballot (the developer-held units') by its receipt, and no other.
      const developerOnly = !mayReadBallots(principal, motion.compoundId);
      if (developerOnly && !rolesOn(principal, motion.compoundId).includes('developer')) refuseBallotReader(motion.compoundId);
      await consistentRead(request.query.after, motion.compoundId);
      const doc = read.get<BallotDoc>(MOTION_BALLOTS, receipt);
      if (!doc || doc.motionId !== motionId) throw new HttpProblem(404, 'ballot_not_found', 'No ballot with that receipt on this motion');
      if (developerOnly && !isDeveloperBallot(motion, doc.unitIds)) refuseBallotReader(motion.compoundId);
      return { ...renderBallot(doc), underDispute: (read.get<DisputedRecordDoc>(DISPUTED_RECORDS, `ballot:${receipt}`)?.disputes.length ?? 0) > 0 };
    },
  );

};
