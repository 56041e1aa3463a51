/**
 * The funds' decider: money moves only by authority. A release names a final, unrevoked `use_maintenance_fund`
 * decision and fits its budget, charge scope and contractor (维修资金办法 Arts. 22–23), or a certified
 * emergency (Art. 24); every step re-checks the decision as the assembly records it now. No account except a
 * ledger's `sources` goes below zero, counting holds.
 */
import { holdsAny, sameScope, type MotionScope, type Organisation, type Proposal } from '../assembly/index.js';
import { parseArea } from '../shared/area.js';
import { assertNever, type DecideContext, type Decider } from '../shared/decider.js';
import type { DomainError } from '../shared/errors.js';
import { formatYuan, parseYuan, type Fen } from '../shared/money.js';
import { periodEnd } from '../time/legalPeriod.js';
import { allocateByArea } from './allocation.js';
import { cadenceOf, periodBounds, periodOf } from './periods.js';
import { statementOf } from './statement.js';
import type { DecisionFacts, FundsCommand, UnitFacts } from './commands.js';
import type { FundsEvent, ReleaseTerms } from './events.js';
import { refuse } from './errors.js';
import { COMPOUND_ACCOUNT, DISBURSED, INCOME, SOURCES, TO_FUND, unitAccount, type Authority, type Ledger, type Transfer } from './ledger.js';
import { emergencyItems, fundRulePacks, type FundRules } from './rules.js';
import { evolve, initialState, type FundState, type OpenFundState, type ReleaseState } from './state.js';

type Result = readonly FundsEvent[] | DomainError;

/** Who may do what (the route checks the grant too; the decider judges from the facts it is given). */
const WHO = {
  open: ['admin', 'street_office', 'oc_member'],
  deposit: ['admin', 'oc_member', 'street_office', 'developer'],
  income: ['admin', 'oc_member'],
  request: ['admin', 'oc_member', 'property_firm'],
  emergency: ['admin', 'oc_member', 'property_firm'],
  review: ['oc_member'],
  // 杭条例 Art. 73: the street office, or the residents' committee it entrusts.
  confirm: ['street_office', 'rc_staff'],
  manage: ['admin', 'oc_member'],
  postHoc: ['street_office', 'rc_staff', 'oc_member'],
  disclose: ['admin', 'oc_member'],
} as const;

const positive = (text: string, field: string): Fen | DomainError => {
  const fen = parseYuan(text);
  return fen === null || fen <= 0n ? refuse('invalid_amount', `${field} is a positive amount of yuan, to the fen`, { field }) : fen;
};
const isError = (v: unknown): v is DomainError => typeof v === 'object' && v !== null && 'code' in v && 'error' in v;

/** area (ten-thousandths of m²) × rate (fen per m²), rounded to the fen, half up (no statute says how; banks round so). */
export function firstDepositOf(area: bigint, rate: Fen): Fen {
  return (area * rate * 2n + 10_000n) / 20_000n;
}

const sameContractor = (decided: Organisation, asked: Organisation): boolean =>
  decided.name.trim() === asked.name.trim() && (decided.creditCode === undefined || asked.creditCode === undefined || decided.creditCode === asked.creditCode);

type FundProposal = Extract<Proposal, { kind: 'use_maintenance_fund' }>;

/** The decision as the assembly records it now: final (it exists), of the right matter, unrevoked, with terms. */
export function checkDecision(decision: DecisionFacts | null, decisionId: string, compoundId: string): FundProposal | DomainError {
  if (!decision || decision.decisionId !== decisionId || decision.compoundId !== compoundId) {
    return refuse('no_decision', 'no final owners\u2019 decision with that id in this compound (维修资金办法 Arts. 22–23)', { decisionId });
  }
  if (decision.matter !== 'use_maintenance_fund') return refuse('not_a_fund_decision', 'the decision is not on using the maintenance fund', { decisionId, matter: decision.matter });
  if (decision.revoked) return refuse('decision_revoked', 'the decision was revoked: nothing may rely on it', { decisionId });
  if (!decision.proposal || decision.proposal.kind !== 'use_maintenance_fund') {
    return refuse('decision_without_terms', 'the decision carries no budget and charge scope: it authorises no release', { decisionId });
  }
  return decision.proposal;
}

export function decide(command: FundsCommand, state: FundState, ctx: DecideContext): Result {
  const by = command.by;
  const may = (who: readonly string[]) => holdsAny(by, [...who, 'system']);
  const denied = () => refuse('not_entitled', `${command.type} needs one of: ${whoFor(command.type).join(', ')}`);
  if (!may(whoFor(command.type))) return denied();
  if (command.type === 'OpenFund') {
    if (state.status !== 'none') return refuse('fund_already_open', 'the compound\u2019s funds are already open');
    const rate = positive(command.data.ratePerSquareMetre, 'ratePerSquareMetre');
    if (isError(rate)) return refuse('invalid_rate', 'the rate per m² is a positive amount of yuan (维修资金办法 Art. 7: the city sets it)');
    if (!command.data.evidenceRef.trim()) return refuse('evidence_required', 'name the city\u2019s rate notice');
    return [{ type: 'FundOpened', data: { compoundId: command.data.compoundId, jurisdiction: command.data.jurisdiction, ratePerSquareMetre: formatYuan(rate), evidenceRef: command.data.evidenceRef, openedAt: ctx.now.toISOString() } }];
  }
  if (state.status !== 'open') return refuse('fund_not_open', 'the compound\u2019s funds are not open');
  const rules = fundRulePacks[state.jurisdiction];
  const at = ctx.now.toISOString();
  const transfer = (ledger: Ledger, from: string, to: string, fen: Fen, phase: Transfer['phase'], authority: Authority, evidence: readonly string[]): Transfer => ({
    transferId: ctx.newId(),
    ledger,
    from,
    to,
    amount: formatYuan(fen),
    phase,
    authority,
    evidence: [...evidence],
    at,
  });

  switch (command.type) {
    case 'RecordDeposit': {
      const { unit, basis, depositId } = command.data;
      const area = parseArea(unit.area);
      if (area === null) return refuse('unit_not_found', 'the unit has no exclusive area on record', { unitId: unit.unitId });
      // 维修资金办法 Art. 21: the developer pays for the units it still holds; an owner for their own.
      const payer = unit.developerHeld ? 'developer' : 'owner';
      if (holdsAny(by, ['developer']) && !holdsAny(by, ['admin', 'oc_member', 'street_office', 'system']) && payer !== 'developer') {
        return refuse('developer_pays_unsold', 'the developer pays only for the units it holds (维修资金办法 Art. 21)', { unitId: unit.unitId });
      }
      if (command.data.evidence.length === 0) return refuse('evidence_required', 'a deposit names its bank slip or receipt');
      let fen: Fen;
      if (basis === 'first_deposit') {
        if (state.firstDeposits.has(unit.unitId)) return refuse('first_deposit_already_made', 'the unit\u2019s first deposit is on record', { unitId: unit.unitId });
        // 维修资金办法 Art. 7: exclusive area × the city's rate per m².
        fen = firstDepositOf(area, state.rate);
        if (command.data.amount !== undefined && parseYuan(command.data.amount) !== fen) {
          return refuse('first_deposit_differs', `the first deposit is area × rate = ${formatYuan(fen)} (维修资金办法 Art. 7)`, { expected: formatYuan(fen) });
        }
        if (fen <= 0n) return refuse('invalid_amount', 'the unit\u2019s first deposit would be zero');
      } else {
        if (!state.firstDeposits.has(unit.unitId)) return refuse('first_deposit_required', 'a top-up follows the first deposit', { unitId: unit.unitId });
        const amount = positive(command.data.amount ?? '', 'amount');
        if (isError(amount)) return amount;
        fen = amount;
      }
      const t = transfer('maintenance', SOURCES, unitAccount(unit.unitId), fen, 'posted', { kind: 'deposit', unitId: unit.unitId, basis, payer }, command.data.evidence);
      const events: FundsEvent[] = [{ type: 'DepositRecorded', data: { depositId, unitId: unit.unitId, building: unit.building, area: unit.area, basis, payer, transfer: t } }];
      return [...events, ...topUpChanges(state, rules, events, ctx)];
    }
    case 'RecordIncome': {
      const amount = positive(command.data.amount, 'amount');
      if (isError(amount)) return amount;
      if (command.data.evidence.length === 0) return refuse('evidence_required', 'an income entry names its receipt');
      const t = transfer('public_income', SOURCES, INCOME, amount, 'posted', { kind: 'income_contract', contractId: command.data.contractId }, command.data.evidence);
      return [{ type: 'IncomeRecorded', data: { entryId: command.data.entryId, contractId: command.data.contractId, transfer: t } }];
    }
    case 'PayIncomeIntoFund': {
      const amount = positive(command.data.amount, 'amount');
      if (isError(amount)) return amount;
      if (state.book.available('public_income', INCOME) < amount) return refuse('insufficient_funds', 'the public income account holds less', { account: INCOME });
      const authority: Authority = { kind: 'income_to_fund', article: '沪规定 Art. 51; 京条例 Art. 74; 杭条例 Art. 60' };
      const out = transfer('public_income', INCOME, TO_FUND, amount, 'posted', authority, command.data.evidence);
      const into = transfer('maintenance', SOURCES, COMPOUND_ACCOUNT, amount, 'posted', authority, command.data.evidence);
      return [{ type: 'IncomePaidIntoFund', data: { entryId: command.data.entryId, transfers: [out, into] } }];
    }
    case 'ReverseTransfer': {
      const entry = state.transfers.get(command.data.transferId);
      if (!entry) return refuse('transfer_not_found', 'no such transfer', { transferId: command.data.transferId });
      const o = entry.transfer;
      // Release charges are undone by voiding or by a new release, never by editing their trail.
      if (o.phase !== 'posted' || (o.authority.kind !== 'deposit' && o.authority.kind !== 'income_contract')) {
        return refuse('transfer_not_reversible', 'only deposits and income entries are reversed; a release is voided or corrected by a new one', { transferId: o.transferId });
      }
      if (entry.reversed) return refuse('transfer_already_reversed', 'the transfer was reversed already', { transferId: o.transferId });
      if (!command.data.reason.trim() || command.data.evidence.length === 0) return refuse('evidence_required', 'a reversal gives its reason and evidence');
      const fen = parseYuan(o.amount)!;
      if (state.book.available(o.ledger, o.to) < fen) return refuse('insufficient_funds', 'the account no longer holds the amount to reverse', { account: o.to });
      const t: Transfer = { ...transfer(o.ledger, o.to, o.from, fen, 'posted', { kind: 'correction', reverses: o.transferId, reason: command.data.reason }, command.data.evidence) };
      const events: FundsEvent[] = [{ type: 'TransferReversed', data: { reverses: o.transferId, transfer: t } }];
      return [...events, ...topUpChanges(state, rules, events, ctx)];
    }
    case 'RequestRelease': {
      const d = command.data;
      if (state.releases.has(d.releaseId)) return refuse('release_already_exists', 'a release with that id exists');
      const proposal = checkDecision(d.decision, d.decisionId, state.compoundId);
      if (isError(proposal)) return proposal;
      const price = positive(d.contractPrice, 'contractPrice');
      if (isError(price)) return price;
      const budget = parseYuan(proposal.budget)!;
      // Releases on one decision together stay within its budget (维修资金办法 Art. 23 (5): per the plan).
      const committed = [...state.releases.values()].filter((r) => r.decisionId === d.decisionId && !r.voided).reduce((s, r) => s + (r.settled?.amount ?? r.contractPrice), 0n);
      if (committed + price > budget) {
        return refuse('amount_exceeds_budget', 'the amount exceeds what is left of the decision\u2019s budget', { budget: proposal.budget, committed: formatYuan(committed), requested: formatYuan(price) });
      }
      if (!sameScope(d.chargeScope, proposal.chargeScope)) return refuse('charge_scope_differs', 'the charge scope is not the decision\u2019s: those who pay decided (维修资金办法 Arts. 22–23)', { decided: proposal.chargeScope, requested: d.chargeScope });
      if (proposal.contractor && !sameContractor(proposal.contractor, d.contractor)) return refuse('contractor_differs', 'the contractor is not the one the owners decided on', { decided: proposal.contractor.name });
      if (d.units.length === 0) return refuse('no_units_in_scope', 'the charge scope holds no unit');
      return [{ type: 'ReleaseRequested', data: { ...terms(d.releaseId, price, d.contractor, d.chargeScope, d.units, at), decisionId: d.decisionId, budget: proposal.budget, evidence: [...d.evidence] } }];
    }
    case 'RequestEmergencyRelease': {
      const d = command.data;
      if (state.releases.has(d.releaseId)) return refuse('release_already_exists', 'a release with that id exists');
      const item = emergencyItems[d.item];
      if (!item) return refuse('invalid_emergency', 'the item is not in the emergency catalogue (建办房〔2015〕52号)', { item: d.item });
      // The catalogue item names the evidence it needs: an appraisal, an inspection body's or the fire authority's notice.
      if (!d.evidence.some((e) => e.kind === item.evidence && e.ref.trim() !== '')) return refuse('evidence_required', `this item needs evidence of kind ${item.evidence}`, { needed: item.evidence });
      const estimate = positive(d.estimate, 'estimate');
      if (isError(estimate)) return estimate;
      if (d.units.length === 0) return refuse('no_units_in_scope', 'the charge scope holds no unit');
      return [
        {
          type: 'EmergencyReleaseRequested',
          data: { ...terms(d.releaseId, estimate, d.contractor, d.chargeScope, d.units, at), item: d.item, description: d.description, evidence: [...d.evidence], budget: formatYuan(estimate), needsConfirmation: rules.emergencyNeedsStreetConfirmation },
        },
      ];
    }
    case 'ReviewEmergency': {
      const r = emergencyRelease(state, command.data.releaseId);
      if (isError(r)) return r;
      if (r.review !== 'pending') return refuse('emergency_already_reviewed', 'the OC has reviewed this emergency');
      return [{ type: 'EmergencyReviewed', data: { releaseId: r.releaseId, outcome: command.data.outcome, reviewRef: command.data.reviewRef, reviewedAt: at } }];
    }
    case 'ConfirmEmergency': {
      const r = emergencyRelease(state, command.data.releaseId);
      if (isError(r)) return r;
      if (r.review !== 'approved') return refuse('emergency_not_reviewed', 'the OC reviews first (杭条例 Art. 73)');
      if (r.confirmed) return refuse('review_already_recorded', 'the street office has confirmed this emergency');
      return [{ type: 'EmergencyConfirmed', data: { releaseId: r.releaseId, confirmationRef: command.data.confirmationRef, confirmedAt: at } }];
    }
    case 'HoldAdvance': {
      const r = openRelease(state, command.data.releaseId, command.data.decision);
      if (isError(r)) return r;
      if (r.advance) return refuse('advance_already_held', 'the advance is held already');
      const amount = positive(command.data.amount, 'amount');
      if (isError(amount)) return amount;
      if (amount * 100n > r.contractPrice * rules.advanceMaxPercent) {
        return refuse('advance_exceeds_limit', `an advance is at most ${rules.advanceMaxPercent}% of the contract price (${rules.sources.advance})`, { max: formatYuan((r.contractPrice * rules.advanceMaxPercent) / 100n) });
      }
      const shares = charge(state, r, amount, 0n);
      if (isError(shares)) return shares;
      const authority = authorityOf(r, command.data.decision, null);
      const transfers = shares.map((s) => transfer('maintenance', unitAccount(s.unitId), DISBURSED, s.fen, 'pending', authority, command.data.evidence));
      return [{ type: 'AdvanceHeld', data: { releaseId: r.releaseId, amount: formatYuan(amount), transfers } }];
    }
    case 'AcceptWorks': {
      const r = openRelease(state, command.data.releaseId, null, false);
      if (isError(r)) return r;
      if (r.acceptedAt) return refuse('works_already_accepted', 'the works were accepted already');
      if (!command.data.acceptanceRef.trim()) return refuse('evidence_required', 'the acceptance names its record (验收记录)');
      return [{ type: 'WorksAccepted', data: { releaseId: r.releaseId, acceptanceRef: command.data.acceptanceRef, acceptedAt: at } }];
    }
    case 'RecordSettlementAudit':
    case 'WaiveSettlementAudit': {
      const r = openRelease(state, command.data.releaseId, null, false);
      if (isError(r)) return r;
      if (!r.acceptedAt) return refuse('works_not_accepted', 'the OC accepts the works before the settlement audit (杭条例 Art. 72 (2))');
      if (r.audit) return refuse('audit_already_recorded', 'the settlement audit is on record');
      if (command.type === 'RecordSettlementAudit') {
        const amount = positive(command.data.auditedAmount, 'auditedAmount');
        if (isError(amount)) return amount;
        return [{ type: 'SettlementAudited', data: { releaseId: r.releaseId, auditedAmount: formatYuan(amount), auditRef: command.data.auditRef, auditedAt: at } }];
      }
      const amount = positive(command.data.amount, 'amount');
      if (isError(amount)) return amount;
      if (rules.auditWaiverMaxFen === null || amount > rules.auditWaiverMaxFen) {
        return refuse('audit_waiver_not_allowed', `the settlement audit may not be skipped here (${rules.sources.auditWaiver})`, { max: rules.auditWaiverMaxFen === null ? null : formatYuan(rules.auditWaiverMaxFen) });
      }
      return [{ type: 'SettlementAuditWaived', data: { releaseId: r.releaseId, amount: formatYuan(amount), approvalRef: command.data.approvalRef, waivedAt: at } }];
    }
    case 'SettleRelease': {
      const r = openRelease(state, command.data.releaseId, command.data.decision);
      if (isError(r)) return r;
      if (!r.acceptedAt) return refuse('works_not_accepted', 'the works are accepted before settlement');
      if (!r.audit) return refuse('settlement_audit_required', 'the settlement audit (审价) comes first, or its waiver where allowed (杭条例 Art. 72 (2); 沪规定 Art. 67)');
      const amount = r.audit.amount;
      // 杭条例 Art. 72 (2): an overrun of 10% of the budget or more (以上 includes the figure) is declared anew.
      let reapproval: string | null = null;
      if (amount * 100n >= r.budget * rules.overrunPercent) {
        const extra = command.data.newDecision;
        const p = extra ? checkDecision(extra, extra.decisionId, state.compoundId) : null;
        const excess = amount - r.budget;
        if (!extra || p === null || isError(p) || extra.decisionId === r.decisionId || !sameScope(p.chargeScope, r.chargeScope) || parseYuan(p.budget)! < excess || (p.contractor && !sameContractor(p.contractor, r.contractor))) {
          return refuse('overrun_needs_new_decision', `the settlement is ${rules.overrunPercent - 100n}% or more over the budget: the excess needs a new owners\u2019 decision (${rules.sources.overrun})`, {
            budget: formatYuan(r.budget),
            settlement: formatYuan(amount),
            ...(p && isError(p) ? { newDecision: p.code } : {}),
          });
        }
        reapproval = extra.decisionId;
      }
      const held = r.advance?.transferIds ?? [];
      const shares = charge(state, r, amount, 1n);
      if (isError(shares)) return shares;
      const authority = authorityOf(r, command.data.decision, reapproval);
      const transfers = shares.map((s) => transfer('maintenance', unitAccount(s.unitId), DISBURSED, s.fen, 'posted', authority, command.data.evidence));
      const dueBy = r.kind === 'emergency' ? periodEnd(ctx.now, rules.postHocReviewDays).toISOString() : null;
      const events: FundsEvent[] = [{ type: 'ReleaseSettled', data: { releaseId: r.releaseId, amount: formatYuan(amount), voided: held, transfers, reapprovalDecisionId: reapproval, settledAt: at, postHocReviewDueBy: dueBy } }];
      return [...events, ...topUpChanges(state, rules, events, ctx)];
    }
    case 'VoidRelease': {
      const r = state.releases.get(command.data.releaseId);
      if (!r) return refuse('release_not_found', 'no such release');
      if (r.settled || r.voided) return refuse('release_closed', 'the release is settled or void');
      return [{ type: 'ReleaseVoided', data: { releaseId: r.releaseId, voided: r.advance?.transferIds ?? [], reason: command.data.reason, voidedAt: at } }];
    }
    case 'RecordPostHocReview': {
      const r = emergencyRelease(state, command.data.releaseId);
      if (isError(r)) return r;
      if (!r.settled) return refuse('emergency_not_settled', 'the post-hoc review follows the settlement');
      if (r.postHocReviewAt) return refuse('review_already_recorded', 'the post-hoc review is on record');
      const late = r.settled.postHocReviewDueBy !== null && ctx.now.getTime() > Date.parse(r.settled.postHocReviewDueBy);
      return [{ type: 'PostHocReviewRecorded', data: { releaseId: r.releaseId, reviewRef: command.data.reviewRef, findings: command.data.findings, reviewedAt: at, late } }];
    }
    case 'PublishDisclosure': {
      const { ledger, period, disclosureId } = command.data;
      // The cadence is the jurisdiction's (维修资金办法 Art. 30; 沪规定 Art. 66; 京条例 Art. 85).
      const cadence = rules.disclosure[ledger];
      const bounds = periodBounds(period);
      if (!bounds || cadenceOf(period) !== cadence) return refuse('invalid_period', `this ledger is disclosed per ${cadence} here (${rules.disclosure.source}): e.g. ${periodOf(ctx.now, cadence)}`, { cadence });
      if (ctx.now.getTime() < bounds.to.getTime()) return refuse('period_not_ended', 'a statement covers an ended period', { endsAt: bounds.to.toISOString() });
      if (state.disclosures.has(`${ledger}/${period}`)) return refuse('disclosure_already_published', 'the statement for this period is posted', { ledger, period });
      const statement = statementOf(ledger, period, bounds.from, bounds.to, [...state.transfers.values()].map((e) => e.transfer));
      const dueBy = disclosureDueBy(bounds.to, rules).toISOString();
      return [{ type: 'DisclosurePublished', data: { disclosureId, statement, dueBy, publishedAt: at, late: ctx.now.getTime() > Date.parse(dueBy) } }];
    }
    default:
      return assertNever(command);
  }
}

/** A period's statement is due `dueDays` after the period (a legal period: Civil Code Arts. 200–204). */
export function disclosureDueBy(end: Date, rules: FundRules): Date {
  return periodEnd(end, rules.disclosure.dueDays);
}

function whoFor(type: FundsCommand['type']): readonly string[] {
  switch (type) {
    case 'OpenFund':
      return WHO.open;
    case 'RecordDeposit':
      return WHO.deposit;
    case 'RecordIncome':
    case 'PayIncomeIntoFund':
    case 'ReverseTransfer':
      return WHO.income;
    case 'RequestRelease':
      return WHO.request;
    case 'RequestEmergencyRelease':
      return WHO.emergency;
    case 'ReviewEmergency':
      return WHO.review;
    case 'ConfirmEmergency':
      return WHO.confirm;
    case 'RecordPostHocReview':
      return WHO.postHoc;
    case 'PublishDisclosure':
      return WHO.disclose;
    case 'HoldAdvance':
    case 'AcceptWorks':
    case 'RecordSettlementAudit':
    case 'WaiveSettlementAudit':
    case 'SettleRelease':
    case 'VoidRelease':
      return WHO.manage;
    default:
      return assertNever(type);
  }
}

function terms(releaseId: string, price: Fen, contractor: Organisation, chargeScope: MotionScope, units: readonly UnitFacts[], at: string): ReleaseTerms {
  return { releaseId, contractPrice: formatYuan(price), contractor, chargeScope, units: units.map((u) => ({ unitId: u.unitId, area: u.area })), requestedAt: at };
}

function emergencyRelease(state: OpenFundState, releaseId: string): ReleaseState | DomainError {
  const r = state.releases.get(releaseId);
  if (!r) return refuse('release_not_found', 'no such release');
  if (r.kind !== 'emergency') return refuse('invalid_emergency', 'not an emergency release');
  return r;
}

/**
 * A release still open and still authorised: a decision release's decision re-checked as recorded now
 * (`recheck`: false for steps that move no money), an emergency reviewed and, where required, confirmed.
 */
function openRelease(state: OpenFundState, releaseId: string, decision: DecisionFacts | null, recheck = true): ReleaseState | DomainError {
  const r = state.releases.get(releaseId);
  if (!r) return refuse('release_not_found', 'no such release');
  if (r.settled || r.voided) return refuse('release_closed', 'the release is settled or void');
  if (r.kind === 'decision') {
    if (recheck) {
      const p = checkDecision(decision, r.decisionId!, state.compoundId);
      if (isError(p)) return p;
    }
  } else if (r.review !== 'approved' || (r.needsConfirmation && !r.confirmed)) {
    return refuse('release_not_authorised', r.review === 'rejected' ? 'the OC rejected this emergency' : 'the emergency is not yet reviewed by the OC (and confirmed by the street office where required)');
  }
  return r;
}

function authorityOf(r: ReleaseState, decision: DecisionFacts | null, reapproval: string | null): Authority {
  if (r.kind === 'decision') {
    const budget = decision?.proposal?.kind === 'use_maintenance_fund' ? decision.proposal.budget : formatYuan(r.budget);
    return { kind: 'decision', decisionId: r.decisionId!, releaseId: r.releaseId, budget, ...(reapproval ? { reapprovalDecisionId: reapproval } : {}) };
  }
  return { kind: 'emergency', releaseId: r.releaseId, item: r.item!, reviewRef: r.reviewRef ?? '', ...(r.confirmationRef ? { confirmationRef: r.confirmationRef } : {}) };
}

/**
 * The shares of `amount` over the release's units (Civil Code Art. 283, largest remainder), each within what
 * the sub-account has available; `releaseHolds` = 1n counts this release's own holds as available (they are
 * voided in the same event). Zero shares are dropped.
 */
function charge(state: OpenFundState, r: ReleaseState, amount: Fen, releaseHolds: bigint): { unitId: string; fen: Fen }[] | DomainError {
  const own = new Map<string, Fen>();
  if (releaseHolds === 1n) {
    for (const id of r.advance?.transferIds ?? []) {
      const t = state.transfers.get(id)!.transfer;
      own.set(t.from, (own.get(t.from) ?? 0n) + parseYuan(t.amount)!);
    }
  }
  const shares = allocateByArea(amount, r.units).filter((s) => s.fen > 0n);
  const short = shares.filter((s) => state.book.available('maintenance', unitAccount(s.unitId)) + (own.get(unitAccount(s.unitId)) ?? 0n) < s.fen);
  if (short.length > 0) {
    return refuse('insufficient_funds', 'sub-accounts of the charge scope hold less than their shares; owners top up first (维修资金办法 Art. 17)', { units: short.slice(0, 20).map((s) => s.unitId), count: short.length });
  }
  return shares;
}

/**
 * Top-up obligations the events create or meet (维修资金办法 Art. 17; 沪规定 Art. 65): a sub-account whose balance
 * falls below `topUpBelowPercent` of its first deposit must reach `topUpToPercent` of it within `topUpDays`.
 */
function topUpChanges(state: OpenFundState, rules: FundRules, events: readonly FundsEvent[], ctx: DecideContext): FundsEvent[] {
  const delta = new Map<string, Fen>();
  for (const e of events) {
    const ts = e.type === 'DepositRecorded' || e.type === 'TransferReversed' ? [e.data.transfer] : e.type === 'ReleaseSettled' ? e.data.transfers : [];
    for (const t of ts) {
      if (t.ledger !== 'maintenance' || t.phase !== 'posted') continue;
      const fen = parseYuan(t.amount)!;
      delta.set(t.from, (delta.get(t.from) ?? 0n) - fen);
      delta.set(t.to, (delta.get(t.to) ?? 0n) + fen);
    }
  }
  const out: FundsEvent[] = [];
  const at = ctx.now.toISOString();
  for (const [account, change] of delta) {
    if (!account.startsWith('unit:')) continue;
    const unitId = account.slice(5);
    const first = state.firstDeposits.get(unitId) ?? (events[0]?.type === 'DepositRecorded' && events[0].data.basis === 'first_deposit' && events[0].data.unitId === unitId ? parseYuan(events[0].data.transfer.amount)! : undefined);
    if (first === undefined) continue;
    const balance = (state.book.accounts.get(`maintenance/${account}`)?.balance ?? 0n) + change;
    const target = (first * rules.topUpToPercent + 99n) / 100n;
    if (state.topUpDue.has(unitId)) {
      if (balance >= target) out.push({ type: 'TopUpMet', data: { unitId, balance: formatYuan(balance), metAt: at } });
    } else if (balance * 100n < first * rules.topUpBelowPercent) {
      out.push({ type: 'TopUpRequired', data: { unitId, balance: formatYuan(balance), firstDeposit: formatYuan(first), target: formatYuan(target), requiredAt: at, dueBy: periodEnd(ctx.now, rules.topUpDays).toISOString() } });
    }
  }
  return out;
}

export const fundsDecider: Decider<FundState, FundsCommand, FundsEvent> = { initialState, evolve, decide };
