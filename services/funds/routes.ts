/**
 * The funds over HTTP: opening the ledgers, deposits, public income, reversals, releases by decision and
 * emergency releases through their phases, and the reads. Thin: parse, authorise, call the service, answer.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { MotionScope } from '../../domain/assembly/index.js';
import { emergencyItemIds, evidenceKinds, type FundsCommand } from '../../domain/funds/index.js';
import { findUnit } from '../../domain/registry/index.js';
import { isDomainError, type DomainError } from '../../domain/shared/errors.js';
import { disclosureView, ledgerView, releaseView, subAccountView } from '../../projections/funds/index.js';
import { requirePrincipal, requireRole } from '../api/authenticate.js';
import { readModelGate } from '../api/readModel.js';
import { HttpProblem } from '../api/problem.js';
import { afterQuery, problemSchema, identifier } from '../api/schemas.js';
import { rolesOn, type Principal, type Role } from '../auth/grants.js';
import { commandIds, type CommandEnvelope } from '../commands/handler.js';
import { disclosuresResponse, ledgerResponse, releaseResponse, subAccountResponse } from './viewSchemas.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const id = identifier;
const text = (max: number) => z.string().min(1).max(max);
const yuan = z.string().regex(/^\d{1,11}(\.\d{1,2})?$/).describe('yuan, exact, at most 2 decimals');
const evidence = z.array(text(500)).max(50);
const created = z.object({ position: z.string() }).passthrough();
const scope = z.union([z.object({ kind: z.literal('compound') }), z.object({ kind: z.literal('buildings'), buildings: z.array(text(50)).min(1).max(200) })]);
const contractor = z.object({ name: text(200), creditCode: z.string().length(18).optional() });

/** Who reads the ledgers: the compound's officers and its supervisory board (监事会: 广州办法 Arts. 49–50). */
const READERS: readonly Role[] = ['oc_member', 'rc_staff', 'street_office', 'supervisor'];
/** Posted to the notice board: anyone with a grant on the compound. */
const ANY_ROLE: readonly Role[] = ['owner', 'oc_member', 'rc_staff', 'party_committee', 'street_office', 'property_firm', 'supervisor', 'developer'];

const factsOf = (principal: Principal, compoundId: string, role: string) => ({
  personId: principal.personId,
  grants: role === 'admin' ? ['admin', ...rolesOn(principal, compoundId)] : rolesOn(principal, compoundId),
});

export const fundsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { funds, commands, signingKey, registry } = app.deps;
  const gate = readModelGate(app.deps);

  /** Runs one funds command for a caller holding one of `roles`; `body` shapes the 201. */
  const command = async (
    request: FastifyRequest,
    reply: FastifyReply,
    roles: readonly Role[],
    build: (cmd: CommandEnvelope, by: ReturnType<typeof factsOf>) => Promise<FundsCommand | DomainError> | FundsCommand | DomainError,
    body: (cmd: CommandEnvelope | undefined, events: readonly { type: string; data: unknown }[]) => Record<string, unknown> = () => ({}),
    allowAdmin = true,
  ) => {
    const { compoundId } = request.params as { compoundId: string };
    const principal = await requirePrincipal(request, signingKey);
    const role = requireRole(principal, compoundId, roles, allowAdmin);
    // The decisions the command relies on are read from the assembly's read model: caught up, and whole for the compound.
    await gate.caughtUp(compoundId, ['assembly']);
    return commands.run(request, reply, {
      principal,
      role,
      execute: async (cmd) => {
        const c = await build(cmd, factsOf(principal, compoundId, role));
        return isDomainError(c) ? c : funds.run(compoundId, c, cmd);
      },
      respond: ({ events, position }) => ({ status: 201, body: { ...body(undefined, events), position: position.toString() } }),
    });
  };
  const unitOrError = async (compoundId: string, unitId: string) => {
    const u = await funds.unit(compoundId, unitId);
    return u ?? ({ error: 'not_found', code: 'unit_not_found', message: `No unit ${unitId}` } as DomainError);
  };
  const firstId = (cmd: CommandEnvelope) => `${commandIds(cmd.commandId)()}`;
  const releaseOf = (events: readonly { data: unknown }[]) => ({ releaseId: (events[0]?.data as { releaseId?: string } | undefined)?.releaseId ?? null });
  const transferOf = (events: readonly { data: unknown }[]) => {
    const d = events[0]?.data as { transfer?: { transferId: string }; transfers?: { transferId: string }[] } | undefined;
    return { transferIds: d?.transfer ? [d.transfer.transferId] : (d?.transfers ?? []).map((t) => t.transferId) };
  };
  const params = z.object({ compoundId: id });
  const releaseParams = z.object({ compoundId: id, releaseId: id });

  app.post('/v1/compounds/:compoundId/funds', { schema: { tags: ['funds'], summary: 'Open the compound\u2019s ledgers with its city\u2019s first-deposit rate per m² (维修资金办法 Art. 7)', params, body: z.object({ ratePerSquareMetre: yuan, evidenceRef: text(500) }), response: { 201: created, ...errors } } }, async (request, reply) => {
    const profile = await registry.state(request.params.compoundId);
    if (profile.status !== 'registered') throw new HttpProblem(404, 'compound_not_found', `No compound ${request.params.compoundId}`);
    return command(request, reply, ['oc_member', 'street_office'], (_cmd, by) => ({ type: 'OpenFund', data: { compoundId: request.params.compoundId, jurisdiction: profile.compound.jurisdiction, ...request.body }, by }));
  });

  app.post(
    '/v1/compounds/:compoundId/funds/deposits',
    { schema: { tags: ['funds'], summary: 'A deposit into a unit\u2019s sub-account: the first deposit (area × rate) or a top-up; the developer pays for the units it holds (Art. 21)', params, body: z.object({ unitId: id, basis: z.enum(['first_deposit', 'top_up']), amount: yuan.optional(), evidence }), response: { 201: created, ...errors } } },
    (request, reply) =>
      command(request, reply, ['oc_member', 'street_office', 'developer'], async (cmd, by) => {
        const unit = await unitOrError(request.params.compoundId, request.body.unitId);
        if (isDomainError(unit)) return unit;
        return { type: 'RecordDeposit', data: { depositId: firstId(cmd), unit, basis: request.body.basis, ...(request.body.amount !== undefined ? { amount: request.body.amount } : {}), evidence: request.body.evidence }, by };
      }, (_c, events) => transferOf(events)),
  );

  app.post(
    '/v1/compounds/:compoundId/funds/income',
    { schema: { tags: ['funds'], summary: 'Public income (公共收益) under a contract, into its own ledger', params, body: z.object({ contractId: id, amount: yuan, evidence }), response: { 201: created, ...errors } } },
    (request, reply) => command(request, reply, ['oc_member'], (cmd, by) => ({ type: 'RecordIncome', data: { entryId: firstId(cmd), ...request.body }, by }), (_c, events) => transferOf(events)),
  );

  app.post(
    '/v1/compounds/:compoundId/funds/income/to-fund',
    { schema: { tags: ['funds'], summary: 'Pay public income into the maintenance fund (沪规定 Art. 51; 京条例 Art. 74; 杭条例 Art. 60)', params, body: z.object({ amount: yuan, evidence }), response: { 201: created, ...errors } } },
    (request, reply) => command(request, reply, ['oc_member'], (cmd, by) => ({ type: 'PayIncomeIntoFund', data: { entryId: firstId(cmd), ...request.body }, by }), (_c, events) => transferOf(events)),
  );

  app.post(
    '/v1/compounds/:compoundId/funds/transfers/:transferId/reversal',
    { schema: { tags: ['funds'], summary: 'Reverse a deposit or income entry (冲正); a correction is a reversal and a new entry', params: z.object({ compoundId: id, transferId: id }), body: z.object({ reason: text(2000), evidence }), response: { 201: created, ...errors } } },
    (request, reply) => command(request, reply, ['oc_member'], (cmd, by) => ({ type: 'ReverseTransfer', data: { transferId: request.params.transferId, reversalId: firstId(cmd), ...request.body }, by }), (_c, events) => transferOf(events)),
  );

  app.post(
    '/v1/compounds/:compoundId/releases',
    {
      schema: {
        tags: ['funds'],
        summary: 'Request a release on a final use_maintenance_fund decision: within its budget, its charge scope, its contractor (维修资金办法 Arts. 22–23)',
        params,
        body: z.object({ decisionId: id, contractPrice: yuan, contractor, chargeScope: scope, evidence }),
        response: { 201: created, ...errors },
      },
    },
    (request, reply) =>
      command(request, reply, ['oc_member', 'property_firm'], async (cmd, by) => {
        const b = request.body;
        const chargeScope = b.chargeScope as MotionScope;
        return { type: 'RequestRelease', data: { releaseId: firstId(cmd), decision: funds.decision(b.decisionId), decisionId: b.decisionId, contractPrice: b.contractPrice, contractor: b.contractor, chargeScope, units: await funds.unitsOf(request.params.compoundId, chargeScope), evidence: b.evidence }, by };
      }, (_c, events) => releaseOf(events)),
  );

  app.post(
    '/v1/compounds/:compoundId/releases/emergency',
    {
      schema: {
        tags: ['funds'],
        summary: 'Request an emergency release (维修资金办法 Art. 24; 建办房〔2015〕52号): a catalogue item with its evidence; no owners\u2019 vote',
        params,
        body: z.object({ item: z.enum(emergencyItemIds as [string, ...string[]]), description: text(2000), evidence: z.array(z.object({ kind: z.enum(evidenceKinds as [string, ...string[]]), ref: text(500) })).min(1).max(50), estimate: yuan, contractor, chargeScope: scope }),
        response: { 201: created, ...errors },
      },
    },
    (request, reply) =>
      command(request, reply, ['property_firm', 'oc_member'], async (cmd, by) => {
        const b = request.body;
        const chargeScope = b.chargeScope as MotionScope;
        return { type: 'RequestEmergencyRelease', data: { releaseId: firstId(cmd), item: b.item as never, description: b.description, evidence: b.evidence as never, estimate: b.estimate, contractor: b.contractor, chargeScope, units: await funds.unitsOf(request.params.compoundId, chargeScope) }, by };
      }, (_c, events) => releaseOf(events)),
  );

  type Step = { path: string; summary: string; roles: readonly Role[]; admin?: boolean; body: z.ZodObject; build: (releaseId: string, b: Record<string, unknown>, decisionId: string | null) => Promise<FundsCommand['data']> | FundsCommand['data']; type: FundsCommand['type'] };
  const steps: Step[] = [
    { path: 'review', type: 'ReviewEmergency', summary: 'The OC reviews an emergency (沪规定 Art. 73; 杭条例 Art. 73)', roles: ['oc_member'], admin: false, body: z.object({ outcome: z.enum(['approved', 'rejected']), reviewRef: text(500) }), build: (releaseId, b) => ({ releaseId, outcome: b.outcome, reviewRef: b.reviewRef }) as never },
    { path: 'confirmation', type: 'ConfirmEmergency', summary: 'The street office (or the RC it entrusts) confirms an emergency (杭条例 Art. 73)', roles: ['street_office', 'rc_staff'], admin: false, body: z.object({ confirmationRef: text(500) }), build: (releaseId, b) => ({ releaseId, confirmationRef: b.confirmationRef }) as never },
    { path: 'advance', type: 'HoldAdvance', summary: 'The advance (预付款): a hold on the charged sub-accounts, within the pack\u2019s share of the contract price', roles: ['oc_member'], body: z.object({ amount: yuan, evidence }), build: (releaseId, b, decisionId) => ({ releaseId, amount: b.amount, evidence: b.evidence, decision: decisionOf(decisionId) }) as never },
    { path: 'acceptance', type: 'AcceptWorks', summary: 'The OC accepts the works (验收), with its record', roles: ['oc_member'], body: z.object({ acceptanceRef: text(500) }), build: (releaseId, b) => ({ releaseId, acceptanceRef: b.acceptanceRef }) as never },
    { path: 'audit', type: 'RecordSettlementAudit', summary: 'The settlement audit (审价 / 决（结）算审计) with its report', roles: ['oc_member'], body: z.object({ auditedAmount: yuan, auditRef: text(500) }), build: (releaseId, b) => ({ releaseId, auditedAmount: b.auditedAmount, auditRef: b.auditRef }) as never },
    { path: 'audit-waiver', type: 'WaiveSettlementAudit', summary: 'Skip the audit with the OC\u2019s approval where allowed (杭条例 Art. 72 (2): ≤ ¥30,000)', roles: ['oc_member'], body: z.object({ amount: yuan, approvalRef: text(500) }), build: (releaseId, b) => ({ releaseId, amount: b.amount, approvalRef: b.approvalRef }) as never },
    {
      path: 'settlement',
      type: 'SettleRelease',
      summary: 'Settle (结算): the holds voided, the audited amount charged pro rata by area; 10% or more over the budget needs a new decision (杭条例 Art. 72 (2))',
      roles: ['oc_member'],
      body: z.object({ newDecisionId: id.optional(), evidence }),
      build: (releaseId, b, decisionId) => ({ releaseId, decision: decisionOf(decisionId), newDecision: b.newDecisionId ? funds.decision(b.newDecisionId as string) : null, evidence: b.evidence }) as never,
    },
    { path: 'void', type: 'VoidRelease', summary: 'Void a release: its holds released, nothing moves', roles: ['oc_member'], body: z.object({ reason: text(2000) }), build: (releaseId, b) => ({ releaseId, reason: b.reason }) as never },
    { path: 'post-hoc-review', type: 'RecordPostHocReview', summary: 'The post-hoc review of an emergency release, due after its settlement', roles: ['street_office', 'rc_staff', 'oc_member'], body: z.object({ reviewRef: text(500), findings: text(4000) }), build: (releaseId, b) => ({ releaseId, reviewRef: b.reviewRef, findings: b.findings }) as never },
  ];
  /** The decision a release rests on, as the assembly records it now. */
  const decisionOf = (decisionId: string | null) => (decisionId ? funds.decision(decisionId) : null);

  for (const step of steps) {
    app.post(
      `/v1/compounds/:compoundId/releases/:releaseId/${step.path}`,
      { schema: { tags: ['funds'], summary: step.summary, params: releaseParams, body: step.body, response: { 201: created, ...errors } } },
      (request, reply) =>
        command(
          request,
          reply,
          step.roles,
          async (_cmd, by) => {
            const { compoundId, releaseId } = request.params as { compoundId: string; releaseId: string };
            const r = funds.docs.release(releaseId);
            const data = await step.build(releaseId, request.body as Record<string, unknown>, (r?.compoundId === compoundId ? r.decisionId : null) ?? null);
            return { type: step.type, data, by } as FundsCommand;
          },
          () => ({ releaseId: (request.params as { releaseId: string }).releaseId }),
          step.admin ?? true,
        ),
    );
  }

  /** Reads go through the shared gate: this instance's writes (or `?after=`), and 503 when the funds' projection failed. */
  const caughtUp = (compoundId: string, after?: string) => gate.caughtUp(compoundId, ['funds'], after);
  const metaOf = (compoundId: string) => {
    const meta = funds.docs.meta(compoundId);
    if (!meta) throw new HttpProblem(404, 'fund_not_open', 'The compound\u2019s funds are not open');
    return meta;
  };
  const pageQuery = afterQuery.extend({ cursor: z.string().regex(/^\d{1,12}$/).optional(), limit: z.coerce.number().int().min(1).max(1000).optional() });

  app.get('/v1/compounds/:compoundId/funds', { schema: { tags: ['funds'], summary: 'Both ledgers: every account\u2019s balance, hold and available amount; the releases', params, querystring: afterQuery, response: { 200: ledgerResponse, ...errors } } }, async (request) => {
    const principal = await requirePrincipal(request, signingKey);
    const { compoundId } = request.params;
    requireRole(principal, compoundId, READERS);
    await caughtUp(compoundId, request.query.after);
    return ledgerView(metaOf(compoundId), funds.docs.accounts(compoundId), funds.docs.releases(compoundId));
  });

  app.get('/v1/compounds/:compoundId/releases/:releaseId', { schema: { tags: ['funds'], summary: 'A release and its phases', params: releaseParams, querystring: afterQuery, response: { 200: releaseResponse, ...errors } } }, async (request) => {
    const principal = await requirePrincipal(request, signingKey);
    requireRole(principal, request.params.compoundId, [...READERS, 'owner', 'property_firm']);
    await caughtUp(request.params.compoundId, request.query.after);
    const r = funds.docs.release(request.params.releaseId);
    if (!r || r.compoundId !== request.params.compoundId) throw new HttpProblem(404, 'release_not_found', `No release ${request.params.releaseId}`);
    return releaseView(r);
  });

  app.get(
    '/v1/compounds/:compoundId/funds/units/:unitId',
    { schema: { tags: ['funds'], summary: 'One sub-account (分户账) with its transfers: its owners, or the compound\u2019s officers and supervisors (维修资金办法 Art. 31)', params: z.object({ compoundId: id, unitId: id }), querystring: pageQuery, response: { 200: subAccountResponse, ...errors } } },
    async (request) => {
      const { compoundId, unitId } = request.params;
      const principal = await requirePrincipal(request, signingKey);
      const role = requireRole(principal, compoundId, [...READERS, 'owner', 'developer']);
      const unit = findUnit(await registry.state(compoundId), unitId);
      if (!unit) throw new HttpProblem(404, 'unit_not_found', `No unit ${unitId}`);
      // An owner sees their own sub-account only; the developer those of the units it holds.
      const own = role === 'owner' ? unit.owners.some((o) => o.personId === principal.personId) : role === 'developer' ? unit.developerHeld : true;
      if (!own) throw new HttpProblem(403, 'not_entitled', 'An owner sees their own sub-account only');
      await caughtUp(compoundId, request.query.after);
      const meta = metaOf(compoundId);
      const limit = request.query.limit ?? 200;
      const transfers = funds.docs.accountTransfers(compoundId, 'maintenance', `unit:${unitId}`, Number(request.query.cursor ?? 0), limit);
      const view = subAccountView(unitId, funds.docs.account(compoundId, 'maintenance', `unit:${unitId}`), meta.topUpDue.includes(unitId), transfers);
      return { ...view, next: transfers.length === limit ? String(transfers[transfers.length - 1]!.seq) : null };
    },
  );

  // Disclosures (账目公布): 维修资金办法 Art. 30; 沪规定 Art. 66; 京条例 Art. 85.
  app.post(
    '/v1/compounds/:compoundId/funds/disclosures',
    { schema: { tags: ['funds'], summary: 'Post a ledger\u2019s statement for an ended period, generated from the ledger (维修资金办法 Art. 30; 沪规定 Art. 66; 京条例 Art. 85)', params, body: z.object({ ledger: z.enum(['maintenance', 'public_income']), period: z.string().min(4).max(7) }), response: { 201: created, ...errors } } },
    (request, reply) =>
      command(request, reply, ['oc_member'], (cmd, by) => ({ type: 'PublishDisclosure', data: { disclosureId: firstId(cmd), ...request.body }, by }), (_c, events) => ({ disclosureId: (events[0]?.data as { disclosureId?: string } | undefined)?.disclosureId ?? null })),
  );

  app.get(
    '/v1/compounds/:compoundId/funds/disclosures',
    { schema: { tags: ['funds'], summary: 'The statements posted, per ledger and period (posted to the notice board: any grant on the compound)', params, querystring: afterQuery, response: { 200: disclosuresResponse, ...errors } } },
    async (request) => {
      const principal = await requirePrincipal(request, signingKey);
      const { compoundId } = request.params;
      requireRole(principal, compoundId, ANY_ROLE);
      await caughtUp(compoundId, request.query.after);
      metaOf(compoundId);
      return { disclosures: funds.docs.disclosures(compoundId).map(disclosureView) };
    },
  );
};
