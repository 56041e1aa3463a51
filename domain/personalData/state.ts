/** State of the erasures stream: when each (compound, person) was last erased. */
import { assertNever } from '../shared/decider.js';
import type { PersonalDataEvent } from './events.js';

export interface ErasuresState {
  /** `compoundId NUL personId` → the instant of the last erasure. */
  readonly erased: ReadonlyMap<string, string>;
}

export const erasureKey = (compoundId: string, personId: string): string => `${compoundId}\u0000${personId}`;

export function initialState(): ErasuresState {
  return { erased: new Map() };
}

export function evolve(state: ErasuresState, event: PersonalDataEvent): ErasuresState {
  switch (event.type) {
    case 'PersonalDataErased': {
      const erased = new Map(state.erased);
      erased.set(erasureKey(event.data.compoundId, event.data.personId), event.data.erasedAt);
      return { erased };
    }
    case 'PersonalDataRead':
      return state;
    default:
      return assertNever(event);
  }
}
