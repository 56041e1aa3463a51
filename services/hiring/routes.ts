/**
 * Hiring over HTTP: firms, tenders and sealed bids, evaluation, the shortlist's motion, the contract and its
 * life (assessments, notices, handover, complaints, disclosures), and the notice-board reads. Thin: parse,
 * authorise, call the service, answer.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HANDOVER_ITEMS, refuse, surveyEligible, type ContractCommand, type ContractState, type HandoverItem, type TenderState } from '../../domain/hiring/index.js';
import { isDomainError, type DomainError } from '../../domain/shared/errors.js';
import {
  HIRING_CONTRACTS,
  HIRING_FEE_ADJUSTMENTS,
  HIRING_FIRMS,
  HIRING_SURVEYS,
  HIRING_TENDERS,
  renderContract,
  renderFeeAdjustment,
  renderSurvey,
  renderTender,
  type ContractDoc,
  type FeeAdjustmentDoc,
  type FirmDoc,
  type SurveyDoc,
  type TenderDoc,
} from '../../projections/hiring/index.js';
import { voterIdentities } from '../../domain/registry/index.js';
import { requirePrincipal, requireRole } from '../api/authenticate.js';
import { readModelGate } from '../api/readModel.js';
import type { CommandOutcome } from '../api/commandLog.js';
import { HttpProblem } from '../api/problem.js';
import { afterQuery, problemSchema, identifier } from '../api/schemas.js';
import { rolesOn, type Principal, type Role } from '../auth/grants.js';
import { commandIds, type CommandEnvelope } from '../commands/handler.js';
import { contractView, feeAdjustmentView, propertyFirmView, surveyView, tenderView } from './viewSchemas.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const id = identifier;
const text = (max: number) => z.string().min(1).max(max);
const created = z.object({ position: z.string() }).passthrough();
const yuan = z.string().regex(/^(0|[1-9]\d{0,10})(\.\d{1,2})?$/);

const ANY: readonly Role[] = ['owner', 'oc_member', 'rc_staff', 'party_committee', 'street_office', 'property_firm', 'supervisor', 'developer'];
const TENDER_OWNERS: readonly Role[] = ['oc_member', 'rc_staff', 'street_office'];
const EVALUATORS: readonly Role[] = ['oc_member', 'rc_staff', 'street_office', 'supervisor'];
const OC: readonly Role[] = ['oc_member'];
const FIRM: readonly Role[] = ['property_firm'];

const facts = (principal: Principal, compoundId: string) => ({ personId: principal.personId, grants: rolesOn(principal, compoundId) as string[] });

export const hiringRoutes: FastifyPluginAsyncZod = async (app) => {
    const { hiring, commands, signingKey, read, registry, clock, decisions } = app.deps;

    const gate = readModelGate(app.deps);
    /** The read model caught up, the hiring view of the compound whole (and the assembly's, for its decisions). */
    const caughtUp = (compoundId: string, after?: string, projections: readonly string[] = ['hiring']) => gate.caughtUp(compoundId, projections, after);
    const tenderOf = async (tenderId: string): Promise<Extract<TenderState, { status: 'published' }>> => {
      const t = await hiring.tender(tenderId);
      if (t.status === 'none') throw new HttpProblem(404, 'tender_not_found', `No tender ${tenderId}`);
      return t;
    };
    const contractOf = async (contractId: string): Promise<Exclude<ContractState, { status: 'none' }>> => {
      const c = await hiring.contract(contractId);
      if (c.status === 'none') throw new HttpProblem(404, 'contract_not_found', `No contract ${contractId}`);
      return c;
    };

    /** Runs a command on a compound's record by one of `roles` (never the admin: these are the parties' own acts). */
    const run = async (
      request: FastifyRequest,
      reply: FastifyReply,
      compoundId: string,
      roles: readonly Role[],
      execute: (by: ReturnType<typeof facts>, cmd: CommandEnvelope) => Promise<CommandOutcome | DomainError>,
      body: (outcome: CommandOutcome, cmd?: CommandEnvelope) => Record<string, unknown> = () => ({}),
    ) => {
      const principal = await requirePrincipal(request, signingKey);
      const role = requireRole(principal, compoundId, roles, false);
      return commands.run(request, reply, {
        principal,
        role,
        execute: (cmd) => execute(facts(principal, compoundId), cmd),
        respond: (outcome) => ({ status: 201, body: { ...body(outcome), position: outcome.position.toString() } }),
      });
    };
    const onContract = (request: FastifyRequest, reply: FastifyReply, roles: readonly Role[], build: (by: ReturnType<typeof facts>) => ContractCommand | Promise<ContractCommand | DomainError>, asFirm = false) =>
      (async () => {
        const { contractId } = request.params as { contractId: string };
        const c = await contractOf(contractId);
        return run(request, reply, c.terms.compoundId, roles, async (by, cmd) => {
          const command = await build(by);
          if (isDomainError(command)) return command;
          return asFirm ? hiring.asFirmOnContract(contractId, command, cmd) : hiring.handleContract(contractId, command, cmd);
        }, () => ({ contractId }));
      })();

    /** An owners' decision on the firm, final and standing, of this compound: its action. */
    const firmDecision = async (decisionId: string, compoundId: string, firmId: string): Promise<{ action: 'hire' | 'dismiss' | 'renew'; adopted: string } | DomainError> => {
      await caughtUp(compoundId, undefined, ['assembly']);
      const doc = decisions.decision(decisionId);
      if (!doc || doc.compoundId !== compoundId) return refuse('invalid_decision', 'no decision of this compound with that id');
      const standing = await hiring.standingDecision(doc.motionId, decisionId);
      if (isDomainError(standing)) return standing;
      const record = standing;
      if (record.matter !== 'hire_or_dismiss_firm' || record.proposal?.kind !== 'hire_or_dismiss_firm')
        return refuse('invalid_decision', 'the decision is not on hiring or dismissing the firm (Civil Code Art. 278 (四))');
      // Dismissing or renewing names the firm concerned (domain/assembly/proposals.ts): it must be this contract's.
      if (record.proposal.action !== 'hire' && record.proposal.firm?.creditCode !== undefined && record.proposal.firm.creditCode !== firmId)
        return refuse('invalid_decision', 'the decision concerns another firm');
      return { action: record.proposal.action, adopted: record.adopted.kind };
    };

    // ---- firms ----
    app.post(
      '/v1/compounds/:compoundId/firms',
      {
        schema: {
          tags: ['hiring'],
          summary: 'Register a firm (物业服务企业) as a party: name and unified social credit code; the caller acts for it, with any further agents',
          params: z.object({ compoundId: id }),
          body: z.object({ name: text(200), creditCode: z.string().length(18), agents: z.array(id).max(49).optional() }),
          response: { 201: created, ...errors },
        },
      },
      async (request, reply) => {
        const { compoundId } = request.params;
        const principal = await requirePrincipal(request, signingKey);
        const role = requireRole(principal, compoundId, FIRM);
        return commands.run(request, reply, {
          principal,
          role,
          execute: (cmd) =>
            hiring.handleFirm(request.body.creditCode, { type: 'RegisterFirm', data: { firmId: request.body.creditCode, name: request.body.name, agents: role === 'admin' ? request.body.agents ?? [] : [principal.personId, ...(request.body.agents ?? [])] }, by: { personId: principal.personId, grants: role === 'admin' ? ['admin'] : ['property_firm'] } }, cmd),
          respond: (outcome) => ({ status: 201, body: { firmId: request.body.creditCode, position: outcome.position.toString() } }),
        });
      },
    );

    // ---- tenders ----
    app.post(
      '/v1/compounds/:compoundId/tenders',
      {
        schema: {
          tags: ['hiring'],
          summary: 'Publish a tender (招标): scope, standards, fee ceiling per m² per month, term, bid deadline, weighted criteria, hold-back share and score rule',
          params: z.object({ compoundId: id }),
          body: z.object({
            title: text(200),
            scope: text(10_000),
            standards: text(10_000),
            feeCeiling: yuan,
            termMonths: z.number().int(),
            bidDeadline: z.string().datetime({ offset: true }),
            revealDays: z.number().int().optional(),
            criteria: z.array(z.object({ criterionId: id, name: text(200), weight: z.number().int() })).min(1).max(20),
            holdBackPercent: z.number().int(),
            scoreRule: z.object({ fullAt: z.number().int(), noneBelow: z.number().int() }).optional(),
            yellowLine: z.number().int().optional(),
            assessmentTemplate: z.array(z.object({ itemId: id, name: text(200), points: z.number().int() })).max(50).optional(),
          }),
          response: { 201: created, ...errors },
        },
      },
      async (request, reply) => {
        const { compoundId } = request.params;
        const compound = await registry.state(compoundId);
        if (compound.status !== 'registered') throw new HttpProblem(404, 'compound_not_found', `No compound ${compoundId}`);
        const b = request.body;
        return run(
          request,
          reply,
          compoundId,
          TENDER_OWNERS,
          (by, cmd) => {
            const tenderId = commandIds(cmd.commandId)();
            return hiring.handleTender(tenderId, {
              type: 'PublishTender',
              data: {
                tenderId,
                compoundId,
                jurisdiction: compound.compound.jurisdiction,
                title: b.title,
                scope: b.scope,
                standards: b.standards,
                feeCeiling: b.feeCeiling,
                termMonths: b.termMonths,
                bidDeadline: b.bidDeadline,
                criteria: b.criteria,
                holdBackPercent: b.holdBackPercent,
                ...(b.revealDays !== undefined ? { revealDays: b.revealDays } : {}),
                ...(b.scoreRule ? { scoreRule: b.scoreRule } : {}),
                ...(b.yellowLine !== undefined ? { yellowLine: b.yellowLine } : {}),
                ...(b.assessmentTemplate ? { assessmentTemplate: b.assessmentTemplate } : {}),
              },
              by,
            }, cmd);
          },
          ({ events }) => ({ tenderId: (events[0]!.data as { tenderId: string }).tenderId }),
        );
      },
    );

    const onTender = (request: FastifyRequest, reply: FastifyReply, roles: readonly Role[], execute: (tenderId: string, by: ReturnType<typeof facts>, cmd: CommandEnvelope) => Promise<CommandOutcome | DomainError>, body?: (o: CommandOutcome) => Record<string, unknown>) =>
      (async () => {
        const { tenderId } = request.params as { tenderId: string };
        const t = await tenderOf(tenderId);
        return run(request, reply, t.tender.compoundId, roles, (by, cmd) => execute(tenderId, by, cmd), (o) => ({ tenderId, ...(body ? body(o) : {}) }));
      })();

    app.post(
      '/v1/tenders/:tenderId/bids',
      {
        schema: {
          tags: ['hiring'],
          summary: 'Submit a sealed bid before the deadline: only the SHA-256 commitment of the terms and a salt (domain/hiring/sealedBid.ts); late bids 409 bid_after_deadline',
          params: z.object({ tenderId: id }),
          body: z.object({ firmId: z.string().length(18), commitment: z.string().regex(/^[0-9a-f]{64}$/) }),
          response: { 201: created, ...errors },
        },
      },
      (request, reply) => onTender(request, reply, FIRM, (tenderId, by, cmd) => hiring.asFirmOnTender(tenderId, request.body.firmId, { type: 'SubmitBid', data: { firmId: request.body.firmId, commitment: request.body.commitment }, by }, cmd)),
    );

    app.post(
      '/v1/tenders/:tenderId/bids/:firmId/reveal',
      {
        schema: {
          tags: ['hiring'],
          summary: 'Reveal a bid after the deadline, within the reveal window: the terms and the salt, which must hash to the commitment',
          params: z.object({ tenderId: id, firmId: z.string().length(18) }),
          body: z.object({
            terms: z.object({ feePerSquareMetreMonth: z.string(), servicePlanRef: z.string(), staffing: z.number(), promises: z.array(z.string()) }),
            salt: z.string().max(200),
          }),
          response: { 201: created, ...errors },
        },
      },
      (request, reply) =>
        onTender(request, reply, FIRM, (tenderId, by, cmd) => hiring.asFirmOnTender(tenderId, request.params.firmId, { type: 'RevealBid', data: { firmId: request.params.firmId, terms: request.body.terms, salt: request.body.salt }, by }, cmd)),
    );

    app.post(
      '/v1/tenders/:tenderId/declarations',
      {
        schema: {
          tags: ['hiring'],
          summary: "An evaluator's declaration of conflicts of interest (利益冲突声明): the firms they have an interest in (may be none); required before scoring",
          params: z.object({ tenderId: id }),
          body: z.object({ conflicts: z.array(z.string().length(18)).max(100) }),
          response: { 201: created, ...errors },
        },
      },
      (request, reply) => onTender(request, reply, EVALUATORS, (tenderId, by, cmd) => hiring.handleTender(tenderId, { type: 'DeclareConflicts', data: { conflicts: request.body.conflicts }, by }, cmd)),
    );

    app.post(
      '/v1/tenders/:tenderId/scores',
      {
        schema: {
          tags: ['hiring'],
          summary: 'Score a revealed bid, 0–100 per criterion (weighted by the tender); not a firm the evaluator declared an interest in',
          params: z.object({ tenderId: id }),
          body: z.object({ firmId: z.string().length(18), scores: z.record(z.string(), z.number()) }),
          response: { 201: created, ...errors },
        },
      },
      (request, reply) => onTender(request, reply, EVALUATORS, (tenderId, by, cmd) => hiring.handleTender(tenderId, { type: 'ScoreBid', data: { firmId: request.body.firmId, scores: request.body.scores }, by }, cmd)),
    );

    app.post(
      '/v1/tenders/:tenderId/motion',
      {
        schema: {
          tags: ['hiring'],
          summary: "Put the shortlist (the best bids by average weighted score) to the owners: a hire_or_dismiss_firm choose_one motion whose options are the firms",
          params: z.object({ tenderId: id }),
          body: z.object({ shortlistSize: z.number().int().min(2).max(20).default(2), opensAt: z.string().datetime({ offset: true }), closesAt: z.string().datetime({ offset: true }), title: text(200).optional() }),
          response: { 201: created, ...errors },
        },
      },
      (request, reply) =>
        onTender(
          request,
          reply,
          TENDER_OWNERS,
          (tenderId, by, cmd) => hiring.putToOwners(tenderId, { size: request.body.shortlistSize, opensAt: request.body.opensAt, closesAt: request.body.closesAt, ...(request.body.title ? { title: request.body.title } : {}) }, by, cmd),
          ({ events }) => ({ motionId: (events.at(-1)?.data as { motionId?: string } | undefined)?.motionId }),
        ),
    );

    const firmName = (firmId: string) => read.get<FirmDoc>(HIRING_FIRMS, firmId)?.name;

    app.get(
      '/v1/tenders/:tenderId',
      { schema: { tags: ['hiring'], summary: 'A tender on the notice board: before the deadline the number of bids only; after it every bid with its terms once revealed', params: z.object({ tenderId: id }), querystring: afterQuery, response: { 200: tenderView, ...errors } } },
      async (request) => {
        const t = await tenderOf(request.params.tenderId);
        const principal = await requirePrincipal(request, signingKey);
        requireRole(principal, t.tender.compoundId, ANY);
        await caughtUp(t.tender.compoundId, request.query.after);
        const doc = read.get<TenderDoc>(HIRING_TENDERS, request.params.tenderId);
        if (!doc) throw new HttpProblem(404, 'tender_not_found', 'not yet on the board');
        return renderTender(doc, clock.now(), firmName);
      },
    );

    // ---- contracts ----
    app.post(
      '/v1/contracts/:contractId/sign',
      { schema: { tags: ['hiring'], summary: "The OC signs the contract drawn from the adopted bid (Civil Code Art. 939); the developer's pre-contract ends (Art. 940)", params: z.object({ contractId: id }), body: z.object({ startsOn: z.string(), documentRef: text(500) }), response: { 201: created, ...errors } } },
      (request, reply) => onContract(request, reply, OC, (by) => ({ type: 'SignContract', data: { startsOn: request.body.startsOn, documentRef: request.body.documentRef }, by })),
    );
    app.post(
      '/v1/contracts/:contractId/manager-report',
      { schema: { tags: ['hiring'], summary: "The firm's project manager reported to the residents' committee (京条例 Art. 66: within 3 days)", params: z.object({ contractId: id }), body: z.object({ reference: text(500) }), response: { 201: created, ...errors } } },
      (request, reply) => onContract(request, reply, FIRM, (by) => ({ type: 'ReportProjectManager', data: { reference: request.body.reference }, by }), true),
    );
    app.post(
      '/v1/contracts/:contractId/assessments',
      {
        schema: {
          tags: ['hiring'],
          summary: "The OC's quarterly assessment (考核) of an ended period: a whole score per template item",
          params: z.object({ contractId: id }),
          body: z.object({ period: z.number().int(), items: z.array(z.object({ itemId: id, score: z.number() })).max(50) }),
          response: { 201: created, ...errors },
        },
      },
      (request, reply) => onContract(request, reply, OC, (by) => ({ type: 'ScoreAssessment', data: { period: request.body.period, items: request.body.items }, by })),
    );
    app.post(
      '/v1/contracts/:contractId/assessments/:period/confirm',
      { schema: { tags: ['hiring'], summary: "The residents' committee countersigns: held-back fees released by the score rule (湖州 Art. 34), yellow/red cards", params: z.object({ contractId: id, period: z.coerce.number().int() }), body: z.object({}).passthrough().nullish(), response: { 201: created, ...errors } } },
      (request, reply) => onContract(request, reply, ['rc_staff'], (by) => ({ type: 'ConfirmAssessment', data: { period: request.params.period }, by })),
    );
    app.post(
      '/v1/contracts/:contractId/rectifications',
      { schema: { tags: ['hiring'], summary: 'The firm reports its rectification after a yellow card', params: z.object({ contractId: id }), body: z.object({ period: z.number().int(), reference: text(500) }), response: { 201: created, ...errors } } },
      (request, reply) => onContract(request, reply, FIRM, (by) => ({ type: 'ReportRectification', data: { period: request.body.period, reference: request.body.reference }, by }), true),
    );
    app.post(
      '/v1/contracts/:contractId/renewal-decision',
      { schema: { tags: ['hiring'], summary: "Record the owners' final renew-or-replace decision (京条例 Art. 75)", params: z.object({ contractId: id }), body: z.object({ decisionId: id }), response: { 201: created, ...errors } } },
      (request, reply) =>
        onContract(request, reply, OC, async (by) => {
          const c = await contractOf((request.params as { contractId: string }).contractId);
          const d = await firmDecision(request.body.decisionId, c.terms.compoundId, c.terms.firm.firmId);
          if (isDomainError(d)) return d;
          return { type: 'RecordRenewalDecision', data: { decisionId: request.body.decisionId, action: d.action }, by };
        }),
    );
    app.post(
      '/v1/contracts/:contractId/non-renewal-notice',
      { schema: { tags: ['hiring'], summary: "The firm's written notice that it will not renew (Civil Code Art. 947: 90 days before expiry; a shorter notice is recorded late)", params: z.object({ contractId: id }), body: z.object({ documentRef: text(500) }), response: { 201: created, ...errors } } },
      (request, reply) => onContract(request, reply, FIRM, (by) => ({ type: 'GiveNonRenewalNotice', data: { documentRef: request.body.documentRef }, by }), true),
    );
    app.post(
      '/v1/contracts/:contractId/dismissal',
      { schema: { tags: ['hiring'], summary: "Serve the owners' final dismissal decision with 60 days' written notice (Civil Code Art. 946)", params: z.object({ contractId: id }), body: z.object({ decisionId: id, documentRef: text(500) }), response: { 201: created, ...errors } } },
      (request, reply) =>
        onContract(request, reply, OC, async (by) => {
          const c = await contractOf((request.params as { contractId: string }).contractId);
          const d = await firmDecision(request.body.decisionId, c.terms.compoundId, c.terms.firm.firmId);
          if (isDomainError(d)) return d;
          if (d.action !== 'dismiss' || d.adopted !== 'motion') return refuse('invalid_decision', 'the decision does not dismiss the firm');
          return { type: 'GiveDismissalNotice', data: { decisionId: request.body.decisionId, documentRef: request.body.documentRef }, by };
        }),
    );
    app.post(
      '/v1/contracts/:contractId/handover/:item',
      { schema: { tags: ['hiring'], summary: 'The OC confirms one handover item (Civil Code Art. 949)', params: z.object({ contractId: id, item: z.enum(HANDOVER_ITEMS as unknown as [HandoverItem, ...HandoverItem[]]) }), body: z.object({ evidenceRef: text(500) }), response: { 201: created, ...errors } } },
      (request, reply) => onContract(request, reply, OC, (by) => ({ type: 'ConfirmHandoverItem', data: { item: request.params.item, evidenceRef: request.body.evidenceRef }, by })),
    );
    app.post(
      '/v1/contracts/:contractId/takeover',
      { schema: { tags: ['hiring'], summary: 'The successor took over: the old firm stops serving (Civil Code Art. 950)', params: z.object({ contractId: id }), body: z.object({ successor: text(200) }), response: { 201: created, ...errors } } },
      (request, reply) => onContract(request, reply, OC, (by) => ({ type: 'RecordTakeover', data: { successor: request.body.successor }, by })),
    );
    app.post(
      '/v1/contracts/:contractId/complaints',
      { schema: { tags: ['hiring'], summary: 'A complaint to the firm (杭条例 Art. 50: answered within 10 days)', params: z.object({ contractId: id }), body: z.object({ subject: text(2000) }), response: { 201: created, ...errors } } },
      (request, reply) =>
        (async () => {
          const { contractId } = request.params;
          const c = await contractOf(contractId);
          return run(request, reply, c.terms.compoundId, ['owner', 'oc_member', 'rc_staff'], (by, cmd) => hiring.handleContract(contractId, { type: 'FileComplaint', data: { complaintId: commandIds(cmd.commandId)(), subject: request.body.subject }, by }, cmd), ({ events }) => ({
            contractId,
            complaintId: (events[0]?.data as { complaintId?: string } | undefined)?.complaintId,
          }));
        })(),
    );
    app.post(
      '/v1/contracts/:contractId/complaints/:complaintId/answer',
      { schema: { tags: ['hiring'], summary: "The firm's answer to a complaint", params: z.object({ contractId: id, complaintId: id }), body: z.object({ answer: text(5000) }), response: { 201: created, ...errors } } },
      (request, reply) => onContract(request, reply, FIRM, (by) => ({ type: 'AnswerComplaint', data: { complaintId: request.params.complaintId, answer: request.body.answer }, by }), true),
    );
    app.post(
      '/v1/contracts/:contractId/disclosures',
      { schema: { tags: ['hiring'], summary: "The firm's disclosures for a period (Civil Code Art. 943)", params: z.object({ contractId: id }), body: z.object({ period: z.number().int(), kinds: z.array(z.string()).max(10), reference: text(500) }), response: { 201: created, ...errors } } },
      (request, reply) => onContract(request, reply, FIRM, (by) => ({ type: 'FileDisclosure', data: { period: request.body.period, kinds: request.body.kinds, reference: request.body.reference }, by }), true),
    );

    app.get(
      '/v1/contracts/:contractId',
      { schema: { tags: ['hiring'], summary: 'A contract on the notice board: terms, periods, assessments and releases, cards, notices, handover, complaints, disclosures', params: z.object({ contractId: id }), querystring: afterQuery, response: { 200: contractView, ...errors } } },
      async (request) => {
        const c = await contractOf(request.params.contractId);
        const principal = await requirePrincipal(request, signingKey);
        requireRole(principal, c.terms.compoundId, ANY);
        await caughtUp(c.terms.compoundId, request.query.after);
        const doc = read.get<ContractDoc>(HIRING_CONTRACTS, request.params.contractId);
        if (!doc) throw new HttpProblem(404, 'contract_not_found', 'not yet on the board');
        return renderContract(doc, clock.now());
      },
    );

    // ---- fee adjustments (杭条例 Art. 53) ----
    const adjustmentOf = async (adjustmentId: string) => {
      const a = await hiring.feeAdjustment(adjustmentId);
      if (a.status === 'none') throw new HttpProblem(404, 'adjustment_not_found', `No fee adjustment ${adjustmentId}`);
      return a;
    };
    app.post(
      '/v1/contracts/:contractId/fee-adjustments',
      {
        schema: {
          tags: ['hiring'],
          summary: "The firm's fee adjustment plan with its audit report (杭条例 Art. 53 (一)(二)): the new fee per m² per month, its range and reasons",
          params: z.object({ contractId: id }),
          body: z.object({ adjustmentId: identifier.refine((v) => v.length <= 60, 'at most 60 characters'), proposedFee: yuan, auditReportRef: text(500), range: text(2000), reasons: text(5000) }),
          response: { 201: created, ...errors },
        },
      },
      async (request, reply) => {
        const { contractId } = request.params;
        const c = await contractOf(contractId);
        return run(request, reply, c.terms.compoundId, FIRM, (by, cmd) => hiring.proposeFeeAdjustment(contractId, request.body, by, cmd), () => ({ adjustmentId: request.body.adjustmentId, contractId }));
      },
    );
    app.post(
      '/v1/fee-adjustments/:adjustmentId/post',
      { schema: { tags: ['hiring'], summary: 'The OC posts the audit report and the plan for 30 days or more (杭条例 Art. 53 (三))', params: z.object({ adjustmentId: id }), response: { 201: created, ...errors } } },
      async (request, reply) => {
        const { adjustmentId } = request.params;
        const a = await adjustmentOf(adjustmentId);
        return run(request, reply, a.proposal.compoundId, TENDER_OWNERS, (by, cmd) => hiring.handleFeeAdjustment(adjustmentId, { type: 'PostFeeAdjustment', data: {  }, by }, cmd), () => ({ adjustmentId }));
      },
    );
    app.post(
      '/v1/fee-adjustments/:adjustmentId/motion',
      {
        schema: {
          tags: ['hiring'],
          summary: 'After the posting, the plan goes to the owners as the yes_no motion fee-<adjustmentId> (杭条例 Art. 53 (四)); adopted and final, it changes the contract’s fee',
          params: z.object({ adjustmentId: id }),
          body: z.object({ opensAt: z.string().datetime({ offset: true }), closesAt: z.string().datetime({ offset: true }), title: text(200).optional() }),
          response: { 201: created, ...errors },
        },
      },
      async (request, reply) => {
        const { adjustmentId } = request.params;
        const a = await adjustmentOf(adjustmentId);
        return run(
          request,
          reply,
          a.proposal.compoundId,
          TENDER_OWNERS,
          (by, cmd) => hiring.putFeeAdjustmentToOwners(adjustmentId, { opensAt: request.body.opensAt, closesAt: request.body.closesAt, ...(request.body.title ? { title: request.body.title } : {}) }, by, cmd),
          () => ({ adjustmentId, motionId: `fee-${adjustmentId}` }),
        );
      },
    );
    app.get(
      '/v1/fee-adjustments/:adjustmentId',
      { schema: { tags: ['hiring'], summary: 'A fee adjustment on the notice board: plan, audit report, posting, motion and outcome', params: z.object({ adjustmentId: id }), querystring: afterQuery, response: { 200: feeAdjustmentView, ...errors } } },
      async (request) => {
        const a = await adjustmentOf(request.params.adjustmentId);
        const principal = await requirePrincipal(request, signingKey);
        requireRole(principal, a.proposal.compoundId, ANY);
        await caughtUp(a.proposal.compoundId, request.query.after);
        const doc = read.get<FeeAdjustmentDoc>(HIRING_FEE_ADJUSTMENTS, request.params.adjustmentId);
        if (!doc) throw new HttpProblem(404, 'adjustment_not_found', 'not yet on the board');
        return renderFeeAdjustment(doc, clock.now());
      },
    );

    // ---- satisfaction surveys ----
    const SURVEY_ORGANISERS: readonly Role[] = ['oc_member', 'rc_staff', 'street_office'];
    const eligibleOf = async (compoundId: string) => surveyEligible(voterIdentities(await registry.state(compoundId)));
    app.post(
      '/v1/contracts/:contractId/surveys',
      {
        schema: {
          tags: ['hiring'],
          summary: "An owners' satisfaction survey of the firm (满意度测评): questions answered 1 (非常不满意) to 5 (非常满意), one response per voter identity, results by area and headcount",
          params: z.object({ contractId: id }),
          body: z.object({
            surveyId: id,
            title: text(200),
            questions: z.array(z.object({ questionId: id, text: text(500) })).min(1).max(30),
            opensAt: z.string().datetime({ offset: true }).optional(),
            closesAt: z.string().datetime({ offset: true }),
          }),
          response: { 201: created, ...errors },
        },
      },
      async (request, reply) => {
        const { contractId } = request.params;
        const c = await contractOf(contractId);
        return run(request, reply, c.terms.compoundId, SURVEY_ORGANISERS, (by, cmd) => hiring.openSurvey(contractId, request.body, by, cmd), () => ({ surveyId: request.body.surveyId, contractId }));
      },
    );
    app.post(
      '/v1/surveys/:surveyId/responses',
      {
        schema: {
          tags: ['hiring'],
          summary: "An owner's answers for their voter identity (co-owners answer once); unitId names the identity when the owner belongs to several",
          params: z.object({ surveyId: id }),
          body: z.object({ unitId: id.optional(), answers: z.record(id, z.number().int().min(1).max(5)) }),
          response: { 201: created, ...errors },
        },
      },
      async (request, reply) => {
        const { surveyId } = request.params;
        const sv = await hiring.survey(surveyId);
        if (sv.status === 'none') throw new HttpProblem(404, 'survey_not_found', `No survey ${surveyId}`);
        return run(request, reply, sv.survey.compoundId, ['owner'], (by, cmd) => hiring.respondToSurvey(surveyId, { ...(request.body.unitId ? { unitId: request.body.unitId } : {}), answers: request.body.answers }, by, cmd), () => ({ surveyId }));
      },
    );
    app.get(
      '/v1/surveys/:surveyId',
      { schema: { tags: ['hiring'], summary: 'A survey’s results: per question and level, area and headcount; satisfied shares; participation; no threshold', params: z.object({ surveyId: id }), querystring: afterQuery, response: { 200: surveyView, ...errors } } },
      async (request) => {
        const sv = await hiring.survey(request.params.surveyId);
        if (sv.status === 'none') throw new HttpProblem(404, 'survey_not_found', `No survey ${request.params.surveyId}`);
        const principal = await requirePrincipal(request, signingKey);
        requireRole(principal, sv.survey.compoundId, ANY);
        await caughtUp(sv.survey.compoundId, request.query.after);
        const doc = read.get<SurveyDoc>(HIRING_SURVEYS, request.params.surveyId);
        if (!doc) throw new HttpProblem(404, 'survey_not_found', 'not yet on the board');
        return renderSurvey(doc, clock.now(), await eligibleOf(doc.compoundId));
      },
    );

    app.get(
      '/v1/compounds/:compoundId/property-firm',
      { schema: { tags: ['hiring'], summary: "The firm on the notice board: the current contract, the history of contracts and tenders (bids' terms only after each deadline)", params: z.object({ compoundId: id }), querystring: afterQuery, response: { 200: propertyFirmView, ...errors } } },
      async (request) => {
        const { compoundId } = request.params;
        const principal = await requirePrincipal(request, signingKey);
        requireRole(principal, compoundId, ANY);
        await caughtUp(compoundId, request.query.after);
        const now = clock.now();
        const contracts = read.list<ContractDoc>(HIRING_CONTRACTS, compoundId).map((d) => renderContract(d, now));
        const current = [...contracts].reverse().find((c) => c.status !== 'drawn' && c.takenOverAt === null) ?? null;
        const eligible = await eligibleOf(compoundId);
        return {
          compoundId,
          current,
          contracts,
          tenders: read.list<TenderDoc>(HIRING_TENDERS, compoundId).map((d) => renderTender(d, now, firmName)),
          feeAdjustments: read.list<FeeAdjustmentDoc>(HIRING_FEE_ADJUSTMENTS, compoundId).map((d) => renderFeeAdjustment(d, now)),
          surveys: read.list<SurveyDoc>(HIRING_SURVEYS, compoundId).map((d) => renderSurvey(d, now, eligible)),
        };
      },
    );
};
