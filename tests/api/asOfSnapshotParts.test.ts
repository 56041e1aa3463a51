/**
 * asof16 (#16 item 3): a snapshot loaded from the read database (services/api/asOf/snapshotTable.ts) costs
 * what a view reads of it, not the size of the compound: its documents are persisted in parts (a group of one
 * parent, or a slice of a collection's documents without one), and a part is read only when a query needs it:
 * a count reads none, a list reads its group, a get reads the part that may hold the id, a change reads the
 * group it joins and the part the id stood in. What it answers is what the snapshot held (the property over
 * random changes is tests/api/docsAsOf.test.ts; over a real log and restarts, tests/api/asOfSnapshots.test.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { DocsAsOf, snapshotReads } from '../../services/api/asOf/docsAsOf.js';
import { openSnapshotTable } from '../../services/api/asOf/snapshotTable.js';
import type { FoldState } from '../../services/api/asOf/foldState.js';
import { DeadlineFold } from '../../services/platform/deadlineFold.js';
import type { EventStore, RecordedEvent } from '../../services/store/port.js';

const GROUPS = ['m1', 'm2', 'm3', 'm4'];
const PER_GROUP = 500;
const LOOSE = 3000;

t.test('a loaded snapshot reads only the parts a query needs', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'asof-parts-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const docs = new DocsAsOf();
  for (const m of GROUPS) for (let i = 0; i < PER_GROUP; i++) docs.applyChanges([{ op: 'put', collection: 'ballots', id: `${m}-r${i}`, parent: m, sortKey: String(1000 + i), doc: { m, i } }]);
  for (let i = 0; i < LOOSE; i++) docs.applyChanges([{ op: 'put', collection: 'voters', id: `v${i}`, doc: { i } }]);
  docs.applyChanges([{ op: 'put', collection: 'tallies', id: 'm1', doc: { counted: PER_GROUP } }]);
  const total = GROUPS.length * PER_GROUP + LOOSE + 1;
  const position = 100n;
  const event = { position, hash: 'h100', metadata: { recordedAt: '2026-03-02T01:00:00.000Z' } } as unknown as RecordedEvent;
  // The table checks the event a snapshot stands on against the log: a log of that one event.
  const store = { readAll: async ({ after }: { after?: bigint } = {}) => ((after ?? 0n) < position ? [event] : []) } as unknown as EventStore;
  const state: FoldState = { docs: docs.seal(), deadlines: new DeadlineFold([]), position, cutAt: '2026-03-02T01:00:00.000Z', events: total, recordedAt: '2026-03-02T01:00:00.000Z' };
  const table = openSnapshotTable(join(dir, 'read.db'), 'fp');
  t.teardown(() => table.close());
  t.ok(await table.save('c1', state, { hash: 'h100', after: 99n }), 'saved');

  snapshotReads.docs = 0;
  const loaded = (await table.load(store, 'c1', { kind: 'position', position }, 0n, []))!;
  t.ok(loaded, 'loaded');
  t.equal(snapshotReads.docs, 0, 'loading reads no document');
  t.equal(loaded.docs.size, total, 'it knows how many it holds');
  t.equal(loaded.docs.count('ballots', 'm2'), PER_GROUP, 'a count');
  t.equal(snapshotReads.docs, 0, 'reads none');
  t.same(loaded.docs.get('tallies', 'm1'), { counted: PER_GROUP }, 'a get');
  t.ok(snapshotReads.docs <= 1, `reads the part that may hold it (${snapshotReads.docs} documents)`);
  const listed = loaded.docs.list<{ i: number }>('ballots', 'm3', { limit: 3, afterSortKey: '1010' });
  t.same(listed.map((d) => d.i), [11, 12, 13], 'a list in sort-key order');
  t.ok(snapshotReads.docs <= 1 + PER_GROUP, `reads its group (${snapshotReads.docs} documents in all)`);
  const before = snapshotReads.docs;
  t.same(loaded.docs.get('voters', 'v2999'), { i: 2999 }, 'a get among many documents without a parent');
  t.ok(snapshotReads.docs - before < LOOSE, `reads a slice of them (${snapshotReads.docs - before} of ${LOOSE})`);

  // A fold going on from it: a new ballot in m4 reads m4 (the group it joins), not m1 or m2.
  const view = new DocsAsOf(loaded.docs);
  const mid = snapshotReads.docs;
  view.applyChanges([{ op: 'put', collection: 'ballots', id: 'm4-new', parent: 'm4', sortKey: '9999', doc: { m: 'm4', i: -1 } }]);
  t.equal(view.count('ballots', 'm4'), PER_GROUP + 1);
  t.equal(view.count('ballots', 'm1'), PER_GROUP);
  t.ok(snapshotReads.docs - mid <= PER_GROUP + 1, `a change reads the group it joins (${snapshotReads.docs - mid} documents)`);
  t.ok(snapshotReads.docs < total / 2, `in all ${snapshotReads.docs} of ${total} documents read`);
  t.same(view.get('ballots', 'm1-r7'), { m: 'm1', i: 7 }, 'and any other document is still there');
  t.same(new DocsAsOf(loaded.docs).entries(), docs.entries(), 'every document as saved');
});
