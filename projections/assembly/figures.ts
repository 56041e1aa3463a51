/**
 * Exact figures in read-model documents: areas written as decimal strings of any length (sums of many units
 * may exceed what an input may carry), headcounts as integers. Never parsed through Number.
 */
import type { AxesWire } from '../../domain/assembly/events.js';
import type { Axes } from '../../domain/assembly/tally.js';
import { formatArea, type Area } from '../../domain/shared/area.js';

const FIGURE = /^(-?)(\d+)(?:\.(\d{1,4}))?$/;

/** Integer digits up to which a figure's ten-thousandths stay below 2^53 (15 digits in all): summed as a Number. */
const SAFE_WHOLE_DIGITS = 11;

/** A figure this service wrote: any number of integer digits, up to 4 decimals. Throws on anything else. */
export function figureArea(text: string): Area {
  // The common case without a regular expression or a string per part (the projection parses a few per
  // ballot): an optional '-', 1 to 11 digits, optionally '.' and 1 to 4 digits. Exact: the value stays an
  // integer far below 2^53 before it becomes a bigint. Anything else takes the general path below.
  const length = typeof text === 'string' ? text.length : 0;
  let i = length > 0 && text.charCodeAt(0) === 45 ? 1 : 0;
  const start = i;
  let whole = 0;
  for (; i < length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
  }
  const wholeDigits = i - start;
  if (wholeDigits > 0 && wholeDigits <= SAFE_WHOLE_DIGITS) {
    let frac = 0;
    let fracDigits = 0;
    let ok = i === length;
    if (!ok && text.charCodeAt(i) === 46) {
      for (i++; i < length && fracDigits < 5; i++, fracDigits++) {
        const c = text.charCodeAt(i) - 48;
        if (c < 0 || c > 9) break;
        frac = frac * 10 + c;
      }
      ok = i === length && fracDigits >= 1 && fracDigits <= 4;
    }
    if (ok) {
      for (; fracDigits < 4; fracDigits++) frac *= 10;
      const value = BigInt(whole * 10_000 + frac);
      return start === 1 ? -value : value;
    }
  }
  return figureAreaGeneral(text);
}

function figureAreaGeneral(text: string): Area {
  const m = FIGURE.exec(text);
  if (!m) throw new RangeError(`not an exact area figure: ${JSON.stringify(text).slice(0, 40)}`);
  const value = BigInt(m[2]!) * 10_000n + BigInt((m[3] ?? '').padEnd(4, '0'));
  return m[1] ? -value : value;
}

/** Ten-thousandths up to which a figure is formatted through Number arithmetic, exactly (2^53 - 1). */
const SAFE_AREA = BigInt(Number.MAX_SAFE_INTEGER);
/** The decimals `formatArea` writes for each of the 10,000 fractions: at least 2, trailing zeros dropped. */
const FRACTIONS: readonly string[] = Array.from({ length: 10_000 }, (_, f) => {
  let frac = f.toString().padStart(4, '0');
  while (frac.length > 2 && frac.endsWith('0')) frac = frac.slice(0, -1);
  return frac;
});

/** `formatArea`, the same text for every figure, without bigint division for the figures a compound has. */
export function figureText(area: Area): string {
  const negative = area < 0n;
  const abs = negative ? -area : area;
  if (abs > SAFE_AREA) return formatArea(area);
  const n = Number(abs);
  const frac = n % 10_000;
  return `${negative ? '-' : ''}${(n - frac) / 10_000}.${FRACTIONS[frac]}`;
}

export const ZERO_WIRE: AxesWire = { area: '0.00', headcount: 0 };

export const axesOf = (w: AxesWire): Axes => ({ area: figureArea(w.area), heads: w.headcount });

/** `w` plus (sign = 1n) or minus (-1n) one voter identity of `area`. */
export function shiftAxes(w: AxesWire, area: Area, sign: 1n | -1n): AxesWire {
  return { area: figureText(figureArea(w.area) + sign * area), headcount: w.headcount + (sign === 1n ? 1 : -1) };
}
