/**
 * `cli verify`: walks the whole log in global order and checks every stream's hash chain; reports the
 * first broken link (exit 1) or how much it checked (exit 0).
 */
import { eventHash, GENESIS_HASH, type ChainBreak } from '../store/hashChain.js';
import type { EventStore } from '../store/port.js';

export async function verifyLog(
  store: EventStore,
  onProgress?: (events: number) => void,
): Promise<{ events: number; streams: number; broken: ChainBreak | null }> {
  const heads = new Map<string, { revision: bigint; hash: string }>();
  let after = 0n;
  let events = 0;
  for (;;) {
    const page = await store.readAll({ after, maxCount: 2000 });
    for (const e of page) {
      const head = heads.get(e.streamId) ?? { revision: -1n, hash: GENESIS_HASH };
      const at = { streamId: e.streamId, revision: e.revision, position: e.position };
      if (e.revision !== head.revision + 1n) return { events, streams: heads.size, broken: { ...at, reason: 'revision_gap' } };
      if (e.prevHash !== head.hash) return { events, streams: heads.size, broken: { ...at, reason: 'prev_hash_mismatch' } };
      if (eventHash(e.streamId, e.revision, e.prevHash, e) !== e.hash) {
        return { events, streams: heads.size, broken: { ...at, reason: 'hash_mismatch' } };
      }
      heads.set(e.streamId, { revision: e.revision, hash: e.hash });
      events++;
    }
    onProgress?.(events);
    if (page.length < 2000) break;
    after = page[page.length - 1]!.position;
  }
  return { events, streams: heads.size, broken: null };
}
