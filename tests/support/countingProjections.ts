/**
 * Projections for the projection-thread tests, loaded by that thread by module URL: one counts the events
 * of each stream, the other throws on an event of type `Boom` (a broken projection).
 */
import type { Projection } from '../../projections/projection.js';

export const COUNTS = 'test_counts';

export const countingProjections: readonly Projection[] = [
  {
    name: 'test-counts',
    version: 1,
    handles: ['Counted', 'Boom'],
    apply(event, docs) {
      if (event.type === 'Boom') throw new Error(`projection broke at ${event.position}`);
      const current = docs.get<{ n: number }>(COUNTS, event.streamId)?.n ?? 0;
      return [{ op: 'put', collection: COUNTS, id: event.streamId, doc: { n: current + 1, position: String(event.position) } }];
    },
  },
];
