/**
 * Forgetting in an immutable log (PIPL Art. 47), end to end on a real SQLite data directory with the server's
 * pino output captured: owners' names are sealed in the log, read by staff only with a recorded reason, and
 * erased by destroying keys; after that `verify` passes, the tally and the electorate are unchanged, and no
 * view, page, file of the data directory or log line shows the erased names.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import t from 'tap';
import { parseGrant, type Grant } from '../../services/auth/grants.js';
import { issueToken } from '../../services/auth/tokens.js';
import { verifyLog } from '../../services/cli/verify.js';
import { manualClock, type ManualClock } from '../../services/clock.js';
import { envelopeEvents } from '../../services/commands/handler.js';
import { loadConfig } from '../../services/config.js';
import { startRuntime, type Runtime } from '../../services/runtime.js';
import { ERASED } from '../../domain/shared/personalData.js';

const DAY = 86_400_000;
const NAMES = ['欧阳秀英', '司马建国', '诸葛伟明', '上官芳菲'];
const NEW_OWNER = '东方新月';
const LEGACY = '慕容旧名';

const root = mkdtempSync(join(tmpdir(), 'pipl-test-'));
t.teardown(() => rmSync(root, { recursive: true, force: true }));

/** Every byte of every file in the data directory except the key store, as UTF-8 text. */
const dataFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => !f.startsWith('personal-keys'))
    .map((f) => ({ f, text: readFileSync(join(dir, f)).toString('utf8') }));

async function start(dataDir: string, clock: ManualClock, lines: string[]) {
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = pino({ level: 'trace', redact: ['req.headers.authorization'] }, sink);
  const runtime: Runtime = await startRuntime(loadConfig({ DATA_DIR: dataDir, CLOCK: 'manual' }), { logger, clock });
  const key = runtime.deps.signingKey;
  const token = (sub: string, ...grants: string[]) => issueToken(key, sub, grants.map((g) => parseGrant(g)).filter((g): g is Grant => g !== null));
  const call = (method: string, url: string, tok?: string, body?: unknown) =>
    runtime.app.inject({ method: method as 'GET', url, headers: tok ? { authorization: `Bearer ${tok}` } : {}, ...(body !== undefined ? { payload: body as object } : {}) });
  return { runtime, token, call };
}

t.test('sealed names, recorded reads, erasure; verify, tallies, views, files and logs afterwards', async (t) => {
  const dataDir = join(root, 'data');
  const lines: string[] = [];
  const clock = manualClock(new Date('2026-03-02T02:00:00.000Z'));
  let { runtime, token, call } = await start(dataDir, clock, lines);
  const admin = await token('p-admin', 'admin');
  const { compoundId: c } = (await call('POST', '/v1/compounds', admin, { name: '翠湖花园', address: '文三路 1 号', jurisdiction: 'national' })).json() as { compoundId: string };
  const units = NAMES.map((name, i) => ({ unitId: `1-1-10${i + 1}`, building: '1', area: `${100 + i}.5`, areaSource: 'registry', owners: [{ personId: `p${i}`, name }] }));
  t.equal((await call('POST', `/v1/compounds/${c}/units`, admin, { units })).statusCode, 201);

  // The log holds the sealed form only.
  const imported = (await runtime.deps.store.readStream(`compound-${c}`))[1]!;
  const owner0 = (imported.data as { units: Array<{ owners: Array<{ name: unknown }> }> }).units[0]!.owners[0]!.name as Record<string, string>;
  t.match(owner0, { enc: 'pd/v1', kid: String, iv: String, ct: String, tag: String }, 'the name is a pd/v1 envelope in the event');

  // A staff read needs a reason, is recorded, and shows the names.
  const rc = await token('p-rc', `rc_staff@${c}`);
  const withOwners = (await call('GET', `/v1/compounds/${c}/units?include=owners&reason=${encodeURIComponent('核对表决权')}`, rc)).json() as { units: Array<{ owners: Array<{ personId: string; name: string }> }> };
  t.same(withOwners.units.map((u) => u.owners[0]!.name), NAMES, 'staff read the names, opened at read time');
  const supervisor = await token('p-sup', `supervisor@${c}`);
  t.equal((await call('GET', `/v1/compounds/${c}/personal-data/reads`, rc)).statusCode, 403, 'the record of reads is the supervisory board\u2019s');
  const reads = (await call('GET', `/v1/compounds/${c}/personal-data/reads`, supervisor)).json() as { reads: Array<Record<string, unknown>> };
  t.equal(reads.reads.length, 1);
  t.match(reads.reads[0], { reader: { personId: 'p-rc', role: 'rc_staff' }, record: 'unit_owners', unitIds: ['1-1-101', '1-1-102', '1-1-103', '1-1-104'], names: 4, reason: '核对表决权' });
  for (const name of NAMES) t.notOk(JSON.stringify(reads).includes(name), 'the record of reads holds no name');

  // A vote, closed and counted.
  const oc = await token('p-oc', `oc_member@${c}`);
  const now = clock.now().getTime();
  const opensAt = new Date(now + 20 * DAY).toISOString();
  const closesAt = new Date(now + 27 * DAY).toISOString();
  const { motionId } = (await call('POST', `/v1/compounds/${c}/motions`, oc, { title: '续聘物业', description: '是否续聘', matter: 'hire_or_dismiss_firm', opensAt, closesAt })).json() as { motionId: string };
  await call('POST', `/v1/motions/${motionId}/notice`, oc);
  clock.set(new Date(opensAt));
  await call('POST', `/v1/motions/${motionId}/open`, oc);
  for (const [i, choice] of ['for', 'for', 'against', 'for'].entries()) {
    const res = await call('POST', `/v1/motions/${motionId}/ballots`, await token(`p${i}`, `owner@${c}`), { unitId: units[i]!.unitId, choice });
    t.equal(res.statusCode, 201, res.body);
  }
  clock.set(new Date(closesAt));
  await call('POST', `/v1/motions/${motionId}/close`, oc);
  await call('POST', `/v1/motions/${motionId}/result`, oc);
  const tallyBefore = (await call('GET', `/v1/motions/${motionId}/tally`, oc)).json();
  const electorateBefore = (await call('GET', `/v1/compounds/${c}/electorate`, oc)).json();
  t.match(tallyBefore, { phase: 'preliminary', participating: { headcount: 4 } });

  // p3 sells; a legacy (plain) name of p4 is in the log as an older server wrote it.
  t.equal((await call('POST', `/v1/compounds/${c}/units/1-1-104/transfer`, admin, { owners: [{ personId: 'p-new', name: NEW_OWNER }] })).statusCode, 201);
  const stream = `compound-${c}`;
  const head = await runtime.deps.store.readStream(stream);
  const legacyEvent = { type: 'UnitsImported', data: { units: [{ unitId: '2-1-101', building: '2', area: '90', areaSource: 'registry', owners: [{ personId: 'p4', name: LEGACY }], developerHeld: false }], part: 1, parts: 1 } };
  await runtime.deps.store.append(stream, envelopeEvents(stream, [legacyEvent], { commandId: 'legacy', correlationId: 'legacy', causationId: 'legacy', actor: { personId: 'p-admin', role: 'admin' }, now: clock.now() }), BigInt(head.length - 1));
  const legacyRead = (await call('GET', `/v1/compounds/${c}/units?building=2&include=owners&reason=x`, rc)).json() as { units: Array<{ owners: Array<{ name: string }> }> };
  t.equal(legacyRead.units[0]!.owners[0]!.name, LEGACY, 'legacy plain names are still read');

  // Refusals change nothing.
  const erase = (personId: string, tok: string) => call('POST', `/v1/compounds/${c}/personal-data/${personId}/erasure`, tok);
  const logSize = async () => (await runtime.deps.store.readAll()).length;
  const before = await logSize();
  const refused: Array<[string, string, number, string]> = [
    ['p0', oc, 409, 'still_an_owner'],
    ['p3', oc, 409, 'retention_period_running'],
    ['p3', admin, 409, 'retention_period_running'],
    ['p-nobody', oc, 404, 'person_not_found'],
    ['p0', await token('p1', `owner@${c}`), 403, 'insufficient_grant'],
    ['p0', rc, 403, 'insufficient_grant'],
  ];
  for (const [personId, tok, status, code] of refused) {
    const res = await erase(personId, tok);
    t.equal(res.statusCode, status, `${personId}: ${res.body}`);
    t.equal((res.json() as { code: string }).code, code);
  }
  t.equal(await logSize(), before, 'refusals append nothing');
  const keysBefore = join(root, 'personal-keys.before.db');
  copyFileSync(join(dataDir, 'personal-keys.db'), keysBefore);

  // The person themself, at once; the OC for a former owner once the retention period (3 years) has run.
  const self = await erase('p0', await token('p0'));
  t.equal(self.statusCode, 201, self.body);
  t.match(self.json(), { personId: 'p0', destroyedKeys: 1, basis: 'own_request' });
  clock.set(new Date(clock.now().getTime() + 3 * 365 * DAY));
  const byOc = await erase('p3', oc);
  t.equal(byOc.statusCode, 201, byOc.body);
  t.match(byOc.json(), { personId: 'p3', destroyedKeys: 1, basis: 'retention_expired' });
  t.equal((await erase('p3', oc)).statusCode, 409, 'erased once');
  t.equal(((await erase('p3', oc)).json() as { code: string }).code, 'already_erased');
  const legacy = await erase('p4', await token('p4'));
  t.equal(legacy.statusCode, 201, legacy.body);
  t.match(legacy.json(), { destroyedKeys: 0 }, 'a legacy person has no key; the erasure is recorded all the same');

  const check = async (label: string) => {
    const after = (await call('GET', `/v1/compounds/${c}/units?include=owners&reason=${encodeURIComponent('复核')}`, rc)).json() as { units: Array<{ unitId: string; owners: Array<{ name: string }> }> };
    t.same(
      after.units.map((u) => u.owners[0]!.name),
      [ERASED, NAMES[1], NAMES[2], NEW_OWNER, ERASED],
      `${label}: the erased show 已删除 (sealed and legacy); the others are read`,
    );
    t.same((await call('GET', `/v1/motions/${motionId}/tally`, oc)).json(), tallyBefore, `${label}: the tally is unchanged`);
    const electorate = (await call('GET', `/v1/compounds/${c}/electorate?buildings=1`, oc)).json() as Record<string, unknown>;
    t.same({ ...electorate, buildings: null }, electorateBefore, `${label}: the electorate is unchanged`);
    const pages = [
      (await call('GET', `/board/${c}`, oc)).body,
      (await call('GET', `/board/${c}/motions/${motionId}`, oc)).body,
      (await call('GET', `/v1/compounds/${c}/motions`, oc)).body,
      (await call('GET', `/v1/motions/${motionId}/ballots`, oc)).body,
      (await call('GET', `/v1/compounds/${c}/personal-data/reads`, supervisor)).body,
    ];
    const verified = await verifyLog(runtime.deps.store);
    t.same(verified.problems, [], `${label}: verify passes over the sealed log after the keys are gone`);
    for (const name of [NAMES[0]!, NAMES[3]!]) {
      t.notOk(pages.some((p) => p.includes(name)), `${label}: no view or page shows ${name}`);
      t.notOk(JSON.stringify(after).includes(name), `${label}: the unit list does not show ${name}`);
    }
  };
  await check('after erasure');
  const lastReads = (await call('GET', `/v1/compounds/${c}/personal-data/reads`, supervisor)).json() as { reads: unknown[] };
  t.equal(lastReads.reads.length, 3, 'every staff read is on the record (the first, the legacy one, the check)');

  // Durable: after a restart, and after the key store is put back from a copy taken before the erasures
  // (the erasures in the log are replayed into it at start).
  await runtime.close();
  ({ runtime, token, call } = await start(dataDir, clock, lines));
  await check('after a restart');
  await runtime.close();
  copyFileSync(keysBefore, join(dataDir, 'personal-keys.db'));
  ({ runtime, token, call } = await start(dataDir, clock, lines));
  await check('after restoring an old key store');
  await runtime.close();

  // No file of the data directory (the log, the read database, the platform's) and no log line holds a name.
  const files = dataFiles(dataDir);
  t.ok(files.some((f) => f.f === 'events.db'));
  for (const name of [...NAMES, NEW_OWNER]) {
    t.notOk(files.some((f) => f.text.includes(name)), `no data file holds ${name} in clear`);
  }
  t.ok(lines.length > 50, `the server logged (${lines.length} lines)`);
  for (const name of [...NAMES, NEW_OWNER, LEGACY]) t.notOk(lines.some((l) => l.includes(name)), `no log line shows ${name}`);
});
