/**
 * `cli backup` while a writer appends continuously, then `cli restore` into a new data directory: the backup
 * holds every write acknowledged before it began, `cli verify` passes on the restored directory, the read
 * model rebuilt on start equals a rebuild from the log, and the restore refuses a non-empty directory.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import type { ManualClock } from '../../services/clock.js';
import { compareWithRebuild } from '../../services/ops/viewCheck.js';
import { startTestApi } from '../support/api.js';
import { testdirClosingFirst } from '../support/testdir.js';

const run = promisify(execFile);
const DAY = 24 * 3600 * 1000;
const cli = (args: string[], dataDir: string) =>
  run(process.execPath, ['--import', 'tsx', 'services/cli/main.ts', ...args], { env: { ...process.env, DATA_DIR: dataDir } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

t.test('a backup taken under write load restores to a log that verifies and views that equal a rebuild', async (t) => {
  const { dir, onClose } = testdirClosingFirst(t, { backups: {} });
  const source = join(dir, 'source');
  const api = await startTestApi({ dataDir: source });
  onClose(() => api.close(true));
  const clock = api.runtime.deps.clock as ManualClock;
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '翠湖花园', address: '文三路 1 号', jurisdiction: 'national' } })).json() as { compoundId: string };
  const UNITS = 600;
  const units = Array.from({ length: UNITS }, (_, i) => ({ unitId: `1-${i}`, building: '1', area: '88.5', areaSource: 'registry', owners: [{ personId: `p${i}`, name: `业主${i}` }] }));
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } })).statusCode, 201);
  const convenor = await api.token('p-oc', `oc_member@${compoundId}`);
  const now = clock.now().getTime();
  const opensAt = new Date(now + 20 * DAY).toISOString();
  const proposed = await api.call('POST', `/v1/compounds/${compoundId}/motions`, {
    token: convenor,
    body: { title: '续聘物业', description: '是否续聘', matter: 'hire_or_dismiss_firm', opensAt, closesAt: new Date(now + 27 * DAY).toISOString() },
  });
  const { motionId } = proposed.json() as { motionId: string };
  t.equal((await api.call('POST', `/v1/motions/${motionId}/notice`, { token: convenor })).statusCode, 201);
  clock.set(new Date(opensAt));
  t.equal((await api.call('POST', `/v1/motions/${motionId}/open`, { token: convenor })).statusCode, 201);

  // The load: ballots (each owner once) and new compounds, from 8 producers, until told to stop.
  const acked: { kind: 'ballot' | 'compound'; id: string; at: number }[] = [];
  let next = 0;
  let stop = false;
  const producer = async (n: number) => {
    for (let i = 0; !stop; i++) {
      if (i % 4 === 3) {
        const res = await api.call('POST', '/v1/compounds', { token: admin, body: { name: `c-${n}-${i}`, address: 'a', jurisdiction: 'national' } });
        if (res.statusCode === 201) acked.push({ kind: 'compound', id: (res.json() as { compoundId: string }).compoundId, at: performance.now() });
        continue;
      }
      const u = next++;
      if (u >= UNITS) return;
      const token = await api.token(`p${u}`, `owner@${compoundId}`);
      const res = await api.call('POST', `/v1/motions/${motionId}/ballots`, { token, body: { unitId: `1-${u}`, choice: u % 3 === 0 ? 'against' : 'for' } });
      if (res.statusCode !== 201) throw new Error(res.body);
      acked.push({ kind: 'ballot', id: (res.json() as { receipt: string }).receipt, at: performance.now() });
    }
  };
  const producers = Array.from({ length: 8 }, (_, n) => producer(n));
  while (acked.length < 100) await new Promise((r) => setTimeout(r, 5));
  const backupFile = join(dir, 'backups', 'log.db');
  const began = performance.now();
  const before = acked.filter((a) => a.at < began).length;
  const backup = await cli(['backup', backupFile], source);
  const during = acked.filter((a) => a.at >= began).length;
  stop = true;
  await Promise.all(producers);
  t.equal(backup.code, 0, backup.stderr);
  t.match(backup.stdout, /^backup ok: .*log\.db: \d+ events/);
  t.ok(during > 0, `the writer kept appending during the backup (${during} acknowledged meanwhile, ${before} before)`);
  t.notOk(existsSync(`${backupFile}.partial`), 'no partial file left');

  const again = await cli(['backup', backupFile], source);
  t.equal(again.code, 2, 'an existing file is never overwritten');
  t.match(again.stderr, /^backup: .* exists: a backup never overwrites a file\n$/);

  // Restore into a non-empty directory: one line, nothing written.
  const occupied = join(dir, 'occupied');
  mkdirSync(occupied);
  writeFileSync(join(occupied, 'note.txt'), 'x');
  const refused = await cli(['restore', backupFile, occupied], source);
  t.equal(refused.code, 2);
  t.match(refused.stderr, /^restore: .*occupied is not empty: restore into a new, empty data directory\n$/);
  t.same(readdirSync(occupied), ['note.txt']);
  const notALog = await cli(['restore', join(occupied, 'note.txt'), join(dir, 'never')], source);
  t.equal(notALog.code, 2, notALog.stdout);
  t.notOk(existsSync(join(dir, 'never')), 'a file that is not a log restores nothing');

  const restoredDir = join(dir, 'restored');
  const restored = await cli(['restore', backupFile, restoredDir, '--keys-from', source], source);
  t.equal(restored.code, 0, restored.stderr + restored.stdout);
  t.match(restored.stdout, /restored \d+ events in \d+ streams .*every chain and the log tree verify/);
  t.match(restored.stdout, /signing keys copied: jwt-signing\.key, log-signing\.key/);
  const verified = await cli(['verify'], restoredDir);
  t.equal(verified.code, 0, verified.stdout);
  t.match(verified.stdout, /^ok: \d+ events/m);

  await api.close(true);
  // The server on the restored directory: the read model is rebuilt on start, and equals a rebuild from the log.
  const restoredApi = await startTestApi({ dataDir: restoredDir });
  onClose(() => restoredApi.close(true));
  const head = await restoredApi.runtime.deps.store.headPosition();
  t.ok(await restoredApi.runtime.deps.runner.waitFor(head, 30_000));
  const comparison = await compareWithRebuild(join(restoredDir, 'events.db'), join(restoredDir, 'read.db'));
  t.same(comparison.differences, [], `${comparison.documents} documents equal a rebuild`);
  t.ok(comparison.documents > 0);

  // Every write acknowledged before the backup began is in it (the same token key: --keys-from).
  const reader = await restoredApi.token('p-admin', 'admin');
  let missing = 0;
  for (const a of acked.filter((x) => x.at < began)) {
    const url = a.kind === 'ballot' ? `/v1/motions/${motionId}/ballots/${a.id}` : `/v1/compounds/${a.id}`;
    if ((await restoredApi.call('GET', url, { token: reader })).statusCode !== 200) missing++;
  }
  t.equal(missing, 0, `all ${before} writes acknowledged before the backup are in it`);
});
