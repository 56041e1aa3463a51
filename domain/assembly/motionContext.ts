/**
 * What every motion decision shares: the context the world lends it, the shape of a decision, and the
 * checks most commands start with (the motion exists; a convenor acts).
 */
import type { DecideContext } from '../shared/decider.js';
import type { DomainError } from '../shared/errors.js';
import type { HolidayCalendar } from '../time/legalPeriod.js';
import { CONVENOR_GRANTS, holdsAny, type ActorFacts } from './actor.js';
import { refuse } from './errors.js';
import type { MotionEvent } from './events.js';
import type { RulePackVersion } from './rulePacks/index.js';
import type { Motion, MotionState } from './state.js';

export interface MotionContext extends DecideContext {
  /** Rule packs to choose from; the built-in ones when omitted. */
  readonly rulePacks?: readonly RulePackVersion[];
  /** Statutory rest days for legal periods (Civil Code Art. 203); weekends only when omitted. */
  readonly calendar?: HolidayCalendar;
}

export type Decision = readonly MotionEvent[] | DomainError;

export const iso = (d: Date): string => d.toISOString();

export function requireConvenor(by: ActorFacts): DomainError | null {
  return holdsAny(by, CONVENOR_GRANTS)
    ? null
    : refuse('not_entitled', 'only the owners\u2019 committee, the residents\u2019 committee or the street office runs a vote');
}

export function existing(state: MotionState, motionId: string): Motion | DomainError {
  if (state.status === 'none' || state.motionId !== motionId) {
    return refuse('motion_not_found', `no motion ${motionId}`, { motionId });
  }
  return state;
}

