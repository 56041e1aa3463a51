/**
 * The decider pattern (as in Emmett): pure `initialState`, `evolve` and `decide`. No I/O, no clock, no
 * randomness: time and ids come in through the context.
 */
import type { DomainError } from './errors.js';

/** A domain event before it is enveloped: a fact in the past tense. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** What the world lends a decision: the clock and an id generator, plus who is acting. */
export interface DecideContext {
  readonly now: Date;
  /** Deterministic per command: the same command id yields the same ids. */
  readonly newId: () => string;
  readonly actor: { readonly personId: string; readonly role: string };
}

export interface Decider<State, Command, Event extends DomainEvent, Context extends DecideContext = DecideContext> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State, context: Context): readonly Event[] | DomainError;
}

export function fold<State, Event extends DomainEvent>(
  decider: Pick<Decider<State, never, Event, never>, 'initialState' | 'evolve'>,
  events: Iterable<Event>,
): State {
  let state = decider.initialState();
  for (const e of events) state = decider.evolve(state, e);
  return state;
}

/** Exhaustiveness guard for switches over discriminated unions. */
export function assertNever(value: never): never {
  throw new Error(`unexpected variant: ${JSON.stringify(value)}`);
}
