/**
 * Deadlines over HTTP, on the manual clock moved by an admin: a noticed motion opens and closes by itself once
 * `opensAt` / `closesAt` have passed; one whose notice was never given shows its opening overdue (with why);
 * a Beijing result not posted within 3 days of the close (京条例 Art. 37) shows overdue, one posted in time met.
 */
import type { Test } from 'tap';
import t from 'tap';
import type { ManualClock } from '../../services/clock.js';
import { memoryStore } from '../../services/store/memory.js';
import { startTestApi, type TestApi } from '../support/api.js';

const DAY = 24 * 3600 * 1000;
const owner = (personId: string) => ({ personId, name: `业主${personId}` });

interface DeadlineView {
  deadlineId: string;
  kind: string;
  dueAt: string;
  status: 'open' | 'met' | 'overdue';
  metAt: string | null;
  late: boolean;
  source: { article: string; jurisdiction: string };
  record: { type: string; id: string };
  blocked: { code: string; message: string; at: string } | null;
}

interface World {
  api: TestApi;
  clock: ManualClock;
  compoundId: string;
  admin: string;
  convenor: string;
  reader: string;
}

async function world(t: Test, jurisdiction: string, sqlite = false): Promise<World> {
  const api = await startTestApi(sqlite ? {} : { store: memoryStore() });
  t.teardown(() => api.close());
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '翠湖花园', address: '文三路 1 号', jurisdiction } })).json() as { compoundId: string };
  const units = [
    { unitId: '1-1-101', building: '1', area: '100', areaSource: 'registry', owners: [owner('p1')] },
    { unitId: '1-1-102', building: '1', area: '80', areaSource: 'registry', owners: [owner('p2')] },
    { unitId: '2-1-101', building: '2', area: '90', areaSource: 'registry', owners: [owner('p3')] },
  ];
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } })).statusCode, 201);
  return {
    api,
    clock: api.runtime.deps.clock as ManualClock,
    compoundId,
    admin,
    convenor: await api.token('p-oc', `oc_member@${compoundId}`),
    reader: await api.token('p1', `owner@${compoundId}`),
  };
}

async function propose(w: World, notice: boolean) {
  const now = w.clock.now().getTime();
  const opensAt = new Date(now + 20 * DAY).toISOString();
  const closesAt = new Date(now + 27 * DAY).toISOString();
  const res = await w.api.call('POST', `/v1/compounds/${w.compoundId}/motions`, {
    token: w.convenor,
    body: { title: '续聘物业', description: '是否续聘', matter: 'hire_or_dismiss_firm', opensAt, closesAt },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  const { motionId } = res.json() as { motionId: string };
  if (notice) {
    const noticed = await w.api.call('POST', `/v1/motions/${motionId}/notice`, { token: w.convenor });
    if (noticed.statusCode !== 201) throw new Error(noticed.body);
  }
  return { motionId, opensAt, closesAt };
}

/** Moves the manual clock the way an operator does: over HTTP. */
async function moveClock(t: Test, w: World, to: string | number) {
  const now = typeof to === 'number' ? new Date(to).toISOString() : to;
  const res = await w.api.call('POST', '/v1/admin/clock', { token: w.admin, body: { now } });
  t.equal(res.statusCode, 200, `clock moved to ${now}`);
}

const deadlines = async (w: World, query = '') => {
  const res = await w.api.call('GET', `/v1/compounds/${w.compoundId}/deadlines${query}`, { token: w.reader });
  if (res.statusCode !== 200) throw new Error(res.body);
  return (res.json() as { deadlines: DeadlineView[] }).deadlines;
};
const deadline = async (w: World, kind: string, motionId: string) => (await deadlines(w)).find((d) => d.kind === kind && d.record.id === motionId);

async function until<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const motionStatus = async (w: World, motionId: string) => ((await w.api.call('GET', `/v1/motions/${motionId}`, { token: w.reader })).json() as { status: string }).status;

for (const sqlite of [false, true]) {
  t.test(`a noticed motion opens and closes by itself on the manual clock (${sqlite ? 'SQLite' : 'memory'} store)`, async (t) => {
    const w = await world(t, 'national', sqlite);
    const { motionId, opensAt, closesAt } = await propose(w, true);
    const opening = await deadline(w, 'voting_opens', motionId);
    t.match(opening, { kind: 'voting_opens', dueAt: opensAt, status: 'open', metAt: null, record: { type: 'motion', id: motionId }, source: { jurisdiction: 'national', article: '物业管理条例 Art. 14' } });

    // At opensAt itself the convenors may still open it by hand; nothing happens yet.
    await moveClock(t, w, opensAt);
    await w.api.runtime.deps.platform.deadlines.wake();
    t.equal(await motionStatus(w, motionId), 'noticed', 'not opened at the instant itself');

    await moveClock(t, w, Date.parse(opensAt) + 1000);
    await until('the motion is open', () => motionStatus(w, motionId), (s) => s === 'open');
    const opened = await until('the opening is met', () => deadline(w, 'voting_opens', motionId), (d) => d?.status === 'met');
    t.match(opened, { status: 'met', late: false, blocked: null });
    t.equal(opened!.metAt, new Date(Date.parse(opensAt) + 1000).toISOString(), 'met when the scheduler opened it');
    const motion = (await w.api.call('GET', `/v1/motions/${motionId}`, { token: w.reader })).json() as { eligible?: unknown };
    t.ok(motion, 'the opened motion is on the notice board');
    t.match(await deadline(w, 'voting_closes', motionId), { dueAt: closesAt, status: 'open' }, 'the close is declared once voting is open');

    await moveClock(t, w, Date.parse(closesAt) + 1000);
    await until('the motion is closed', () => motionStatus(w, motionId), (s) => s === 'closed');
    t.match(await until('the close is met', () => deadline(w, 'voting_closes', motionId), (d) => d?.status === 'met'), { late: false });
    t.equal(await deadline(w, 'result_publication', motionId), undefined, 'the national pack sets no days for the result');

    const events = await w.api.runtime.deps.store.readStream(`motion-${motionId}`);
    const byScheduler = events.filter((e) => e.type === 'MotionOpened' || e.type === 'MotionClosed');
    t.equal(byScheduler.length, 2, 'opened once, closed once');
    for (const e of byScheduler) {
      t.same(e.metadata.actor, { personId: 'system', role: 'system' }, `${e.type} by the system actor`);
      t.match(e.metadata.commandId, /^deadline\/voting_(opens|closes):/);
    }
  });
}

t.test('a motion whose notice was never given shows its opening overdue, with the reason', async (t) => {
  const w = await world(t, 'national');
  const noticed = await propose(w, true);
  const silent = await propose(w, false);
  await moveClock(t, w, Date.parse(silent.opensAt) + 2 * 60_000);
  await until('the noticed one opens', () => motionStatus(w, noticed.motionId), (s) => s === 'open');
  const overdue = await until('the refusal is recorded', () => deadline(w, 'voting_opens', silent.motionId), (d) => d?.blocked !== null);
  t.match(overdue, { status: 'overdue', metAt: null, blocked: { code: 'notice_not_published' } });
  t.equal(await motionStatus(w, silent.motionId), 'proposed', 'it did not open');

  const onlyOverdue = await deadlines(w, '?status=overdue');
  t.same(onlyOverdue.map((d) => d.record.id), [silent.motionId], '?status=overdue lists only it');
  t.same((await deadlines(w, '?status=met')).map((d) => d.record.id), [noticed.motionId]);
  t.same((await deadlines(w, '?status=open')).map((d) => [d.kind, d.record.id]), [['voting_closes', noticed.motionId]]);

  // Cancelled, the obligation is gone.
  const other = await propose(w, false);
  t.equal((await w.api.call('POST', `/v1/motions/${other.motionId}/cancel`, { token: w.convenor, body: { reason: '撤回' } })).statusCode, 201);
  t.equal(await deadline(w, 'voting_opens', other.motionId), undefined, 'a cancelled motion has no opening deadline');
});

t.test('Beijing: the result is posted within 3 days of the close (京条例 Art. 37 para. 2)', async (t) => {
  const w = await world(t, 'beijing');
  const late = await propose(w, true);
  const onTime = await propose(w, true);
  await moveClock(t, w, Date.parse(late.opensAt) + 1000);
  for (const m of [late, onTime]) await until('opened by the scheduler', () => motionStatus(w, m.motionId), (s) => s === 'open');
  await moveClock(t, w, Date.parse(late.closesAt) + 1000);
  for (const m of [late, onTime]) await until('closed by the scheduler', () => motionStatus(w, m.motionId), (s) => s === 'closed');

  const due = await until('the result deadline', () => deadline(w, 'result_publication', late.motionId), (d) => d !== undefined);
  t.match(due, { status: 'open', source: { jurisdiction: 'beijing', article: '京条例 Art. 37 para. 2' }, record: { type: 'motion', id: late.motionId } });
  t.ok(Date.parse(due!.dueAt) >= Date.parse(late.closesAt) + 3 * DAY, `due ${due!.dueAt}: three days after the close at the earliest`);

  t.equal((await w.api.call('POST', `/v1/motions/${onTime.motionId}/result`, { token: w.convenor })).statusCode, 201, 'one result posted in time');
  await moveClock(t, w, Date.parse(due!.dueAt) + 1);
  t.match(await deadline(w, 'result_publication', late.motionId), { status: 'overdue', metAt: null }, 'the other is overdue');
  t.match(await deadline(w, 'result_publication', onTime.motionId), { status: 'met', late: false });
  t.same((await deadlines(w, '?status=overdue')).map((d) => [d.kind, d.record.id]), [['result_publication', late.motionId]]);

  // Posted late, it counts as met, and says so.
  t.equal((await w.api.call('POST', `/v1/motions/${late.motionId}/result`, { token: w.convenor })).statusCode, 201);
  t.match(await deadline(w, 'result_publication', late.motionId), { status: 'met', late: true });
});

t.test('who may read deadlines', async (t) => {
  const w = await world(t, 'national');
  const url = `/v1/compounds/${w.compoundId}/deadlines`;
  const problem = (res: { statusCode: number; json(): unknown }, status: number, code: string) => {
    t.equal(res.statusCode, status);
    t.match(res.json(), { code });
  };
  problem(await w.api.call('GET', url), 401, 'missing_token');
  problem(await w.api.call('GET', url, { token: await w.api.token('x', 'owner@elsewhere') }), 403, 'insufficient_grant');
  problem(await w.api.call('GET', `${url}?status=late`, { token: w.reader }), 400, 'validation_failed');
  problem(await w.api.call('GET', '/v1/compounds/nope/deadlines', { token: w.admin }), 404, 'compound_not_found');
  t.equal((await w.api.call('GET', url, { token: w.admin })).statusCode, 200, 'admin reads any compound');
});

t.test('/health lists the reactors', async (t) => {
  const w = await world(t, 'national');
  const health = (await w.api.call('GET', '/health', { token: w.admin })).json() as { reactors: Array<{ name: string; state: string; failure: unknown }> };
  t.match(health.reactors, [{ name: 'deadlines', state: 'running', failure: null }]);
});
