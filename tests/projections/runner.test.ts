import t from 'tap';
import { lastPerDocument } from '../../services/projections/runner.js';

t.test('lastPerDocument keeps one change per document, the last, in order of first appearance', async (t) => {
  const put = (collection: string, id: string, n: number) => ({ op: 'put' as const, collection, id, doc: { n } });
  const changes = [put('tallies', 'm1', 1), put('ballots', 'b1', 1), put('tallies', 'm1', 2), { op: 'delete' as const, collection: 'ballots', id: 'b1' }, put('tallies', 'm1', 3), put('ballots', 'm1', 9)];
  t.same(lastPerDocument(changes), [put('tallies', 'm1', 3), { op: 'delete', collection: 'ballots', id: 'b1' }, put('ballots', 'm1', 9)]);
  t.same(lastPerDocument([]), []);
});
