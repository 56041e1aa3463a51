/**
 * Turning a caller's events into what the writer thread stores and hashes.
 *
 * Runs in `append()`, before the event is queued, for two reasons:
 * - the write happens later, on another thread, so we take a copy now (the JSON text): a caller mutating its
 *   objects after calling `append()` must not change what gets stored or hashed;
 * - the writer hashes the JSON round-trip of data/metadata, i.e. exactly what a later read returns, so a
 *   stored chain always verifies (a `Date`, a `toJSON` or an `undefined` would otherwise hash one way and
 *   read back another). Values JSON cannot hold (bigint, cycles, a bare `undefined`) reject the append
 *   here, alone, instead of failing its batch.
 */
import type { NewEvent } from '../port.js';
import type { WireEvent } from './writerProtocol.js';

/** An event as batchWriter takes it: the stored JSON text, and the values parsed back from it for hashing. */
export interface EncodedEvent extends NewEvent {
  /** `data` as stored; `data` itself is `JSON.parse` of this. */
  readonly dataJson: string;
  readonly metadataJson: string;
}

export function encodeEvents(events: readonly NewEvent[]): WireEvent[] {
  if (!Array.isArray(events)) throw new TypeError('events must be an array');
  // The command pipeline gives every event of one command the same metadata object; encode it once.
  let lastMetadata: unknown;
  let lastMetadataJson: string | undefined;
  return events.map((event) => {
    if (typeof event.eventId !== 'string' || event.eventId === '') throw new TypeError('eventId must be a non-empty string');
    if (typeof event.type !== 'string' || event.type === '') throw new TypeError('type must be a non-empty string');
    if (!Number.isSafeInteger(event.schemaVersion)) throw new TypeError('schemaVersion must be an integer');
    const dataJson = toJson(event.data, 'data');
    if (event.metadata !== lastMetadata || lastMetadataJson === undefined) {
      lastMetadata = event.metadata;
      lastMetadataJson = toJson(event.metadata, 'metadata');
    }
    return { eventId: event.eventId, type: event.type, schemaVersion: event.schemaVersion, dataJson, metadataJson: lastMetadataJson };
  });
}

function toJson(value: unknown, what: string): string {
  const json = JSON.stringify(value);
  if (typeof json !== 'string') throw new TypeError(`event ${what} must be JSON-serializable, got ${typeof value}`);
  return json;
}
