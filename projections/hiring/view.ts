/**
 * The notice-board views of the firm: a tender with its bids, a contract with its assessments, cards,
 * complaint response times and disclosures. A tender's bids are shown only after the deadline: before it, the
 * number of bids and nothing else (not even who bid); the terms are not in the read model before then anyway.
 */
import { chinaDayNumber } from '../../domain/time/legalPeriod.js';
import { endOfChinaDay } from '../../domain/hiring/index.js';
import { formatYuan, parseYuan } from '../../domain/shared/money.js';
import type { ContractDoc, FirmDoc, TenderDoc } from './docs.js';

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
      status: b.revealed ? (b.revealed.compliant ? 'revealed' : 'non_compliant') : now.getTime() < Date.parse(doc.revealUntil) ? 'awaiting_reveal' : 'not_revealed',
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
