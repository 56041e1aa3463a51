/**
 * Voter identities: the headcount of Civil Code Art. 278 as 区分所有权解释 Art. 9 counts it.
 *
 * "一个专有部分按一人计算。但建设单位尚未出售和虽已出售但尚未交付的部分，以及同一买受人拥有一个以上专有部分的，
 * 按一人计算。" Read here as:
 * - every developer-held unit (unsold, or sold but undelivered) together: one identity, `developer`;
 * - every unit held by the same owner set: one identity. The "same buyer" (同一买受人) of a unit is its whole
 *   owner set: one person, or one co-owner group (共有) whatever order it is listed in. A person who owns
 *   unit A alone and unit B jointly with a spouse is therefore two identities, {P} and {P, S}: the buyers
 *   differ, and a co-owned unit casts one ballot agreed among its co-owners (京 FAQ; 指导规则 Art. 25).
 *   Areas of grouped units are summed in full on the area axis (累加).
 *
 * The voter id is stable within a compound and reveals neither names nor person ids: `owners:` and the first
 * 32 hex digits (128 bits) of SHA-256 over the compound id and the sorted person ids. The compound id in the
 * hash keeps one person's identities in different compounds unlinkable. Person ids should be opaque (UUIDs,
 * not ID-card numbers): a plain hash of a guessable id can be reversed by trying candidates.
 */
import { createHash } from 'node:crypto';
import { formatArea, parseArea, type Area } from '../shared/area.js';
import { sortNatural } from './order.js';
import type { RegistryState } from './state.js';
import type { Unit, VoterIdentity } from './types.js';
import { allUnits } from './unitIndex.js';

export const DEVELOPER_VOTER_ID = 'developer';

/** The voter id of an owner set (any order) in a compound. */
export function ownerSetVoterId(compoundId: string, personIds: readonly string[]): string {
  const sorted = [...personIds].sort();
  const digest = createHash('sha256').update(`${compoundId}\n${sorted.join('\n')}`).digest('hex');
  return `owners:${digest.slice(0, 32)}`;
}

/**
 * Units in scope, in natural unit-id order: all units, or those in the given buildings (a partial
 * denominator, 沪规定 Art. 69). An empty list of buildings is an empty scope, not the whole compound.
 */
export function unitsInScope(state: RegistryState, buildings?: readonly string[]): Unit[] {
  if (state.status !== 'registered') return [];
  const scope = buildings === undefined ? undefined : new Set(buildings);
  const units: Unit[] = [];
  for (const unit of allUnits(state.units)) {
    if (!scope || scope.has(unit.building)) units.push(unit);
  }
  return sortNatural(units, (u) => u.unitId);
}

/** The grouping key of a unit's holder: person ids sorted and joined (ids hold no whitespace). */
export function holderKey(unit: Unit): string {
  // 区分所有权解释 Art. 9: developer-held units are one head; the same buyer is one head.
  return unit.developerHeld ? '' : unit.owners.map((o) => o.personId).sort().join('\n');
}

/**
 * The voter identities over the units in scope: the developer first (if it holds any unit in scope), then
 * owner sets in the natural order of their first unit. Each lists its units in scope (natural order) and
 * their exact summed area. An owner set spanning buildings counts once, with only its in-scope units.
 */
export function voterIdentities(state: RegistryState, buildings?: readonly string[]): VoterIdentity[] {
  if (state.status !== 'registered') return [];
  const groups = new Map<string, { units: Unit[]; area: Area }>();
  for (const unit of unitsInScope(state, buildings)) {
    const key = holderKey(unit);
    let group = groups.get(key);
    if (!group) {
      group = { units: [], area: 0n };
      groups.set(key, group);
    }
    group.units.push(unit);
    group.area += parseArea(unit.area)!;
  }
  const identities: VoterIdentity[] = [];
  for (const [key, group] of groups) {
    const developerHeld = key === '';
    const ownerPersonIds = developerHeld ? [] : key.split('\n');
    identities.push({
      voterId: developerHeld ? DEVELOPER_VOTER_ID : ownerSetVoterId(state.compound.compoundId, ownerPersonIds),
      developerHeld,
      ownerPersonIds,
      units: group.units.map((u) => ({ unitId: u.unitId, building: u.building, area: u.area })),
      area: formatArea(group.area),
    });
  }
  // Map order is first-seen order over units already in natural order, the developer aside.
  return identities.sort((a, b) => Number(b.developerHeld) - Number(a.developerHeld));
}
