/**
 * Bars of the notice board, as numbers an SVG draws: a value against its base on one axis, with the legal
 * threshold as a line. Exact: the SVG's user space is the base itself (area in ten-thousandths of m², or
 * heads), so the bar's width is the value, unrounded; only the threshold line (num/den of the base) and the
 * printed percentage are decimals, cut (never rounded up) at 4 and 2 places. Integer arithmetic only.
 */
import { meets, type Threshold } from '../../domain/assembly/index.js';

export interface Bar {
  /** The axis: 专有部分面积 or 人数. */
  readonly axis: 'area' | 'heads';
  /** The user-space width of the SVG (the base; 1 when the base is 0, drawn empty). */
  readonly base: string;
  /** The bar's width in user space: the value. */
  readonly value: string;
  /** x of the threshold line in user space, 4 decimals, cut. */
  readonly thresholdX: string;
  /** The value's share of the base, percent with 2 decimals, cut ("—" when the base is 0). */
  readonly percent: string;
  /** The threshold as written: 2/3, 1/2, 3/4. */
  readonly thresholdLabel: string;
  readonly inclusive: boolean;
  readonly met: boolean;
}

/** `n/d` as a decimal with `places` decimals, cut toward zero (n, d ≥ 0, d > 0). */
export function cutDecimal(n: bigint, d: bigint, places: number): string {
  const scale = 10n ** BigInt(places);
  const scaled = (n * scale) / d;
  const int = scaled / scale;
  const frac = (scaled % scale).toString().padStart(places, '0');
  return places > 0 ? `${int}.${frac}` : int.toString();
}

export function bar(axis: 'area' | 'heads', value: bigint, base: bigint, threshold: Pick<Threshold, 'num' | 'den' | 'inclusive'>): Bar {
  const drawnBase = base > 0n ? base : 1n;
  return {
    axis,
    base: drawnBase.toString(),
    value: (value < 0n ? 0n : value).toString(),
    thresholdX: cutDecimal(drawnBase * threshold.num, threshold.den, 4),
    percent: base > 0n ? `${cutDecimal(value * 100n, base, 2)}%` : '—',
    thresholdLabel: `${threshold.num}/${threshold.den}`,
    inclusive: threshold.inclusive,
    met: base > 0n && meets(value, base, threshold),
  };
}
