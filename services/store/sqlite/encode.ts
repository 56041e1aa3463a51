/**
 * Turning a caller's events into what the writer thread stores and hashes.
 *
 * Runs in `append()`, before the event is queued, for three reasons:
 * - the write happens later, on another thread, so we take a copy now (the JSON text): a caller mutating its
 *   objects after calling `append()` must not change what gets stored or hashed;
 * - the writer hashes the JSON round-trip of data/metadata, i.e. exactly what a later read returns, so a
 *   stored chain always verifies (a `Date`, a `toJSON` or an `undefined` would otherwise hash one way and
 *   read back another). Values JSON cannot hold (bigint, cycles, a bare `undefined`) reject the append
 *   here, alone, instead of failing its batch;
 * - the canonical encodings (of the event for its chain hash, of the metadata for its log-tree leaf) are made
 *   here, on the caller's thread, so the writer thread, which every append in the process waits for, only
 *   joins them to the stream head and hashes (issue #18: the writer was the appends' bottleneck).
 */
import { canonicalJson, canonicalPlainJson, eventHashParts } from '../hashChain.js';
import type { NewEvent } from '../port.js';
import type { WireEvent } from './writerProtocol.js';

export function encodeEvents(streamId: string, events: readonly NewEvent[]): WireEvent[] {
  if (!Array.isArray(events)) throw new TypeError('events must be an array');
  // The command pipeline gives every event of one command the same metadata object; encode it once.
  let lastMetadata: unknown;
  let lastMetadataJson: string | undefined;
  let metadata: NewEvent['metadata'] | undefined;
  let metadataCanonical = '';
  return events.map((event) => {
    if (typeof event.eventId !== 'string' || event.eventId === '') throw new TypeError('eventId must be a non-empty string');
    if (typeof event.type !== 'string' || event.type === '') throw new TypeError('type must be a non-empty string');
    if (!Number.isSafeInteger(event.schemaVersion)) throw new TypeError('schemaVersion must be an integer');
    const dataJson = toJson(event.data, 'data');
    if (event.metadata !== lastMetadata || lastMetadataJson === undefined) {
      lastMetadata = event.metadata;
      lastMetadataJson = toJson(event.metadata, 'metadata');
      // Plain JSON (the command pipeline's metadata always is) needs no round trip: it reads back the same.
      const plain = canonicalPlainJson(event.metadata);
      metadata = plain === undefined ? (JSON.parse(lastMetadataJson) as NewEvent['metadata']) : event.metadata;
      metadataCanonical = plain ?? canonicalJson(metadata);
    }
    const { eventId, type, schemaVersion } = event;
    // The hash covers the JSON round trip of the data (what a read returns); plain data is its own round trip.
    const plainData = canonicalPlainJson(event.data);
    const data = plainData === undefined ? (JSON.parse(dataJson) as unknown) : event.data;
    const parts = eventHashParts(streamId, { eventId, type, schemaVersion, data, metadata: metadata! }, plainData);
    return { eventId, type, schemaVersion, dataJson, metadataJson: lastMetadataJson, hashHead: parts.head, hashTail: parts.tail, metadataCanonical };
  });
}

function toJson(value: unknown, what: string): string {
  const json = JSON.stringify(value);
  if (typeof json !== 'string') throw new TypeError(`event ${what} must be JSON-serializable, got ${typeof value}`);
  return json;
}
