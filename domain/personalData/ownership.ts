/**
 * Whether, and until when, a person owned a unit of a compound, from the registry's events with the instant
 * each was recorded. Pure. An owner stops being one when the last unit they (co-)owned is transferred away or
 * returned to the developer (区分所有权解释 Art. 1, 9; Civil Code Art. 273).
 */
import type { RegistryEvent } from '../registry/index.js';
import { assertNever } from '../shared/decider.js';

export interface OwnershipFacts {
  /** Ever named as an owner of a unit of the compound. */
  readonly everOwner: boolean;
  /** Owns (a share of) a unit now. */
  readonly isOwner: boolean;
  /** When they stopped owning any unit (null while an owner, or if never one). */
  readonly ceasedAt: string | null;
}

export function ownershipOf(personId: string, events: Iterable<{ readonly event: RegistryEvent; readonly recordedAt: string }>): OwnershipFacts {
  const units = new Set<string>();
  let everOwner = false;
  let ceasedAt: string | null = null;
  const lose = (unitId: string, at: string) => {
    if (units.delete(unitId) && units.size === 0) ceasedAt = at;
  };
  const gain = (unitId: string) => {
    units.add(unitId);
    everOwner = true;
    ceasedAt = null;
  };
  for (const { event, recordedAt } of events) {
    switch (event.type) {
      case 'UnitsImported':
        for (const u of event.data.units) if (u.owners.some((o) => o.personId === personId)) gain(u.unitId);
        break;
      case 'UnitTransferred':
        if (event.data.owners.some((o) => o.personId === personId)) gain(event.data.unitId);
        else lose(event.data.unitId, recordedAt);
        break;
      case 'UnitReturnedToDeveloper':
        lose(event.data.unitId, recordedAt);
        break;
      case 'CompoundRegistered':
      case 'UnitAreaCorrected':
      case 'OwnerNameCorrected':
        break;
      default:
        assertNever(event);
    }
  }
  return { everOwner, isOwner: units.size > 0, ceasedAt };
}
