import type { Test } from 'tap';
import t from 'tap';
import type { ManualClock } from '../../services/clock.js';
import { openReadStore } from '../../services/projections/readStore.js';
import { startProjectionRunner } from '../../services/projections/runner.js';
import { memoryStore } from '../../services/store/memory.js';
import type { EventStore } from '../../services/store/port.js';
import { allProjections } from '../../services/contexts.js';
import { MOTION_BALLOTS, MOTION_TALLIES } from '../../projections/assembly/index.js';
import { startTestApi, type TestApi } from '../support/api.js';

const DAY = 24 * 3600 * 1000;
const owner = (personId: string) => ({ personId, name: `业主${personId}` });

interface World {
  api: TestApi;
  clock: ManualClock;
  compoundId: string;
  convenor: string;
  tokens: Map<string, string>;
  ownerToken(personId: string): Promise<string>;
}

async function world(t: Test, store?: EventStore, units?: unknown[]): Promise<World> {
  const api = await startTestApi(store ? { store } : {});
  t.teardown(() => api.close());
  const clock = api.runtime.deps.clock as ManualClock;
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '翠湖花园', address: '文三路 1 号', jurisdiction: 'national' } })).json() as { compoundId: string };
  const body = {
    units: units ?? [
      { unitId: '1-1-101', building: '1', area: '100', areaSource: 'registry', owners: [owner('p1')] },
      { unitId: '1-1-102', building: '1', area: '100', areaSource: 'registry', owners: [owner('p1')] },
      { unitId: '1-1-201', building: '1', area: '80', areaSource: 'registry', owners: [owner('p2'), owner('p3')] },
      { unitId: '2-1-101', building: '2', area: '90', areaSource: 'registry', owners: [owner('p4')] },
      { unitId: '2-1-102', building: '2', area: '60', areaSource: 'registry', owners: [], developerHeld: true },
      { unitId: '2-1-103', building: '2', area: '70', areaSource: 'registry', owners: [], developerHeld: true },
    ],
  };
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body })).statusCode, 201);
  const tokens = new Map<string, string>();
  return {
    api,
    clock,
    compoundId,
    convenor: await api.token('p-oc', `oc_member@${compoundId}`),
    tokens,
    async ownerToken(personId) {
      if (!tokens.has(personId)) tokens.set(personId, await api.token(personId, `owner@${compoundId}`));
      return tokens.get(personId)!;
    },
  };
}

async function openMotion(w: World, matter = 'hire_or_dismiss_firm', extra: Record<string, unknown> = {}) {
  const now = w.clock.now().getTime();
  const opensAt = new Date(now + 20 * DAY).toISOString();
  const closesAt = new Date(now + 27 * DAY).toISOString();
  const proposed = await w.api.call('POST', `/v1/compounds/${w.compoundId}/motions`, {
    token: w.convenor,
    body: { title: '续聘物业服务企业', description: '是否续聘', matter, opensAt, closesAt, ...extra },
  });
  if (proposed.statusCode !== 201) throw new Error(proposed.body);
  const { motionId } = proposed.json() as { motionId: string };
  await w.api.call('POST', `/v1/motions/${motionId}/notice`, { token: w.convenor });
  w.clock.set(new Date(opensAt));
  const opened = await w.api.call('POST', `/v1/motions/${motionId}/open`, { token: w.convenor });
  if (opened.statusCode !== 201) throw new Error(opened.body);
  return { motionId, opensAt, closesAt };
}

const problem = (t: Test, res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number, code: string) => {
  t.equal(res.statusCode, status, `status ${status} (${code})`);
  t.match(String(res.headers['content-type']), /^application\/problem\+json/);
  t.match(res.json(), { code });
};

t.test('a vote from proposal to published result, over HTTP', async (t) => {
  const w = await world(t, memoryStore());
  const { api, clock, compoundId, convenor } = w;
  const now = clock.now().getTime();
  const opensAt = new Date(now + 20 * DAY).toISOString();
  const closesAt = new Date(now + 27 * DAY).toISOString();
  const ownerP1 = await w.ownerToken('p1');
  problem(t, await api.call('POST', `/v1/compounds/${compoundId}/motions`, { token: ownerP1, body: { title: 't', description: 'd', matter: 'rebuild', opensAt, closesAt } }), 403, 'insufficient_grant');
  problem(t, await api.call('POST', `/v1/compounds/${compoundId}/motions`, { token: convenor, body: { title: 't', description: 'd', matter: 'paint_it_blue', opensAt, closesAt } }), 400, 'validation_failed');
  const res = await api.call('POST', `/v1/compounds/${compoundId}/motions`, { token: convenor, body: { title: '续聘物业', description: '是否续聘', matter: 'hire_or_dismiss_firm', opensAt, closesAt } });
  t.equal(res.statusCode, 201);
  const { motionId } = res.json() as { motionId: string };

  problem(t, await api.call('POST', `/v1/motions/${motionId}/ballots`, { token: ownerP1, body: { unitId: '1-1-101', choice: 'for' } }), 409, 'motion_not_open');
  problem(t, await api.call('POST', `/v1/motions/${motionId}/open`, { token: convenor }), 409, 'notice_not_published');
  t.equal((await api.call('POST', `/v1/motions/${motionId}/notice`, { token: convenor })).statusCode, 201);
  clock.set(new Date(now + 10 * DAY));
  const early = await api.call('POST', `/v1/motions/${motionId}/open`, { token: convenor });
  t.equal(early.statusCode, 409, 'too early to open');
  clock.set(new Date(opensAt));
  t.equal((await api.call('POST', `/v1/motions/${motionId}/open`, { token: convenor })).statusCode, 201);

  const cast = async (person: string, unitId: string, choice: string) => api.call('POST', `/v1/motions/${motionId}/ballots`, { token: await w.ownerToken(person), body: { unitId, choice } });
  const b1 = await cast('p1', '1-1-102', 'for');
  t.equal(b1.statusCode, 201);
  const { receipt } = b1.json() as { receipt: string };
  t.match(receipt, /^[0-9a-f]{64}$/);
  problem(t, await cast('p1', '1-1-101', 'against'), 409, 'ballot_already_cast');
  problem(t, await cast('p4', '1-1-101', 'against'), 403, 'not_entitled');
  t.equal((await cast('p3', '1-1-201', 'for')).statusCode, 201, 'a co-owner votes');
  problem(t, await cast('p2', '1-1-201', 'against'), 409, 'ballot_already_cast');
  const developer = await api.token('p-dev', `developer@${compoundId}`);
  t.equal((await api.call('POST', `/v1/motions/${motionId}/ballots`, { token: developer, body: { unitId: '2-1-103', choice: 'against' } })).statusCode, 201);

  const tally = (await api.call('GET', `/v1/motions/${motionId}/tally`, { token: ownerP1 })).json() as Record<string, unknown>;
  t.match(tally, {
    status: 'open',
    matter: 'hire_or_dismiss_firm',
    rule: 'ordinary',
    eligible: { area: '500.00', headcount: 4 },
    participating: { area: '410.00', headcount: 3 },
    for: { area: '280.00', headcount: 2 },
    against: { area: '130.00', headcount: 1 },
    abstain: { area: '0.00', headcount: 0 },
    quorumMet: true,
    passed: null,
  });
  t.ok((tally as { needed: unknown }).needed, 'says what is still needed');

  problem(t, await api.call('POST', `/v1/motions/${motionId}/close`, { token: convenor }), 409, 'too_early_to_close');
  clock.set(new Date(closesAt));
  problem(t, await cast('p4', '2-1-101', 'for'), 409, 'motion_not_open');
  t.equal((await api.call('POST', `/v1/motions/${motionId}/close`, { token: convenor })).statusCode, 201);
  const closed = (await api.call('GET', `/v1/motions/${motionId}/tally`, { token: ownerP1 })).json();
  t.match(closed, { status: 'closed', quorumMet: true, passed: true });
  t.equal((await api.call('POST', `/v1/motions/${motionId}/result`, { token: convenor })).statusCode, 201);
  t.match((await api.call('GET', `/v1/motions/${motionId}`, { token: ownerP1 })).json(), { status: 'result_published', outcome: { passed: true } });

  const list = (await api.call('GET', `/v1/compounds/${compoundId}/motions`, { token: ownerP1 })).json() as { motions: Array<{ motionId: string }> };
  t.same(list.motions.map((m) => m.motionId), [motionId]);
  const ballots = await api.call('GET', `/v1/motions/${motionId}/ballots`, { token: ownerP1 });
  const listed = ballots.json() as { ballots: Array<{ unitIds: string[]; area: string; choice: string }> };
  t.same(listed.ballots.map((b) => [b.unitIds, b.area, b.choice]), [[['1-1-101', '1-1-102'], '200.00', 'for'], [['1-1-201'], '80.00', 'for'], [['2-1-102', '2-1-103'], '130.00', 'against']]);
  for (const body of [ballots.body, JSON.stringify(tally), JSON.stringify(list)]) {
    t.notMatch(body, /p1|p2|p3|p4|p-dev|业主/, 'no person id or name in a public view');
  }
  const mine = await api.call('GET', `/v1/motions/${motionId}/ballots/${receipt}`, { token: ownerP1 });
  t.match(mine.json(), { receipt, choice: 'for', status: 'counted' });
  problem(t, await api.call('GET', `/v1/motions/${motionId}/ballots/${'0'.repeat(64)}`, { token: ownerP1 }), 404, 'ballot_not_found');
  problem(t, await api.call('GET', '/v1/motions/nope/tally', { token: ownerP1 }), 404, 'motion_not_found');
});

t.test('proxies and paper ballots', async (t) => {
  const w = await world(t, memoryStore());
  const { motionId } = await openMotion(w);
  const { api } = w;
  const p4 = await w.ownerToken('p4');
  const proxy = await w.ownerToken('p9');
  problem(t, await api.call('POST', `/v1/motions/${motionId}/ballots`, { token: proxy, body: { unitId: '2-1-101', choice: 'for' } }), 403, 'not_entitled');
  const mandate = await api.call('POST', `/v1/motions/${motionId}/mandates`, { token: p4, body: { unitId: '2-1-101', proxy: 'p9', mandateRef: 'WT-2026-001' } });
  t.equal(mandate.statusCode, 201);
  t.equal((await api.call('POST', `/v1/motions/${motionId}/ballots`, { token: proxy, body: { unitId: '2-1-101', choice: 'against' } })).statusCode, 201, 'the proxy votes');
  const staff = await api.token('p-rc', `rc_staff@${w.compoundId}`);
  problem(t, await api.call('POST', `/v1/motions/${motionId}/ballots`, { token: staff, body: { unitId: '1-1-101', choice: 'for', channel: 'paper', onBehalfOf: 'p1' } }), 400, 'evidence_required');
  t.equal((await api.call('POST', `/v1/motions/${motionId}/ballots`, { token: staff, body: { unitId: '1-1-101', choice: 'for', channel: 'paper', onBehalfOf: 'p1', evidenceRef: 'box-3/17' } })).statusCode, 201, 'a paper ballot');
  const list = (await api.call('GET', `/v1/motions/${motionId}/ballots`, { token: p4 })).json() as { ballots: Array<{ channel: string }> };
  t.same(list.ballots.map((b) => b.channel), ['electronic', 'paper']);
});

t.test('Idempotency-Key on a ballot: one ballot, one receipt', async (t) => {
  const w = await world(t, memoryStore());
  const { motionId } = await openMotion(w);
  const token = await w.ownerToken('p1');
  const send = () => w.api.call('POST', `/v1/motions/${motionId}/ballots`, { token, body: { unitId: '1-1-101', choice: 'for' }, headers: { 'idempotency-key': 'ballot-p1-1' } });
  const [a, b] = await Promise.all([send(), send()]);
  t.equal(a.statusCode, 201);
  t.equal(b.statusCode, 201);
  t.same(a.json(), b.json());
  const c = await send();
  t.same(c.json(), a.json());
  const tally = (await w.api.call('GET', `/v1/motions/${motionId}/tally`, { token })).json() as { ballots: { counted: number } };
  t.equal(tally.ballots.counted, 1);
});

/** What the i-th voter says, per form (every option, mark and abstention occurs). */
const forms = {
  yes_no: { motion: {}, ballot: (i: number) => ({ choice: ['for', 'against', 'abstain'][i % 3] }) },
  choose_one: {
    motion: { form: 'choose_one', options: ['a', 'b', 'c', 'd', 'e'].map((o) => ({ optionId: o, label: `方案${o}` })) },
    ballot: (i: number) => ({ option: ['a', 'b', 'c', 'd', 'e', 'abstain'][i % 6] }),
  },
  elect: {
    motion: { matter: 'elect_committee', form: 'elect', seats: 2, candidates: ['c1', 'c2', 'c3'].map((c) => ({ candidateId: c, name: `候选人${c}` })) },
    ballot: (i: number) => ({ candidates: [{ c1: 'for', c2: 'for' }, { c2: 'for', c3: 'against' }, { c3: 'for' }, {}][i % 4] }),
  },
} as const;

async function race(t: Test, store: EventStore | undefined, form: keyof typeof forms = 'yes_no') {
  const units = Array.from({ length: 400 }, (_, i) => ({ unitId: `${1 + (i % 4)}-1-${1000 + i}`, building: String(1 + (i % 4)), area: `${50 + (i % 37)}.${String(i % 100).padStart(2, '0')}`, areaSource: 'survey', owners: [owner(`q${i}`)] }));
  const w = await world(t, store, units);
  const { matter, ...extra } = { matter: 'hire_or_dismiss_firm', ...forms[form].motion };
  const { motionId, closesAt } = await openMotion(w, matter, extra);
  const tokens = await Promise.all(units.map((_, i) => w.ownerToken(`q${i}`)));
  const ballots = units.map((u, i) => w.api.call('POST', `/v1/motions/${motionId}/ballots`, { token: tokens[i]!, body: { unitId: u.unitId, ...forms[form].ballot(i) } }));
  // Close in the middle of the burst.
  await new Promise((r) => setTimeout(r, 5));
  w.clock.set(new Date(closesAt));
  const close = w.api.call('POST', `/v1/motions/${motionId}/close`, { token: w.convenor });
  const results = await Promise.all(ballots);
  t.equal((await close).statusCode, 201, 'closed');
  const accepted = results.filter((r) => r.statusCode === 201).length;
  const codes = new Set(results.filter((r) => r.statusCode !== 201).map((r) => (r.json() as { code: string }).code));
  for (const code of codes) t.ok(['motion_not_open', 'ballot_after_close'].includes(code), `refused as ${code}`);
  const live = (await w.api.call('GET', `/v1/motions/${motionId}/tally`, { token: tokens[0]! })).json() as { ballots: { counted: number }; participating: { headcount: number } };
  t.equal(live.ballots.counted, accepted, `every 201 counts (${accepted} of 400), nothing else does`);
  t.equal(live.participating.headcount, accepted);

  // Replay the whole log into a fresh read database: identical tally and ballots.
  const fresh = openReadStore(':memory:');
  const runner = startProjectionRunner(w.api.runtime.deps.store, fresh, allProjections);
  t.ok(await runner.waitFor(await w.api.runtime.deps.store.headPosition(), 10_000));
  t.same(fresh.get(MOTION_TALLIES, motionId), w.api.runtime.deps.read.get(MOTION_TALLIES, motionId), 'replayed tally equals the live one');
  t.same(fresh.list(MOTION_BALLOTS, motionId), w.api.runtime.deps.read.list(MOTION_BALLOTS, motionId), 'replayed ballots equal the live ones');
  await runner.close();
  await fresh.close();
  return live;
}

t.test('hundreds of parallel ballots racing a close: live equals replay (memory store)', async (t) => {
  await race(t, memoryStore());
});

t.test('hundreds of parallel ballots racing a close: live equals replay (SQLite store)', async (t) => {
  await race(t, undefined);
});

for (const form of ['choose_one', 'elect'] as const) {
  t.test(`${form}: hundreds of parallel ballots racing a close, live equals replay (memory store)`, async (t) => {
    await race(t, memoryStore(), form);
  });
  t.test(`${form}: hundreds of parallel ballots racing a close, live equals replay (SQLite store)`, async (t) => {
    await race(t, undefined, form);
  });
}

t.test('a restart keeps every tally; dropping the read database rebuilds identical views', async (t) => {
  const w = await world(t);
  const { motionId } = await openMotion(w);
  for (const [p, u, c] of [['p1', '1-1-101', 'for'], ['p4', '2-1-101', 'against']] as const) {
    await w.api.call('POST', `/v1/motions/${motionId}/ballots`, { token: await w.ownerToken(p), body: { unitId: u, choice: c } });
  }
  const token = await w.ownerToken('p1');
  const before = (await w.api.call('GET', `/v1/motions/${motionId}/tally`, { token })).body;
  const ballotsBefore = (await w.api.call('GET', `/v1/motions/${motionId}/ballots`, { token })).body;
  await w.api.close(true);
  const { rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  const again = await startTestApi({ dataDir: w.api.dataDir });
  t.equal((await again.call('GET', `/v1/motions/${motionId}/tally`, { token })).body, before, 'after a restart');
  await again.close(true);
  for (const f of ['read.db', 'read.db-wal', 'read.db-shm']) rmSync(join(w.api.dataDir, f), { force: true });
  const rebuilt = await startTestApi({ dataDir: w.api.dataDir });
  t.teardown(() => rebuilt.close());
  t.equal((await rebuilt.call('GET', `/v1/motions/${motionId}/tally`, { token })).body, before, 'rebuilt from the log');
  t.equal((await rebuilt.call('GET', `/v1/motions/${motionId}/ballots`, { token })).body, ballotsBefore);
});
