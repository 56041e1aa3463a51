/**
 * Exact figures in read-model documents: areas written as decimal strings of any length (sums of many units
 * may exceed what an input may carry), headcounts as integers. Never parsed through Number.
 */
import type { AxesWire } from '../../../domain/assembly/events.js';
import type { Axes } from '../../../domain/assembly/tally.js';
import { formatArea, type Area } from '../../../domain/shared/area.js';

const FIGURE = /^(-?)(\d+)(?:\.(\d{1,4}))?$/;

/** A figure this service wrote: any number of integer digits, up to 4 decimals. Throws on anything else. */
export function figureArea(text: string): Area {
  const m = FIGURE.exec(text);
  if (!m) throw new RangeError(`not an exact area figure: ${JSON.stringify(text).slice(0, 40)}`);
  const value = BigInt(m[2]!) * 10_000n + BigInt((m[3] ?? '').padEnd(4, '0'));
  return m[1] ? -value : value;
}

export const ZERO_WIRE: AxesWire = { area: '0.00', headcount: 0 };

export const axesOf = (w: AxesWire): Axes => ({ area: figureArea(w.area), heads: w.headcount });

/** `w` plus (sign = 1n) or minus (-1n) one voter identity of `area`. */
export function shiftAxes(w: AxesWire, area: Area, sign: 1n | -1n): AxesWire {
  return { area: formatArea(figureArea(w.area) + sign * area), headcount: w.headcount + (sign === 1n ? 1 : -1) };
}
