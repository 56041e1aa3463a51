/**
 * What is still needed (尚需): the least additional area and heads that would meet a threshold.
 * Exact integers; area in ten-thousandths of m² (the smallest unit a registry gives), heads in voter identities.
 * Never negative: 0 when the threshold is already met.
 */
import type { Threshold } from './thresholds.js';

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b; // truncates toward zero
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return -floorDiv(-a, b);
}

const atLeastZero = (x: bigint): bigint => (x > 0n ? x : 0n);

/**
 * Least x >= 0 with `value + x` meeting the threshold against a fixed `base`:
 * inclusive (以上): (v + x)·den >= base·num; strict (过半数): (v + x)·den > base·num.
 */
export function neededAgainstFixedBase(value: bigint, base: bigint, t: Pick<Threshold, 'num' | 'den' | 'inclusive'>): bigint {
  const least = t.inclusive ? ceilDiv(base * t.num, t.den) : floorDiv(base * t.num, t.den) + 1n;
  return atLeastZero(least - value);
}

/**
 * Least x >= 0 of new approving participation that makes `approve + x` meet the threshold of
 * `participating + x`, with at least something approving (approve + x > 0): each new ballot "for" adds to both
 * the approvals and the participation. Requires num < den.
 * inclusive: (a + x)·den >= (p + x)·num  ⇔  x·(den − num) >= p·num − a·den;
 * strict:    (a + x)·den >  (p + x)·num  ⇔  x·(den − num) >  p·num − a·den.
 */
export function neededAgainstGrowingBase(
  approve: bigint,
  participating: bigint,
  t: Pick<Threshold, 'num' | 'den' | 'inclusive'>,
): bigint {
  const slack = t.den - t.num;
  if (slack <= 0n) throw new RangeError('a threshold of participation must be below 1');
  const deficit = participating * t.num - approve * t.den;
  let x = atLeastZero(t.inclusive ? ceilDiv(deficit, slack) : floorDiv(deficit, slack) + 1n);
  if (approve + x <= 0n) x = 1n - approve;
  return x;
}
