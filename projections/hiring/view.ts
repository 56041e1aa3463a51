/**
 * The notice-board views of the firm: a tender with its bids, a contract with its assessments, cards,
 * complaint response times and disclosures. A tender's bids are shown only after the deadline: before it, the
 * number of bids and nothing else (not even who bid); the terms are not in the read model before then anyway.
 */
import { chinaDayNumber } from '../../domain/time/legalPeriod.js';
import { endOfChinaDay, questionResults, percentDown } from '../../domain/hiring/index.js';
import { parseArea } from '../../domain/shared/area.js';
import { formatYuan, parseYuan } from '../../domain/shared/money.js';
import type { ContractDoc, FeeAdjustmentDoc, FirmDoc, SurveyDoc, TenderDoc } from './docs.js';

/** A bid's state on the board after the deadline (schemasH: typed so the response schema can name them). */
export type BidStatus = 'revealed' | 'non_compliant' | 'awaiting_reveal' | 'not_revealed';
/** A survey's state by its dates. */
export type SurveyStatus = 'scheduled' | 'open' | 'closed';

export function renderTender(doc: TenderDoc, now: Date, firmName: (firmId: string) => string | undefined) {
  const { bids, ...rest } = doc;
  const sealed = now.getTime() < Date.parse(doc.bidDeadline);
  if (sealed) return { ...rest, sealed: true, bidCount: bids.length, bids: [] };
  return {
    ...rest,
    sealed: false,
    bidCount: bids.length,
    bids: bids.map((b) => ({
      firmId: b.firmId,
      firmName: firmName(b.firmId) ?? null,
      submittedAt: b.submittedAt,
      commitment: b.commitment,
      status: (b.revealed ? (b.revealed.compliant ? 'revealed' : 'non_compliant') : now.getTime() < Date.parse(doc.revealUntil) ? 'awaiting_reveal' : 'not_revealed') as BidStatus,
      terms: b.revealed?.terms ?? null,
      nonCompliance: b.revealed?.nonCompliance ?? null,
      evaluations: b.evaluations,
      weightedSum: b.weightedSum,
    })),
  };
}

export function renderContract(doc: ContractDoc, now: Date) {
  const daysBetween = (a: string, b: string) => chinaDayNumber(new Date(b)) - chinaDayNumber(new Date(a));
  const due = doc.periods.filter((p) => now.getTime() >= endOfChinaDay(p.to).getTime()).map((p) => p.period);
  const released = doc.assessments.reduce(
    (s, a) => (a.release ? { heldBack: s.heldBack + toFen(a.release.heldBack), released: s.released + toFen(a.release.released), withheld: s.withheld + toFen(a.release.withheld) } : s),
    { heldBack: 0n, released: 0n, withheld: 0n },
  );
  return {
    ...doc,
    fee: doc.fee ?? doc.terms.feePerSquareMetreMonth,
    feeChanges: doc.feeChanges ?? [],
    heldBackSoFar: { heldBack: yuan(released.heldBack), released: yuan(released.released), withheld: yuan(released.withheld) },
    complaints: doc.complaints.map((c) => ({ ...c, responseDays: c.answeredAt ? daysBetween(c.filedAt, c.answeredAt) : null, overdue: !c.answeredAt && now.getTime() > Date.parse(c.answerDueBy) })),
    // Civil Code Art. 943: periods that have ended without the firm's disclosure.
    missingDisclosures: due.filter((p) => !doc.disclosures.some((d) => d.period === p)),
    handover: doc.handover.map((h) => ({ ...h, overdue: h.confirmedAt === null && doc.ended !== null && now.getTime() > Date.parse(doc.ended.handoverDueBy) })),
    // Civil Code Art. 950: the old firm serves until the new one takes over.
    servingUntilTakeover: doc.status === 'ended' && doc.takenOverAt === null,
  };
}

export const firmLabel = (f: FirmDoc | undefined) => (f ? { name: f.name, creditCode: f.creditCode } : null);

const toFen = (y: string): bigint => parseYuan(y) ?? 0n;
const yuan = formatYuan;

/**
 * A survey's results on both axes (domain/hiring/surveyResults.ts), with participation against the compound's
 * owners (`eligible`: every voter identity but the developer's). No respondent is named or counted apart.
 */
export function renderSurvey(doc: SurveyDoc, now: Date, eligible: { area: string; headcount: number }) {
  const { tally, ...rest } = doc;
  const status: SurveyStatus = now.getTime() < Date.parse(doc.opensAt) ? 'scheduled' : now.getTime() < Date.parse(doc.closesAt) ? 'open' : 'closed';
  const byId = new Map(doc.questions.map((q) => [q.questionId, q.text]));
  return {
    ...rest,
    status,
    eligible,
    participation: {
      areaPercent: percentDown(parseArea(doc.respondents.area)!, parseArea(eligible.area) ?? 0n),
      headcountPercent: percentDown(BigInt(doc.respondents.headcount), BigInt(eligible.headcount)),
    },
    results: questionResults(tally).map((r) => ({ ...r, text: byId.get(r.questionId) ?? '' })),
    threshold: null,
  };
}

export const renderFeeAdjustment = (doc: FeeAdjustmentDoc, now: Date) => ({
  ...doc,
  // 杭条例 Art. 53 (三): the posting runs 30 days or more before the owners may be asked.
  postingRunning: doc.postedUntil !== null && now.getTime() < Date.parse(doc.postedUntil),
});
