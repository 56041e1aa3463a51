/**
 * Reactors (process managers): read the log from a checkpoint of their own and, for the events they handle,
 * issue commands. A context declares its reactors as values of this type; the runner (reactorRunner.ts)
 * takes a list of them, whatever the context.
 *
 * Exactly once: the id of every command a reactor issues is derived from the reactor's name, the triggering
 * event's id and the command's index among those the event caused (`reactorCommandId`). Before running a
 * command the runner looks in its target stream for an event of that command id; if there is one, the
 * command already ran (a replay after a crash between the command and the checkpoint, a rebuilt checkpoint,
 * a retry after an error that came after the append) and nothing runs again (issueOnce.ts).
 */
import type { DomainError } from '../../domain/shared/errors.js';
import type { Actor } from '../store/envelope.js';
import { systemActor } from '../store/envelope.js';
import type { CommandEnvelope } from '../commands/handler.js';
import type { RecordedEvent } from '../store/port.js';

/** What running a command gave: the events it appended (none when the decision appended nothing). */
export interface IssuedOutcome {
  readonly events: readonly RecordedEvent[];
  readonly position: bigint;
}

/** One command a reactor (or a deadline's action) asks to run. */
export interface ReactorCommand {
  /**
   * The stream the command appends to. The runner looks there for the command's id before running it, so a
   * command must append to this stream and only to it.
   */
  readonly streamId: string;
  /** Runs the command under the given envelope (its id, the system actor, the clock's now). */
  execute(cmd: CommandEnvelope): Promise<IssuedOutcome | DomainError>;
}

export interface Reactor {
  /** Unique and stable: it names the checkpoint and seeds every command id. Renaming re-runs the reactor (safely). */
  readonly name: string;
  /** Event types it reacts to; the others only move its checkpoint. */
  readonly handles: readonly string[];
  /**
   * The commands an event calls for, in a stable order (the index is part of each command's id). May read
   * the store; throwing is a failure: the runner retries the same event with backoff.
   */
  react(event: RecordedEvent): Promise<readonly ReactorCommand[]> | readonly ReactorCommand[];
}

/** `<reactor>/<event id>/<index>`: the same event gives the same command ids on every run. */
export const reactorCommandId = (reactor: string, eventId: string, index: number): string => `${reactor}/${eventId}/${index}`;

/** The server acting on its own (reactors, the deadline scheduler), as recorded in event metadata. */
export const SYSTEM_ACTOR: Actor = systemActor;

/** The authorisation facts domain commands carry (`by`) when the server acts: the `system` grant. */
export const SYSTEM_FACTS = { personId: systemActor.personId, grants: [systemActor.role] } as const;

/** The envelope of a command the server issues because of an event (or a deadline). */
export function systemEnvelope(commandId: string, now: Date, cause?: RecordedEvent): CommandEnvelope {
  return {
    commandId,
    correlationId: cause?.metadata.correlationId ?? commandId,
    causationId: cause?.eventId ?? commandId,
    actor: SYSTEM_ACTOR,
    now,
    receivedAtMs: Date.now(),
  };
}
