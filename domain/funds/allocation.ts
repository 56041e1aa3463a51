/**
 * Pro-rata charging (分摊) by exclusive area (Civil Code Art. 283: costs of the common parts are shared in
 * proportion to the exclusive areas, absent an agreement), exact to the fen by the largest-remainder method:
 * each unit first gets floor(amount × area / total area) fen; the fen left over (fewer than the units) go one
 * each to the units with the largest remainders (amount × area mod total area).
 *
 * Tie rule: among equal remainders, the unit that comes first in the registry's natural order of unit ids
 * (`compareNatural`: 3-1-2 before 3-1-10) gets the fen first. The shares always sum to the amount exactly.
 */
import { compareNatural } from '../registry/index.js';

export interface AreaShare {
  readonly unitId: string;
  /** Ten-thousandths of a square metre. */
  readonly area: bigint;
}

/** The fen of `amount` for each unit, in the units' natural order; units with zero share are kept (0n). */
export function allocateByArea(amount: bigint, units: readonly AreaShare[]): { unitId: string; fen: bigint }[] {
  if (amount < 0n) throw new RangeError('amount must not be negative');
  const ordered = [...units].sort((a, b) => compareNatural(a.unitId, b.unitId));
  const total = ordered.reduce((s, u) => s + u.area, 0n);
  if (ordered.length === 0 || total <= 0n) {
    if (amount === 0n) return ordered.map((u) => ({ unitId: u.unitId, fen: 0n }));
    throw new RangeError('no area to charge');
  }
  const shares = ordered.map((u, index) => ({ unitId: u.unitId, fen: (amount * u.area) / total, remainder: (amount * u.area) % total, index }));
  let left = amount - shares.reduce((s, x) => s + x.fen, 0n);
  const byRemainder = [...shares].sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const s of byRemainder) {
    if (left === 0n) break;
    s.fen += 1n;
    left -= 1n;
  }
  return shares.map(({ unitId, fen }) => ({ unitId, fen }));
}
