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
}
