/**
 * A past view's documents (services/api/asOf/docsAsOf.ts): a view over a sealed snapshot answers get, list
 * (order, paging) and count exactly as one view given every change from the start, through puts, moves
 * between parents, re-sorts and deletes; the snapshot itself is unchanged by what the view over it does, and
 * refuses writes. asof16: the same over a snapshot persisted in parts and loaded back (snapshotCodec.ts), its
 * parts read only as queries and changes reach them, with queries at random moments between the changes.
 */
import fc from 'fast-check';
import t from 'tap';
import type { DocChange } from '../../projections/projection.js';
import { DocsAsOf } from '../../services/api/asOf/docsAsOf.js';
import { decode, encode } from '../../services/api/asOf/snapshotCodec.js';
import { DeadlineFold } from '../../services/platform/deadlineFold.js';

const COLLECTIONS = ['a', 'b'];
const PARENTS = ['p1', 'p2'];
const change = fc.oneof(
  fc.record({ collection: fc.constantFrom(...COLLECTIONS), id: fc.constantFrom('x', 'y', 'z', 'w', 'v'), parent: fc.option(fc.constantFrom(...PARENTS), { nil: undefined }), sortKey: fc.option(fc.constantFrom('1', '2', '3'), { nil: undefined }), n: fc.nat(99) }).map(
    ({ collection, id, parent, sortKey, n }): DocChange => ({ op: 'put', collection, id, ...(parent !== undefined ? { parent } : {}), ...(sortKey !== undefined ? { sortKey } : {}), doc: { id, n } }) as DocChange,
  ),
  fc.record({ collection: fc.constantFrom(...COLLECTIONS), id: fc.constantFrom('x', 'y', 'z', 'w', 'v') }).map(({ collection, id }): DocChange => ({ op: 'delete', collection, id }) as DocChange),
);

/** Each query, asked when called (asof16: one at a time reads only the parts it needs). */
const questions = (v: DocsAsOf): (() => unknown)[] =>
  COLLECTIONS.flatMap((c) => [
    ...PARENTS.flatMap((p) => [() => v.list(c, p), () => v.list(c, p, { afterSortKey: '1' }), () => v.list(c, p, { limit: 1 }), () => v.list(c, p, { afterSortKey: 'x', limit: 2 }), () => v.count(c, p)]),
    ...['x', 'y', 'z', 'w', 'v'].map((id) => () => v.get(c, id) ?? null),
  ]);
const answers = (v: DocsAsOf) => questions(v).map((q) => q());

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

/** asof16: a snapshot persisted and loaded back (its parts not read yet). */
const persisted = (snapshot: DocsAsOf): DocsAsOf =>
  decode(encode({ docs: snapshot, deadlines: new DeadlineFold([]), position: 1n, cutAt: null, events: 0, recordedAt: null }), []).docs;

t.test('asof16: a view over a persisted snapshot answers as the view folded from the start, whichever parts it has read', async (t) => {
  const step = fc.oneof(change.map((c) => ({ change: c })), fc.nat(questions(new DocsAsOf()).length - 1).map((ask) => ({ ask })));
  fc.assert(
    fc.property(fc.array(change, { maxLength: 40 }), fc.array(step, { maxLength: 40 }), fc.boolean(), (before, steps, resealed) => {
      const whole = new DocsAsOf();
      for (const c of before) whole.applyChanges([c]);
      const first = new DocsAsOf();
      for (const c of before) first.applyChanges([c]);
      let loaded = persisted(first.seal());
      if (resealed) loaded = persisted(new DocsAsOf(loaded).seal()); // a snapshot of a view over a loaded one, persisted again
      t.equal(loaded.size, first.size, 'the loaded snapshot knows its size');
      const over = new DocsAsOf(loaded);
      for (const s of steps) {
        if ('change' in s) {
          whole.applyChanges([s.change]);
          over.applyChanges([s.change]);
        } else {
          const got = questions(over)[s.ask]!();
          const want = questions(whole)[s.ask]!();
          if (JSON.stringify(got) !== JSON.stringify(want)) {
            t.same(got, want, `question ${s.ask}`);
            return false;
          }
        }
      }
      t.same(answers(over), answers(whole));
      t.same(over.entries(), whole.entries());
      t.same(new DocsAsOf(over.seal()).entries(), whole.entries(), 'and sealed again');
      return true;
    }),
    { numRuns: 300 },
  );
});
