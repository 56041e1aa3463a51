/**
 * The one clock every time rule reads. The manual clock is for demos and end-to-end tests: an admin moves
 * it forward over HTTP; it never goes backwards, stays within the instants the service accepts
 * (2000–2100, domain/shared/limits.ts: a clock set to 9999 could never come back) and is refused in
 * production mode.
 */
import { EARLIEST_INSTANT, instantInRange, LATEST_INSTANT } from '../domain/shared/limits.js';

export interface Clock {
  now(): Date;
  readonly kind: 'system' | 'manual';
}

export const systemClock: Clock = { kind: 'system', now: () => new Date() };

export interface ManualClock extends Clock {
  readonly kind: 'manual';
  /** Moves the clock to `to`; refuses to go backwards. */
  set(to: Date): void;
  /** Calls `listener` after every move (the deadline scheduler acts on what became due); returns the unsubscribe. */
  onChange(listener: (now: Date) => void): () => void;
}

/** Listens to a clock's moves when it can move by hand; the system clock just passes. */
export function onClockChange(clock: Clock, listener: (now: Date) => void): () => void {
  return clock.kind === 'manual' && 'onChange' in clock ? (clock as ManualClock).onChange(listener) : () => {};
}

export class ClockBackwardsError extends Error {
  readonly code = 'clock_backwards';
}

export class ClockOutOfRangeError extends Error {
  readonly code = 'instant_out_of_range';
}

function checkRange(to: Date): void {
  if (!instantInRange(to)) {
    throw new ClockOutOfRangeError(`the clock stays from ${EARLIEST_INSTANT.toISOString()} to before ${LATEST_INSTANT.toISOString()}`);
  }
}

export function manualClock(start: Date = new Date()): ManualClock {
  checkRange(start);
  let current = start.getTime();
  const listeners = new Set<(now: Date) => void>();
  return {
    kind: 'manual',
    now: () => new Date(current),
    set(to) {
      checkRange(to);
      if (to.getTime() < current) {
        throw new ClockBackwardsError(`clock is at ${new Date(current).toISOString()}; it never goes backwards`);
      }
      current = to.getTime();
      for (const listener of listeners) listener(new Date(current));
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
