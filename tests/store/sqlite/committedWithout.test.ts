import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { openSqliteStore } from '../../../services/store/sqlite/index.js';
import { newEvent } from '../../support/storeContract.js';

// #18: castBallot asks the store whether a close can lie between the motion it decided on and its ballot,
// from the writer's commit records alone; a wrong "no" would count a ballot cast after the close.
const root = mkdtempSync(join(tmpdir(), 'sqlite-committed-without-'));
t.teardown(() => rmSync(root, { recursive: true, force: true }));

t.test('committedWithout: known only from commits that follow on without a gap, none holding the types', async (t) => {
  const file = join(root, 'events.db');
  const store = openSqliteStore(file);
  t.teardown(() => store.close());
  const X = (type: string) => type === 'X';
  t.equal(store.committedThrough(), undefined, 'nothing committed by this process yet');
  t.equal(store.committedWithout(0n, 1n, X), false, 'nothing known');
  t.equal(store.committedWithout(5n, 5n, X), true, 'an empty range holds nothing');

  await store.append('a', [newEvent('X')], 'no_stream'); // position 1
  await store.append('b', [newEvent('Y')], 'no_stream'); // position 2
  t.equal(store.committedThrough(), 2n);
  t.equal(store.committedWithout(1n, 2n, X), true, 'position 2 is a Y');
  t.equal(store.committedWithout(0n, 2n, X), false, 'position 1 is an X');
  t.equal(store.committedWithout(1n, 2n, (type: string) => type === 'Y'), false);
  t.equal(store.committedWithout(1n, 3n, X), false, 'position 3 is not committed yet');

  // Another process's commit (position 3) is a gap in this one's records.
  const other = openSqliteStore(file);
  await other.append('c', [newEvent('X')], 'no_stream');
  await other.close();
  await store.append('d', [newEvent('Y'), newEvent('Y')], 'no_stream'); // positions 4 and 5, one commit
  t.equal(store.committedThrough(), 5n);
  t.equal(store.committedWithout(2n, 5n, X), false, 'the gap (position 3) may hold anything');
  t.equal(store.committedWithout(3n, 4n, X), true, 'after the gap: position 4 (in the commit through 5) is a Y');
  t.equal(store.committedWithout(3n, 5n, X), true);

  // Several appends in one commit: the commit's types cover them all.
  await Promise.all([store.append('e', [newEvent('Y')], 'no_stream'), store.append('f', [newEvent('X')], 'no_stream')]);
  t.equal(store.committedThrough(), 7n);
  t.equal(store.committedWithout(5n, 6n, X), false, 'position 6 shares its commit with an X: not known to be free of it');
});
