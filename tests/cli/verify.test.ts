import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import type { Test } from 'tap';
import type { ManualClock } from '../../services/clock.js';
import { verifyLog, type Problem } from '../../services/cli/verify.js';
import { jwkToPublicKey, loadLogSigningKey, LOG_SIGNING_KEY_FILE } from '../../services/keys/logSigningKey.js';
import { signatureHolds, signTreeHead, type SignedTreeHead } from '../../services/store/signedHead.js';
import { openSqliteStore } from '../../services/store/sqlite/index.js';
import { startTestApi } from '../support/api.js';
import { newEvent } from '../support/storeContract.js';

const run = promisify(execFile);
const cli = (args: string[], dataDir: string) =>
  run(process.execPath, ['--import', 'tsx', 'services/cli/main.ts', ...args], { env: { ...process.env, DATA_DIR: dataDir } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

const DAY = 24 * 3600 * 1000;
const root = mkdtempSync(join(tmpdir(), 'verify-test-'));
t.teardown(() => rmSync(root, { recursive: true, force: true }));

/**
 * A real events.db, written through the HTTP API: a compound with units, a motion opened, three ballots
 * (each a stream of one event), closed, result published, then another compound. Also the signed heads the API published: one
 * before the close, one at the end.
 */
const fixture = (async () => {
  const dataDir = join(root, 'fixture');
  const api = await startTestApi({ dataDir });
  const clock = api.runtime.deps.clock as ManualClock;
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '翠湖花园', address: '文三路 1 号', jurisdiction: 'national' } })).json() as { compoundId: string };
  const units = ['101', '102', '103', '104'].map((n, i) => ({ unitId: `1-1-${n}`, building: '1', area: '100', areaSource: 'registry', owners: [{ personId: `p${i}`, name: `业主${i}` }] }));
  await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } });
  const convenor = await api.token('p-oc', `oc_member@${compoundId}`);
  const now = clock.now().getTime();
  const opensAt = new Date(now + 20 * DAY).toISOString();
  const closesAt = new Date(now + 27 * DAY).toISOString();
  const { motionId } = (
    await api.call('POST', `/v1/compounds/${compoundId}/motions`, { token: convenor, body: { title: '续聘物业', description: '是否续聘', matter: 'hire_or_dismiss_firm', opensAt, closesAt } })
  ).json() as { motionId: string };
  await api.call('POST', `/v1/motions/${motionId}/notice`, { token: convenor });
  clock.set(new Date(opensAt));
  await api.call('POST', `/v1/motions/${motionId}/open`, { token: convenor });
  for (const [i, choice] of ['for', 'against', 'for'].entries()) {
    const res = await api.call('POST', `/v1/motions/${motionId}/ballots`, { token: await api.token(`p${i}`, `owner@${compoundId}`), body: { unitId: units[i]!.unitId, choice } });
    if (res.statusCode !== 201) throw new Error(res.body);
  }
  const earlyHead = (await api.call('GET', '/v1/log/head')).json() as SignedTreeHead;
  clock.set(new Date(closesAt));
  await api.call('POST', `/v1/motions/${motionId}/close`, { token: convenor });
  await api.call('POST', `/v1/motions/${motionId}/result`, { token: convenor });
  // Another compound after it all, so no stream above ends the log.
  await api.call('POST', '/v1/compounds', { token: admin, body: { name: '西溪花园', address: '文一路 2 号', jurisdiction: 'national' } });
  const finalHead = (await api.call('GET', '/v1/log/head')).json() as SignedTreeHead;
  const keys = (await api.call('GET', '/v1/keys')).json() as { keys: Array<{ kid: string; kty: string; crv: string; x: string }> };
  const board = (await api.call('GET', `/v1/compounds/${compoundId}/motions`, { token: convenor })).json() as { logHead?: SignedTreeHead };
  await api.close(true);
  const db = new Database(join(dataDir, 'events.db'), { readonly: true });
  const rows = db.prepare('SELECT global_position AS position, stream_id AS streamId, type FROM events ORDER BY global_position').all() as Array<{ position: number; streamId: string; type: string }>;
  db.close();
  return { dataDir, earlyHead, finalHead, keys, board, rows, motionId };
})();

/** A copy of the fixture's data directory (events.db and the log key), changed by `tamper`. */
async function tampered(t: Test, tamper: (db: Database.Database) => void): Promise<string> {
  const { dataDir } = await fixture;
  const dir = mkdtempSync(join(root, 'copy-'));
  copyFileSync(join(dataDir, 'events.db'), join(dir, 'events.db'));
  copyFileSync(join(dataDir, LOG_SIGNING_KEY_FILE), join(dir, LOG_SIGNING_KEY_FILE));
  const db = new Database(join(dir, 'events.db'));
  tamper(db);
  db.close();
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function verifyDir(dir: string, heads: SignedTreeHead[] = []) {
  const { keys } = await fixture;
  const store = openSqliteStore(join(dir, 'events.db'));
  try {
    return await verifyLog(store, { heads, publicKeys: new Map(keys.keys.map((k) => [k.kid, jwkToPublicKey(k)])) });
  } finally {
    await store.close();
  }
}

const at = (problems: readonly Problem[], reason: Problem['reason']) => problems.filter((p) => p.reason === reason).map((p) => Number(p.position));

t.test('the API publishes signed heads that verify with its public key; the notice board carries one', async (t) => {
  const { earlyHead, finalHead, keys, board, rows } = await fixture;
  t.equal(finalHead.treeSize, String(rows.length), 'the final head covers every event');
  t.ok(Number(earlyHead.treeSize) < rows.length, 'the early head covers fewer');
  t.equal(keys.keys.length, 1);
  t.equal(finalHead.keyId, keys.keys[0]!.kid);
  const publicKeys = new Map([[keys.keys[0]!.kid, jwkToPublicKey(keys.keys[0]!)]]);
  t.ok(signatureHolds(finalHead, publicKeys) && signatureHolds(earlyHead, publicKeys), 'both signatures hold');
  t.same(board.logHead, finalHead, 'the notice board shows the current head');
});

t.test('an intact copy verifies, and both earlier heads are prefixes of it', async (t) => {
  const { earlyHead, finalHead, rows } = await fixture;
  const dir = await tampered(t, () => {});
  const result = await verifyDir(dir, [earlyHead, finalHead]);
  t.same(result.problems, []);
  t.equal(result.events, rows.length);
  t.equal(result.tree.rootHash, finalHead.rootHash);

  writeFileSync(join(dir, 'early.json'), JSON.stringify(earlyHead));
  const out = await cli(['verify', '--head', join(dir, 'early.json'), '--head', JSON.stringify(finalHead)], dir);
  t.equal(out.code, 0, out.stdout + out.stderr);
  t.match(out.stdout, new RegExp(`ok: ${rows.length} events in \\d+ streams, every hash chain intact; log tree of ${rows.length} events, root ${finalHead.rootHash}`));
  t.match(out.stdout, /signature valid, the log begins with it/);
});

t.test('a forged head fails: altered fields, another key, or a validly signed root the log does not have', async (t) => {
  const { earlyHead, dataDir } = await fixture;
  const dir = await tampered(t, () => {});
  const altered = { ...earlyHead, treeSize: String(Number(earlyHead.treeSize) - 1) };
  t.same(at((await verifyDir(dir, [altered])).problems, 'bad_signature').length, 1, 'a changed size breaks the signature');
  const other = loadLogSigningKey(join(root, 'other-key'));
  const foreign = signTreeHead(other, { treeSize: BigInt(earlyHead.treeSize), rootHash: earlyHead.rootHash }, new Date());
  t.match((await verifyDir(dir, [foreign])).problems, [{ reason: 'bad_signature', detail: /no public key with kid/ }]);
  const ours = loadLogSigningKey(dataDir);
  const wrongRoot = signTreeHead(ours, { treeSize: BigInt(earlyHead.treeSize), rootHash: 'ab'.repeat(32) }, new Date());
  const result = await verifyDir(dir, [wrongRoot]);
  t.match(result.problems, [{ reason: 'root_mismatch', detail: /says abab/ }], 'signed, but not a prefix of this log');
  const out = await cli(['verify', '--head', JSON.stringify(altered)], dir);
  t.equal(out.code, 1);
  t.match(out.stdout, /BROKEN: bad_signature: .*the signature does not hold/);
});

t.test('a random single-byte change inside a row\'s data is reported at its position', async (t) => {
  const { rows } = await fixture;
  for (let trial = 0; trial < 8; trial++) {
    const row = rows[Math.floor(Math.random() * rows.length)]!;
    let where = '';
    const dir = await tampered(t, (db) => {
      const data = Buffer.from((db.prepare('SELECT data FROM events WHERE global_position = ?').pluck().get(row.position) as string), 'utf8');
      const i = Math.floor(Math.random() * data.length);
      const was = data[i]!;
      data[i] = (was + 1 + Math.floor(Math.random() * 255)) % 256;
      where = `byte ${i} of position ${row.position}: ${was} -> ${data[i]}`;
      db.prepare('UPDATE events SET data = CAST(? AS TEXT) WHERE global_position = ?').run(data, row.position);
    });
    const { problems } = await verifyDir(dir);
    const first = problems[0];
    t.ok(first && Number(first.position) === row.position && ['hash_mismatch', 'malformed'].includes(first.reason), `${where}: ${JSON.stringify(first, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}`);
  }
});

t.test('a malformed row (not JSON, or metadata of the wrong type) is a broken event at its position, not a stack trace', async (t) => {
  const { rows } = await fixture;
  const [a, b] = [rows[3]!, rows[5]!];
  const dir = await tampered(t, (db) => {
    db.prepare(`UPDATE events SET data = '{"unitId":' WHERE global_position = ?`).run(a.position);
    db.prepare(`UPDATE events SET metadata = '5' WHERE global_position = ?`).run(b.position);
  });
  const { problems, events } = await verifyDir(dir);
  t.same(at(problems, 'malformed'), [a.position, b.position]);
  t.equal(events, rows.length, 'every row counted, the broken ones too');
  const out = await cli(['verify'], dir);
  t.equal(out.code, 1);
  t.match(out.stdout, new RegExp(`BROKEN position ${a.position} \\(stream ${a.streamId} revision \\d+\\): malformed: the row cannot be decoded`));
  t.match(out.stdout, new RegExp(`BROKEN position ${b.position} .*: malformed: cannot be checked`));
  t.notMatch(out.stderr, /SyntaxError|    at /, 'no stack trace');
});

t.test("a deleted ballot row (a stream of one event) is reported where the global order changed", async (t) => {
  const { rows, finalHead } = await fixture;
  const ballot = rows.find((r) => r.type === 'BallotCast')!;
  const dir = await tampered(t, (db) => db.prepare('DELETE FROM events WHERE global_position = ?').run(ballot.position));
  const { problems } = await verifyDir(dir, [finalHead]);
  t.same(at(problems, 'order_changed'), [ballot.position + 1], 'named at the event after the gap');
  t.match(problems.find((p) => p.reason === 'order_changed'), { detail: /1 event\(s\) before it are missing/ });
  t.ok(at(problems, 'log_truncated').length >= 1, 'the heads cover one event more than the log has');
  const out = await cli(['verify'], dir);
  t.equal(out.code, 1);
  t.match(out.stdout, new RegExp(`BROKEN position ${ballot.position + 1} .*order_changed`));
});

t.test("deleting a stream's last event: in the middle of the log, and at its end", async (t) => {
  const { rows } = await fixture;
  // The compound stream's last event stands before the motion's.
  const compound = rows[0]!.streamId;
  const lastOfCompound = rows.filter((r) => r.streamId === compound).at(-1)!;
  const middle = await tampered(t, (db) => db.prepare('DELETE FROM events WHERE global_position = ?').run(lastOfCompound.position));
  t.same(at((await verifyDir(middle)).problems, 'order_changed'), [lastOfCompound.position + 1]);

  const last = rows.at(-1)!;
  const end = await tampered(t, (db) => db.prepare('DELETE FROM events WHERE global_position = ?').run(last.position));
  const { problems } = await verifyDir(end);
  t.same(at(problems, 'log_truncated'), [last.position - 1], 'events after the last one left are missing');
  t.match(problems, [{ reason: 'log_truncated', detail: new RegExp(`covers ${rows.length} events; the log has ${rows.length - 1}`) }]);
});

t.test('a ballot moved after the close in the global order is reported at its new place and where it left', async (t) => {
  const { rows, earlyHead } = await fixture;
  const ballot = rows.find((r) => r.type === 'BallotCast')!;
  const close = rows.find((r) => r.type === 'MotionClosed')!;
  const to = rows.at(-1)!.position + 1;
  t.ok(to > close.position);
  const dir = await tampered(t, (db) => db.prepare('UPDATE events SET global_position = ? WHERE global_position = ?').run(to, ballot.position));
  const { problems } = await verifyDir(dir, [earlyHead]);
  t.same(at(problems, 'order_changed'), [ballot.position + 1], 'where it left');
  t.same(at(problems, 'leaf_mismatch'), [to], 'the moved ballot itself');
  t.ok(at(problems, 'root_mismatch').length >= 2, "neither the store's head nor the earlier signed head holds");
  const out = await cli(['verify'], dir);
  t.match(out.stdout, new RegExp(`BROKEN position ${to} \\(stream ${ballot.streamId} revision 0\\): leaf_mismatch`));
});

t.test('a dropped stream is reported at every place it left a gap', async (t) => {
  const { rows, motionId } = await fixture;
  const motion = rows.filter((r) => r.streamId.includes(motionId) && !r.streamId.startsWith('ballot-'));
  t.ok(motion.length >= 4, 'the motion stream has events spread over the log');
  const dir = await tampered(t, (db) => db.prepare('DELETE FROM events WHERE stream_id = ?').run(motion[0]!.streamId));
  const { problems } = await verifyDir(dir);
  const left = new Set(rows.filter((r) => r.streamId !== motion[0]!.streamId).map((r) => r.position));
  // After each run of deleted rows, the next remaining row names the gap.
  const expected = motion.map((m) => m.position + 1).filter((p, i, all) => left.has(p) && all.indexOf(p) === i);
  t.same(at(problems, 'order_changed'), expected);
  t.ok(expected.length >= 2);
});

t.test('a key added to an event\'s metadata is reported at its position (the chain hash does not cover it)', async (t) => {
  const { rows } = await fixture;
  const ballot = rows.filter((r) => r.type === 'BallotCast')[1]!;
  const dir = await tampered(t, (db) => db.prepare(`UPDATE events SET metadata = json_set(metadata, '$.note', 'x') WHERE global_position = ?`).run(ballot.position));
  const { problems } = await verifyDir(dir);
  t.same(at(problems, 'hash_mismatch'), [], 'the stream chain alone would pass');
  t.same(at(problems, 'leaf_mismatch'), [ballot.position]);
});

t.test('verify on a small log: chain breaks keep their old reasons', async (t) => {
  const dir = mkdtempSync(join(root, 'small-'));
  const store = openSqliteStore(join(dir, 'events.db'));
  await store.append('compound-a', [newEvent('A', { n: 1 }), newEvent('B', { n: 2 })], 'no_stream');
  await store.append('compound-b', [newEvent('A', { n: 1 })], 'no_stream');
  await store.append('compound-a', [newEvent('C', { n: 3 }), newEvent('D', { n: 4 })], 1n);
  t.match(await verifyLog(store), { events: 5, streams: 2, problems: [] });
  await store.close();
  const db = new Database(join(dir, 'events.db'));
  db.prepare(`UPDATE events SET data = '{"n":20}' WHERE stream_id = 'compound-a' AND revision = 2`).run();
  db.close();
  const reopened = openSqliteStore(join(dir, 'events.db'));
  t.match((await verifyLog(reopened)).problems, [{ streamId: 'compound-a', revision: 2n, position: 4n, reason: 'hash_mismatch' }]);
  await reopened.close();
  const db2 = new Database(join(dir, 'events.db'));
  db2.prepare(`UPDATE events SET data = '{"n":3}' WHERE stream_id = 'compound-a' AND revision = 2`).run();
  db2.prepare(`DELETE FROM events WHERE stream_id = 'compound-a' AND revision = 1`).run();
  db2.close();
  const gap = openSqliteStore(join(dir, 'events.db'));
  t.match((await verifyLog(gap)).problems, [{ streamId: 'compound-b', position: 3n, reason: 'order_changed' }, { streamId: 'compound-a', revision: 2n, reason: 'revision_gap' }]);
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
