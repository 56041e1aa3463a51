/**
 * The frozen roll (表决名册): the voter identities in a motion's scope at the moment voting opens. The registry
 * computes the identities (区分所有权解释 Arts. 8–9); the motion takes them as given, checks they are coherent,
 * and records them in `MotionOpened`, so later transfers change nothing in this vote.
 */
import type { VoterIdentity } from '../registry/index.js';
import { formatArea, parseArea, type Area } from '../shared/area.js';
import type { DomainError } from '../shared/errors.js';
import { refuse } from './errors.js';
import { inScope, type MotionScope } from './scope.js';

/**
 * One voter identity as frozen on the roll (表决权人): the registry's VoterIdentity as it stood when voting
 * opened. Person ids are for authorisation only, never public.
 */
export type FrozenVoter = VoterIdentity;

/** The eligible totals (总面积、总人数) as written in events. */
export interface EligibleWire {
  readonly area: string;
  readonly headcount: number;
}

export interface FrozenRoll {
  readonly voters: readonly FrozenVoter[];
  readonly eligible: EligibleWire;
}

/** Lookups over a frozen roll. */
export interface RollIndex {
  readonly voters: ReadonlyMap<string, FrozenVoter>;
  readonly voterByUnit: ReadonlyMap<string, string>;
  readonly eligible: { readonly area: Area; readonly heads: number };
}

const rollError = (message: string, details?: Record<string, unknown>): DomainError =>
  refuse('invalid_roll', message, details);

/**
 * Checks the registry's identities against the scope and freezes them. Refuses (`invalid_roll`) an empty roll,
 * a duplicate voter or unit, a unit outside the scope, an area that does not parse or does not add up, a
 * developer identity with owners (or an owner identity without), more than one developer identity, or a zero
 * total area.
 */
export function freezeRoll(identities: readonly VoterIdentity[], scope: MotionScope): FrozenRoll | DomainError {
  if (!identities || identities.length === 0) return rollError('the roll is empty');
  const voterIds = new Set<string>();
  const unitIds = new Set<string>();
  let developers = 0;
  let total: Area = 0n;
  const voters: FrozenVoter[] = [];
  for (const identity of identities) {
    const voterId = identity.voterId;
    if (typeof voterId !== 'string' || voterId === '') return rollError('a voter identity has no id');
    if (voterIds.has(voterId)) return rollError('a voter identity appears twice', { voterId });
    voterIds.add(voterId);
    if (identity.developerHeld) {
      developers += 1;
      if (identity.ownerPersonIds.length > 0) return rollError('the developer identity lists owners', { voterId });
    } else if (identity.ownerPersonIds.length === 0) {
      return rollError('an owner identity lists no owners', { voterId });
    }
    if (identity.units.length === 0) return rollError('a voter identity has no units', { voterId });
    let sum: Area = 0n;
    for (const unit of identity.units) {
      if (unitIds.has(unit.unitId)) return rollError('a unit appears twice', { unitId: unit.unitId });
      unitIds.add(unit.unitId);
      if (!inScope(scope, unit.building)) return rollError('a unit is outside the motion scope', { unitId: unit.unitId });
      const area = parseArea(unit.area);
      if (area === null) return rollError('a unit area is not an exact decimal', { unitId: unit.unitId });
      sum += area;
    }
    const declared = parseArea(identity.area);
    if (declared === null || declared !== sum) {
      return rollError("an identity's area is not the sum of its units' areas", { voterId });
    }
    total += sum;
    voters.push({
      voterId,
      developerHeld: identity.developerHeld,
      ownerPersonIds: [...identity.ownerPersonIds],
      units: identity.units.map((u) => ({ unitId: u.unitId, building: u.building, area: u.area })),
      area: formatArea(sum),
    });
  }
  if (developers > 1) return rollError('more than one developer identity (all developer-held units are one head)');
  if (total === 0n) return rollError('the total exclusive area is zero');
  return { voters, eligible: { area: formatArea(total), headcount: voters.length } };
}

export function indexRoll(roll: FrozenRoll): RollIndex {
  const voters = new Map<string, FrozenVoter>();
  const voterByUnit = new Map<string, string>();
  for (const v of roll.voters) {
    voters.set(v.voterId, v);
    for (const u of v.units) voterByUnit.set(u.unitId, v.voterId);
  }
  return { voters, voterByUnit, eligible: { area: parseArea(roll.eligible.area)!, heads: roll.eligible.headcount } };
}
