/**
 * A tender (招标) for the property service: published by the OC (or the body in charge where there is none),
 * sealed bids by commit-reveal (sealedBid.ts), evaluators who declare their conflicts of interest before they
 * score, and the shortlist put to the owners as the options of a choose_one motion.
 */
import { holdsAny } from '../assembly/index.js';
import type { Decider, DecideContext } from '../shared/decider.js';
import { assertNever } from '../shared/decider.js';
import { parseYuan } from '../shared/money.js';
import { periodEnd } from '../time/legalPeriod.js';
import type { TenderCommand } from './commands.js';
import { refuse } from './errors.js';
import type { ShortlistEntry, TenderEvent, TenderPublishedData } from './events.js';
import { DEFAULT_ASSESSMENT_TEMPLATE, DEFAULT_SCORE_RULE, DEFAULT_YELLOW_LINE, HIRING_RULES, PERIOD_MONTHS, type AssessmentItem } from './rules.js';
import { bidCommitment, checkTerms, COMMITMENT_PATTERN, SALT_MIN_LENGTH, type BidTerms } from './sealedBid.js';

/** Who publishes a tender and puts its shortlist to the owners: the OC, or the RC / street office in charge where there is none (京条例 Art. 36; 沪居委条例 Art. 20). */
export const TENDER_OWNERS = ['oc_member', 'rc_staff', 'street_office'];
/** Who may evaluate bids (评标): the OC, the RC, the street office, the supervisory board. Never the firm. */
export const EVALUATORS = ['oc_member', 'rc_staff', 'street_office', 'supervisor'];

export interface BidState {
  readonly commitment: string;
  readonly submittedAt: string;
  readonly revealed: { readonly terms: BidTerms; readonly compliant: boolean; readonly nonCompliance: string | null; readonly revealedAt: string } | null;
}

export type TenderState =
  | { readonly status: 'none' }
  | {
      readonly status: 'published';
      readonly tender: TenderPublishedData;
      readonly bids: ReadonlyMap<string, BidState>;
      readonly declarations: ReadonlyMap<string, readonly string[]>;
      /** `${firmId}\n${evaluatorId}` → weighted score (0–10,000). */
      readonly scores: ReadonlyMap<string, number>;
      readonly motionId: string | null;
      readonly shortlist: readonly ShortlistEntry[];
    };

export type PublishedTender = Extract<TenderState, { status: 'published' }>;

const MAX_TEXT = 10_000;
const validText = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= max;
const isInt = (v: unknown, lo: number, hi: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;

function checkTemplate(items: readonly AssessmentItem[]): string | null {
  if (items.length === 0 || items.length > 50) return 'an assessment template has 1 to 50 items';
  if (new Set(items.map((i) => i.itemId)).size !== items.length) return 'assessment item ids are unique';
  if (!items.every((i) => validText(i.itemId, 100) && validText(i.name, 200) && isInt(i.points, 1, 100))) return 'each item has an id, a name and whole points';
  if (items.reduce((s, i) => s + i.points, 0) !== 100) return 'the items of an assessment template sum to 100 points';
  return null;
}

/** Average weighted score per compliant, revealed and scored bid, best first (exact: compared by cross-multiplication). */
export function rankedBids(state: PublishedTender): { firmId: string; fee: string; weightedSum: number; evaluations: number }[] {
  const rows: { firmId: string; fee: string; weightedSum: number; evaluations: number }[] = [];
  for (const [firmId, bid] of state.bids) {
    if (!bid.revealed?.compliant) continue;
    let sum = 0;
    let n = 0;
    for (const [key, w] of state.scores) if (key.startsWith(`${firmId}\n`)) (sum += w), n++;
    if (n > 0) rows.push({ firmId, fee: bid.revealed.terms.feePerSquareMetreMonth, weightedSum: sum, evaluations: n });
  }
  return rows.sort((a, b) => b.weightedSum * a.evaluations - a.weightedSum * b.evaluations || a.firmId.localeCompare(b.firmId));
}

/** The best `size` bids, or why not: the reveal window must have closed, and no exact tie may straddle the cut. */
export function shortlistOf(state: PublishedTender, size: number, now: Date, names: ReadonlyMap<string, string>): ShortlistEntry[] | ReturnType<typeof refuse> {
  if (now.getTime() < Date.parse(state.tender.revealUntil)) return refuse('shortlist_not_ready', `bids may be revealed until ${state.tender.revealUntil}`);
  const ranked = rankedBids(state);
  if (ranked.length < size) return refuse('shortlist_not_ready', `${ranked.length} compliant scored bid(s); the shortlist needs ${size}`);
  const last = ranked[size - 1]!;
  const next = ranked[size];
  if (next && next.weightedSum * last.evaluations === last.weightedSum * next.evaluations)
    return refuse('shortlist_tie', `${last.firmId} and ${next.firmId} tie at the cut; shortlist more or score again`);
  return ranked.slice(0, size).map((r) => ({ firmId: r.firmId, name: names.get(r.firmId) ?? r.firmId, feePerSquareMetreMonth: r.fee, weightedSum: r.weightedSum, evaluations: r.evaluations }));
}

export const tenderDecider: Decider<TenderState, TenderCommand, TenderEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve(state, event) {
    if (event.type === 'TenderPublished')
      return { status: 'published', tender: event.data, bids: new Map(), declarations: new Map(), scores: new Map(), motionId: null, shortlist: [] };
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'BidSubmitted':
        return { ...state, bids: new Map([...state.bids, [event.data.firmId, { commitment: event.data.commitment, submittedAt: event.data.submittedAt, revealed: null }]]) };
      case 'BidRevealed': {
        const bid = state.bids.get(event.data.firmId)!;
        const { terms, compliant, nonCompliance, revealedAt } = event.data;
        return { ...state, bids: new Map([...state.bids, [event.data.firmId, { ...bid, revealed: { terms, compliant, nonCompliance, revealedAt } }]]) };
      }
      case 'ConflictsDeclared':
        return { ...state, declarations: new Map([...state.declarations, [event.data.evaluatorId, event.data.conflicts]]) };
      case 'BidScored':
        return { ...state, scores: new Map([...state.scores, [`${event.data.firmId}\n${event.data.evaluatorId}`, event.data.weighted]]) };
      case 'TenderPutToOwners':
        return { ...state, motionId: event.data.motionId, shortlist: event.data.shortlist };
      default:
        return assertNever(event);
    }
  },
  decide(command, state, ctx: DecideContext) {
    const now = ctx.now.toISOString();
    if (command.type === 'PublishTender') {
      if (!holdsAny(command.by, TENDER_OWNERS)) return refuse('not_entitled', 'a tender is published by the OC, or the RC or street office in its place');
      if (state.status !== 'none') return refuse('invalid_tender', 'this tender exists');
      const c = command.data;
      if (!validText(c.title, 200) || !validText(c.scope) || !validText(c.standards)) return refuse('invalid_tender', 'title, scope and standards are required');
      const ceiling = parseYuan(c.feeCeiling);
      if (ceiling === null || ceiling <= 0n) return refuse('invalid_tender', 'feeCeiling is a positive yuan amount per m² per month');
      if (!isInt(c.termMonths, PERIOD_MONTHS, 120) || c.termMonths % PERIOD_MONTHS !== 0) return refuse('invalid_tender', 'termMonths is a whole number of quarters, 3 to 120');
      const deadline = Date.parse(c.bidDeadline);
      if (!Number.isFinite(deadline) || deadline <= ctx.now.getTime()) return refuse('invalid_tender', 'bidDeadline is an instant in the future');
      const revealDays = c.revealDays ?? HIRING_RULES.revealDays.days;
      if (!isInt(revealDays, 1, 30)) return refuse('invalid_tender', 'revealDays is 1 to 30');
      if (c.criteria.length === 0 || c.criteria.length > 20 || new Set(c.criteria.map((x) => x.criterionId)).size !== c.criteria.length)
        return refuse('invalid_tender', '1 to 20 criteria with unique ids');
      if (!c.criteria.every((x) => validText(x.criterionId, 100) && validText(x.name, 200) && isInt(x.weight, 1, 100)))
        return refuse('invalid_tender', 'each criterion has an id, a name and a whole weight');
      if (c.criteria.reduce((s, x) => s + x.weight, 0) !== 100) return refuse('invalid_tender', 'the criteria weights sum to 100');
      if (!isInt(c.holdBackPercent, 0, 100)) return refuse('invalid_tender', 'holdBackPercent is a whole percentage, 0 to 100');
      const scoreRule = c.scoreRule ?? DEFAULT_SCORE_RULE;
      if (!isInt(scoreRule.noneBelow, 0, 100) || !isInt(scoreRule.fullAt, scoreRule.noneBelow, 100)) return refuse('invalid_tender', 'scoreRule: 0 ≤ noneBelow ≤ fullAt ≤ 100');
      const yellowLine = c.yellowLine ?? DEFAULT_YELLOW_LINE;
      if (!isInt(yellowLine, 0, 100)) return refuse('invalid_tender', 'yellowLine is 0 to 100');
      const assessmentTemplate = c.assessmentTemplate ?? DEFAULT_ASSESSMENT_TEMPLATE;
      const templateProblem = checkTemplate(assessmentTemplate);
      if (templateProblem) return refuse('invalid_tender', templateProblem);
      const revealUntil = periodEnd(new Date(deadline), revealDays).toISOString();
      return [
        {
          type: 'TenderPublished',
          data: {
            tenderId: c.tenderId,
            compoundId: c.compoundId,
            jurisdiction: c.jurisdiction,
            title: c.title.trim(),
            scope: c.scope,
            standards: c.standards,
            feeCeiling: c.feeCeiling,
            termMonths: c.termMonths,
            bidDeadline: new Date(deadline).toISOString(),
            revealUntil,
            criteria: c.criteria.map((x) => ({ criterionId: x.criterionId, name: x.name, weight: x.weight })),
            holdBackPercent: c.holdBackPercent,
            scoreRule: { fullAt: scoreRule.fullAt, noneBelow: scoreRule.noneBelow },
            yellowLine,
            assessmentTemplate: assessmentTemplate.map((i) => ({ itemId: i.itemId, name: i.name, points: i.points })),
            publishedAt: now,
          },
        },
      ];
    }
    if (state.status === 'none') return refuse('tender_not_found', 'no such tender');
    const { tenderId, compoundId } = state.tender;
    const deadlinePassed = ctx.now.getTime() >= Date.parse(state.tender.bidDeadline);
    switch (command.type) {
      case 'SubmitBid': {
        // The firm's agency was checked by the service (firm.ts isFirmAgent).
        if (!holdsAny(command.by, ['property_firm'])) return refuse('not_entitled', 'bids come from a person acting for a firm');
        if (deadlinePassed) return refuse('bid_after_deadline', `bids closed at ${state.tender.bidDeadline}`, { bidDeadline: state.tender.bidDeadline });
        if (state.bids.has(command.data.firmId)) return refuse('bid_already_submitted', 'this firm has bid');
        if (!COMMITMENT_PATTERN.test(command.data.commitment)) return refuse('invalid_bid', 'commitment is the lowercase hex SHA-256 of the sealed terms (sealedBid.ts)');
        return [{ type: 'BidSubmitted', data: { tenderId, compoundId, firmId: command.data.firmId, commitment: command.data.commitment, submittedAt: now } }];
      }
      case 'RevealBid': {
        if (!holdsAny(command.by, ['property_firm'])) return refuse('not_entitled', 'the firm reveals its own bid');
        const bid = state.bids.get(command.data.firmId);
        if (!bid) return refuse('bid_not_found', 'this firm has no bid');
        // Revealing before the deadline would put the terms in the log while bids are sealed.
        if (!deadlinePassed) return refuse('reveal_before_deadline', `bids are sealed until ${state.tender.bidDeadline}`);
        if (ctx.now.getTime() >= Date.parse(state.tender.revealUntil)) return refuse('reveal_window_closed', `reveals closed at ${state.tender.revealUntil}`);
        if (bid.revealed) return refuse('bid_already_revealed', 'this bid is revealed');
        const terms = checkTerms(command.data.terms);
        if (typeof terms === 'string') return refuse('invalid_reveal', terms);
        if (typeof command.data.salt !== 'string' || command.data.salt.length < SALT_MIN_LENGTH || command.data.salt.length > 200)
          return refuse('invalid_reveal', `the salt is ${SALT_MIN_LENGTH} to 200 characters`);
        if (bidCommitment(tenderId, command.data.firmId, terms, command.data.salt) !== bid.commitment)
          return refuse('reveal_mismatch', 'the terms and salt do not hash to the commitment submitted before the deadline');
        const overCeiling = parseYuan(terms.feePerSquareMetreMonth)! > parseYuan(state.tender.feeCeiling)!;
        return [
          {
            type: 'BidRevealed',
            data: { tenderId, compoundId, firmId: command.data.firmId, terms, salt: command.data.salt, revealedAt: now, compliant: !overCeiling, nonCompliance: overCeiling ? 'over_fee_ceiling' : null },
          },
        ];
      }
      case 'DeclareConflicts': {
        if (!holdsAny(command.by, EVALUATORS)) return refuse('not_entitled', 'evaluators are OC, RC, street-office or supervisory-board members');
        if (state.declarations.has(command.by.personId)) return refuse('already_declared', 'this evaluator has declared');
        if (command.data.conflicts.length > 100) return refuse('invalid_score', 'too many conflicts');
        return [{ type: 'ConflictsDeclared', data: { tenderId, compoundId, evaluatorId: command.by.personId, conflicts: [...new Set(command.data.conflicts)], declaredAt: now } }];
      }
      case 'ScoreBid': {
        if (!holdsAny(command.by, EVALUATORS)) return refuse('not_entitled', 'evaluators are OC, RC, street-office or supervisory-board members');
        const declared = state.declarations.get(command.by.personId);
        if (!declared) return refuse('declaration_required', 'declare conflicts of interest before scoring');
        if (declared.includes(command.data.firmId)) return refuse('conflict_of_interest', 'this evaluator declared an interest in this firm');
        const bid = state.bids.get(command.data.firmId);
        if (!bid) return refuse('bid_not_found', 'this firm has no bid');
        if (!bid.revealed) return refuse('tender_still_sealed', 'the bid is not revealed');
        if (!bid.revealed.compliant) return refuse('bid_not_compliant', `the bid is not compliant: ${bid.revealed.nonCompliance}`);
        if (state.scores.has(`${command.data.firmId}\n${command.by.personId}`)) return refuse('already_scored', 'this evaluator scored this bid');
        const criteria = state.tender.criteria;
        const keys = Object.keys(command.data.scores);
        if (keys.length !== criteria.length || !criteria.every((c) => isInt(command.data.scores[c.criterionId], 0, 100)))
          return refuse('invalid_score', 'a whole score 0–100 for every criterion, and nothing else', { criteria: criteria.map((c) => c.criterionId) });
        const weighted = criteria.reduce((s, c) => s + c.weight * command.data.scores[c.criterionId]!, 0);
        const scores = Object.fromEntries(criteria.map((c) => [c.criterionId, command.data.scores[c.criterionId]!]));
        return [{ type: 'BidScored', data: { tenderId, compoundId, firmId: command.data.firmId, evaluatorId: command.by.personId, scores, weighted, scoredAt: now } }];
      }
      case 'PutToOwners': {
        if (!holdsAny(command.by, TENDER_OWNERS)) return refuse('not_entitled', 'the OC puts the shortlist to the owners');
        if (state.motionId !== null) return refuse('already_put_to_owners', `motion ${state.motionId} has the shortlist`);
        return [{ type: 'TenderPutToOwners', data: { tenderId, compoundId, motionId: command.data.motionId, shortlist: [...command.data.shortlist], at: now } }];
      }
      default:
        return assertNever(command as never);
    }
  },
};
