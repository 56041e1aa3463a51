/**
 * A projection slower than the read database's writer (tests/projections/bulkCommits.test.ts): it counts the
 * events of each stream as countingProjections does, and spends 2 ms on each event, so a page of 20 events
 * takes the projection thread 40 ms while the writer applies it in a few.
 */
import type { Projection } from '../../projections/projection.js';

export const SLOW_COUNTS = 'test_slow_counts';
const sleeper = new Int32Array(new SharedArrayBuffer(4));

export const slowProjections: readonly Projection[] = [
  {
    name: 'test-slow-counts',
    version: 1,
    handles: ['Counted'],
    apply(event, docs) {
      Atomics.wait(sleeper, 0, 0, 2);
      const current = docs.get<{ n: number }>(SLOW_COUNTS, event.streamId)?.n ?? 0;
      return [{ op: 'put', collection: SLOW_COUNTS, id: event.streamId, doc: { n: current + 1 } }];
    },
  },
];
