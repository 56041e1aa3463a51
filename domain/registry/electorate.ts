/**
 * The electorate (全体业主): the two denominators of Civil Code Art. 278 para. 2 — total exclusive area
 * (专有部分面积, 区分所有权解释 Art. 8) and total headcount (业主人数, Art. 9) — for the whole compound or
 * for some buildings (a partial denominator, 沪规定 Art. 69). Exact: areas are summed as ten-thousandths
 * of m² and written with formatArea (at least 2 decimals, never rounded).
 */
import { formatArea, parseArea } from '../shared/area.js';
import { compareNatural } from './order.js';
import type { RegistryState } from './state.js';
import { allUnits } from './unitIndex.js';
import { holderKey } from './voterIdentities.js';

export interface Electorate {
  /** Units (专有部分) in scope. */
  readonly units: number;
  /** Sum of their exclusive areas, e.g. "1350.74" or "88.125". */
  readonly totalArea: string;
  /** Voter identities in scope (see voterIdentities.ts). */
  readonly headcount: number;
}

/** Same figures as `voterIdentities(state, buildings)` would give, without building the roll. */
export function electorate(state: RegistryState, buildings?: readonly string[]): Electorate {
  if (state.status !== 'registered') return { units: 0, totalArea: formatArea(0n), headcount: 0 };
  const scope = buildings === undefined ? undefined : new Set(buildings);
  const holders = new Set<string>();
  let units = 0;
  let total = 0n;
  for (const unit of allUnits(state.units)) {
    if (scope && !scope.has(unit.building)) continue;
    units++;
    total += parseArea(unit.area)!;
    holders.add(holderKey(unit));
  }
  return { units, totalArea: formatArea(total), headcount: holders.size };
}

/** The buildings of the compound, in natural order (to check a scope before using it). */
export function buildingsOf(state: RegistryState): string[] {
  if (state.status !== 'registered') return [];
  const buildings = new Set<string>();
  for (const unit of allUnits(state.units)) buildings.add(unit.building);
  return [...buildings].sort(compareNatural);
}
