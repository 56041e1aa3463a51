/**
 * Three parties working together over HTTP: joint meetings (convened by the community Party committee, the RC
 * or the street office) with attendance, resolutions and tasks; residents' requests raised, dispatched,
 * accepted or declined, completed and rated; each party's score for a period. Thin: parse, authorise, call the
 * service, answer; who may do what is decided in domain/joint.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { jointParties, partyScores, type JointCommand, type Party } from '../../domain/joint/index.js';
import { JOINT_MEETINGS, REQUESTS, type JointMeetingDoc, type RequestDoc } from '../../projections/joint/index.js';
import { requirePrincipal, requireRole } from '../api/authenticate.js';
import { readModelGate } from '../api/readModel.js';
import { HttpProblem } from '../api/problem.js';
import { afterQuery, identifier, instant, problemSchema } from '../api/schemas.js';
import { rolesOn, type Principal, type Role } from '../auth/grants.js';
import { commandIds } from '../commands/handler.js';
import { jointMeetingList, partyScoreList, requestList } from './viewSchemas.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const created = z.object({ position: z.string() }).passthrough();
const party = z.enum(jointParties as [Party, ...Party[]]);
const ANY: readonly Role[] = ['owner', 'oc_member', 'rc_staff', 'party_committee', 'street_office', 'property_firm', 'supervisor', 'developer'];
const facts = (p: Principal, compoundId: string) => ({ personId: p.personId, grants: rolesOn(p, compoundId) });

export const jointRoutes: FastifyPluginAsyncZod = async (app) => {
  const { joint, commands, signingKey, read } = app.deps;

  const gate = readModelGate(app.deps);
  const reader = (request: FastifyRequest, compoundId: string, after?: string) => gate.readable(request, compoundId, { roles: ANY, projections: ['joint'], after });
  /** Runs a command by any grant on the compound; the decider says who may (403 `not_entitled` otherwise). */
  const run = async (request: FastifyRequest, reply: Parameters<typeof commands.run>[1], compoundId: string, execute: (by: ReturnType<typeof facts>, cmd: Parameters<Parameters<typeof commands.run>[2]['execute']>[0]) => ReturnType<typeof joint.onMeeting>, body: (events: readonly { data: unknown }[]) => Record<string, unknown> = () => ({})) => {
    const principal = await requirePrincipal(request, signingKey);
    const role = requireRole(principal, compoundId, ANY);
    return commands.run(request, reply, {
      principal,
      role,
      execute: (cmd) => execute(facts(principal, compoundId), cmd),
      respond: ({ events, position }) => ({ status: 201, body: { ...body(events), position: position.toString() } }),
    });
  };
  const meetingCompound = async (meetingId: string) => {
    const s = await joint.meeting(meetingId);
    if (s.kind !== 'meeting') throw new HttpProblem(404, 'meeting_not_found', `No joint meeting ${meetingId}`);
    return s.convened.compoundId;
  };
  const requestCompound = async (requestId: string) => {
    const s = await joint.request(requestId);
    if (s.kind !== 'request') throw new HttpProblem(404, 'request_not_found', `No request ${requestId}`);
    return s.raised.compoundId;
  };

  app.post(
    '/v1/compounds/:compoundId/joint-meetings',
    {
      schema: {
        tags: ['joint'],
        summary: 'Convene a joint meeting (联席会议) with its invited parties, agenda and notice',
        params: z.object({ compoundId: identifier }),
        body: z.object({
          invited: z.array(party).min(1).max(9),
          agenda: z.array(z.object({ itemId: identifier, title: z.string().min(1).max(200) })).min(1).max(30),
          heldAt: instant,
          noticeDays: z.number().int().min(0).max(90).optional().describe('default 3'),
          resultsDays: z.number().int().min(0).max(90).optional().describe('results published within; default 7'),
        }),
        response: { 201: created, ...errors },
      },
    },
    (request, reply) => {
      const { compoundId } = request.params;
      return run(request, reply, compoundId, (by, cmd) => {
        const meetingId = commandIds(cmd.commandId)();
        return joint.onMeeting(meetingId, { type: 'ConveneJointMeeting', data: { meetingId, compoundId, ...request.body } as never, by }, cmd);
      }, (events) => ({ meetingId: (events[0]!.data as { meetingId: string }).meetingId }));
    },
  );

  const onMeeting = (path: string, summary: string, body: z.ZodType, build: (meetingId: string, params: Record<string, string>, body: never, ids: () => string) => Omit<JointCommand, 'by'>, answer: (events: readonly { data: unknown }[]) => Record<string, unknown> = () => ({})) =>
    app.post(
      `/v1/joint-meetings/:meetingId${path}`,
      { schema: { tags: ['joint'], summary, params: z.object({ meetingId: identifier, taskId: identifier.optional() }), body, response: { 201: created, ...errors } } },
      async (request, reply) => {
        const params = request.params as Record<string, string>;
        const compoundId = await meetingCompound(params.meetingId!);
        return run(request, reply, compoundId, (by, cmd) => joint.onMeeting(params.meetingId!, { ...build(params.meetingId!, params, request.body as never, commandIds(cmd.commandId)), by } as JointCommand, cmd), answer);
      },
    );
  onMeeting('/attendance', 'Record the parties present', z.object({ present: z.array(party).min(1).max(9) }), (meetingId, _p, b: { present: Party[] }) => ({ type: 'RecordJointAttendance', data: { meetingId, present: b.present } }));
  onMeeting(
    '/resolutions',
    'Adopt a resolution with the parties that agreed',
    z.object({ text: z.string().min(1).max(5000), agreedBy: z.array(party).min(1).max(9) }),
    (meetingId, _p, b: { text: string; agreedBy: Party[] }, ids) => ({ type: 'AdoptResolution', data: { meetingId, resolutionId: ids(), ...b } }),
    (events) => ({ resolutionId: (events[0]!.data as { resolutionId: string }).resolutionId }),
  );
  onMeeting(
    '/tasks',
    'Assign a task of a resolution to a party, with its due date (a deadline)',
    z.object({ resolutionId: identifier, party, description: z.string().min(1).max(2000), dueAt: instant }),
    (meetingId, _p, b: { resolutionId: string; party: Party; description: string; dueAt: string }, ids) => ({ type: 'AssignTask', data: { meetingId, taskId: ids(), ...b } }),
    (events) => ({ taskId: (events[0]!.data as { taskId: string }).taskId }),
  );
  onMeeting('/tasks/:taskId/close', 'Close a task with its outcome and evidence (the party assigned, or the convener)', z.object({ outcome: z.string().min(1).max(2000), evidenceRef: z.string().min(1).max(500) }), (meetingId, p, b: { outcome: string; evidenceRef: string }) => ({ type: 'CloseTask', data: { meetingId, taskId: p.taskId!, ...b } }));
  onMeeting('/tasks/:taskId/rating', 'Rate a closed task (satisfaction 1–5)', z.object({ satisfaction: z.number().int().min(1).max(5) }), (meetingId, p, b: { satisfaction: number }) => ({ type: 'RateTask', data: { meetingId, taskId: p.taskId!, satisfaction: b.satisfaction } }));
  onMeeting('/results', 'Publish the meeting\u2019s results (沪居委条例 Art. 23)', z.object({}).passthrough().nullish(), (meetingId) => ({ type: 'PublishJointResults', data: { meetingId } }));

  app.get(
    '/v1/compounds/:compoundId/joint-meetings',
    { schema: { tags: ['joint'], summary: 'Joint meetings with resolutions and the status of their tasks', params: z.object({ compoundId: identifier }), querystring: afterQuery, response: { 200: jointMeetingList, ...errors } } },
    async (request) => {
      await reader(request, request.params.compoundId, request.query.after);
      return { meetings: read.list<JointMeetingDoc>(JOINT_MEETINGS, request.params.compoundId) };
    },
  );

  app.post(
    '/v1/compounds/:compoundId/requests',
    {
      schema: {
        tags: ['joint'],
        summary: 'Raise a request (居民点单): an owner, or the RC for a resident',
        params: z.object({ compoundId: identifier }),
        body: z.object({ category: z.string().min(1).max(50), building: identifier.optional(), unitId: identifier.optional(), description: z.string().min(1).max(2000) }),
        response: { 201: created, ...errors },
      },
    },
    (request, reply) => {
      const { compoundId } = request.params;
      return run(request, reply, compoundId, (by, cmd) => {
        const requestId = commandIds(cmd.commandId)();
        return joint.onRequest(requestId, { type: 'RaiseRequest', data: { requestId, compoundId, ...request.body } as never, by }, cmd);
      }, (events) => ({ requestId: (events[0]!.data as { requestId: string }).requestId }));
    },
  );

  const onRequest = (path: string, summary: string, body: z.ZodType, build: (requestId: string, body: never) => Omit<JointCommand, 'by'>) =>
    app.post(
      `/v1/requests/:requestId${path}`,
      { schema: { tags: ['joint'], summary, params: z.object({ requestId: identifier }), body, response: { 201: created, ...errors } } },
      async (request, reply) => {
        const { requestId } = request.params as { requestId: string };
        const compoundId = await requestCompound(requestId);
        return run(request, reply, compoundId, (by, cmd) => joint.onRequest(requestId, { ...build(requestId, request.body as never), by } as JointCommand, cmd), () => ({ requestId }));
      },
    );
  onRequest('/dispatch', 'Dispatch to a party with a due date (社区派单; a deadline)', z.object({ party, dueAt: instant }), (requestId, b: { party: Party; dueAt: string }) => ({ type: 'DispatchRequest', data: { requestId, ...b } }));
  onRequest('/accept', 'Accept the request (接单): the party it was dispatched to', z.object({}).passthrough().nullish(), (requestId) => ({ type: 'AcceptRequest', data: { requestId } }));
  onRequest('/decline', 'Decline with a reason: it goes back to be dispatched again', z.object({ reason: z.string().min(1).max(1000) }), (requestId, b: { reason: string }) => ({ type: 'DeclineRequest', data: { requestId, reason: b.reason } }));
  onRequest('/progress', 'Report progress', z.object({ note: z.string().min(1).max(2000) }), (requestId, b: { note: string }) => ({ type: 'ProgressRequest', data: { requestId, note: b.note } }));
  onRequest('/complete', 'Complete with evidence', z.object({ evidenceRef: z.string().min(1).max(500) }), (requestId, b: { evidenceRef: string }) => ({ type: 'CompleteRequest', data: { requestId, evidenceRef: b.evidenceRef } }));
  onRequest('/rating', 'Rate it (satisfaction 1–5): whoever raised it', z.object({ satisfaction: z.number().int().min(1).max(5) }), (requestId, b: { satisfaction: number }) => ({ type: 'RateRequest', data: { requestId, satisfaction: b.satisfaction } }));

  app.get(
    '/v1/compounds/:compoundId/requests',
    { schema: { tags: ['joint'], summary: 'Requests with each dispatch and its outcome (never who raised them)', params: z.object({ compoundId: identifier }), querystring: afterQuery, response: { 200: requestList, ...errors } } },
    async (request) => {
      await reader(request, request.params.compoundId, request.query.after);
      return { requests: read.list<RequestDoc>(REQUESTS, request.params.compoundId) };
    },
  );

  app.get(
    '/v1/compounds/:compoundId/scores',
    {
      schema: {
        tags: ['joint'],
        summary: 'Each party\u2019s score for a period, from the record (formula in domain/joint/scores.ts)',
        params: z.object({ compoundId: identifier }),
        querystring: afterQuery.extend({ from: instant, to: instant }),
        response: { 200: partyScoreList, ...errors },
      },
    },
    async (request) => {
      await reader(request, request.params.compoundId, request.query.after);
      const dispatches = read.list<RequestDoc>(REQUESTS, request.params.compoundId).flatMap((r) => r.dispatches);
      return {
        from: request.query.from,
        to: request.query.to,
        formula: '30 × answered within 24 h ÷ dispatched + 40 × completed on time ÷ accepted + 30 × (mean satisfaction − 1) ÷ 4',
        scores: partyScores(dispatches, { from: new Date(request.query.from), to: new Date(request.query.to) }),
      };
    },
  );
};
