/**
 * Turning a caller's events into what the batch writer stores and hashes.
 *
 * Runs in `append()`, before the event is queued, for two reasons:
 * - the flush happens on a later tick, so we take a copy now: a caller mutating its objects after calling
 *   `append()` must not change what gets stored or hashed;
 * - the hash is computed over the JSON round-trip of data/metadata, i.e. exactly what a later read returns,
 *   so a stored chain always verifies (a `Date`, a `toJSON` or an `undefined` would otherwise hash one way
 *   and read back another). Values JSON cannot hold (bigint, cycles, a bare `undefined`) reject the append
 *   here, alone, instead of failing its batch.
 */
import type { NewEvent } from '../port.js';

export interface EncodedEvent extends NewEvent {
  /** `data` as stored; `data` itself is `JSON.parse` of this. */
  readonly dataJson: string;
  readonly metadataJson: string;
}

export function encodeEvents(events: readonly NewEvent[]): EncodedEvent[] {
  if (!Array.isArray(events)) throw new TypeError('events must be an array');
  // The command pipeline gives every event of one command the same metadata object; encode it once.
  let lastMetadata: unknown;
  let lastMetadataJson = '';
  let lastMetadataCopy: NewEvent['metadata'] | undefined;
  return events.map((event) => {
    if (typeof event.eventId !== 'string' || event.eventId === '') throw new TypeError('eventId must be a non-empty string');
    if (typeof event.type !== 'string' || event.type === '') throw new TypeError('type must be a non-empty string');
    if (!Number.isSafeInteger(event.schemaVersion)) throw new TypeError('schemaVersion must be an integer');
    const dataJson = toJson(event.data, 'data');
    if (event.metadata !== lastMetadata || lastMetadataCopy === undefined) {
      lastMetadata = event.metadata;
      lastMetadataJson = toJson(event.metadata, 'metadata');
      lastMetadataCopy = JSON.parse(lastMetadataJson) as NewEvent['metadata'];
    }
    return {
      eventId: event.eventId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: JSON.parse(dataJson) as unknown,
      metadata: lastMetadataCopy,
      dataJson,
      metadataJson: lastMetadataJson,
    };
  });
}

function toJson(value: unknown, what: string): string {
  const json = JSON.stringify(value);
  if (typeof json !== 'string') throw new TypeError(`event ${what} must be JSON-serializable, got ${typeof value}`);
  return json;
}
