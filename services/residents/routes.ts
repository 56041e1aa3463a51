/**
 * Residents' self-governance over HTTP: the residents' roll, residents' meetings and resident-representative
 * meetings, requests to convene. Thin: parse, authorise, call the service, answer. The residents' committee
 * (rc_staff) or the street office runs them; every grant on the compound reads the board.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { conveneRequestStreamId, residentsMeetingStreamId, type ResidentsCommand, type ResidentsState } from '../../domain/residents/index.js';
import type { DomainError } from '../../domain/shared/errors.js';
import { RESIDENTS_MEETINGS, RESIDENTS_REQUESTS, RESIDENTS_ROLLS, type MeetingDoc, type RequestDoc, type RollDoc } from '../../projections/residents/index.js';
import { requirePrincipal, requireRole } from '../api/authenticate.js';
import { readModelGate } from '../api/readModel.js';
import type { CommandOutcome } from '../api/commandLog.js';
import { HttpProblem } from '../api/problem.js';
import { afterQuery, problemSchema, identifier } from '../api/schemas.js';
import { rolesOn, type Principal, type Role } from '../auth/grants.js';
import { commandIds, type CommandEnvelope } from '../commands/handler.js';
import { conveneRequestView, residentsMeetingList, residentsMeetingView, rollView } from './viewSchemas.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const id = identifier;
const evidenceRef = z.string().min(1).max(500);
const created = z.object({ position: z.string() }).passthrough();
/** 居委会组织法 Art. 10: the residents' committee convenes and chairs; the street office guides it (Art. 2). */
const RC: readonly Role[] = ['rc_staff', 'street_office'];
const ANY: readonly Role[] = ['owner', 'oc_member', 'rc_staff', 'party_committee', 'street_office', 'property_firm', 'supervisor', 'developer'];
const facts = (p: Principal, compoundId: string) => ({ personId: p.personId, grants: rolesOn(p, compoundId) });

export const residentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { residents, commands, signingKey, read } = app.deps;

  const asRc = async (request: FastifyRequest, compoundId: string) => {
    const principal = await requirePrincipal(request, signingKey);
    return { principal, role: requireRole(principal, compoundId, RC) };
  };
  const gate = readModelGate(app.deps);
  const reader = (request: FastifyRequest, compoundId: string, after?: string) => gate.readable(request, compoundId, { roles: ANY, projections: ['residents'], after });
  /** The compound of an existing meeting or request stream, or 404. */
  const compoundOf = async (streamId: string, what: string): Promise<string> => {
    const s: ResidentsState = await residents.state(streamId);
    if (s.kind === 'meeting') return s.convened.compoundId;
    if (s.kind === 'request') return s.compoundId;
    throw new HttpProblem(404, what === 'meeting' ? 'meeting_not_found' : 'request_not_found', `No such ${what}`);
  };
  const send = (
    request: FastifyRequest,
    reply: Parameters<typeof commands.run>[1],
    compoundId: string,
    principal: Principal,
    role: string,
    execute: (by: ReturnType<typeof facts>, cmd: CommandEnvelope) => Promise<CommandOutcome | DomainError>,
    body: (o: CommandOutcome) => Record<string, unknown> = () => ({}),
  ) =>
    commands.run(request, reply, {
      principal,
      role,
      execute: (cmd) => execute(facts(principal, compoundId), cmd),
      respond: (o) => ({ status: 201, body: { ...body(o), position: o.position.toString() } }),
    });

  app.post(
    '/v1/compounds/:compoundId/residents/roll',
    {
      schema: {
        tags: ['residents'],
        summary: 'Record the residents\u2019 roll (居民名册): households, their adults and residents\u2019 group; no names',
        params: z.object({ compoundId: id }),
        body: z.object({ households: z.array(z.object({ householdId: id, adults: z.number().int().min(0).max(50), group: id })).min(1).max(50_000) }),
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => {
      const { compoundId } = request.params;
      const { principal, role } = await asRc(request, compoundId);
      return send(request, reply, compoundId, principal, role, (by, cmd) => residents.onRoll(compoundId, { type: 'RecordRoll', data: { compoundId, households: request.body.households }, by }, cmd));
    },
  );

  app.post(
    '/v1/compounds/:compoundId/residents/representatives',
    {
      schema: {
        tags: ['residents'],
        summary: 'Record a residents\u2019 group\u2019s representatives (居民代表), each answering for some households',
        params: z.object({ compoundId: id }),
        body: z.object({ group: id, representatives: z.array(z.object({ representativeId: id, households: z.number().int().min(1) })).min(1).max(100), evidenceRef }),
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => {
      const { compoundId } = request.params;
      const { principal, role } = await asRc(request, compoundId);
      return send(request, reply, compoundId, principal, role, (by, cmd) => residents.onRoll(compoundId, { type: 'ChooseRepresentatives', data: { compoundId, ...request.body }, by }, cmd));
    },
  );

  app.get(
    '/v1/compounds/:compoundId/residents/roll',
    { schema: { tags: ['residents'], summary: 'The roll\u2019s totals (households, adults, groups) and representatives by group', params: z.object({ compoundId: id }), querystring: afterQuery, response: { 200: rollView, ...errors } } },
    async (request) => {
      await reader(request, request.params.compoundId, request.query.after);
      const roll = read.get<RollDoc>(RESIDENTS_ROLLS, request.params.compoundId);
      if (!roll) throw new HttpProblem(404, 'roll_not_found', 'No residents\u2019 roll recorded for this compound');
      return roll;
    },
  );

  app.post(
    '/v1/compounds/:compoundId/residents/meetings',
    {
      schema: {
        tags: ['residents'],
        summary: 'Convene a residents\u2019 meeting (居民会议) or a resident-representative meeting (居民代表会议)',
        params: z.object({ compoundId: id }),
        body: z.object({
          kind: z.enum(['residents_meeting', 'representatives_meeting']),
          constituency: z
            .object({ kind: z.enum(['all_adults', 'household_representatives', 'group_representatives']), perGroup: z.union([z.literal(2), z.literal(3)]).optional() })
            .optional()
            .describe('residents_meeting: who attends (居委会组织法 Art. 9)'),
          rules: z
            .object({ quorum: z.object({ num: z.number().int(), den: z.number().int(), inclusive: z.boolean() }).optional(), majority: z.object({ num: z.number().int(), den: z.number().int(), inclusive: z.boolean() }).optional() })
            .optional()
            .describe('representatives_meeting: the community\u2019s quorum and majority (default 2/3 present, more than 1/2 of them in favour)'),
          agenda: z.array(z.object({ itemId: id, title: z.string().min(1).max(200) })).min(1).max(50),
          heldAt: z.iso.datetime({ offset: true }),
          requestId: id.optional().describe('the residents\u2019 request this meeting answers'),
        }),
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => {
      const { compoundId } = request.params;
      const { principal, role } = await asRc(request, compoundId);
      const b = request.body;
      return send(
        request,
        reply,
        compoundId,
        principal,
        role,
        (by, cmd) => {
          const meetingId = commandIds(cmd.commandId)();
          return residents.convene(
            {
              type: 'ConveneMeeting',
              data: {
                meetingId,
                compoundId,
                kind: b.kind,
                ...(b.constituency ? { constituency: b.constituency as never } : {}),
                ...(b.rules ? { rules: b.rules as never } : {}),
                agenda: b.agenda,
                heldAt: b.heldAt,
                ...(b.requestId ? { requestId: b.requestId } : {}),
                roll: null,
              },
              by,
            },
            cmd,
          );
        },
        (o) => ({ meetingId: (o.events[0]!.data as { meetingId: string }).meetingId }),
      );
    },
  );

  /** A step on an existing meeting, by the RC. */
  const onMeeting = (path: string, summary: string, body: z.ZodType, build: (meetingId: string, itemId: string | undefined, body: never, by: ReturnType<typeof facts>) => ResidentsCommand) =>
    app.post(
      `/v1/residents/meetings/:meetingId${path}`,
      { schema: { tags: ['residents'], summary, params: z.object({ meetingId: id, itemId: id.optional() }), body, response: { 201: created, ...errors } } },
      async (request, reply) => {
        const { meetingId, itemId } = request.params as { meetingId: string; itemId?: string };
        const compoundId = await compoundOf(residentsMeetingStreamId(meetingId), 'meeting');
        const { principal, role } = await asRc(request, compoundId);
        return send(request, reply, compoundId, principal, role, (by, cmd) => residents.onMeeting(meetingId, build(meetingId, itemId, request.body as never, by), cmd), () => ({ meetingId }));
      },
    );
  onMeeting(
    '/attendance',
    'Record the attendance: a count (residents\u2019 meeting) or the representatives present, with the sign-in sheet',
    z.object({ present: z.number().int().min(0).optional(), representatives: z.array(id).max(1000).optional(), evidenceRef }),
    (meetingId, _i, b: { present?: number; representatives?: string[]; evidenceRef: string }, by) => ({ type: 'RecordAttendance', data: { meetingId, ...b }, by }),
  );
  onMeeting(
    '/items/:itemId/count',
    'Record a residents\u2019 meeting\u2019s count on an item; decided by 居委会组织法 Art. 9',
    z.object({ inFavour: z.number().int().min(0), against: z.number().int().min(0), abstain: z.number().int().min(0) }),
    (meetingId, itemId, b: { inFavour: number; against: number; abstain: number }, by) => ({ type: 'RecordCount', data: { meetingId, itemId: itemId!, ...b }, by }),
  );
  onMeeting(
    '/items/:itemId/votes',
    'Record a representative\u2019s open vote on an item',
    z.object({ representativeId: id, choice: z.enum(['for', 'against', 'abstain']) }),
    (meetingId, itemId, b: { representativeId: string; choice: 'for' | 'against' | 'abstain' }, by) => ({ type: 'RecordRepresentativeVote', data: { meetingId, itemId: itemId!, ...b }, by }),
  );
  onMeeting('/items/:itemId/close', 'Close a representatives\u2019 item: decided by the community\u2019s rules', z.object({}).passthrough().nullish(), (meetingId, itemId, _b, by) => ({ type: 'CloseItem', data: { meetingId, itemId: itemId! }, by }));

  app.get(
    '/v1/compounds/:compoundId/residents/meetings',
    { schema: { tags: ['residents'], summary: 'Residents\u2019 and representative meetings with their decisions', params: z.object({ compoundId: id }), querystring: afterQuery, response: { 200: residentsMeetingList, ...errors } } },
    async (request) => {
      await reader(request, request.params.compoundId, request.query.after);
      return { meetings: read.list<MeetingDoc>(RESIDENTS_MEETINGS, request.params.compoundId) };
    },
  );
  app.get(
    '/v1/residents/meetings/:meetingId',
    { schema: { tags: ['residents'], summary: 'A meeting: size, attendance, items with counts or representatives\u2019 votes, decisions', params: z.object({ meetingId: id }), querystring: afterQuery, response: { 200: residentsMeetingView, ...errors } } },
    async (request) => {
      const compoundId = await compoundOf(residentsMeetingStreamId(request.params.meetingId), 'meeting');
      await reader(request, compoundId, request.query.after);
      const doc = read.get<MeetingDoc>(RESIDENTS_MEETINGS, request.params.meetingId);
      if (!doc) throw new HttpProblem(404, 'meeting_not_found', 'No such meeting');
      return doc;
    },
  );

  app.post(
    '/v1/compounds/:compoundId/residents/requests',
    {
      schema: {
        tags: ['residents'],
        summary: 'Open a residents\u2019 request to convene a meeting (居委会组织法 Art. 10 para. 2)',
        params: z.object({ compoundId: id }),
        body: z.object({ purpose: z.string().min(1).max(2000) }),
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => {
      const { compoundId } = request.params;
      const { principal, role } = await asRc(request, compoundId);
      return send(
        request,
        reply,
        compoundId,
        principal,
        role,
        (by, cmd) => residents.openRequest({ type: 'OpenConveneRequest', data: { requestId: commandIds(cmd.commandId)(), compoundId, purpose: request.body.purpose, households: null }, by }, cmd),
        (o) => ({ requestId: (o.events[0]!.data as { requestId: string }).requestId }),
      );
    },
  );
  app.post(
    '/v1/residents/requests/:requestId/signatures',
    {
      schema: {
        tags: ['residents'],
        summary: 'Record a household\u2019s or a residents\u2019 group\u2019s signature of a request, from the written request',
        params: z.object({ requestId: id }),
        body: z.object({ householdId: id.optional(), group: id.optional(), evidenceRef }),
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => {
      const { requestId } = request.params;
      const compoundId = await compoundOf(conveneRequestStreamId(requestId), 'request');
      const { principal, role } = await asRc(request, compoundId);
      return send(request, reply, compoundId, principal, role, (by, cmd) => residents.onRequest(requestId, { type: 'SignConveneRequest', data: { requestId, ...request.body }, by }, cmd), (o) => ({
        requestId,
        reached: o.events.some((e) => e.type === 'ConveneRequestReached'),
      }));
    },
  );
  app.get(
    '/v1/residents/requests/:requestId',
    { schema: { tags: ['residents'], summary: 'A request to convene: signatures against the roll, and the convene-by date once reached', params: z.object({ requestId: id }), querystring: afterQuery, response: { 200: conveneRequestView, ...errors } } },
    async (request) => {
      const compoundId = await compoundOf(conveneRequestStreamId(request.params.requestId), 'request');
      await reader(request, compoundId, request.query.after);
      const doc = read.get<RequestDoc>(RESIDENTS_REQUESTS, request.params.requestId);
      if (!doc) throw new HttpProblem(404, 'request_not_found', 'No such request');
      return doc;
    },
  );
};
