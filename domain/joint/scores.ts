/**
 * Each party's score for a period (街呼区应, 费随事转: parties are scored on what residents ask of them), computed
 * from the record alone, exactly (integer fractions, shown to 2 decimals rounded half up). For the dispatches
 * made to a party within the period:
 *
 *   score = 30 × (answered within 24 hours ÷ dispatched)
 *         + 40 × (completed by the due date ÷ accepted)
 *         + 30 × ((mean satisfaction − 1) ÷ 4)          (ratings 1–5 of its completed requests)
 *
 * A term with nothing to measure (nothing accepted, nothing rated) contributes 0. A decline is an answer (it
 * sends the request back to be dispatched again) but counts for nothing else.
 */
import type { Party } from './parties.js';

export interface DispatchRecord {
  readonly party: Party;
  readonly dispatchedAt: string;
  readonly dueAt: string;
  readonly answer: 'accepted' | 'declined' | null;
  readonly answeredAt: string | null;
  readonly completedAt: string | null;
  readonly onTime: boolean | null;
  readonly satisfaction: number | null;
}

export interface PartyScore {
  readonly party: Party;
  readonly dispatched: number;
  readonly answeredInTime: number;
  readonly accepted: number;
  readonly completedOnTime: number;
  readonly rated: number;
  readonly satisfactionSum: number;
  /** 0.00 to 100.00. */
  readonly score: string;
}

const HOUR = 3_600_000;

/** n/d as a decimal string with 2 decimals, rounded half up (n, d ≥ 0, d > 0). */
function decimal2(n: bigint, d: bigint): string {
  const hundredths = (n * 200n + d) / (2n * d);
  return `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`;
}

export function partyScores(dispatches: readonly DispatchRecord[], period: { readonly from: Date; readonly to: Date }): PartyScore[] {
  const byParty = new Map<Party, DispatchRecord[]>();
  for (const d of dispatches) {
    const at = Date.parse(d.dispatchedAt);
    if (at < period.from.getTime() || at >= period.to.getTime()) continue;
    byParty.set(d.party, [...(byParty.get(d.party) ?? []), d]);
  }
  return [...byParty].map(([party, list]) => {
    const dispatched = list.length;
    const answeredInTime = list.filter((d) => d.answeredAt !== null && Date.parse(d.answeredAt) - Date.parse(d.dispatchedAt) <= 24 * HOUR).length;
    const accepted = list.filter((d) => d.answer === 'accepted').length;
    const completedOnTime = list.filter((d) => d.answer === 'accepted' && d.onTime === true).length;
    const ratings = list.map((d) => d.satisfaction).filter((s): s is number => s !== null);
    const rated = ratings.length;
    const satisfactionSum = ratings.reduce((a, b) => a + b, 0);
    // score = 30·r/n + 40·c/a + 30·(S/k − 1)/4 over the common denominator n·a·4k (terms with a zero base drop).
    const n = BigInt(dispatched);
    const a = BigInt(accepted || 1);
    const k = BigInt(rated || 1);
    const num =
      30n * BigInt(answeredInTime) * a * 4n * k +
      (accepted ? 40n * BigInt(completedOnTime) * n * 4n * k : 0n) +
      (rated ? 30n * (BigInt(satisfactionSum) - k) * n * a : 0n);
    const score = decimal2(num, n * a * 4n * k);
    return { party, dispatched, answeredInTime, accepted, completedOnTime, rated, satisfactionSum, score };
  });
}
