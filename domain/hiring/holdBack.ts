/**
 * Held-back fees (履约保证金 / 质量保证金 from the fees, 湖州 Art. 34): a share of the fees is kept in the OC's
 * account and paid to the firm according to the quality assessment. Exact in fen, never floats:
 *
 * - The term's held-back total = ⌊fee (fen per m² per month) × area (ten-thousandths of m²) × months × percent
 *   ÷ (10,000 × 100)⌋ fen: computed once, so the periods cannot drift; the sub-fen remainder is not held back.
 * - It is spread over the term's periods equally, the remainder of the division one fen each to the first
 *   periods, so the periods' shares sum to the total to the fen.
 * - A period's share is split by its score (rules.ts ScoreRule): released + withheld = the share, always.
 */
import type { Fen } from '../shared/money.js';
import type { ScoreRule } from './rules.js';

export function termHeldBack(feePerSquareMetreMonth: Fen, areaTenThousandths: bigint, months: number, percent: number): Fen {
  return (feePerSquareMetreMonth * areaTenThousandths * BigInt(months) * BigInt(percent)) / 1_000_000n;
}

/** `total` in `periods` parts that sum to it exactly; the first `total mod periods` parts get one fen more. */
export function periodShares(total: Fen, periods: number): Fen[] {
  const n = BigInt(periods);
  const base = total / n;
  const extra = total % n;
  return Array.from({ length: periods }, (_, i) => base + (BigInt(i) < extra ? 1n : 0n));
}

export interface Release {
  readonly released: Fen;
  readonly withheld: Fen;
  /** Which branch of the rule applied. */
  readonly band: 'full' | 'pro_rata' | 'none';
}

/** The release of a period's held-back share for a score out of 100. */
export function releaseFor(share: Fen, score: number, rule: ScoreRule): Release {
  if (score >= rule.fullAt) return { released: share, withheld: 0n, band: 'full' };
  if (score < rule.noneBelow) return { released: 0n, withheld: share, band: 'none' };
  const released = (share * BigInt(score)) / 100n;
  return { released, withheld: share - released, band: 'pro_rata' };
}
