/** In-memory adapter of the store port, for tests. Same semantics as the durable adapters. */
import { catchUpSubscription, commitSignal, filteredPage } from './catchUp.js';
import { chain, GENESIS_HASH } from './hashChain.js';
import { leafHash, LogFrontier } from './logTree.js';
import {
  expectationHolds,
  RevisionConflictError,
  StoreUnavailableError,
  type EventStore,
  type RecordedEvent,
  type TreeHead,
} from './port.js';

export function memoryStore(): EventStore & { readonly events: RecordedEvent[]; treeHead(): Promise<TreeHead> } {
  const all: RecordedEvent[] = [];
  const streams = new Map<string, RecordedEvent[]>();
  const signal = commitSignal();
  const tree = new LogFrontier();
  let closed = false;

  const guard = () => {
    if (closed) throw new StoreUnavailableError('store is closed');
  };

  return {
    name: 'memory',
    events: all,
    async append(streamId, events, expected) {
      guard();
      const stream = streams.get(streamId) ?? [];
      const last = stream[stream.length - 1];
      const lastRevision = last ? last.revision : -1n;
      if (!expectationHolds(expected, lastRevision)) {
        throw new RevisionConflictError(streamId, expected, last ? lastRevision : 'no_stream');
      }
      if (events.length === 0) {
        return { nextExpectedRevision: lastRevision, position: 0n, hash: '' };
      }
      const chained = chain(streamId, lastRevision, last ? last.hash : GENESIS_HASH, events);
      let position = BigInt(all.length);
      for (const c of chained) {
        position += 1n;
        const leaf = leafHash(tree.size, c.hash, c.metadata);
        tree.append(leaf);
        const recorded: RecordedEvent = { ...c, streamId, position, leafHash: leaf.toString('hex') };
        all.push(recorded);
        stream.push(recorded);
      }
      streams.set(streamId, stream);
      signal.fire();
      const lastChained = chained[chained.length - 1]!;
      return { nextExpectedRevision: lastChained.revision, position, hash: lastChained.hash };
    },
    async readStream(streamId, options = {}) {
      guard();
      const from = Number(options.fromRevision ?? 0n);
      const stream = streams.get(streamId) ?? [];
      return stream.slice(from, options.maxCount === undefined ? undefined : from + options.maxCount);
    },
    async readAll(options = {}) {
      guard();
      const from = Number(options.after ?? 0n); // positions are 1-based indexes + 1
      return all.slice(from, options.maxCount === undefined ? undefined : from + options.maxCount);
    },
    subscribe(options) {
      return catchUpSubscription(
        async (after, maxCount, types) => filteredPage(after, all.slice(Number(after), Number(after) + maxCount), maxCount, types),
        signal,
        options,
      );
    },
    async headPosition() {
      return BigInt(all.length);
    },
    async treeHead() {
      guard();
      return tree.head();
    },
    async health() {
      return { ok: !closed, adapter: 'memory' };
    },
    async close() {
      closed = true;
      signal.fire();
    },
  };
}
