/**
 * The log tree: an append-only Merkle tree over the whole global order, RFC 6962's construction
 * (Certificate Transparency, section 2.1), so the log as a whole is tamper-evident, not only each stream.
 *
 *   leaf hash  = SHA-256(0x00 || leafData)
 *   node hash  = SHA-256(0x01 || left || right)
 *   root of n  = for n > 1, k the largest power of two < n: node(root(first k), root(the rest));
 *                the root of the empty tree is SHA-256 of nothing.
 *
 * leafData (ours), UTF-8 text: the leaf index in decimal (the event's 0-based place in the global order),
 *                   LF, the event's chain hash in hex (it covers stream, revision, id, type, data and the
 *                   metadata's envelope fields), LF, canonical JSON (hashChain.ts) of the whole metadata (so a
 *                   key added to the metadata changes the leaf, which the chain hash alone would not notice).
 * Binding the index means an event moved elsewhere in the global order, or any event removed before it,
 * changes its leaf as well as the root. The index is the event's ordinal, not a store's position, so the
 * same log gives the same tree in every adapter (SQLite, memory, or a projection over EventStoreDB's $all).
 *
 * `LogFrontier` keeps the right edge of the tree: the roots of the perfect subtrees that make up the first
 * `size` leaves, one per set bit of `size` (at most 64 hashes). Appending a leaf costs O(log n) hashes
 * (amortised: two), the root O(log n).
 */
import { hash as digest } from 'node:crypto';
import { canonicalJson } from './hashChain.js';

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

export const EMPTY_ROOT = digest('sha256', Buffer.alloc(0), 'buffer');

/** The leaf of the event at `index` in the global order. `metadataJson` = canonicalJson(metadata), if at hand. */
export function leafHash(index: bigint | number, eventHash: string, metadata: unknown, metadataJson?: string): Buffer {
  if (!HEX64.test(eventHash)) throw new TypeError('an event hash is 64 lowercase hex digits');
  return leafHashOfOwnHash(index, eventHash, metadataJson ?? canonicalJson(metadata));
}

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * leafHash for a chain hash the caller has just computed (hashChain.ts hashAt: 64 lowercase hex digits by
 * construction) and the metadata's canonical JSON: the store's writer thread, for every event it appends (#18:
 * the check's regular expression was about 1.5% of that thread).
 */
export function leafHashOfOwnHash(index: bigint | number, eventHash: string, metadataJson: string): Buffer {
  // One string, hashed in one native call (UTF-8): this runs for every append and every verified event.
  return digest('sha256', `\u0000${index}\n${eventHash}\n${metadataJson}`, 'buffer');
}

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  const data = Buffer.allocUnsafe(65);
  data[0] = NODE_PREFIX;
  left.copy(data, 1);
  right.copy(data, 33);
  return digest('sha256', data, 'buffer');
}

/** A tree head: how many leaves, and the root over them (hex). */
export interface TreeHead {
  readonly treeSize: bigint;
  readonly rootHash: string;
}

export class LogFrontier {
  /** Perfect subtree roots, largest (leftmost) first; their sizes are the set bits of `size`, high to low. */
  private nodes: Buffer[];
  private count: number;

  constructor(size = 0, nodes: Buffer[] = []) {
    if (popcount(size) !== nodes.length) throw new Error(`a frontier of ${size} leaves has ${popcount(size)} nodes, not ${nodes.length}`);
    this.count = size;
    this.nodes = nodes;
  }

  get size(): number {
    return this.count;
  }

  append(leaf: Buffer): void {
    let hash = leaf;
    // Like adding 1 to a binary counter: each trailing set bit is a subtree of equal size to merge with.
    for (let s = this.count; s % 2 === 1; s = Math.floor(s / 2)) hash = nodeHash(this.nodes.pop()!, hash);
    this.nodes.push(hash);
    this.count += 1;
  }

  root(): Buffer {
    if (this.nodes.length === 0) return EMPTY_ROOT;
    let hash = this.nodes[this.nodes.length - 1]!;
    for (let i = this.nodes.length - 2; i >= 0; i--) hash = nodeHash(this.nodes[i]!, hash);
    return hash;
  }

  head(): TreeHead {
    return { treeSize: BigInt(this.count), rootHash: this.root().toString('hex') };
  }

  /** The nodes as one blob (32 bytes each), for storage; `LogFrontier.fromBlob(size, blob)` reads it back. */
  toBlob(): Buffer {
    return Buffer.concat(this.nodes);
  }

  static fromBlob(size: number, blob: Uint8Array): LogFrontier {
    const nodes: Buffer[] = [];
    for (let i = 0; i < blob.length; i += 32) nodes.push(Buffer.from(blob.subarray(i, i + 32)));
    return new LogFrontier(size, nodes);
  }

  snapshot(): { readonly size: number; readonly nodes: readonly Buffer[] } {
    return { size: this.count, nodes: this.nodes.slice() };
  }

  restore(snapshot: { readonly size: number; readonly nodes: readonly Buffer[] }): void {
    this.count = snapshot.size;
    this.nodes = snapshot.nodes.slice();
  }
}

function popcount(n: number): number {
  let bits = 0;
  for (let s = n; s > 0; s = Math.floor(s / 2)) bits += s % 2;
  return bits;
}

/** RFC 6962's MTH over a list of leaf hashes, computed the textbook way (tests hold LogFrontier to it). */
export function merkleRoot(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(merkleRoot(leaves.slice(0, k)), merkleRoot(leaves.slice(k)));
}
