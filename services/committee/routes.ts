/**
 * The owners' committee over HTTP. Thin: parse, authorise, call the service, answer. Who may do what (the
 * decider checks it again from the grants): the street office forms the preparatory group and reviews
 * candidates; the community Party committee nominates and consents; the group (street office, RC) or the OC
 * opens an election, posts the list and calls the vote; owners nominate themselves or jointly; OC members
 * record their meetings. Everyone with a grant on the compound reads the board.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { hasUnit } from '../../domain/registry/index.js';
import { matters } from '../../domain/assembly/index.js';
import { declaredConditions, groupMemberKinds, nominationRoutes, pmcMemberKinds, type CommitteeCommand } from '../../domain/committee/index.js';
import type { DomainError } from '../../domain/shared/errors.js';
import { COMMITTEE_ACTING, COMMITTEE_BOARDS, COMMITTEE_ELECTIONS, type ActingBodyDoc, type CommitteeBoardDoc, type ElectionDoc } from '../../projections/committee/index.js';
import { requirePrincipal, requireRole } from '../api/authenticate.js';
import { readModelGate } from '../api/readModel.js';
import type { CommandOutcome } from '../api/commandLog.js';
import { HttpProblem } from '../api/problem.js';
import { afterQuery, identifier, problemSchema } from '../api/schemas.js';
import { rolesOn, type Principal, type Role } from '../auth/grants.js';
import { commandIds, type CommandEnvelope } from '../commands/handler.js';
import { deadlineStatus } from '../platform/deadlines.js';
import { committeeDeadlineKinds } from './deadlines.js';
import { actingResponse, boardResponse, electionResponse } from './viewSchemas.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
// The documented identifier (README "Limits"): no `constructor` / `__proto__` / `prototype`, which reached the
// state's records by id and answered 500 (#17: the fuzz suite).
const id = identifier;
const text = (max: number) => z.string().min(1).max(max);
const compoundParams = z.object({ compoundId: z.string().min(1).max(100) });
const electionParams = compoundParams.extend({ electionId: id });
const created = z.object({ position: z.string() }).passthrough();

const ANY: readonly Role[] = ['owner', 'oc_member', 'rc_staff', 'party_committee', 'street_office', 'property_firm', 'supervisor', 'developer'];
const GROUP: readonly Role[] = ['street_office', 'rc_staff'];
const CONVENORS: readonly Role[] = ['street_office', 'rc_staff', 'oc_member'];

const facts = (principal: Principal, compoundId: string, role: string) => ({
  personId: principal.personId,
  grants: role === 'admin' ? ['admin', ...rolesOn(principal, compoundId)] : rolesOn(principal, compoundId),
});

export const committeeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { committee, registry, commands, signingKey, read, platform, clock } = app.deps;

  const compoundOf = async (compoundId: string) => {
    const state = await registry.state(compoundId);
    if (state.status !== 'registered') throw new HttpProblem(404, 'compound_not_found', `No compound ${compoundId}`);
    return state;
  };

  /** Runs `execute` as one of `roles` on the compound, once per command id; `body` shapes the 201 answer from the events. */
  const runWith = async (
    request: FastifyRequest,
    reply: FastifyReply,
    compoundId: string,
    roles: readonly Role[],
    execute: (by: ReturnType<typeof facts>, cmd: CommandEnvelope) => Promise<CommandOutcome | DomainError>,
    body: (outcome: CommandOutcome) => Record<string, unknown> = () => ({}),
  ) => {
    const principal = await requirePrincipal(request, signingKey);
    // Not admin: the committee's steps belong to the bodies the rules name (README's API table); a platform
    // operator neither forms the group nor nominates, vets or files (#17: the authorisation matrix).
    const role = requireRole(principal, compoundId, roles, false);
    await compoundOf(compoundId);
    return commands.run(request, reply, {
      principal,
      role,
      execute: async (cmd) => {
        const by = facts(principal, compoundId, role);
        return execute(by, cmd);
      },
      respond: (outcome) => ({ status: 201, body: { ...body(outcome), position: outcome.position.toString() } }),
    });
  };

  /** One command on the committee's stream, built from the request. */
  const run = (
    request: FastifyRequest,
    reply: FastifyReply,
    compoundId: string,
    roles: readonly Role[],
    build: (by: ReturnType<typeof facts>, cmd: CommandEnvelope) => Promise<CommitteeCommand> | CommitteeCommand,
    body?: (outcome: CommandOutcome) => Record<string, unknown>,
  ) => runWith(request, reply, compoundId, roles, async (by, cmd) => committee.handle(compoundId, await build(by, cmd), cmd), body);

  const gate = readModelGate(app.deps);
  const readable = async (request: FastifyRequest, compoundId: string, after?: string) => {
    const principal = await requirePrincipal(request, signingKey);
    requireRole(principal, compoundId, ANY);
    return gate.caughtUp(compoundId, ['committee'], after);
  };

  app.post(
    '/v1/compounds/:compoundId/committee/group',
    {
      schema: {
        tags: ['committee'],
        summary: 'Form the preparatory group (筹备组; Hangzhou: the property-management committee acts as it): odd, owner representatives ≥ 1/2, the leader per jurisdiction',
        params: compoundParams,
        body: z.object({
          members: z.array(z.object({ memberId: id, name: text(100), kind: z.enum(groupMemberKinds as [string, ...string[]]), unitId: z.string().max(100).optional() })).min(1).max(51),
          leaderMemberId: id,
        }),
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => {
      const { compoundId } = request.params;
      return run(request, reply, compoundId, ['street_office'], async (by) => {
        const compound = await compoundOf(compoundId);
        const wanted = request.body.members.flatMap((m) => (m.unitId ? [m.unitId] : []));
        const known = wanted.filter((u) => hasUnit(compound.units, u));
        return {
          type: 'FormPreparatoryGroup',
          data: { compoundId, jurisdiction: compound.compound.jurisdiction, members: request.body.members as never, leaderMemberId: request.body.leaderMemberId, knownUnits: known },
          by,
        };
      });
    },
  );

  app.post(
    '/v1/compounds/:compoundId/committee/group/posting',
    { schema: { tags: ['committee'], summary: 'Post the preparatory group’s member list (京条例 Art. 31; 沪规定 Art. 15: within 7 days)', params: compoundParams, body: z.object({}).passthrough().nullish(), response: { 201: created, ...errors } } },
    (request, reply) => run(request, reply, request.params.compoundId, GROUP, (by) => ({ type: 'PostGroupList', data: {}, by })),
  );

  app.post(
    '/v1/compounds/:compoundId/committee/elections',
    {
      schema: {
        tags: ['committee'],
        summary: 'Open an election (first, by-election or re-election): seats per pack, the term in years',
        params: compoundParams,
        body: z.object({ seats: z.number().int().min(1).max(25), alternates: z.number().int().min(0).max(25).optional().describe('候补委员 (Beijing): elected in the same ballot after the members, ≤ seats'), termYears: z.number().int().min(1).max(5).default(5) }),
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => {
      const { compoundId } = request.params;
      const size = await committee.size(compoundId);
      return run(
        request,
        reply,
        compoundId,
        CONVENORS,
        (by, cmd) => ({ type: 'OpenElection', data: { electionId: commandIds(cmd.commandId)(), seats: request.body.seats, ...(request.body.alternates ? { alternates: request.body.alternates } : {}), termYears: request.body.termYears, size }, by }),
        ({ events }) => ({ electionId: (events[0]?.data as { electionId?: string } | undefined)?.electionId }),
      );
    },
  );

  const declaration = z.object({ declared: z.boolean(), evidenceRef: text(200).optional(), pledgeRef: text(200).optional() });
  app.post(
    '/v1/compounds/:compoundId/committee/elections/:electionId/nominations',
    {
      schema: {
        tags: ['committee'],
        summary: 'Nominate a candidate (Party organisation, RC, self or owners jointly); recorded with every eligibility condition checked, an ineligible one too',
        params: electionParams,
        body: z.object({
          name: text(100),
          personId: text(100).describe('the candidate (never shown publicly); self-nomination: the caller'),
          route: z.enum(nominationRoutes as [string, ...string[]]),
          supporters: z.array(z.string().max(100)).max(500).optional().describe('owners_jointly: the units of the owners who nominate'),
          declarations: z.partialRecord(z.enum(declaredConditions as [string, ...string[]]), declaration).default({}),
        }),
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => {
      const { compoundId, electionId } = request.params;
      const body = request.body;
      return run(
        request,
        reply,
        compoundId,
        ['party_committee', 'rc_staff', 'owner'],
        async (by, cmd) => ({
          type: 'NominateCandidate',
          data: {
            electionId,
            candidateId: commandIds(cmd.commandId)(),
            name: body.name,
            personId: body.personId,
            route: body.route as never,
            ...(body.supporters ? { supporters: body.supporters } : {}),
            ownedUnits: await committee.ownedUnits(compoundId, body.personId),
            declarations: body.declarations as never,
          },
          by,
        }),
        ({ events }) => {
          const d = events[0]?.data as { candidateId: string; eligible: boolean; checks: unknown[] } | undefined;
          return d ? { candidateId: d.candidateId, eligible: d.eligible, failed: (d.checks as { met: boolean }[]).filter((c) => !c.met) } : {};
        },
      );
    },
  );

  app.post(
    '/v1/compounds/:compoundId/committee/elections/:electionId/candidates/:candidateId/vetting',
    {
      schema: {
        tags: ['committee'],
        summary: 'The community Party organisation’s consent (京条例 Art. 40) or the street office’s review (沪规定 Art. 21), with reasons',
        params: electionParams.extend({ candidateId: id }),
        body: z.object({ outcome: z.enum(['approved', 'refused']), reason: text(2000) }),
        response: { 201: created, ...errors },
      },
    },
    (request, reply) =>
      run(request, reply, request.params.compoundId, ['party_committee', 'street_office'], (by) => ({
        type: 'VetCandidate',
        data: { electionId: request.params.electionId, candidateId: request.params.candidateId, outcome: request.body.outcome, reason: request.body.reason },
        by,
      })),
  );

  app.post(
    '/v1/compounds/:compoundId/committee/elections/:electionId/posting',
    { schema: { tags: ['committee'], summary: 'Post the candidate list (候选人公示); voting may open once the pack’s days have run', params: electionParams, body: z.object({}).passthrough().nullish(), response: { 201: created, ...errors } } },
    (request, reply) =>
      run(
        request,
        reply,
        request.params.compoundId,
        CONVENORS,
        (by) => ({ type: 'PostCandidates', data: { electionId: request.params.electionId }, by }),
        ({ events }) => ({ votingMayOpenAt: (events[0]?.data as { votingMayOpenAt?: string } | undefined)?.votingMayOpenAt }),
      ),
  );

  app.post(
    '/v1/compounds/:compoundId/committee/elections/:electionId/motion',
    {
      schema: {
        tags: ['committee'],
        summary: 'Call the vote: proposes the assembly motion (matter elect_committee, form elect with the posted candidates, proposal {seats, electionId}); the vote then runs on /v1/motions',
        params: electionParams,
        body: z.object({ title: text(200).optional(), description: z.string().max(10_000).optional(), opensAt: z.iso.datetime({ offset: true }), closesAt: z.iso.datetime({ offset: true }) }),
        response: { 201: created, ...errors },
      },
    },
    (request, reply) => {
      const { compoundId, electionId } = request.params;
      return runWith(
        request,
        reply,
        compoundId,
        CONVENORS,
        (by, cmd) => committee.proposeElectionMotion(compoundId, electionId, request.body, by, cmd),
        ({ events }) => ({ motionId: (events[0]?.data as { motionId?: string } | undefined)?.motionId }),
      );
    },
  );

  app.post(
    '/v1/compounds/:compoundId/committee/officers',
    {
      schema: {
        tags: ['committee'],
        summary: 'The first meeting elects the chair and vice-chairs, each by > 1/2 of ALL members (指导规则 Art. 32; 京条例 Art. 42)',
        params: compoundParams,
        body: z.object({ chair: id, viceChairs: z.array(id).min(1).max(5), present: z.array(id).max(51), votes: z.record(z.string(), z.number().int().min(0).max(51)) }),
        response: { 201: created, ...errors },
      },
    },
    (request, reply) => run(request, reply, request.params.compoundId, ['oc_member'], (by) => ({ type: 'ElectOfficers', data: request.body, by })),
  );

  app.post(
    '/v1/compounds/:compoundId/committee/filing',
    {
      schema: {
        tags: ['committee'],
        summary: 'Record the filing (备案) and its certificate’s reference (物业管理条例 Art. 16; 京条例 Art. 43)',
        params: compoundParams,
        body: z.object({ certificateRef: text(200), authority: text(200) }),
        response: { 201: created, ...errors },
      },
    },
    (request, reply) => run(request, reply, request.params.compoundId, ['street_office'], (by) => ({ type: 'RecordFiling', data: request.body, by })),
  );

  app.post(
    '/v1/compounds/:compoundId/committee/meetings',
    {
      schema: {
        tags: ['committee'],
        summary: 'Record an OC meeting: members present (quorum > 1/2), each item with the members present signing in favour (> 1/2 of ALL members adopts; no proxies)',
        params: compoundParams,
        body: z.object({ meetingId: id, present: z.array(id).max(51), items: z.array(z.object({ itemId: id, title: text(500), inFavour: z.array(id).max(51) })).min(1).max(50) }),
        response: { 201: created, ...errors },
      },
    },
    (request, reply) =>
      run(
        request,
        reply,
        request.params.compoundId,
        ['oc_member'],
        (by) => ({ type: 'RecordMeeting', data: request.body, by }),
        ({ events }) => {
          const d = events[0]?.data as { quorumMet: boolean; items: { itemId: string; adopted: boolean }[]; publicationDueBy: string } | undefined;
          return d ? { quorumMet: d.quorumMet, items: d.items.map((i) => ({ itemId: i.itemId, adopted: i.adopted })), publicationDueBy: d.publicationDueBy } : {};
        },
      ),
  );

  app.post(
    '/v1/compounds/:compoundId/committee/meetings/:meetingId/publication',
    { schema: { tags: ['committee'], summary: 'Publish a meeting’s decisions (within 3 days: 沪规定 Art. 26; 杭条例 Art. 29; 京条例 Art. 45)', params: compoundParams.extend({ meetingId: id }), body: z.object({}).passthrough().nullish(), response: { 201: created, ...errors } } },
    (request, reply) => run(request, reply, request.params.compoundId, ['oc_member'], (by) => ({ type: 'PublishMeetingDecisions', data: { meetingId: request.params.meetingId }, by })),
  );

  // --- the end of a term (换届), removal, meeting notice, demands and the seal ---
  const groupMember = z.object({ memberId: id, name: text(100), kind: z.enum(groupMemberKinds as [string, ...string[]]), unitId: z.string().max(100).optional() });
  const motionWindow = z.object({ title: text(200).optional(), description: z.string().max(10_000).optional(), opensAt: z.iso.datetime({ offset: true }), closesAt: z.iso.datetime({ offset: true }) });
  const empty = z.object({}).passthrough().nullish();

  app.post(
    '/v1/compounds/:compoundId/committee/reelection-report',
    { schema: { tags: ['committee'], summary: 'The committee’s written re-election report to the street office (京条例 Art. 49: 6 months before the term ends; 沪规定 Art. 28: 5; 杭条例 Art. 33: 3)', params: compoundParams, body: empty, response: { 201: created, ...errors } } },
    (request, reply) =>
      run(request, reply, request.params.compoundId, ['oc_member'], (by) => ({ type: 'ReportReelection', data: {}, by }), ({ events }) => ({ groupDueBy: (events[0]?.data as { groupDueBy?: string } | undefined)?.groupDueBy })),
  );

  app.post(
    '/v1/compounds/:compoundId/committee/reelection-group',
    {
      schema: {
        tags: ['committee'],
        summary: 'The street office forms the re-election group (换届改选小组), composed like the preparatory group; in Shanghai decisions on the firm, fees and major works are frozen until the new committee (沪规定 Art. 28)',
        params: compoundParams,
        body: z.object({ members: z.array(groupMember).min(1).max(51), leaderMemberId: id }),
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => {
      const { compoundId } = request.params;
      return run(request, reply, compoundId, ['street_office'], async (by) => {
        const compound = await compoundOf(compoundId);
        const known = request.body.members.flatMap((m) => (m.unitId && hasUnit(compound.units, m.unitId) ? [m.unitId] : []));
        return { type: 'FormReelectionGroup', data: { members: request.body.members as never, leaderMemberId: request.body.leaderMemberId, knownUnits: known }, by };
      });
    },
  );

  app.post(
    '/v1/compounds/:compoundId/committee/handover',
    {
      schema: {
        tags: ['committee'],
        summary: 'Record the handover of records, seals and property (沪规定 Art. 29; 杭条例 Art. 34; 指导规则 Art. 48: within 10 days)',
        params: compoundParams,
        body: z.object({ termId: id.optional(), to: text(200), items: z.array(text(200)).min(1).max(50), evidenceRef: text(200) }),
        response: { 201: created, ...errors },
      },
    },
    (request, reply) => run(request, reply, request.params.compoundId, ['oc_member', 'street_office', 'rc_staff'], (by) => ({ type: 'RecordHandover', data: request.body, by })),
  );

  app.post(
    '/v1/compounds/:compoundId/committee/removals',
    {
      schema: {
        tags: ['committee'],
        summary: 'Propose removing a member (罢免): by ≥ 1/3 of the members (oc_member, proposedBy members) or owners with ≥ 20% of the votes (owner, proposedBy owners with their units)',
        params: compoundParams,
        body: z.object({
          memberId: id,
          grounds: text(2000),
          groundCodes: z.array(id).max(20).optional().describe('the grounds as the article lists them (Beijing 京条例 Arts. 46–47, Shanghai 沪规定 Art. 31, Hangzhou 杭条例 Art. 31): required there'),
          evidenceRef: text(200).describe('the signed written proposal'),
          proposedBy: z.enum(['members', 'owners']),
          members: z.array(id).max(51).optional().describe('proposedBy members: the proposing members'),
          units: z.array(z.string().min(1).max(100)).max(100_000).optional().describe('proposedBy owners: the units of the owners proposing'),
        }),
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => {
      const { compoundId } = request.params;
      const b = request.body;
      return run(
        request,
        reply,
        compoundId,
        b.proposedBy === 'members' ? ['oc_member'] : ['owner'],
        async (by, cmd) => ({
          type: 'ProposeRemoval',
          data: {
            removalId: commandIds(cmd.commandId)(),
            memberId: b.memberId,
            grounds: b.grounds,
            ...(b.groundCodes ? { groundCodes: b.groundCodes } : {}),
            evidenceRef: b.evidenceRef,
            proposer: b.proposedBy === 'members' ? { kind: 'members', members: b.members ?? [], of: 0 } : { kind: 'owners', units: b.units ?? [], ...(await committee.ownerSupport(compoundId, b.units ?? [])) },
          },
          by,
        }),
        ({ events }) => {
          const d = events[0]?.data as { removalId?: string; answerBy?: string } | undefined;
          return { removalId: d?.removalId, answerBy: d?.answerBy };
        },
      );
    },
  );

  app.post(
    '/v1/compounds/:compoundId/committee/removals/:removalId/answer',
    { schema: { tags: ['committee'], summary: 'The member’s answer to a removal proposal (申辩, 杭条例 Art. 31 para. 3), by the member concerned', params: compoundParams.extend({ removalId: id }), body: z.object({ answer: text(10_000) }), response: { 201: created, ...errors } } },
    (request, reply) => run(request, reply, request.params.compoundId, ['oc_member', 'owner'], (by) => ({ type: 'AnswerRemoval', data: { removalId: request.params.removalId, answer: request.body.answer }, by })),
  );

  app.post(
    '/v1/compounds/:compoundId/committee/removals/:removalId/motion',
    { schema: { tags: ['committee'], summary: 'Put a removal to the owners: a yes_no motion (matter elect_committee) with the grounds and the member’s answer; the final result removes the member (a reactor)', params: compoundParams.extend({ removalId: id }), body: motionWindow, response: { 201: created, ...errors } } },
    (request, reply) => {
      const { compoundId, removalId } = request.params;
      return runWith(
        request,
        reply,
        compoundId,
        CONVENORS,
        (by, cmd) => committee.proposeRemovalMotion(compoundId, removalId, request.body, by, cmd),
        ({ events }) => ({ motionId: (events.find((e) => e.type === 'RemovalPutToOwners')?.data as { motionId?: string } | undefined)?.motionId }),
      );
    },
  );

  app.post(
    '/v1/compounds/:compoundId/committee/meetings/:meetingId/notice',
    {
      schema: {
        tags: ['committee'],
        summary: 'Convene an OC meeting: the agenda posted and sent to the residents’ committee (指导规则 Art. 39: 7 days before; 京条例 Art. 45: 5)',
        params: compoundParams.extend({ meetingId: id }),
        body: z.object({ agenda: z.array(text(500)).min(1).max(50), heldAt: z.iso.datetime({ offset: true }), demandId: id.optional() }),
        response: { 201: created, ...errors },
      },
    },
    (request, reply) => run(request, reply, request.params.compoundId, ['oc_member'], (by) => ({ type: 'ConveneMeeting', data: { meetingId: request.params.meetingId, ...request.body }, by })),
  );

  app.post(
    '/v1/compounds/:compoundId/committee/meeting-demands',
    { schema: { tags: ['committee'], summary: 'At least a third of the members demand a meeting, to be held within 7 days (指导规则 Art. 37; 京条例 Art. 45; 沪规定 Art. 26)', params: compoundParams, body: z.object({ members: z.array(id).min(1).max(51), agenda: text(2000) }), response: { 201: created, ...errors } } },
    (request, reply) =>
      run(
        request,
        reply,
        request.params.compoundId,
        ['oc_member'],
        (by, cmd) => ({ type: 'DemandMeeting', data: { demandId: commandIds(cmd.commandId)(), ...request.body }, by }),
        ({ events }) => {
          const d = events[0]?.data as { demandId?: string; holdBy?: string } | undefined;
          return { demandId: d?.demandId, holdBy: d?.holdBy };
        },
      ),
  );

  app.post(
    '/v1/compounds/:compoundId/committee/seal-uses',
    { schema: { tags: ['committee'], summary: 'Record a use of the committee’s seal with the members signing for it (京条例 Art. 43: more than half of the members)', params: compoundParams, body: z.object({ useId: id, purpose: text(500), documentRef: text(200), signedBy: z.array(id).min(1).max(51) }), response: { 201: created, ...errors } } },
    (request, reply) => run(request, reply, request.params.compoundId, ['oc_member'], (by) => ({ type: 'UseSeal', data: request.body, by })),
  );

  // ── polish: a member or an alternate leaving on their own ground (京条例 Art. 46 para. 1 (二)(三); 沪规定 Art. 31;
  // 杭条例 Art. 32): no vote; a member's seat goes to the first alternate (Art. 41 para. 3).
  const leavingAnswer = ({ events }: CommandOutcome) => {
    const seated = events.find((e) => e.type === 'AlternateSeated')?.data as { memberId?: string } | undefined;
    return { ended: events.some((e) => e.type === 'MembershipTerminated' || e.type === 'AlternateLeft'), alternateSeated: seated?.memberId ?? null, earlyReelection: events.some((e) => e.type === 'EarlyReelectionRequired') };
  };
  app.post(
    '/v1/compounds/:compoundId/committee/members/:memberId/resignation',
    {
      schema: {
        tags: ['committee'],
        summary: 'A member or an alternate resigns in writing (辞职): membership ends that day, the first alternate takes a member’s seat (京条例 Art. 46 para. 1 (二), Art. 41; 沪规定 Art. 31; 杭条例 Art. 32 (四)); by the member themself',
        params: compoundParams.extend({ memberId: id }),
        body: z.object({ letterRef: text(500).describe('the written resignation (书面形式)') }),
        response: { 201: created, ...errors },
      },
    },
    (request, reply) => run(request, reply, request.params.compoundId, ['oc_member', 'owner'], (by) => ({ type: 'Resign', data: { memberId: request.params.memberId, letterRef: request.body.letterRef }, by }), leavingAnswer),
  );

  app.post(
    '/v1/compounds/:compoundId/committee/members/:memberId/incapacity',
    {
      schema: {
        tags: ['committee'],
        summary: 'A member or an alternate can no longer serve (健康等原因无法履行职责; 杭条例: declared without full civil capacity): membership ends from the day it occurred (京条例 Art. 46 para. 1 (三); 杭条例 Art. 32 (二)); by another OC member or the street office',
        params: compoundParams.extend({ memberId: id }),
        body: z.object({ occurredOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), evidenceRef: text(500) }),
        response: { 201: created, ...errors },
      },
    },
    (request, reply) => run(request, reply, request.params.compoundId, ['oc_member', 'street_office'], (by) => ({ type: 'RecordIncapacity', data: { memberId: request.params.memberId, ...request.body }, by }), leavingAnswer),
  );

  // ── Where there is no OC: the property-management committee (京条例 Arts. 52–59; 杭条例 Arts. 38–41) and the
  // residents' committee acting (沪居委条例 Art. 20); the body in charge convenes the owners' decisions.
  app.post(
    '/v1/compounds/:compoundId/committee/property-management-committee',
    {
      schema: {
        tags: ['committee'],
        summary: 'Form the property-management committee (物业管理委员会) where no OC is in place: Beijing ≥ 7, odd, owners ≥ 1/2, chaired by the RC (京条例 Art. 54), ≤ 3 years; Hangzhou 7–11 chaired by the street office (杭条例 Art. 39), ≤ 2 years',
        params: compoundParams,
        body: z.object({
          members: z.array(z.object({ memberId: id, name: text(100), kind: z.enum(pmcMemberKinds as [string, ...string[]]), unitId: z.string().max(100).optional() })).min(1).max(51),
          chairMemberId: id,
          viceChairMemberId: id.optional(),
          termYears: z.number().int().min(1).max(5),
          grounds: text(2000).describe('why it is formed (京条例 Art. 53; 杭条例 Art. 38)'),
        }),
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => {
      const { compoundId } = request.params;
      return run(request, reply, compoundId, ['street_office'], async (by, cmd) => {
        const compound = await compoundOf(compoundId);
        const b = request.body;
        return {
          type: 'FormPropertyManagementCommittee',
          data: {
            compoundId,
            jurisdiction: compound.compound.jurisdiction,
            pmcId: commandIds(cmd.commandId)(),
            members: b.members as never,
            chairMemberId: b.chairMemberId,
            ...(b.viceChairMemberId ? { viceChairMemberId: b.viceChairMemberId } : {}),
            termYears: b.termYears,
            grounds: b.grounds,
            knownUnits: b.members.flatMap((m) => (m.unitId && hasUnit(compound.units, m.unitId) ? [m.unitId] : [])),
          },
          by,
        };
      }, ({ events }) => ({ pmcId: (events[0]?.data as { pmcId?: string } | undefined)?.pmcId }));
    },
  );

  app.post(
    '/v1/compounds/:compoundId/committee/property-management-committee/dissolution',
    { schema: { tags: ['committee'], summary: 'Dissolve the property-management committee (京条例 Art. 59: within 30 days of the OC’s filing; 杭条例 Art. 41 para. 2)', params: compoundParams, body: z.object({ reason: text(2000) }), response: { 201: created, ...errors } } },
    (request, reply) => run(request, reply, request.params.compoundId, ['street_office'], (by) => ({ type: 'DissolvePropertyManagementCommittee', data: { reason: request.body.reason }, by })),
  );

  app.post(
    '/v1/compounds/:compoundId/committee/residents-committee-acting',
    {
      schema: {
        tags: ['committee'],
        summary: 'Record the residents’ committee organising the owners’ decisions where no OC could be elected (沪居委条例 Art. 20 para. 2), under the street office’s guidance',
        params: compoundParams,
        body: z.object({ reason: text(2000), commissionRef: text(200).optional().describe('经业主大会委托: the assembly’s commission to act for the OC') }),
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => {
      const { compoundId } = request.params;
      return run(request, reply, compoundId, ['street_office'], async (by) => {
        const compound = await compoundOf(compoundId);
        return { type: 'RecordResidentsCommitteeActing', data: { compoundId, jurisdiction: compound.compound.jurisdiction, reason: request.body.reason, ...(request.body.commissionRef ? { commissionRef: request.body.commissionRef } : {}) }, by };
      });
    },
  );

  app.post(
    '/v1/compounds/:compoundId/committee/acting-body/motions',
    {
      schema: {
        tags: ['committee'],
        summary: 'An owners’ decision convened by the body acting where there is no OC (Beijing: the PMC through its RC chair, 京条例 Arts. 56–57; Hangzhou: its street-office chair, 杭条例 Art. 40; Shanghai: the RC, 沪居委条例 Art. 20); recorded naming the body and the article',
        params: compoundParams,
        body: z.object({
          title: text(200),
          description: z.string().max(10_000).default(''),
          matter: z.enum(matters as [string, ...string[]]),
          opensAt: z.iso.datetime({ offset: true }),
          closesAt: z.iso.datetime({ offset: true }),
          form: z.enum(['yes_no']).default('yes_no'),
          proposal: z.record(z.string(), z.unknown()).optional(),
        }),
        response: { 201: created, ...errors },
      },
    },
    (request, reply) => {
      const { compoundId } = request.params;
      const b = request.body;
      return runWith(
        request,
        reply,
        compoundId,
        ['rc_staff', 'street_office'],
        (by, cmd) => committee.proposeActingMotion(compoundId, { title: b.title, description: b.description, matter: b.matter as never, opensAt: b.opensAt, closesAt: b.closesAt, form: { form: b.form }, ...(b.proposal ? { proposal: b.proposal } : {}) }, by, cmd),
        ({ events }) => {
          const d = events.find((e) => e.type === 'OwnersDecisionConvened')?.data as { motionId?: string; body?: string; source?: string } | undefined;
          return { motionId: d?.motionId, body: d?.body, source: d?.source };
        },
      );
    },
  );

  app.get(
    '/v1/compounds/:compoundId/committee/acting-body',
    { schema: { tags: ['committee'], summary: 'The body in charge where there is no OC: the property-management committee (members by kind, chair, term, dissolution) or the acting RC, and the owners’ decisions it convened with their article', params: compoundParams, querystring: afterQuery, response: { 200: actingResponse, ...errors } } },
    async (request) => {
      const { compoundId } = request.params;
      await readable(request, compoundId, request.query.after);
      const doc = read.get<ActingBodyDoc>(COMMITTEE_ACTING, compoundId);
      if (!doc) throw new HttpProblem(404, 'no_acting_body', 'no property-management committee or acting residents\u2019 committee is recorded for this compound');
      return doc;
    },
  );

  app.get(
    '/v1/compounds/:compoundId/committee',
    { schema: { tags: ['committee'], summary: 'The committee on the notice board: members by role with unit numbers, term, filing, meetings and decisions, open deadlines', params: compoundParams, querystring: afterQuery, response: { 200: boardResponse, ...errors } } },
    async (request) => {
      const { compoundId } = request.params;
      const wanted = await readable(request, compoundId, request.query.after);
      const board = read.get<CommitteeBoardDoc>(COMMITTEE_BOARDS, compoundId);
      if (!board) throw new HttpProblem(404, 'group_not_found', 'no preparatory body is formed for this compound');
      await platform.deadlinesAt(wanted, 5_000);
      const now = clock.now();
      const kinds: readonly string[] = committeeDeadlineKinds;
      const deadlines = platform.deadlines
        .deadlines(compoundId)
        .filter((d) => kinds.includes(d.kind) && d.metAt === null)
        .map((d) => ({ deadlineId: d.deadlineId, kind: d.kind, dueAt: d.dueAt, status: deadlineStatus(d, now), source: d.source, record: d.record }));
      return { ...board, deadlines };
    },
  );

  app.get(
    '/v1/compounds/:compoundId/committee/elections/:electionId',
    { schema: { tags: ['committee'], summary: 'An election: the preparatory body, candidates with eligibility and vetting, the posting, the result', params: electionParams, querystring: afterQuery, response: { 200: electionResponse, ...errors } } },
    async (request) => {
      await readable(request, request.params.compoundId, request.query.after);
      const doc = read.get<ElectionDoc>(COMMITTEE_ELECTIONS, request.params.electionId);
      if (!doc || doc.compoundId !== request.params.compoundId) throw new HttpProblem(404, 'election_not_found', `No election ${request.params.electionId}`);
      return doc;
    },
  );
};
