/**
 * The property-service contract (物业服务合同, Civil Code Arts. 937–950): drawn from the adopted bid, signed by
 * the OC, assessed every quarter (held-back fees released by score, 湖州 Art. 34; yellow and red cards, Qingdao
 * practice), renewed or ended (Arts. 946–948), handed over (Arts. 949–950). Also the complaints the firm
 * answers (杭条例 Art. 50) and its disclosures (Art. 943).
 */
import { holdsAny } from '../assembly/index.js';
import { parseArea } from '../shared/area.js';
import type { Decider, DecideContext } from '../shared/decider.js';
import { assertNever } from '../shared/decider.js';
import { formatYuan, parseYuan } from '../shared/money.js';
import { addDays, chinaDateOf, chinaDayNumber, parseChinaDate, periodEnd, startOfChinaDay } from '../time/legalPeriod.js';
import type { ContractCommand } from './commands.js';
import { addMonths, endOfChinaDay, isChinaDate, termLastDay } from './dates.js';
import { refuse } from './errors.js';
import { DISCLOSURE_KINDS, type ContractDrawnData, type ContractEvent, type PeriodTerms } from './events.js';
import { periodShares, releaseFor, termHeldBack } from './holdBack.js';
import { HANDOVER_DAYS, HANDOVER_ITEMS, HIRING_RULES, PERIOD_MONTHS, type HandoverItem } from './rules.js';

export interface AssessmentState {
  readonly total: number;
  readonly confirmed: boolean;
}

export interface ContractFacts {
  readonly terms: ContractDrawnData;
  /** Set at signing. */
  readonly term: { readonly startsOn: string; readonly lastDay: string; readonly expiresAt: string; readonly periods: readonly PeriodTerms[] } | null;
  readonly managerReported: boolean;
  readonly assessments: ReadonlyMap<number, AssessmentState>;
  readonly yellowCards: readonly { readonly period: number; readonly year: number; readonly rectified: boolean }[];
  readonly redCardYears: readonly number[];
  readonly renewalDecision: 'renew' | 'hire' | 'dismiss' | null;
  readonly nonRenewalNotice: boolean;
  readonly dismissalNotice: boolean;
  /** When a notice period ends the service (dismissal, or a notice on an indefinite contract). */
  readonly endsAt: string | null;
  readonly ended: { readonly endedAt: string; readonly items: readonly HandoverItem[] } | null;
  readonly confirmedItems: readonly HandoverItem[];
  readonly takenOver: boolean;
  readonly complaints: ReadonlyMap<string, { readonly answerDueBy: string; readonly answered: boolean }>;
  readonly disclosures: readonly number[];
  /** The fee standard in force (yuan per m² per month): the bid's, then each adopted adjustment's. */
  readonly fee: string;
  readonly appliedAdjustments: readonly string[];
}

export type ContractState =
  | { readonly status: 'none' }
  | ({ readonly status: 'drawn' | 'signed' | 'indefinite' | 'ended' } & ContractFacts);

type Live = Exclude<ContractState, { status: 'none' }>;

/** The firm serves (and is assessed, complained to, discloses) while the contract is signed or indefinite, and until takeover (Art. 950). */
const serving = (s: Live): boolean => s.status === 'signed' || s.status === 'indefinite' || (s.status === 'ended' && !s.takenOver);

/** Contract years of four quarters: a yellow card counts in the year of its period. */
export const contractYear = (period: number): number => Math.ceil(period / (12 / PERIOD_MONTHS));

/** Whole days from the China day of `at` to the China day the term ends at (24:00 of the last day). */
export const daysBeforeExpiry = (at: Date, expiresAt: string): number => chinaDayNumber(new Date(expiresAt)) - chinaDayNumber(at);

function periodsOf(startsOn: string, months: number, heldBackTotal: string, numberedAfter = 0): PeriodTerms[] {
  const n = months / PERIOD_MONTHS;
  const shares = periodShares(parseYuan(heldBackTotal)!, n);
  return shares.map((share, i) => ({
    period: numberedAfter + i + 1,
    from: addMonths(startsOn, i * PERIOD_MONTHS),
    to: addDays(addMonths(startsOn, (i + 1) * PERIOD_MONTHS), -1),
    heldBack: formatYuan(share),
  }));
}

export const contractDecider: Decider<ContractState, ContractCommand, ContractEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve(state, event) {
    if (event.type === 'ContractDrawn')
      return {
        status: 'drawn',
        terms: event.data,
        term: null,
        managerReported: false,
        assessments: new Map(),
        yellowCards: [],
        redCardYears: [],
        renewalDecision: null,
        nonRenewalNotice: false,
        dismissalNotice: false,
        endsAt: null,
        ended: null,
        confirmedItems: [],
        takenOver: false,
        complaints: new Map(),
        disclosures: [],
        fee: event.data.feePerSquareMetreMonth,
        appliedAdjustments: [],
      };
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'ContractSigned':
        return { ...state, status: 'signed', term: { startsOn: event.data.startsOn, lastDay: event.data.lastDay, expiresAt: event.data.expiresAt, periods: event.data.periods } };
      case 'PreContractEnded':
        return state;
      case 'ProjectManagerReported':
        return { ...state, managerReported: true };
      case 'AssessmentScored':
        return { ...state, assessments: new Map([...state.assessments, [event.data.period, { total: event.data.total, confirmed: false }]]) };
      case 'AssessmentConfirmed':
        return { ...state, assessments: new Map([...state.assessments, [event.data.period, { total: event.data.total, confirmed: true }]]) };
      case 'HeldBackFeesReleased':
        return state;
      case 'YellowCardIssued':
        return { ...state, yellowCards: [...state.yellowCards, { period: event.data.period, year: event.data.year, rectified: false }] };
      case 'RedCardIssued':
        return { ...state, redCardYears: [...state.redCardYears, event.data.year] };
      case 'RectificationReported':
        return { ...state, yellowCards: state.yellowCards.map((y) => (y.period === event.data.period ? { ...y, rectified: true } : y)) };
      case 'RenewalDecisionRecorded': {
        const renewed =
          event.data.newLastDay && event.data.newExpiresAt && state.term
            ? { ...state.term, lastDay: event.data.newLastDay, expiresAt: event.data.newExpiresAt, periods: [...state.term.periods, ...(event.data.addedPeriods ?? [])] }
            : state.term;
        // A renewal starts a new term whose own renew-or-replace decision is still to come (older events kept the first decision).
        const decision = event.data.action === 'renew' && event.data.addedPeriods ? null : event.data.action;
        return { ...state, renewalDecision: decision, term: renewed };
      }
      case 'FeeStandardChanged':
        return { ...state, fee: event.data.fee, appliedAdjustments: [...state.appliedAdjustments, event.data.adjustmentId], term: state.term ? { ...state.term, periods: event.data.periods } : state.term };
      case 'NonRenewalNoticeGiven':
        return { ...state, nonRenewalNotice: true, endsAt: state.status === 'indefinite' ? event.data.endsAt : state.endsAt };
      case 'DismissalNoticeGiven':
        return { ...state, dismissalNotice: true, endsAt: event.data.endsAt };
      case 'ContractBecameIndefinite':
        return { ...state, status: 'indefinite' };
      case 'ServiceEnded':
        return { ...state, status: 'ended', ended: { endedAt: event.data.endedAt, items: event.data.items } };
      case 'HandoverItemConfirmed':
        return { ...state, confirmedItems: [...state.confirmedItems, event.data.item] };
      case 'TakeoverRecorded':
        return { ...state, takenOver: true };
      case 'ComplaintFiled':
        return { ...state, complaints: new Map([...state.complaints, [event.data.complaintId, { answerDueBy: event.data.answerDueBy, answered: false }]]) };
      case 'ComplaintAnswered': {
        const c = state.complaints.get(event.data.complaintId)!;
        return { ...state, complaints: new Map([...state.complaints, [event.data.complaintId, { ...c, answered: true }]]) };
      }
      case 'DisclosureFiled':
        return { ...state, disclosures: [...state.disclosures, event.data.period] };
      default:
        return assertNever(event);
    }
  },
  decide(command, state, ctx: DecideContext) {
    const now = ctx.now.toISOString();
    if (command.type === 'DrawContract') {
      if (!holdsAny(command.by, ['system'])) return refuse('not_entitled', 'the server draws the contract from the owners\u2019 final decision');
      if (state.status !== 'none') return refuse('contract_already_drawn', 'this tender has its contract');
      const t = command.data.tender;
      const area = parseArea(command.data.chargeableArea);
      if (area === null || area <= 0n) return refuse('invalid_contract', 'the chargeable area is positive');
      const heldBackTotal = termHeldBack(parseYuan(command.data.terms.feePerSquareMetreMonth)!, area, t.termMonths, t.holdBackPercent);
      const handover = HANDOVER_DAYS[t.jurisdiction];
      return [
        {
          type: 'ContractDrawn',
          data: {
            contractId: command.data.contractId,
            tenderId: t.tenderId,
            compoundId: t.compoundId,
            jurisdiction: t.jurisdiction,
            motionId: command.data.motionId,
            decisionId: command.data.decisionId,
            firm: { ...command.data.firm },
            feePerSquareMetreMonth: command.data.terms.feePerSquareMetreMonth,
            chargeableArea: command.data.chargeableArea,
            termMonths: t.termMonths,
            services: { scope: t.scope, standards: t.standards, servicePlanRef: command.data.terms.servicePlanRef, staffing: command.data.terms.staffing, promises: [...command.data.terms.promises] },
            holdBackPercent: t.holdBackPercent,
            heldBackTotal: formatYuan(heldBackTotal),
            scoreRule: t.scoreRule,
            yellowLine: t.yellowLine,
            assessmentTemplate: t.assessmentTemplate,
            nonRenewalNoticeDays: HIRING_RULES.nonRenewalNoticeDays.days,
            dismissalNoticeDays: HIRING_RULES.dismissalNoticeDays.days,
            handover: { days: handover.days, article: handover.article, items: [...HANDOVER_ITEMS] },
            drawnAt: now,
          },
        },
      ];
    }
    if (state.status === 'none') return refuse('contract_not_found', 'no such contract');
    const { contractId, compoundId } = state.terms;
    const needsSigned = () => (state.term === null ? refuse('contract_not_signed', 'the contract is not signed') : null);
    switch (command.type) {
      case 'SignContract': {
        if (!holdsAny(command.by, ['oc_member'])) return refuse('not_entitled', 'the OC signs the contract (Civil Code Art. 939)');
        if (state.status !== 'drawn') return refuse('contract_already_signed', 'the contract is signed');
        if (!isChinaDate(command.data.startsOn) || parseChinaDate(command.data.startsOn)! < chinaDayNumber(ctx.now)) return refuse('invalid_contract', 'startsOn is a date, today or later');
        if (typeof command.data.documentRef !== 'string' || command.data.documentRef.trim() === '') return refuse('invalid_contract', 'documentRef names the signed document');
        const months = state.terms.termMonths;
        const lastDay = termLastDay(command.data.startsOn, months);
        const expiresAt = endOfChinaDay(lastDay);
        // 京条例 Art. 75: 6 months before the term ends.
        const renewalDecisionDueBy = startOfChinaDay(parseChinaDate(addMonths(addDays(lastDay, 1), -HIRING_RULES.renewalDecisionMonthsBefore.months))!);
        // 京条例 Art. 66: within 3 days of taking up the post (the term's first day), counted from the next day (Civil Code Art. 201).
        const managerReportDueBy = periodEnd(startOfChinaDay(parseChinaDate(command.data.startsOn)!), HIRING_RULES.managerReportDays.days);
        return [
          {
            type: 'ContractSigned',
            data: {
              contractId,
              compoundId,
              signedAt: now,
              documentRef: command.data.documentRef,
              startsOn: command.data.startsOn,
              lastDay,
              expiresAt: expiresAt.toISOString(),
              periods: periodsOf(command.data.startsOn, months, state.terms.heldBackTotal),
              managerReportDueBy: managerReportDueBy.toISOString(),
              renewalDecisionDueBy: renewalDecisionDueBy.toISOString(),
            },
          },
          // Civil Code Art. 940: the committee's contract taking effect ends the developer's pre-contract.
          { type: 'PreContractEnded', data: { contractId, compoundId, endedAt: now, article: 'Civil Code Art. 940' } },
        ];
      }
      case 'ReportProjectManager': {
        const unsigned = needsSigned();
        if (unsigned) return unsigned;
        if (!holdsAny(command.by, ['property_firm'])) return refuse('not_entitled', 'the firm reports its project manager');
        if (state.managerReported) return refuse('already_reported', 'the project manager has reported');
        return [{ type: 'ProjectManagerReported', data: { contractId, compoundId, reportedAt: now, reference: command.data.reference } }];
      }
      case 'ScoreAssessment': {
        const unsigned = needsSigned();
        if (unsigned) return unsigned;
        if (!holdsAny(command.by, ['oc_member'])) return refuse('not_entitled', 'the OC scores the assessment');
        const period = state.term!.periods.find((p) => p.period === command.data.period);
        if (!period) return refuse('period_not_in_term', `periods are 1 to ${state.term!.periods.length}`);
        if (ctx.now.getTime() < endOfChinaDay(period.to).getTime()) return refuse('period_not_in_term', `period ${period.period} runs until ${period.to}`);
        if (state.assessments.has(command.data.period)) return refuse('assessment_already_recorded', 'this period is assessed');
        const template = state.terms.assessmentTemplate;
        const given = new Map(command.data.items.map((i) => [i.itemId, i.score]));
        if (given.size !== command.data.items.length || given.size !== template.length || !template.every((i) => Number.isInteger(given.get(i.itemId)) && given.get(i.itemId)! >= 0 && given.get(i.itemId)! <= i.points))
          return refuse('invalid_assessment', 'a whole score from 0 to its points for every item of the template, and nothing else', { template });
        const items = template.map((i) => ({ itemId: i.itemId, score: given.get(i.itemId)! }));
        const total = items.reduce((s, i) => s + i.score, 0);
        return [{ type: 'AssessmentScored', data: { contractId, compoundId, period: command.data.period, items, total, scoredAt: now } }];
      }
      case 'ConfirmAssessment': {
        if (!holdsAny(command.by, ['rc_staff'])) return refuse('not_entitled', 'the residents\u2019 committee countersigns the OC\u2019s assessment');
        const assessment = state.assessments.get(command.data.period);
        if (!assessment) return refuse('assessment_not_found', 'this period is not scored');
        if (assessment.confirmed) return refuse('assessment_already_confirmed', 'this assessment is confirmed');
        const period = state.term!.periods.find((p) => p.period === command.data.period)!;
        const score = assessment.total;
        const release = releaseFor(parseYuan(period.heldBack)!, score, state.terms.scoreRule);
        const events: ContractEvent[] = [
          { type: 'AssessmentConfirmed', data: { contractId, compoundId, period: command.data.period, total: score, confirmedAt: now } },
          {
            type: 'HeldBackFeesReleased',
            data: {
              contractId,
              compoundId,
              firmId: state.terms.firm.firmId,
              period: command.data.period,
              score,
              band: release.band,
              heldBack: period.heldBack,
              released: formatYuan(release.released),
              withheld: formatYuan(release.withheld),
              rule: state.terms.scoreRule,
              article: '湖州 Art. 34',
              at: now,
            },
          },
        ];
        if (score < state.terms.yellowLine) {
          const year = contractYear(command.data.period);
          const rectifyBy = periodEnd(ctx.now, HIRING_RULES.rectificationDays.days).toISOString();
          events.push({ type: 'YellowCardIssued', data: { contractId, compoundId, period: command.data.period, year, score, line: state.terms.yellowLine, rectifyBy, issuedAt: now } });
          const sameYear = [...state.yellowCards.filter((y) => y.year === year).map((y) => y.period), command.data.period];
          if (sameYear.length >= HIRING_RULES.yellowCardsForRed.count && !state.redCardYears.includes(year))
            events.push({ type: 'RedCardIssued', data: { contractId, compoundId, year, periods: sameYear, issuedAt: now } });
        }
        return events;
      }
      case 'ReportRectification': {
        if (!holdsAny(command.by, ['property_firm'])) return refuse('not_entitled', 'the firm reports its rectification');
        const card = state.yellowCards.find((y) => y.period === command.data.period);
        if (!card) return refuse('assessment_not_found', 'no yellow card for this period');
        if (card.rectified) return refuse('already_reported', 'the rectification is reported');
        return [{ type: 'RectificationReported', data: { contractId, compoundId, period: command.data.period, reportedAt: now, reference: command.data.reference } }];
      }
      case 'RecordRenewalDecision': {
        const unsigned = needsSigned();
        if (unsigned) return unsigned;
        if (!holdsAny(command.by, ['oc_member', 'system'])) return refuse('not_entitled', 'the OC records the owners\u2019 renewal decision');
        if (state.status === 'ended') return refuse('contract_ended', 'the contract has ended');
        if (state.renewalDecision !== null) return refuse('notice_already_given', 'a renewal decision is recorded');
        // Civil Code Art. 947 para. 1: a renewal is on the contract's terms for another term.
        if (command.data.action !== 'renew')
          return [{ type: 'RenewalDecisionRecorded', data: { contractId, compoundId, decisionId: command.data.decisionId, action: command.data.action, recordedAt: now, newLastDay: null, newExpiresAt: null } }];
        const firstDay = addDays(state.term!.lastDay, 1);
        const newLastDay = termLastDay(firstDay, state.terms.termMonths);
        // The new term is assessed quarter by quarter like the first, its held-back fees from the fee in force (湖州 Art. 34).
        const held = termHeldBack(parseYuan(state.fee)!, parseArea(state.terms.chargeableArea)!, state.terms.termMonths, state.terms.holdBackPercent);
        const addedPeriods = periodsOf(firstDay, state.terms.termMonths, formatYuan(held), state.term!.periods.length);
        // 京条例 Art. 75: the new term's renew-or-replace decision, 6 months before it ends.
        const renewalDecisionDueBy = startOfChinaDay(parseChinaDate(addMonths(addDays(newLastDay, 1), -HIRING_RULES.renewalDecisionMonthsBefore.months))!).toISOString();
        return [
          {
            type: 'RenewalDecisionRecorded',
            data: { contractId, compoundId, decisionId: command.data.decisionId, action: command.data.action, recordedAt: now, newLastDay, newExpiresAt: endOfChinaDay(newLastDay).toISOString(), addedPeriods, renewalDecisionDueBy },
          },
        ];
      }
      case 'GiveNonRenewalNotice': {
        const unsigned = needsSigned();
        if (unsigned) return unsigned;
        if (!holdsAny(command.by, ['property_firm'])) return refuse('not_entitled', 'the firm gives its notice');
        if (state.status === 'ended') return refuse('contract_ended', 'the contract has ended');
        if (state.nonRenewalNotice) return refuse('notice_already_given', 'the firm has given notice');
        if (typeof command.data.documentRef !== 'string' || command.data.documentRef.trim() === '') return refuse('invalid_notice', 'a written notice has its document reference');
        if (state.status === 'indefinite') {
          // Civil Code Art. 948 para. 2: either side ends an indefinite contract on 60 days' written notice.
          const days = HIRING_RULES.indefiniteNoticeDays.days;
          return [
            {
              type: 'NonRenewalNoticeGiven',
              data: { contractId, compoundId, givenAt: now, documentRef: command.data.documentRef, daysBefore: null, requiredDays: days, late: false, endsAt: periodEnd(ctx.now, days).toISOString(), article: HIRING_RULES.indefiniteNoticeDays.article },
            },
          ];
        }
        // Civil Code Art. 947 para. 2: 90 days before expiry. A shorter notice is recorded as late, not refused: the
        // firm cannot be made to renew (Art. 947 gives the owners no such right), so the notice still has its
        // effect at expiry; its lateness is the breach, on the record with its shortfall, the basis of the owners'
        // claim for the loss (Art. 577), and the firm serves on until the successor takes over (Art. 950).
        const required = state.terms.nonRenewalNoticeDays;
        const daysBefore = daysBeforeExpiry(ctx.now, state.term!.expiresAt);
        if (daysBefore <= 0) return refuse('invalid_notice', 'the term has expired; the contract is indefinite or ended');
        return [
          {
            type: 'NonRenewalNoticeGiven',
            data: { contractId, compoundId, givenAt: now, documentRef: command.data.documentRef, daysBefore, requiredDays: required, late: daysBefore < required, endsAt: state.term!.expiresAt, article: HIRING_RULES.nonRenewalNoticeDays.article },
          },
        ];
      }
      case 'GiveDismissalNotice': {
        const unsigned = needsSigned();
        if (unsigned) return unsigned;
        if (!holdsAny(command.by, ['oc_member'])) return refuse('not_entitled', 'the OC serves the owners\u2019 dismissal notice');
        if (state.status === 'ended') return refuse('contract_ended', 'the contract has ended');
        if (state.dismissalNotice) return refuse('notice_already_given', 'the dismissal notice is given');
        if (typeof command.data.documentRef !== 'string' || command.data.documentRef.trim() === '') return refuse('invalid_notice', 'a written notice has its document reference');
        const rule = state.status === 'indefinite' ? HIRING_RULES.indefiniteNoticeDays : { days: state.terms.dismissalNoticeDays, article: HIRING_RULES.dismissalNoticeDays.article };
        return [
          {
            type: 'DismissalNoticeGiven',
            data: { contractId, compoundId, decisionId: command.data.decisionId, givenAt: now, documentRef: command.data.documentRef, days: rule.days, endsAt: periodEnd(ctx.now, rule.days).toISOString(), article: rule.article },
          },
        ];
      }
      case 'ExpireContract': {
        if (!holdsAny(command.by, ['system'])) return refuse('not_entitled', 'the server marks the end of the term');
        if (state.status !== 'signed' || ctx.now.getTime() < Date.parse(state.term!.expiresAt)) return [];
        if (state.nonRenewalNotice || state.renewalDecision === 'hire' || state.renewalDecision === 'dismiss')
          return [ended(state, ctx.now, state.nonRenewalNotice ? 'not_renewed' : 'expired')];
        // Civil Code Art. 948 para. 1: neither a decision nor a notice, and the firm serves on: an indefinite contract.
        return [{ type: 'ContractBecameIndefinite', data: { contractId, compoundId, at: now, article: 'Civil Code Art. 948' } }];
      }
      case 'EndService': {
        if (!holdsAny(command.by, ['system'])) return refuse('not_entitled', 'the server ends the service when the notice has run');
        if (state.status === 'ended' || state.endsAt === null || ctx.now.getTime() < Date.parse(state.endsAt)) return [];
        return [ended(state, ctx.now, state.dismissalNotice ? 'dismissed' : 'not_renewed')];
      }
      case 'ConfirmHandoverItem': {
        if (!holdsAny(command.by, ['oc_member'])) return refuse('not_entitled', 'the OC confirms what it received');
        if (!state.ended) return refuse('handover_not_started', 'the service has not ended');
        if (!state.ended.items.includes(command.data.item)) return refuse('handover_item_not_found', `items: ${state.ended.items.join(', ')}`);
        if (state.confirmedItems.includes(command.data.item)) return refuse('item_already_confirmed', 'this item is confirmed');
        if (typeof command.data.evidenceRef !== 'string' || command.data.evidenceRef.trim() === '') return refuse('invalid_notice', 'evidenceRef names the handover record');
        return [{ type: 'HandoverItemConfirmed', data: { contractId, compoundId, item: command.data.item, confirmedAt: now, evidenceRef: command.data.evidenceRef } }];
      }
      case 'RecordTakeover': {
        if (!holdsAny(command.by, ['oc_member'])) return refuse('not_entitled', 'the OC records the takeover');
        if (!state.ended) return refuse('handover_not_started', 'the service has not ended');
        if (state.takenOver) return refuse('item_already_confirmed', 'the takeover is recorded');
        return [{ type: 'TakeoverRecorded', data: { contractId, compoundId, at: now, successor: command.data.successor } }];
      }
      case 'FileComplaint': {
        if (!holdsAny(command.by, ['owner', 'oc_member', 'rc_staff'])) return refuse('not_entitled', 'owners complain to the firm');
        if (!serving(state) || state.term === null) return refuse('contract_ended', 'the firm is not serving');
        if (state.complaints.has(command.data.complaintId)) return refuse('invalid_complaint', 'this complaint exists');
        if (typeof command.data.subject !== 'string' || command.data.subject.trim() === '' || command.data.subject.length > 2000) return refuse('invalid_complaint', 'subject is 1 to 2000 characters');
        // 杭条例 Art. 50: answered within 10 days of receipt.
        const answerDueBy = periodEnd(ctx.now, HIRING_RULES.complaintAnswerDays.days).toISOString();
        return [{ type: 'ComplaintFiled', data: { contractId, compoundId, complaintId: command.data.complaintId, subject: command.data.subject, filedAt: now, answerDueBy } }];
      }
      case 'AnswerComplaint': {
        if (!holdsAny(command.by, ['property_firm'])) return refuse('not_entitled', 'the firm answers');
        const complaint = state.complaints.get(command.data.complaintId);
        if (!complaint) return refuse('complaint_not_found', 'no such complaint');
        if (complaint.answered) return refuse('complaint_already_answered', 'this complaint is answered');
        if (typeof command.data.answer !== 'string' || command.data.answer.trim() === '' || command.data.answer.length > 5000) return refuse('invalid_complaint', 'answer is 1 to 5000 characters');
        return [{ type: 'ComplaintAnswered', data: { contractId, compoundId, complaintId: command.data.complaintId, answer: command.data.answer, answeredAt: now, late: ctx.now.getTime() > Date.parse(complaint.answerDueBy) } }];
      }
      case 'FileDisclosure': {
        const unsigned = needsSigned();
        if (unsigned) return unsigned;
        if (!holdsAny(command.by, ['property_firm'])) return refuse('not_entitled', 'the firm files its disclosures');
        if (!state.term!.periods.some((p) => p.period === command.data.period)) return refuse('period_not_in_term', `periods are 1 to ${state.term!.periods.length}`);
        if (state.disclosures.includes(command.data.period)) return refuse('disclosure_already_filed', 'this period is disclosed');
        const kinds = [...new Set(command.data.kinds)];
        if (kinds.length === 0 || !kinds.every((k) => (DISCLOSURE_KINDS as readonly string[]).includes(k))) return refuse('invalid_notice', `kinds: ${DISCLOSURE_KINDS.join(', ')}`);
        return [{ type: 'DisclosureFiled', data: { contractId, compoundId, period: command.data.period, kinds, reference: command.data.reference, filedAt: now } }];
      }
      case 'ApplyFeeStandard': {
        if (!holdsAny(command.by, ['system'])) return refuse('not_entitled', 'the server applies the owners’ decision');
        if (state.appliedAdjustments.includes(command.data.adjustmentId)) return [];
        const unsigned = needsSigned();
        if (unsigned) return unsigned;
        if (!serving(state)) return refuse('contract_ended', 'the firm no longer serves');
        const fee = parseYuan(command.data.fee);
        if (fee === null || fee <= 0n) return refuse('invalid_adjustment', 'the fee is a positive amount of yuan');
        // The new fee applies from the first quarter that starts after the decision; those quarters' held-back
        // shares are recomputed from it (the term's remaining months, spread as at signing: holdBack.ts).
        const today = chinaDayNumber(ctx.now);
        const periods = state.term!.periods;
        const future = periods.filter((p) => parseChinaDate(p.from)! > today);
        const effectiveFrom = future[0]?.from ?? addDays(state.term!.lastDay, 1);
        let updated = periods;
        if (future.length > 0) {
          const held = termHeldBack(fee, parseArea(state.terms.chargeableArea)!, future.length * PERIOD_MONTHS, state.terms.holdBackPercent);
          const shares = periodShares(held, future.length);
          const first = future[0]!.period;
          updated = periods.map((p) => (p.period >= first ? { ...p, heldBack: formatYuan(shares[p.period - first]!) } : p));
        }
        return [
          {
            type: 'FeeStandardChanged',
            data: { contractId, compoundId, adjustmentId: command.data.adjustmentId, decisionId: command.data.decisionId, previousFee: state.fee, fee: formatYuan(fee), effectiveFrom, periods: [...updated], at: now },
          },
        ];
      }
      default:
        return assertNever(command);
    }
  },
};

/** The service ends; the handover clock of the compound's jurisdiction starts (Civil Code Art. 949 and the local article). */
function ended(state: Live, now: Date, reason: 'dismissed' | 'expired' | 'not_renewed'): ContractEvent {
  const { days, article, items } = state.terms.handover;
  return {
    type: 'ServiceEnded',
    data: { contractId: state.terms.contractId, compoundId: state.terms.compoundId, endedAt: now.toISOString(), reason, handoverDueBy: periodEnd(now, days).toISOString(), items: [...items], article },
  };
}

/** The China date of an instant, for views. */
export const dateOf = (iso: string): string => chinaDateOf(new Date(iso));
