/**
 * The per-stream hash chain. Each event's hash is SHA-256 over a canonical encoding of
 * {prevHash, streamId, revision, eventId, type, schemaVersion, data, metadata}, so anyone holding an export
 * can check that no event was edited, dropped or reordered within its stream.
 *
 * Canonical encoding: JSON with object keys sorted by UTF-16 code unit, no whitespace, bigints as decimal
 * strings; `undefined` members are omitted (as JSON does).
 */
import { hash as digest } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '../../domain/shared/log.js';

export const GENESIS_HASH = '0'.repeat(64);

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'bigint':
      return JSON.stringify(value.toString());
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('non-finite number cannot be encoded');
      return JSON.stringify(value);
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
      }
      // Default sort compares UTF-16 code units, as specified; plain concatenation is the fast path here
      // (every append and every verification hashes through this).
      const record = value as Record<string, unknown>;
      let out = '{';
      for (const k of Object.keys(record).sort()) {
        const v = record[k];
        if (v === undefined) continue;
        out += `${out.length > 1 ? ',' : ''}${JSON.stringify(k)}:${canonicalJson(v)}`;
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`cannot encode ${typeof value}`);
  }
}

/**
 * `canonicalJson(JSON.parse(JSON.stringify(value)))` without the round trip, or `undefined` when `value` holds
 * anything the round trip would change or drop (a non-finite number, a bigint, a function or symbol, an
 * `undefined` array element or hole, an object that is not a plain object or array, a `toJSON`): the caller
 * then takes the round trip. For plain JSON data the two are the same string, since JSON keeps strings,
 * finite numbers, booleans, null, arrays and own enumerable string keys exactly, and omits `undefined`
 * members as canonicalJson does (issue #18: parsing each event back cost more than encoding it).
 *
 * Fast path (#18): the value's objects rebuilt with their members in sorted order (the value itself where
 * they already are), then one native `JSON.stringify`, which writes keys in insertion order and escapes keys
 * and strings exactly as canonicalJson does. Quicker than writing the text piece by piece (a ballot's data 2.7
 * -> 1.8 µs, its metadata 1.7 -> 1.4 µs, same-run micro bench), with fewer intermediate strings. An object with a key that starts with a digit (the engine puts array-index
 * keys first, whatever the insertion order) or an own `__proto__` cannot be rebuilt in order: the walk still
 * checks the value is plain, and canonicalJson writes it (for plain JSON, the value and its round trip encode
 * alike).
 */
export function canonicalPlainJson(value: unknown): string | undefined {
  oddKeys = false;
  const sorted = sortedPlain(value);
  if (sorted === NOT_PLAIN) return undefined;
  return oddKeys ? canonicalJson(value) : JSON.stringify(sorted);
}

const NOT_PLAIN: unique symbol = Symbol('not plain');
/** Set by sortedPlain when it met a key it cannot put in order (its rebuilt copy is then not used). */
let oddKeys = false;

/** `value` with every object's members in sorted order (`value` itself where nothing moves), or why not. */
function sortedPlain(value: unknown): unknown {
  if (value === null) return value;
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? value : NOT_PLAIN;
    case 'string':
    case 'boolean':
      return value;
    case 'object': {
      if (Array.isArray(value)) {
        if (Object.getPrototypeOf(value) !== Array.prototype) return NOT_PLAIN;
        let copy: unknown[] | undefined;
        for (let i = 0; i < value.length; i++) {
          const v: unknown = value[i];
          if (v === undefined) return NOT_PLAIN;
          const c = sortedPlain(v);
          if (c === NOT_PLAIN) return c;
          if (c !== v) (copy ??= value.slice(0, i)).push(c);
          else copy?.push(c);
        }
        return copy ?? value;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return NOT_PLAIN;
      const record = value as Record<string, unknown>;
      if ('toJSON' in record) return NOT_PLAIN;
      const keys = Object.keys(record);
      let inOrder = true;
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i]!;
        const first = k.charCodeAt(0);
        if ((first >= 48 && first <= 57) || k === '__proto__') oddKeys = true;
        if (i > 0 && keys[i - 1]! > k) inOrder = false;
      }
      if (!inOrder) keys.sort();
      let copy: Record<string, unknown> | undefined = inOrder ? undefined : {};
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i]!;
        const v = record[k];
        if (v === undefined) continue; // JSON.stringify omits it too
        const c = sortedPlain(v);
        if (c === NOT_PLAIN) return c;
        if (copy === undefined && c !== v) {
          // In order so far, but a member changed: copy what came before it.
          copy = {};
          for (let j = 0; j < i; j++) if (record[keys[j]!] !== undefined) copy[keys[j]!] = record[keys[j]!];
        }
        if (copy !== undefined) copy[k] = c;
      }
      return copy ?? value;
    }
    default:
      return NOT_PLAIN;
  }
}

/** `"key":value` of an object member in canonical form, or '' for an undefined value (omitted, as JSON does). */
function member(first: boolean, key: string, value: unknown): string {
  if (value === undefined) return '';
  return `${first ? '' : ','}"${key}":${canonicalJson(value)}`;
}

/**
 * The canonical encoding of an event without its place in the chain, in two parts around it: `head` is
 * `{"data":…,"eventId":…,"metadata":{…}` and `tail` is `,"schemaVersion":…,"streamId":…,"type":…}`; the
 * members between them (`prevHash`, `revision`) sort there. The SQLite store computes the parts on the
 * caller's thread, so its writer thread only joins them to the stream head it holds and hashes (hashAt).
 * Every append and every verification runs this, so the fixed outer members are written in their sorted
 * order directly and only `data` goes through the generic encoder; the result is byte for byte that of
 * `canonicalJson` on the whole object (tests/store/hashChain.test.ts holds it to that).
 */
export interface HashParts {
  readonly head: string;
  readonly tail: string;
}

export function eventHashParts(streamId: string, event: NewEvent, dataCanonical?: string): HashParts {
  const { metadata } = event;
  const actor = `{${member(true, 'personId', metadata.actor.personId)}${member(metadata.actor.personId === undefined, 'role', metadata.actor.role)}}`;
  let meta = '{"actor":' + actor;
  meta += member(false, 'causationId', metadata.causationId);
  meta += member(false, 'commandId', metadata.commandId);
  meta += member(false, 'correlationId', metadata.correlationId);
  meta += member(false, 'recordedAt', metadata.recordedAt);
  meta += '}';
  let head = '{';
  // `dataCanonical`: canonicalJson(event.data), when the caller has it already.
  head += dataCanonical !== undefined ? (event.data === undefined ? '' : `"data":${dataCanonical}`) : member(true, 'data', event.data);
  head += member(head.length === 1, 'eventId', event.eventId);
  head += `${head.length === 1 ? '' : ','}"metadata":${meta}`;
  let tail = member(false, 'schemaVersion', event.schemaVersion);
  tail += member(false, 'streamId', streamId);
  tail += member(false, 'type', event.type);
  return { head, tail: `${tail}}` };
}

/** SHA-256 of the event's canonical encoding at `revision` after `prevHash`. */
export function hashAt(parts: HashParts, revision: bigint, prevHash: string): string {
  return digest('sha256', `${parts.head},"prevHash":${JSON.stringify(prevHash)},"revision":"${revision}"${parts.tail}`, 'hex');
}

/**
 * SHA-256 of the canonical encoding of {prevHash, streamId, revision, eventId, type, schemaVersion, data,
 * metadata: {commandId, correlationId, causationId, actor: {personId, role}, recordedAt}}.
 */
export function eventHash(streamId: string, revision: bigint, prevHash: string, event: NewEvent): string {
  return hashAt(eventHashParts(streamId, event), revision, prevHash);
}

/** The chained form of events about to be appended after `lastRevision` (-1n for a new stream). */
export function chain(
  streamId: string,
  lastRevision: bigint,
  lastHash: string,
  events: readonly NewEvent[],
): Array<NewEvent & { revision: bigint; prevHash: string; hash: string }> {
  let prevHash = lastHash;
  return events.map((event, i) => {
    const revision = lastRevision + 1n + BigInt(i);
    const hash = eventHash(streamId, revision, prevHash, event);
    const chained = { ...event, revision, prevHash, hash };
    prevHash = hash;
    return chained;
  });
}

export type ChainBreak = {
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly reason: 'revision_gap' | 'prev_hash_mismatch' | 'hash_mismatch';
};

/**
 * Checks one stream's events (in revision order) and returns the first broken link, or null.
 * Used by `cli verify` and by anyone replaying an export.
 */
export function verifyStream(events: readonly RecordedEvent[]): ChainBreak | null {
  let prevHash = GENESIS_HASH;
  let expectedRevision = 0n;
  for (const e of events) {
    const at = { streamId: e.streamId, revision: e.revision, position: e.position };
    if (e.revision !== expectedRevision) return { ...at, reason: 'revision_gap' };
    if (e.prevHash !== prevHash) return { ...at, reason: 'prev_hash_mismatch' };
    if (eventHash(e.streamId, e.revision, e.prevHash, e) !== e.hash) return { ...at, reason: 'hash_mismatch' };
    prevHash = e.hash;
    expectedRevision += 1n;
  }
  return null;
}
