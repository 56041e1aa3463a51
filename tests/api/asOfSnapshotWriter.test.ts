/**
 * asof16 (#16 item 3): writing a time-travel snapshot does not hold the API's event loop. The documents are
 * turned into text a slice at a time, with turns of the loop between slices, and deflated and written on the
 * writer thread (services/api/asOf/snapshotWriter.ts): while a 20,000-document snapshot is saved the loop
 * turns many times (a save done in one go turns it none), and what was saved loads back whole.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { DocsAsOf } from '../../services/api/asOf/docsAsOf.js';
import type { FoldState } from '../../services/api/asOf/foldState.js';
import { openSnapshotTable } from '../../services/api/asOf/snapshotTable.js';
import { DeadlineFold } from '../../services/platform/deadlineFold.js';
import type { EventStore, RecordedEvent } from '../../services/store/port.js';

t.test('a snapshot is written while the event loop goes on turning', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'asof-writer-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const docs = new DocsAsOf();
  const N = 20_000;
  for (let i = 0; i < N; i++) docs.applyChanges([{ op: 'put', collection: 'ballots', id: `r${i}`, parent: `m${i % 4}`, doc: { i, text: 'x'.repeat(200) } }]);
  const position = 7n;
  const event = { position, hash: 'h7', metadata: { recordedAt: '2026-03-02T01:00:00.000Z' } } as unknown as RecordedEvent;
  const store = { readAll: async ({ after }: { after?: bigint } = {}) => ((after ?? 0n) < position ? [event] : []) } as unknown as EventStore;
  const state: FoldState = { docs: docs.seal(), deadlines: new DeadlineFold([]), position, cutAt: '2026-03-02T01:00:00.000Z', events: N, recordedAt: null };
  const table = openSnapshotTable(join(dir, 'read.db'), 'fp');
  t.teardown(() => table.close());

  let turns = 0;
  let saving = true;
  const tick = () => {
    turns += 1;
    if (saving) setImmediate(tick);
  };
  setImmediate(tick);
  const saved = await table.save('c1', state, { hash: 'h7', after: 6n });
  saving = false;
  t.equal(saved, true, 'saved');
  t.ok(turns >= N / 250 / 2, `the loop turned ${turns} times while it was written`);
  t.equal(await table.save('c1', state, { hash: 'h7', after: 6n }), false, 'once: a second save of the same position writes nothing');
  const loaded = (await table.load(store, 'c1', { kind: 'position', position }, 0n, []))!;
  t.equal(loaded.docs.count('ballots', 'm3'), N / 4);
  t.same(new DocsAsOf(loaded.docs).entries(), docs.entries(), 'every document as saved');
});
