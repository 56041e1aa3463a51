import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { verifyLog } from '../../services/cli/verify.js';
import { openSqliteStore } from '../../services/store/sqlite/index.js';
import { newEvent } from '../support/storeContract.js';

const run = promisify(execFile);
const cli = (args: string[], dataDir: string) =>
  run(process.execPath, ['--import', 'tsx', 'services/cli/main.ts', ...args], { env: { ...process.env, DATA_DIR: dataDir } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

t.test('verify passes on an intact log and names the first broken link after tampering', async (t) => {
  const dir = t.testdir();
  const store = openSqliteStore(join(dir, 'events.db'));
  await store.append('compound-a', [newEvent('A', { n: 1 }), newEvent('B', { n: 2 })], 'no_stream');
  await store.append('compound-b', [newEvent('A', { n: 1 })], 'no_stream');
  await store.append('compound-a', [newEvent('C', { n: 3 }), newEvent('D', { n: 4 })], 1n);
  t.match(await verifyLog(store), { events: 5, streams: 2, broken: null });
  await store.close();

  const intact = await cli(['verify'], dir);
  t.equal(intact.code, 0, 'cli verify exits 0');
  t.match(intact.stdout, /ok: 5 events in 2 streams/);

  const db = new Database(join(dir, 'events.db'));
  db.prepare(`UPDATE events SET data = '{"n":20}' WHERE stream_id = 'compound-a' AND revision = 2`).run();
  db.close();
  const reopened = openSqliteStore(join(dir, 'events.db'));
  t.match(await verifyLog(reopened), { broken: { streamId: 'compound-a', revision: 2n, reason: 'hash_mismatch' } });
  await reopened.close();
  const broken = await cli(['verify'], dir);
  t.equal(broken.code, 1, 'cli verify exits 1');
  t.match(broken.stdout, /BROKEN: stream compound-a revision 2 .*hash_mismatch/);

  // Deleting a row is caught as a gap; re-linking a forged row is caught by its successor's prevHash.
  const db2 = new Database(join(dir, 'events.db'));
  db2.prepare(`UPDATE events SET data = '{"n":3}' WHERE stream_id = 'compound-a' AND revision = 2`).run();
  db2.prepare(`DELETE FROM events WHERE stream_id = 'compound-a' AND revision = 1`).run();
  db2.close();
  const gap = openSqliteStore(join(dir, 'events.db'));
  t.match(await verifyLog(gap), { broken: { streamId: 'compound-a', revision: 2n, reason: 'revision_gap' } });
  await gap.close();
});

t.test('cli token prints a token (last line) that the API accepts', async (t) => {
  const dir = t.testdir();
  const out = await cli(['token', '--sub', 'p1', '--grant', 'admin', '--grant', 'rc_staff@c1'], dir);
  t.equal(out.code, 0);
  const token = out.stdout.trim().split('\n').at(-1)!;
  t.match(token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
  const { verifyToken } = await import('../../services/auth/tokens.js');
  const { loadSigningKey } = await import('../../services/auth/keys.js');
  t.match(await verifyToken(loadSigningKey(dir), token), { personId: 'p1', grants: [{ kind: 'admin' }, { kind: 'scoped', role: 'rc_staff', compoundId: 'c1' }] });
  const bad = await cli(['token', '--sub', 'p1', '--grant', 'mayor@c1'], dir);
  t.equal(bad.code, 2, 'unknown grant refused');
});
