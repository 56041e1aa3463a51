/** Conversions between exact figures (bigint areas) and their written form (decimal strings). */
import { formatArea, parseArea } from '../shared/area.js';
import type { AxesWire, TotalsWire } from './events.js';
import type { Axes, BallotTotals } from './tally.js';

export const axesToWire = (a: Axes): AxesWire => ({ area: formatArea(a.area), headcount: a.heads });

/** Null when the area is not an exact non-negative decimal or the headcount not a non-negative integer. */
export function axesFromWire(w: AxesWire): Axes | null {
  if (typeof w !== 'object' || w === null) return null;
  const area = typeof w.area === 'string' ? parseArea(w.area) : null;
  if (area === null || !Number.isSafeInteger(w.headcount) || w.headcount < 0) return null;
  return { area, heads: w.headcount };
}

export const totalsToWire = (t: BallotTotals): TotalsWire => ({
  eligible: axesToWire(t.eligible),
  for: axesToWire(t.for),
  against: axesToWire(t.against),
  abstain: axesToWire(t.abstain),
});

export function totalsFromWire(w: TotalsWire): BallotTotals | null {
  if (typeof w !== 'object' || w === null) return null;
  const eligible = axesFromWire(w.eligible);
  const f = axesFromWire(w.for);
  const against = axesFromWire(w.against);
  const abstain = axesFromWire(w.abstain);
  if (!eligible || !f || !against || !abstain) return null;
  return { eligible, for: f, against, abstain };
}
