/**
 * Runs a server-issued command at most once per command id: if its target stream already holds an event
 * recorded under that id, the command ran before (the same check the HTTP replay index makes for an
 * Idempotency-Key, but on the log itself, so it needs no read model and works on every store adapter).
 */
import { isDomainError, type DomainError } from '../../domain/shared/errors.js';
import type { CommandEnvelope } from '../commands/handler.js';
import type { EventStore } from '../store/port.js';
import type { IssuedOutcome, ReactorCommand } from './reactor.js';

export type IssueResult =
  | { readonly kind: 'appended'; readonly outcome: IssuedOutcome }
  /** The stream already holds this command's events: nothing ran. */
  | { readonly kind: 'replayed' }
  /** The decision appended nothing (already in the wanted state). */
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'refused'; readonly error: DomainError };

export async function alreadyRan(store: Pick<EventStore, 'readStream'>, streamId: string, commandId: string): Promise<boolean> {
  const events = await store.readStream(streamId);
  return events.some((e) => e.metadata.commandId === commandId);
}

export async function issueOnce(store: Pick<EventStore, 'readStream'>, command: ReactorCommand, cmd: CommandEnvelope): Promise<IssueResult> {
  if (await alreadyRan(store, command.streamId, cmd.commandId)) return { kind: 'replayed' };
  const outcome = await command.execute(cmd);
  if (isDomainError(outcome)) return { kind: 'refused', error: outcome };
  return outcome.events.length === 0 ? { kind: 'unchanged' } : { kind: 'appended', outcome };
}
