/**
 * Given / when / then for deciders, in the manner of Emmett's DeciderSpecification:
 *
 *   spec(motionDecider, context)
 *     .given([proposed, noticed])
 *     .when(openCommand)
 *     .then(t, [{ type: 'MotionOpened', data: ... }])     // or .then(t, 'notice_period_not_run')
 *
 * `given` folds the events through `evolve`; `when` decides; `then` asserts the events (deep equality) or the
 * refusal's code, and fails with the other outcome shown when the decision went the other way. No assertion
 * ever sits inside an `if`: a test states the one outcome it expects.
 */
import type { Decider, DecideContext, DomainEvent } from '../../domain/shared/decider.js';
import { isDomainError, type DomainError } from '../../domain/shared/errors.js';

/** The part of tap's Test these helpers use. */
interface Asserts {
  same(found: unknown, wanted: unknown, message: string): boolean;
  equal(found: unknown, wanted: unknown, message: string): boolean;
  fail(message: string): boolean;
}

export interface Decided<Event extends DomainEvent> {
  /** The decision as made: events or a refusal. */
  readonly outcome: readonly Event[] | DomainError;
  /** Asserts the events, or the refusal's code. */
  then(t: Asserts, expected: readonly Event[] | string, message?: string): void;
  /** Asserts success and returns the events (for checks on selected fields). */
  events(t: Asserts): readonly Event[];
  /** Asserts a refusal and returns it (for checks on its details). */
  refusal(t: Asserts, code: string): DomainError | undefined;
}

export interface Given<State, Command, Event extends DomainEvent, Context> {
  readonly state: State;
  when(command: Command, context?: Partial<Context>): Decided<Event>;
}

const describe = (outcome: unknown): string => (isDomainError(outcome) ? `refusal ${outcome.code}: ${outcome.message}` : `events ${JSON.stringify(outcome)}`);

export function spec<State, Command, Event extends DomainEvent, Context extends DecideContext>(
  decider: Decider<State, Command, Event, Context>,
  baseContext: () => Context,
) {
  return {
    given(events: readonly Event[]): Given<State, Command, Event, Context> {
      let state = decider.initialState();
      for (const e of events) state = decider.evolve(state, e);
      return {
        state,
        when(command, context = {}) {
          const outcome = decider.decide(command, state, { ...baseContext(), ...context });
          return {
            outcome,
            then(t, expected, message) {
              if (typeof expected === 'string') {
                t.equal(isDomainError(outcome) ? outcome.code : describe(outcome), expected, message ?? `refused with ${expected}`);
              } else {
                t.same(isDomainError(outcome) ? describe(outcome) : outcome, expected, message ?? 'decided these events');
              }
            },
            events(t) {
              if (isDomainError(outcome)) {
                t.fail(`expected events, got ${describe(outcome)}`);
                return [];
              }
              return outcome;
            },
            refusal(t, code) {
              t.equal(isDomainError(outcome) ? outcome.code : describe(outcome), code, `refused with ${code}`);
              return isDomainError(outcome) ? outcome : undefined;
            },
          };
        },
      };
    },
  };
}
