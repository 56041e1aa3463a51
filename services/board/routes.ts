/**
 * The notice board (公示栏) over HTTP: server-rendered pages under /board/{compoundId}/..., in Chinese, that
 * work without JavaScript, and the setting that makes a compound's board public. Thin: read, shape
 * (projections/board), render (Eta). Tokens come in the Authorization header only: a token in a URL leaks
 * through logs, history and Referer, so the pages take none there.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { buildingsOf } from '../../domain/registry/index.js';
import { DECISIONS, MOTIONS, MOTION_TALLIES, renderTally, type DecisionDoc, type MotionDoc, type TallyDoc } from '../../projections/assembly/index.js';
import { checklist, communityPage, deadlineRows, decisionRow, motionPage, motionRow } from '../../projections/board/index.js';
import { DISPUTES, type DisputeDoc } from '../../projections/disputes/index.js';
import { JOINT_MEETINGS, REQUESTS, type JointMeetingDoc, type RequestDoc as JointRequestDoc } from '../../projections/joint/index.js';
import { RESIDENTS_MEETINGS, type MeetingDoc as ResidentsMeetingDoc } from '../../projections/residents/index.js';
import { HIRING_CONTRACTS, type ContractDoc } from '../../projections/hiring/index.js';
import { renderContract } from '../../projections/hiring/index.js';
import { firmPageOf } from './firmPage.js'; // hiring
import { fundsPageOf } from './fundsPageOf.js'; // pages16: funds
import { committeePageOf } from './committeePageOf.js'; // pages16: committee
import { requirePrincipal, requireRole } from '../api/authenticate.js';
import { HttpProblem } from '../api/problem.js';
import { requireProjected } from '../api/projected.js';
import { currentSignedHead } from '../api/routes/log.js';
import { afterQuery, identifier, problemSchema } from '../api/schemas.js';
import { rolesOn } from '../auth/grants.js';
import { deadlineStatus } from '../platform/deadlines.js';
import { motionAsOf, type AsOf } from './asOf.js';
import { viewAsOf } from '../api/asOf/timeTravel.js';
import { asOfField, requestedAsOf } from './asOfQuery.js';
import { beijingTime, renderPage, type PageFrame } from './render.js';
import type { BoardService } from './service.js';

const html = z.string().describe('text/html');
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

const asOfText = (asOf: AsOf, position: bigint, recordedAt: string | null): string =>
  asOf.kind === 'instant'
    ? `${beijingTime(asOf.at.toISOString())}（北京时间；日志位置 ${position}）`
    : `日志位置 ${asOf.position}${recordedAt ? `（该事项最后一条事件记录于 ${beijingTime(recordedAt)}）` : ''}`;

export const boardRoutes: FastifyPluginAsyncZod = async (app) => {
  const { registry, read, runner, commands, platform, clock, store, signingKey, board } = app.deps;

  // Errors on pages are pages too (HTML, same status and code); anything unexpected goes to the app's handler.
  app.setErrorHandler((error, request, reply) => {
    const page = request.url.startsWith('/board/');
    const problem =
      error instanceof HttpProblem ? error : hasZodFastifySchemaValidationErrors(error) ? new HttpProblem(400, 'validation_failed', '请求参数不正确') : null;
    if (!page || !problem) throw error;
    const compoundId = (request.params as { compoundId?: string } | undefined)?.compoundId ?? '';
    const frame: PageFrame = { title: problem.status === 404 ? '找不到该公示栏或事项' : '无法显示', compoundId, compoundName: '', generatedAt: clock.now().toISOString() };
    return reply
      .status(problem.status)
      .type('text/html; charset=utf-8')
      .send(renderPage('error', frame, { status: problem.status, code: problem.code, message: problem.message }));
  });

  /** The compound, once the reader may see its board; and the read model caught up with this process's commands. */
  const open = async (request: Parameters<BoardService['reader']>[0], compoundId: string) => {
    const access = await board.reader(request, compoundId);
    const compound = await registry.state(compoundId);
    if (compound.status !== 'registered') throw new HttpProblem(404, 'compound_not_found', `No compound ${compoundId}`);
    if (!(await runner.waitFor(commands.lastAppended(), 5_000))) throw new HttpProblem(504, 'read_model_behind', 'The read model has not caught up yet; retry');
    requireProjected(read, 'assembly', compoundId);
    const head = await currentSignedHead(app.deps);
    // ?asOf= on the other pages: the documents are the compound's as of that point (services/api/asOf).
    const past = viewAsOf();
    const frame = (title: string): PageFrame => ({
      title,
      ...(past ? { asOfText: asOfText(past.asOf, past.position, past.recordedAt) } : {}),
      compoundId,
      compoundName: compound.compound.name,
      generatedAt: clock.now().toISOString(),
      visibility: access.public ? '本公示栏对公众公开。' : '本公示栏仅对本小区相关人员公开。',
      logHead: head ? { treeSize: head.treeSize, rootHash: head.rootHash, keyId: head.keyId } : null,
    });
    return { compound, frame, access };
  };

  const params = z.object({ compoundId: identifier });
  const page = (summary: string) => ({ tags: ['board'], summary, produces: ['text/html'] });

  app.get(
    '/board/:compoundId',
    { schema: { ...page('The notice board of a compound: motions, decisions, deadlines, the Art. 13 checklist'), params, response: { 200: html, ...errors } } },
    async (request, reply) => {
      const { compoundId } = request.params;
      const { compound, frame } = await open(request, compoundId);
      const decisions = read.list<DecisionDoc>(DECISIONS, compoundId);
      const past = viewAsOf();
      if (!past && !(await platform.deadlinesAt(commands.lastAppended(), 5_000))) throw new HttpProblem(504, 'read_model_behind', 'The deadlines have not caught up yet; retry');
      const now = past ? past.at : clock.now();
      const deadlines = (past ? past.deadlines : platform.deadlines.deadlines(compoundId)).map((d) => ({ kind: d.kind, dueAt: d.dueAt, status: deadlineStatus(d, now), article: d.source.article, record: d.record }));
      const contracts = read.list<ContractDoc>(HIRING_CONTRACTS, compoundId).map((d) => renderContract(d, now));
      const current = [...contracts].reverse().find((c) => c.status !== 'drawn' && c.takenOverAt === null) ?? null;
      const body = renderPage('index', frame('小区公示栏'), {
        address: compound.compound.address,
        unitCount: compound.units.size,
        buildingCount: buildingsOf(compound).length,
        motions: read.list<MotionDoc>(MOTIONS, compoundId).reverse().map(motionRow),
        decisions: [...decisions].reverse().map(decisionRow),
        deadlines: deadlineRows(deadlines),
        checklist: checklist(compoundId, {
          fundOpen: app.deps.funds.docs.meta(compoundId) !== undefined, // funds: the read model, not the stream
          contractInForce: current !== null,
          missingFirmDisclosures: current ? current.missingDisclosures : null,
          decisions,
          committeeDecisions: committeePageOf(app.deps, compoundId, [], now).page?.decisionCount ?? null, // pages16
        }),
      });
      return reply.type('text/html; charset=utf-8').send(body);
    },
  );

  // three parties: joint meetings, requests, scores, disputes, residents' meetings
  app.get(
    '/board/:compoundId/community',
    { schema: { ...page('Three parties working together: joint meetings and their tasks, residents’ requests and the parties’ scores, dispute statistics, residents’ meetings'), params, response: { 200: html, ...errors } } },
    async (request, reply) => {
      const { compoundId } = request.params;
      const { frame } = await open(request, compoundId);
      for (const projection of ['joint', 'disputes', 'residents']) requireProjected(read, projection, compoundId);
      const model = communityPage(
        {
          meetings: read.list<JointMeetingDoc>(JOINT_MEETINGS, compoundId),
          requests: read.list<JointRequestDoc>(REQUESTS, compoundId),
          disputes: read.list<DisputeDoc>(DISPUTES, compoundId),
          residentsMeetings: read.list<ResidentsMeetingDoc>(RESIDENTS_MEETINGS, compoundId),
        },
        clock.now(),
      );
      return reply.type('text/html; charset=utf-8').send(renderPage('community', frame('三方联动：联席会议、诉求与调解'), { page: model }));
    },
  );

  // hiring: the firm's page
  app.get(
    '/board/:compoundId/firm',
    { schema: { ...page('The property firm on the notice board: the contract, assessments and held-back fees, cards, complaints, disclosures, fee adjustments, surveys, tenders'), params, response: { 200: html, ...errors } } },
    async (request, reply) => {
      const { compoundId } = request.params;
      const { frame } = await open(request, compoundId);
      requireProjected(read, 'hiring', compoundId);
      const body = renderPage('firm', frame('物业服务企业与物业服务合同'), { page: await firmPageOf(app.deps, compoundId) });
      return reply.type('text/html; charset=utf-8').send(body);
    },
  );

  // pages16: the funds' page (maintenance fund, public income, disclosures, flags; an owner's own sub-account)
  app.get(
    '/board/:compoundId/funds',
    { schema: { ...page('The funds on the notice board: the maintenance fund by building, releases with their authority, statements and public income per period, disclosures due and overdue, supervisory flags; an owner with their token also sees their own sub-account'), params, response: { 200: html, ...errors } } },
    async (request, reply) => {
      const { compoundId } = request.params;
      const { compound, frame, access } = await open(request, compoundId);
      requireProjected(read, 'funds', compoundId);
      const past = viewAsOf();
      const { page: model, own } = await fundsPageOf(app.deps, compound, compoundId, access.principal, past ? past.at : clock.now());
      // A reader's own sub-account is theirs alone: such a page is never stored by a shared cache.
      if (own.length > 0) reply.header('cache-control', 'private, no-store');
      return reply.type('text/html; charset=utf-8').send(renderPage('funds', frame('专项维修资金与公共收益'), { page: model, own }));
    },
  );

  // pages16: the committee's page (term, members, preparatory body, elections, removals, meetings, seal, freeze)
  app.get(
    '/board/:compoundId/committee',
    { schema: { ...page('The owners’ committee on the notice board: the term and its members by post, filing, re-election and handover, the preparatory body, elections and their results, removals, meeting notices and meetings, seal uses, the transition freeze, deadlines'), params, response: { 200: html, ...errors } } },
    async (request, reply) => {
      const { compoundId } = request.params;
      const { frame } = await open(request, compoundId);
      requireProjected(read, 'committee', compoundId);
      const past = viewAsOf();
      if (!past && !(await platform.deadlinesAt(commands.lastAppended(), 5_000))) throw new HttpProblem(504, 'read_model_behind', 'The deadlines have not caught up yet; retry');
      const now = past ? past.at : clock.now();
      const model = committeePageOf(app.deps, compoundId, past ? past.deadlines : platform.deadlines.deadlines(compoundId), now);
      return reply.type('text/html; charset=utf-8').send(renderPage('committee', frame('业主委员会'), model));
    },
  );

  app.get(
    '/board/:compoundId/motions/:motionId',
    {
      config: { asOf: 'self' },
      schema: {
        ...page('A motion on the notice board: its tally with area and headcount bars against the thresholds; ?asOf= shows it as it stood then'),
        params: params.extend({ motionId: identifier }),
        querystring: z.object({ asOf: asOfField }),
        response: { 200: html, ...errors },
      },
    },
    async (request, reply) => {
      const { compoundId, motionId } = request.params;
      const { frame } = await open(request, compoundId);
      // An empty field from the page's own form means "now".
      const asOf = await requestedAsOf(store, request.query.asOf === '' ? undefined : request.query.asOf);
      let motion: MotionDoc | undefined;
      let tally: TallyDoc | undefined;
      let shownAsOf: string | null = null;
      if (asOf) {
        const past = await motionAsOf(store, motionId, asOf);
        ({ motion, tally } = past);
        shownAsOf = asOfText(asOf, past.position, past.recordedAt);
      } else {
        motion = read.get<MotionDoc>(MOTIONS, motionId);
        tally = read.get<TallyDoc>(MOTION_TALLIES, motionId);
      }
      if (!motion || !tally || motion.compoundId !== compoundId) {
        throw new HttpProblem(404, 'motion_not_found', asOf ? `该小区在此时刻没有编号为 ${motionId} 的表决事项` : `该小区没有编号为 ${motionId} 的表决事项`);
      }
      const body = renderPage('motion', { ...frame(motion.title), asOfText: shownAsOf }, { page: motionPage(motion, renderTally(tally)), asOfInput: request.query.asOf ?? '' });
      return reply.type('text/html; charset=utf-8').send(body);
    },
  );

  app.post(
    '/v1/compounds/:compoundId/board',
    {
      schema: {
        tags: ['board'],
        summary: 'Make the compound\u2019s notice board public (anyone, no token) or not (any grant on the compound)',
        params,
        body: z.object({ public: z.boolean() }),
        response: { 201: z.object({ public: z.boolean(), position: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const { compoundId } = request.params;
      const principal = await requirePrincipal(request, signingKey);
      const role = requireRole(principal, compoundId, ['oc_member', 'rc_staff', 'street_office']);
      if ((await registry.state(compoundId)).status !== 'registered') throw new HttpProblem(404, 'compound_not_found', `No compound ${compoundId}`);
      const by = { personId: principal.personId, grants: role === 'admin' ? ['admin'] : rolesOn(principal, compoundId) };
      return commands.run(request, reply, {
        principal,
        role,
        execute: (cmd) => board.run(compoundId, { type: 'SetBoardVisibility', data: { compoundId, public: request.body.public }, by }, cmd),
        respond: ({ events, position }) => ({ status: 201, body: { public: (events.at(-1)?.data as { public?: boolean } | undefined)?.public ?? request.body.public, position: position.toString() } }),
      });
    },
  );

  app.get(
    '/v1/compounds/:compoundId/board',
    {
      schema: {
        tags: ['board'],
        summary: 'Whether the compound\u2019s notice board is public, and since when',
        params,
        querystring: afterQuery,
        response: { 200: z.object({ public: z.boolean(), setAt: z.string().nullable() }), ...errors },
      },
    },
    async (request) => {
      const { compoundId } = request.params;
      await board.reader(request, compoundId);
      if ((await registry.state(compoundId)).status !== 'registered') throw new HttpProblem(404, 'compound_not_found', `No compound ${compoundId}`);
      return board.state(compoundId);
    },
  );
};
