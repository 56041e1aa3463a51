/**
 * A past view's documents (services/api/asOf/docsAsOf.ts): a view over a sealed snapshot answers get, list
 * (order, paging) and count exactly as one view given every change from the start, through puts, moves
 * between parents, re-sorts and deletes; the snapshot itself is unchanged by what the view over it does, and
 * refuses writes.
 */
import fc from 'fast-check';
import t from 'tap';
import type { DocChange } from '../../projections/projection.js';
import { DocsAsOf } from '../../services/api/asOf/docsAsOf.js';

const COLLECTIONS = ['a', 'b'];
const PARENTS = ['p1', 'p2'];
const change = fc.oneof(
  fc.record({ collection: fc.constantFrom(...COLLECTIONS), id: fc.constantFrom('x', 'y', 'z', 'w', 'v'), parent: fc.option(fc.constantFrom(...PARENTS), { nil: undefined }), sortKey: fc.option(fc.constantFrom('1', '2', '3'), { nil: undefined }), n: fc.nat(99) }).map(
    ({ collection, id, parent, sortKey, n }): DocChange => ({ op: 'put', collection, id, ...(parent !== undefined ? { parent } : {}), ...(sortKey !== undefined ? { sortKey } : {}), doc: { id, n } }) as DocChange,
  ),
  fc.record({ collection: fc.constantFrom(...COLLECTIONS), id: fc.constantFrom('x', 'y', 'z', 'w', 'v') }).map(({ collection, id }): DocChange => ({ op: 'delete', collection, id }) as DocChange),
);

const answers = (v: DocsAsOf) =>
  COLLECTIONS.flatMap((c) => [
    ...PARENTS.flatMap((p) => [v.list(c, p), v.list(c, p, { afterSortKey: '1' }), v.list(c, p, { limit: 1 }), v.list(c, p, { afterSortKey: 'x', limit: 2 }), v.count(c, p)]),
    ...['x', 'y', 'z', 'w', 'v'].map((id) => v.get(c, id) ?? null),
  ]);

t.test('a view over a snapshot answers as the view folded from the start', async (t) => {
  fc.assert(
    fc.property(fc.array(change, { maxLength: 30 }), fc.array(change, { maxLength: 30 }), (before, after) => {
      const whole = new DocsAsOf();
      for (const c of [...before, ...after]) whole.applyChanges([c]);
      const first = new DocsAsOf();
      for (const c of before) first.applyChanges([c]);
      const snapshot = first.seal();
      const sealedAnswers = JSON.stringify(answers(snapshot));
      const over = new DocsAsOf(snapshot);
      for (const c of after) over.applyChanges([c]);
      t.same(answers(over), answers(whole));
      t.same(over.entries(), whole.entries());
      t.equal(JSON.stringify(answers(snapshot)), sealedAnswers, 'the snapshot is unchanged');
      // And a snapshot of the view over a snapshot (the fold's next cell).
      const again = new DocsAsOf(over.seal());
      t.same(answers(again), answers(whole));
    }),
    { numRuns: 200 },
  );
  const sealed = new DocsAsOf().seal();
  t.throws(() => sealed.applyChanges([{ op: 'delete', collection: 'a', id: 'x' } as DocChange]), /sealed/);
  t.throws(() => new DocsAsOf(new DocsAsOf()), /sealed/, 'a view starts only from a snapshot');
});
