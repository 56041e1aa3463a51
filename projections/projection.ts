/**
 * Projections are pure: given an event and read access to the current documents, they return document
 * changes. A runner (services/projections) applies the changes and its checkpoint in one transaction.
 *
 * The read model is a set of JSON documents, each in a collection, with an id and optionally a parent
 * (for listing, e.g. the motions of one compound) and a sort key within the parent.
 */
import type { RecordedEvent } from '../domain/shared/log.js';

export type DocChange =
  | {
      readonly op: 'put';
      readonly collection: string;
      readonly id: string;
      readonly parent?: string;
      /** Orders documents within a parent when listed (ascending, compared as text). */
      readonly sortKey?: string;
      readonly doc: unknown;
    }
  | { readonly op: 'delete'; readonly collection: string; readonly id: string };

/** Read access a projection gets while deciding its changes (it sees its own earlier changes). */
export interface DocReader {
  get<T = unknown>(collection: string, id: string): T | undefined;
}

export interface Projection {
  /** Unique; changing `version` makes the runner rebuild this projection from the start. */
  readonly name: string;
  readonly version: number;
  /** Event types it handles; others are skipped without calling `apply`. */
  readonly handles: readonly string[];
  apply(event: RecordedEvent, docs: DocReader): readonly DocChange[];
  /**
   * What an event belongs to, for isolating failures: when `apply` throws, the projection stops for this scope
   * alone (usually a compound) and goes on for every other. Default: the event's `compoundId`, else its stream.
   */
  scopeOf?(event: RecordedEvent, docs: DocReader): string;
}

/** The default scope of an event: its data's `compoundId`, else its stream. */
export function defaultScope(event: RecordedEvent): string {
  const data = event.data as { compoundId?: unknown } | null;
  return data && typeof data === 'object' && typeof data.compoundId === 'string' ? data.compoundId : event.streamId;
}
