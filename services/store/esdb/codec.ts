/**
 * How a port event is stored in EventStoreDB and read back.
 *
 * - ESDB event id = our `eventId` (must be a lowercase UUID: the server stores a GUID and returns it
 *   lowercase, and the id is covered by the hash, so any other spelling would not round-trip).
 * - ESDB event type = our `type`; data = our `data` as JSON.
 * - ESDB metadata (JSON) = our envelope metadata, plus `schemaVersion`, `prevHash`, `hash`, plus
 *   `$correlationId` / `$causationId` (the names ESDB's own tooling and `$by_correlation_id` projection read).
 *   Reading strips the added keys, so the envelope comes back exactly as written.
 *
 * An event without that shape (another application's event in a shared database, a binary event) is
 * *foreign*: readAll and subscribe skip it, readStream refuses a stream containing one.
 */
import { jsonEvent, type EventData, type RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import type { EventMetadata } from '../envelope.js';
import type { NewEvent, RecordedEvent } from '../port.js';
import { isSystemType } from './positions.js';

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const ADDED_KEYS = ['schemaVersion', 'prevHash', 'hash', '$correlationId', '$causationId'] as const;
const HASH_PATTERN = /^[0-9a-f]{64}$/;

export type Chained = NewEvent & { readonly revision: bigint; readonly prevHash: string; readonly hash: string };

/** Rejects, before anything is sent, what EventStoreDB would refuse or the port could not read back. */
export function validateNewEvent(streamId: string, event: NewEvent): void {
  if (!UUID_PATTERN.test(event.eventId)) {
    throw new TypeError(`stream ${streamId}: event id ${JSON.stringify(event.eventId)} is not a lowercase UUID (EventStoreDB needs one)`);
  }
  if (event.type.length === 0 || isSystemType(event.type)) {
    throw new TypeError(`stream ${streamId}: event type ${JSON.stringify(event.type)} is empty or reserved ($-prefixed types are system events)`);
  }
  if (event.data === undefined) throw new TypeError(`stream ${streamId}: event ${event.eventId} has no data (JSON needs a value)`);
}

export function encode(event: Chained): EventData {
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: {
      ...event.metadata,
      schemaVersion: event.schemaVersion,
      prevHash: event.prevHash,
      hash: event.hash,
      $correlationId: event.metadata.correlationId,
      $causationId: event.metadata.causationId,
    },
  });
}

/** The port event, or null when the record is a system or foreign event. */
export function decode(event: EsdbRecordedEvent, position: () => bigint): RecordedEvent | null {
  if (!event.isJson || isSystemType(event.type)) return null;
  const meta = event.metadata;
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta) || meta instanceof Uint8Array) return null;
  const { schemaVersion, prevHash, hash } = meta as Record<string, unknown>;
  if (
    typeof schemaVersion !== 'number' ||
    !Number.isInteger(schemaVersion) ||
    typeof prevHash !== 'string' ||
    !HASH_PATTERN.test(prevHash) ||
    typeof hash !== 'string' ||
    !HASH_PATTERN.test(hash)
  ) {
    return null;
  }
  const metadata: Record<string, unknown> = { ...(meta as Record<string, unknown>) };
  for (const key of ADDED_KEYS) delete metadata[key];
  return {
    eventId: event.id,
    type: event.type,
    schemaVersion,
    data: event.data,
    metadata: metadata as unknown as EventMetadata,
    streamId: event.streamId,
    revision: event.revision,
    position: position(),
    prevHash,
    hash,
  };
}
