/**
 * asof16 (#16 item 3): a time-travel snapshot's bytes as the read database keeps them (snapshotTable.ts), laid
 * out so that loading one costs what a view reads of it, not the size of the compound:
 *
 *   [u32 header length][header JSON][part 0, deflated][part 1, deflated]...
 *
 * The header holds the fold's counters, its deadlines and, per part, its collection, parent (null: a slice of
 * the collection's documents without one), document count, deflated length and a Bloom filter of its ids.
 * Each part is [u32 list length][JSON list of [id, sort key (null: the id), text length]][the texts, UTF-8].
 * Loading reads the header only; a part is inflated when a query first needs it (DocsAsOf.fromParts): a count
 * needs none, a list its group, a get the parts whose filter may hold the id.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import type { DeadlineSource } from '../../platform/deadlines.js';
import { DeadlineFold } from '../../platform/deadlineFold.js';
import { DocsAsOf, persistedText, type LazyPart, type LazyRow } from './docsAsOf.js';
import type { FoldState } from './foldState.js';

/** What a part lists of each document: id, sort key (null: the id), byte length of its text. */
export type PartEntry = [id: string, sortKey: string | null, bytes: number];

/** The header's record of a part. */
type PartHead = [collection: string, parent: string | null, count: number, bytes: number, bloom: string];

export interface SnapshotHeader {
  readonly position: string;
  readonly cutAt: string | null;
  readonly events: number;
  readonly recordedAt: string | null;
  readonly deadlines: ReturnType<DeadlineFold['dump']>;
}

/** A part ready to be deflated: its documents' entries and texts. */
export interface RawPart {
  readonly collection: string;
  readonly parent: string | null;
  readonly entries: readonly PartEntry[];
  /** The texts, one after the other, as the entries list them. */
  readonly texts: readonly Uint8Array[];
}

// Bloom filters: 24 bits and 16 probes per id, about 1 false positive in 100,000 (each costs one needless part
// read): a fold of a cell checks every new document's id against every part of its collection (5,000 ballots
// against five motions' parts: 25,000 checks), so the rate must be far below 1%.
const BITS_PER_ID = 24;
const PROBES = 16;

function hashes(id: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, (b >>> 0) | 1];
}

export function bloomOf(ids: Iterable<string>, count: number): Buffer {
  const bytes = Math.max(8, Math.ceil((count * BITS_PER_ID) / 8));
  const bits = Buffer.alloc(bytes);
  const m = bytes * 8;
  for (const id of ids) {
    const [a, b] = hashes(id);
    for (let k = 0; k < PROBES; k++) {
      const bit = ((a + Math.imul(k, b)) >>> 0) % m;
      bits[bit >> 3]! |= 1 << (bit & 7);
    }
  }
  return bits;
}

export function bloomHas(bits: Uint8Array, id: string): boolean {
  const m = bits.length * 8;
  const [a, b] = hashes(id);
  for (let k = 0; k < PROBES; k++) {
    const bit = ((a + Math.imul(k, b)) >>> 0) % m;
    if ((bits[bit >> 3]! & (1 << (bit & 7))) === 0) return false;
  }
  return true;
}

/** One part's bytes (deflated) and its header record. */
export function packPart(part: RawPart): { head: PartHead; bytes: Buffer } {
  const list = Buffer.from(JSON.stringify(part.entries), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(list.length);
  const bytes = deflateSync(Buffer.concat([length, list, ...part.texts]), { level: 1 });
  const bloom = bloomOf(
    part.entries.map((e) => e[0]),
    part.entries.length,
  ).toString('base64');
  return { head: [part.collection, part.parent, part.entries.length, bytes.length, bloom], bytes };
}

/** The whole snapshot from its header and its packed parts. */
export function assemble(header: SnapshotHeader, parts: readonly { head: PartHead; bytes: Buffer }[]): Buffer {
  const head = Buffer.from(JSON.stringify({ ...header, parts: parts.map((p) => p.head) }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(head.length);
  return Buffer.concat([length, head, ...parts.map((p) => p.bytes)]);
}

/** A fold state's header (everything but the documents). */
export const headerOf = (state: FoldState): SnapshotHeader => ({ position: state.position.toString(), cutAt: state.cutAt, events: state.events, recordedAt: state.recordedAt, deadlines: state.deadlines.dump() });

/** Encodes a sealed state on this thread (tests; the server writes through snapshotWriter.ts, off the event loop). */
export function encode(state: FoldState): Buffer {
  const parts = state.docs.parts().map((p) => {
    const docs = [...p.docs];
    const texts = docs.map((d) => Buffer.from(persistedText(d), 'utf8'));
    return packPart({ collection: p.collection, parent: p.parent, entries: docs.map((d, i): PartEntry => [d.id, d.sortKey === d.id ? null : d.sortKey, texts[i]!.length]), texts });
  });
  return assemble(headerOf(state), parts);
}

/** The inverse: reads the header only; each part when first needed. The blob must not change afterwards. */
export function decode(blob: Buffer, deadlineSources: readonly DeadlineSource[]): FoldState {
  const headEnd = 4 + blob.readUInt32BE(0);
  const header = JSON.parse(blob.toString('utf8', 4, headEnd)) as SnapshotHeader & { parts: PartHead[] };
  let offset = headEnd;
  const parts: LazyPart[] = header.parts.map(([collection, parent, count, bytes, bloom]) => {
    const start = offset;
    offset += bytes;
    let bits: Uint8Array | undefined;
    return {
      collection,
      parent,
      count,
      mayHold: (id) => bloomHas((bits ??= Buffer.from(bloom, 'base64')), id),
      load(): LazyRow[] {
        const all = inflateSync(blob.subarray(start, start + bytes));
        const listEnd = 4 + all.readUInt32BE(0);
        const entries = JSON.parse(all.toString('utf8', 4, listEnd)) as PartEntry[];
        let at = listEnd;
        return entries.map(([id, sortKey, length]) => {
          const from = at;
          at += length;
          return [collection, id, parent, sortKey, () => all.toString('utf8', from, from + length)];
        });
      },
    };
  });
  return {
    docs: DocsAsOf.fromParts(parts),
    deadlines: DeadlineFold.load(deadlineSources, header.deadlines),
    position: BigInt(header.position),
    cutAt: header.cutAt,
    events: header.events,
    recordedAt: header.recordedAt,
  };
}
