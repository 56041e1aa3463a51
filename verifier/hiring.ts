/**
 * Hiring the firm (物业服务企业) recomputed from the events alone, folding tenders, contracts and fee adjustments
 * with the domain's own evolve (domain/hiring) and the registry with its own (domain/registry):
 * - the contract follows the owners' decision: a final, unrevoked decision on the tender's motion adopting the
 *   option of the firm whose revealed, compliant bid the contract copies (fee, service plan, staffing,
 *   promises: Civil Code Art. 938 para. 2), on the tender's announced terms, the fee charged on the compound's
 *   exclusive area as the registry stood;
 * - held-back fees (湖州 Art. 34), in fen: the term's total = ⌊fee × area × months × percent⌋, spread over its
 *   quarters to the fen; each confirmed assessment's release recomputed from the quarter's share, the score
 *   (the items against the template) and the contract's rule, released + withheld = the share;
 * - yellow cards under the line, a red card on the third in a contract year;
 * - fee adjustments (杭条例 Art. 53): the new fee only on the owners' final decision on the adjustment's own
 *   motion, the proposed fee, the later quarters' shares recomputed from it; a renewal's quarters from the fee in
 *   force; dismissal and renewal on a standing decision.
 */
import { contractDecider, contractYear, feeAdjustmentDecider, feeAdjustmentMotionId, HIRING_RULES, periodShares, releaseFor, tenderDecider, tenderMotionId, termHeldBack, type ContractEvent, type ContractState, type FeeAdjustmentEvent, type FeeAdjustmentState, type PeriodTerms, type TenderEvent, type TenderState } from '../domain/hiring/index.js';
import { electorate, evolve as evolveRegistry, initialState as initialRegistry, registryEventTypes, type RegistryEvent, type RegistryState } from '../domain/registry/index.js';
import { parseArea } from '../domain/shared/area.js';
import { formatYuan, parseYuan } from '../domain/shared/money.js';
import type { DecisionSeen } from './assembly.js';
import { canonicalJson } from './canonical.js';
import { standingDecision } from './decisions.js';
import type { ExportedEvent } from './format.js';
import { recordOf, type Report } from './problems.js';

type LiveContract = Exclude<ContractState, { status: 'none' }>;

const registryTypes = new Set<string>(registryEventTypes);

export class HiringCheck {
  registry: RegistryState = initialRegistry();
  readonly tenders = new Map<string, TenderState>();
  readonly contracts = new Map<string, ContractState>();
  readonly adjustments = new Map<string, FeeAdjustmentState>();
  releases = 0;

  constructor(
    private readonly report: Report,
    private readonly decisions: ReadonlyMap<string, DecisionSeen>,
  ) {}

  apply(e: ExportedEvent): void {
    const s = e.streamId;
    if (s.startsWith('compound-') && registryTypes.has(e.type)) this.registry = evolveRegistry(this.registry, { type: e.type, data: e.data } as RegistryEvent);
    else if (s.startsWith('tender-')) {
      const event = { type: e.type, data: e.data } as TenderEvent;
      this.tenders.set(s, tenderDecider.evolve(this.tenders.get(s) ?? tenderDecider.initialState(), event));
    } else if (s.startsWith('contract-')) {
      const event = { type: e.type, data: e.data } as ContractEvent;
      const before = this.contracts.get(s) ?? contractDecider.initialState();
      this.contract(e, event, before);
      this.contracts.set(s, contractDecider.evolve(before, event));
    } else if (s.startsWith('fee-adjustment-')) {
      const event = { type: e.type, data: e.data } as FeeAdjustmentEvent;
      const before = this.adjustments.get(s) ?? feeAdjustmentDecider.initialState();
      if (event.type === 'FeeAdjustmentAdopted') {
        const d = event.data;
        if (before.status !== 'put_to_owners' || before.motionId !== d.motionId) this.bad(e, `adjustment ${d.adjustmentId} adopted on motion ${d.motionId}, which it was not put to`);
        if (before.status !== 'none' && d.fee !== before.proposal.proposedFee) this.bad(e, `adopts a fee of ${d.fee}; the firm proposed ${before.proposal.proposedFee}`);
        standingDecision(this.decisions, this.report, e, d.decisionId, { check: 'hiring', what: `fee adjustment ${d.adjustmentId}`, motionId: feeAdjustmentMotionId(d.adjustmentId), adopted: 'motion' });
      }
      this.adjustments.set(s, feeAdjustmentDecider.evolve(before, event));
    }
  }

  private bad(e: ExportedEvent, detail: string): void {
    this.report('hiring', recordOf(e), detail);
  }

  /** The quarters' shares of `total` fen from quarter `first` on, as the domain spreads them (holdBack.ts). */
  private shares(e: ExportedEvent, periods: readonly PeriodTerms[], total: bigint, what: string): void {
    const want = periodShares(total, periods.length);
    const got = periods.map((p) => parseYuan(p.heldBack));
    if (got.some((g, i) => g !== want[i])) this.bad(e, `${what}: the quarters hold back ${periods.map((p) => p.heldBack).join(', ')}; ${formatYuan(total)} spread over ${periods.length} quarters is ${want.map(formatYuan).join(', ')}`);
  }

  private contract(e: ExportedEvent, event: ContractEvent, before: ContractState): void {
    if (event.type === 'ContractDrawn') return this.drawn(e, event.data);
    if (before.status === 'none') return this.bad(e, `a contract event before the contract was drawn`);
    const c: LiveContract = before;
    const area = parseArea(c.terms.chargeableArea)!;
    const months = c.terms.termMonths;
    switch (event.type) {
      case 'ContractSigned': {
        const d = event.data;
        if (d.periods.length * 3 !== months) this.bad(e, `${d.periods.length} quarters for a term of ${months} months`);
        this.shares(e, d.periods, parseYuan(c.terms.heldBackTotal)!, 'signing');
        return;
      }
      case 'AssessmentScored': {
        const d = event.data;
        const template = c.terms.assessmentTemplate;
        const fits = d.items.length === template.length && template.every((i) => d.items.some((x) => x.itemId === i.itemId && Number.isInteger(x.score) && x.score >= 0 && x.score <= i.points));
        if (!fits) this.bad(e, `quarter ${d.period}'s items do not fit the contract's assessment template`);
        const total = d.items.reduce((n, i) => n + i.score, 0);
        if (total !== d.total) this.bad(e, `quarter ${d.period} totals ${d.total}; its items sum to ${total}`);
        return;
      }
      case 'AssessmentConfirmed': {
        const scored = c.assessments.get(event.data.period);
        if (!scored || scored.total !== event.data.total) this.bad(e, `confirms quarter ${event.data.period} at ${event.data.total}; the OC scored ${scored ? scored.total : 'nothing'}`);
        return;
      }
      case 'HeldBackFeesReleased': {
        this.releases += 1;
        const d = event.data;
        const period = c.term?.periods.find((p) => p.period === d.period);
        const assessed = c.assessments.get(d.period);
        if (!period) return this.bad(e, `releases quarter ${d.period}, not a quarter of the term`);
        if (!assessed?.confirmed || assessed.total !== d.score) this.bad(e, `releases quarter ${d.period} on a score of ${d.score}; the confirmed assessment is ${assessed?.confirmed ? assessed.total : 'missing'}`);
        if (d.heldBack !== period.heldBack) this.bad(e, `quarter ${d.period} held back ${period.heldBack}; the release names ${d.heldBack}`);
        if (canonicalJson(d.rule) !== canonicalJson(c.terms.scoreRule) || d.firmId !== c.terms.firm.firmId) this.bad(e, `the release names rule ${canonicalJson(d.rule)} and firm ${d.firmId}; the contract's are ${canonicalJson(c.terms.scoreRule)} and ${c.terms.firm.firmId}`);
        const r = releaseFor(parseYuan(period.heldBack)!, assessed?.total ?? d.score, c.terms.scoreRule);
        if (parseYuan(d.released) !== r.released || parseYuan(d.withheld) !== r.withheld || d.band !== r.band) {
          this.bad(e, `quarter ${d.period} releases ${d.released} and withholds ${d.withheld} (${d.band}); recomputed from ${period.heldBack} at score ${assessed?.total ?? d.score}: ${formatYuan(r.released)} and ${formatYuan(r.withheld)} (${r.band})`);
        }
        return;
      }
      case 'YellowCardIssued': {
        const d = event.data;
        const score = c.assessments.get(d.period)?.total;
        if (score === undefined || score !== d.score || !(score < c.terms.yellowLine) || d.line !== c.terms.yellowLine || d.year !== contractYear(d.period)) {
          this.bad(e, `a yellow card for quarter ${d.period} (year ${d.year}) at ${d.score} under ${d.line}; the assessment is ${score ?? 'missing'}, the line ${c.terms.yellowLine}, the year ${contractYear(d.period)}`);
        }
        return;
      }
      case 'RedCardIssued': {
        const d = event.data;
        const cards = c.yellowCards.filter((y) => y.year === d.year).length;
        if (cards < HIRING_RULES.yellowCardsForRed.count) this.bad(e, `a red card in year ${d.year} after ${cards} yellow cards; it takes ${HIRING_RULES.yellowCardsForRed.count}`);
        return;
      }
      case 'RenewalDecisionRecorded': {
        const d = event.data;
        standingDecision(this.decisions, this.report, e, d.decisionId, { check: 'hiring', what: `the ${d.action} recorded on contract ${c.terms.contractId}`, adopted: d.action === 'hire' ? 'option' : 'motion' });
        if (d.action === 'renew' && d.addedPeriods) this.shares(e, d.addedPeriods, termHeldBack(parseYuan(c.fee)!, area, months, c.terms.holdBackPercent), `the renewal at ${c.fee}`);
        return;
      }
      case 'DismissalNoticeGiven':
        standingDecision(this.decisions, this.report, e, event.data.decisionId, { check: 'hiring', what: `the dismissal of contract ${c.terms.contractId}`, adopted: 'motion' });
        return;
      case 'FeeStandardChanged': {
        const d = event.data;
        const adjustment = this.adjustments.get(`fee-adjustment-${d.adjustmentId}`);
        if (adjustment?.status !== 'adopted' || adjustment.proposal.contractId !== c.terms.contractId) this.bad(e, `applies fee adjustment ${d.adjustmentId}, which the owners did not adopt for this contract`);
        else if (adjustment.proposal.proposedFee !== d.fee) this.bad(e, `applies a fee of ${d.fee}; the adjustment adopted ${adjustment.proposal.proposedFee}`);
        standingDecision(this.decisions, this.report, e, d.decisionId, { check: 'hiring', what: `the fee change ${d.adjustmentId}`, motionId: feeAdjustmentMotionId(d.adjustmentId), adopted: 'motion' });
        if (d.previousFee !== c.fee) this.bad(e, `changes the fee from ${d.previousFee}; the fee in force was ${c.fee}`);
        const old = c.term?.periods ?? [];
        const unchanged = d.periods.filter((p) => p.from < d.effectiveFrom);
        const changed = d.periods.filter((p) => p.from >= d.effectiveFrom);
        if (unchanged.some((p) => old.find((o) => o.period === p.period)?.heldBack !== p.heldBack) || d.periods.length !== old.length) this.bad(e, `changes quarters that started before ${d.effectiveFrom}`);
        if (changed.length > 0) this.shares(e, changed, termHeldBack(parseYuan(d.fee)!, area, changed.length * 3, c.terms.holdBackPercent), `the new fee ${d.fee} from ${d.effectiveFrom}`);
        return;
      }
      default:
        return;
    }
  }

  private drawn(e: ExportedEvent, d: Extract<ContractEvent, { type: 'ContractDrawn' }>['data']): void {
    const tender = this.tenders.get(`tender-${d.tenderId}`);
    if (!tender || tender.status === 'none') return this.bad(e, `drawn from tender ${d.tenderId}, which the export does not hold`);
    if (d.motionId !== tenderMotionId(d.tenderId) || tender.motionId !== d.motionId) this.bad(e, `drawn on motion ${d.motionId}; the tender was put to the owners as ${tender.motionId ?? 'nothing'}`);
    const decision = standingDecision(this.decisions, this.report, e, d.decisionId, { check: 'hiring', what: `contract ${d.contractId}`, motionId: d.motionId, adopted: 'option' });
    if (decision?.adopted.kind === 'option' && decision.adopted.optionId !== d.firm.firmId) this.bad(e, `drawn with firm ${d.firm.firmId}; decision ${d.decisionId} adopted ${decision.adopted.optionId}`);
    const bid = tender.bids.get(d.firm.firmId)?.revealed;
    if (!bid?.compliant) this.bad(e, `firm ${d.firm.firmId} has no revealed, compliant bid on tender ${d.tenderId}`);
    else {
      const t = bid.terms;
      const drawnTerms = { fee: d.feePerSquareMetreMonth, plan: d.services.servicePlanRef, staffing: d.services.staffing, promises: d.services.promises };
      const bidTerms = { fee: t.feePerSquareMetreMonth, plan: t.servicePlanRef, staffing: t.staffing, promises: t.promises };
      if (canonicalJson(drawnTerms) !== canonicalJson(bidTerms)) this.bad(e, `the contract's terms ${canonicalJson(drawnTerms)} are not the adopted bid's ${canonicalJson(bidTerms)}`);
    }
    const t = tender.tender;
    const announced = { termMonths: t.termMonths, holdBackPercent: t.holdBackPercent, scoreRule: t.scoreRule, yellowLine: t.yellowLine, assessmentTemplate: t.assessmentTemplate, scope: t.scope, standards: t.standards };
    const contract = { termMonths: d.termMonths, holdBackPercent: d.holdBackPercent, scoreRule: d.scoreRule, yellowLine: d.yellowLine, assessmentTemplate: d.assessmentTemplate, scope: d.services.scope, standards: d.services.standards };
    if (canonicalJson(announced) !== canonicalJson(contract)) this.bad(e, `the contract's terms differ from those tender ${d.tenderId} announced`);
    const registered = electorate(this.registry).totalArea;
    if (d.chargeableArea !== registered) this.bad(e, `charges on ${d.chargeableArea} m²; the registry's exclusive area was ${registered} m²`);
    const area = parseArea(d.chargeableArea);
    const fee = parseYuan(d.feePerSquareMetreMonth);
    if (area === null || fee === null) return this.bad(e, 'the fee or the area is not an exact decimal');
    const total = termHeldBack(fee, area, d.termMonths, d.holdBackPercent);
    if (parseYuan(d.heldBackTotal) !== total) this.bad(e, `holds back ${d.heldBackTotal} over the term; ${d.feePerSquareMetreMonth} × ${d.chargeableArea} m² × ${d.termMonths} months × ${d.holdBackPercent}% is ${formatYuan(total)}`);
  }
}
