/**
 * Who may cast a ballot, and who sees how each unit voted, by role (issue #9 items 4 and 5).
 */
import type { Test } from 'tap';
import t from 'tap';
import type { ManualClock } from '../../services/clock.js';
import { memoryStore } from '../../services/store/memory.js';
import { startTestApi, type TestApi } from '../support/api.js';

const DAY = 24 * 3600 * 1000;
const owner = (personId: string) => ({ personId, name: `业主${personId}` });

const units = [
  { unitId: '1-1-101', building: '1', area: '100', areaSource: 'registry', owners: [owner('p1')] },
  { unitId: '1-1-102', building: '1', area: '100', areaSource: 'registry', owners: [owner('p1')] },
  { unitId: '1-1-201', building: '1', area: '80', areaSource: 'registry', owners: [owner('p2'), owner('p3')] },
  { unitId: '2-1-101', building: '2', area: '90', areaSource: 'registry', owners: [owner('p4')] },
  { unitId: '2-1-102', building: '2', area: '60', areaSource: 'registry', owners: [], developerHeld: true },
  { unitId: '2-1-103', building: '2', area: '70', areaSource: 'registry', owners: [], developerHeld: true },
];

interface World {
  api: TestApi;
  compoundId: string;
  otherCompoundId: string;
  motionId: string;
  convenor: string;
}

async function world(t: Test): Promise<World> {
  const api = await startTestApi({ store: memoryStore() });
  t.teardown(() => api.close());
  const clock = api.runtime.deps.clock as ManualClock;
  const admin = await api.token('p-admin', 'admin');
  const register = async (name: string) => {
    const res = await api.call('POST', '/v1/compounds', { token: admin, body: { name, address: '文三路 1 号', jurisdiction: 'national' } });
    const { compoundId } = res.json() as { compoundId: string };
    t.equal((await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } })).statusCode, 201);
    return compoundId;
  };
  const compoundId = await register('翠湖花园');
  const otherCompoundId = await register('金色家园');
  const convenor = await api.token('p-oc', `oc_member@${compoundId}`);
  const now = clock.now().getTime();
  const opensAt = new Date(now + 20 * DAY).toISOString();
  const closesAt = new Date(now + 27 * DAY).toISOString();
  const proposed = await api.call('POST', `/v1/compounds/${compoundId}/motions`, {
    token: convenor,
    body: { title: '解聘物业服务企业', description: '是否解聘', matter: 'hire_or_dismiss_firm', opensAt, closesAt },
  });
  const { motionId } = proposed.json() as { motionId: string };
  t.equal((await api.call('POST', `/v1/motions/${motionId}/notice`, { token: convenor })).statusCode, 201);
  clock.set(new Date(opensAt));
  t.equal((await api.call('POST', `/v1/motions/${motionId}/open`, { token: convenor })).statusCode, 201);
  return { api, compoundId, otherCompoundId, motionId, convenor };
}

const problem = (t: Test, res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number, code: string, what = '') => {
  t.equal(res.statusCode, status, `${what} → ${status} ${code}`);
  t.match(String(res.headers['content-type']), /^application\/problem\+json/, `${what}: a problem`);
  t.match(res.json(), { code }, `${what}: ${code}`);
};

const counted = async (w: World) => {
  const admin = await w.api.token('p-admin', 'admin');
  return ((await w.api.call('GET', `/v1/motions/${w.motionId}/tally`, { token: admin })).json() as { ballots: { counted: number } }).ballots.counted;
};

t.test('an owner ballot needs the owner grant on the compound, not any grant', async (t) => {
  const w = await world(t);
  const { api, compoundId, otherCompoundId, motionId } = w;
  const cast = async (token: string, body: Record<string, unknown>) => api.call('POST', `/v1/motions/${motionId}/ballots`, { token, body });
  // p1 owns 1-1-101 in the registry, but these tokens do not carry the owner grant on this compound.
  for (const grant of [`property_firm@${compoundId}`, `supervisor@${compoundId}`, `party_committee@${compoundId}`, `street_office@${compoundId}`, `oc_member@${compoundId}`, `developer@${compoundId}`, `owner@${otherCompoundId}`, 'admin']) {
    problem(t, await cast(await api.token('p1', grant), { unitId: '1-1-101', choice: 'against' }), 403, 'insufficient_grant', `p1 with ${grant}`);
  }
  t.equal(await counted(w), 0, 'nothing was cast');
  const cast1 = await cast(await api.token('p1', `owner@${compoundId}`), { unitId: '1-1-101', choice: 'against' });
  t.equal(cast1.statusCode, 201, 'with the owner grant');
  const event = api.runtime.deps.store as unknown as { events: Array<{ type: string; metadata: { actor: { role: string } } }> };
  t.equal(event.events.at(-1)!.metadata.actor.role, 'owner', 'recorded as the owner');

  // Developer-held units: the developer grant, not the owner grant.
  problem(t, await cast(await api.token('p-dev', `owner@${compoundId}`), { unitId: '2-1-102', choice: 'for' }), 403, 'insufficient_grant', 'owner grant on a developer-held unit');
  problem(t, await cast(await api.token('p-dev', `property_firm@${compoundId}`), { unitId: '2-1-102', choice: 'for' }), 403, 'insufficient_grant', 'firm grant on a developer-held unit');
  t.equal((await cast(await api.token('p-dev', `developer@${compoundId}`), { unitId: '2-1-102', choice: 'for' })).statusCode, 201, 'the developer');
  t.equal(await counted(w), 2);
});

t.test('a proxy casts electronically with the owner grant; staff enter paper ballots', async (t) => {
  const w = await world(t);
  const { api, compoundId, motionId } = w;
  const cast = async (token: string, body: Record<string, unknown>) => api.call('POST', `/v1/motions/${motionId}/ballots`, { token, body });
  const p4 = await api.token('p4', `owner@${compoundId}`);
  t.equal((await api.call('POST', `/v1/motions/${motionId}/mandates`, { token: p4, body: { unitId: '2-1-101', proxy: 'p9', mandateRef: 'WT-1' } })).statusCode, 201);
  problem(t, await cast(await api.token('p9', `rc_staff@${compoundId}`), { unitId: '2-1-101', choice: 'for' }), 403, 'insufficient_grant', 'a proxy with a staff grant only');
  problem(t, await cast(await api.token('p9', `property_firm@${compoundId}`), { unitId: '2-1-101', choice: 'for' }), 403, 'insufficient_grant', 'a proxy with a firm grant only');
  t.equal((await cast(await api.token('p9', `owner@${compoundId}`), { unitId: '2-1-101', choice: 'for' })).statusCode, 201, 'the proxy with the owner grant');

  const paper = { unitId: '1-1-201', choice: 'for', channel: 'paper', onBehalfOf: 'p2', evidenceRef: 'box-1/1' };
  for (const grant of [`owner@${compoundId}`, `street_office@${compoundId}`, `property_firm@${compoundId}`, `supervisor@${compoundId}`, 'admin']) {
    problem(t, await cast(await api.token('p2', grant), paper), 403, 'insufficient_grant', `paper ballot entered with ${grant}`);
  }
  t.equal((await cast(await api.token('p-rc', `rc_staff@${compoundId}`), paper)).statusCode, 201, 'RC staff enter a paper ballot');
  t.equal((await cast(await api.token('p-oc2', `oc_member@${compoundId}`), { ...paper, unitId: '1-1-101', onBehalfOf: 'p1' })).statusCode, 201, 'OC members enter a paper ballot');
  t.equal(await counted(w), 3);
});

t.test('who sees how each unit voted: the matrix by role', async (t) => {
  const w = await world(t);
  const { api, compoundId, otherCompoundId, motionId } = w;
  const p1 = await api.token('p1', `owner@${compoundId}`);
  const ownReceipt = ((await api.call('POST', `/v1/motions/${motionId}/ballots`, { token: p1, body: { unitId: '1-1-101', choice: 'against' } })).json() as { receipt: string }).receipt;
  const developer = await api.token('p-dev', `developer@${compoundId}`);
  const devReceipt = ((await api.call('POST', `/v1/motions/${motionId}/ballots`, { token: developer, body: { unitId: '2-1-102', choice: 'for' } })).json() as { receipt: string }).receipt;
  t.match(ownReceipt, /^[0-9a-f]{64}$/);
  t.match(devReceipt, /^[0-9a-f]{64}$/);

  // who: [list, p1's receipt, the developer's receipt, tally]
  const matrix: Array<[string, string, [number, number, number, number]]> = [
    ['owner (a voter)', `owner@${compoundId}`, [200, 200, 200, 200]],
    ['owner (another)', `owner@${compoundId}`, [200, 200, 200, 200]],
    ['oc_member', `oc_member@${compoundId}`, [200, 200, 200, 200]],
    ['rc_staff', `rc_staff@${compoundId}`, [200, 200, 200, 200]],
    ['street_office', `street_office@${compoundId}`, [200, 200, 200, 200]],
    ['supervisor', `supervisor@${compoundId}`, [200, 200, 200, 200]],
    ['admin', 'admin', [200, 200, 200, 200]],
    ['party_committee', `party_committee@${compoundId}`, [403, 403, 403, 200]],
    ['property_firm', `property_firm@${compoundId}`, [403, 403, 403, 200]],
    ['developer', `developer@${compoundId}`, [403, 403, 200, 200]],
    ["another compound's owner", `owner@${otherCompoundId}`, [403, 403, 403, 403]],
    ["another compound's convenor", `oc_member@${otherCompoundId}`, [403, 403, 403, 403]],
  ];
  for (const [who, grant, [list, own, dev, tally]] of matrix) {
    const token = who === 'owner (a voter)' ? p1 : await api.token(`p-${who}`, grant);
    const get = (path: string) => api.call('GET', `/v1/motions/${motionId}${path}`, { token });
    const results = [await get('/ballots'), await get(`/ballots/${ownReceipt}`), await get(`/ballots/${devReceipt}`), await get('/tally')];
    t.same(
      results.map((r) => r.statusCode),
      [list, own, dev, tally],
      `${who}: ballot list ${list}, a receipt ${own}, the developer's receipt ${dev}, tally ${tally}`,
    );
    for (const r of results.filter((r) => r.statusCode === 403)) t.match(r.json(), { code: 'insufficient_grant' }, `${who}: insufficient_grant`);
    if (list === 200) {
      const ballots = (results[0]!.json() as { ballots: Array<{ unitIds: string[]; choice: string }> }).ballots;
      t.same(ballots.map((b) => [b.unitIds, b.choice]), [[['1-1-101', '1-1-102'], 'against'], [['2-1-102', '2-1-103'], 'for']], `${who} sees each household's units and choice`);
    }
    if (own === 200) t.match(results[1]!.json(), { receipt: ownReceipt, unitIds: ['1-1-101', '1-1-102'], choice: 'against' });
    if (tally === 200) {
      const body = results[3]!.body;
      t.match(JSON.parse(body), { participating: { headcount: 2 }, for: { headcount: 1 }, against: { headcount: 1 } }, `${who} sees the totals`);
      t.notMatch(body, /1-1-10|2-1-10|[0-9a-f]{64}/, `${who}: the tally names no unit and no receipt`);
    }
  }
  // The firm and the developer learn nothing from the 403s about which receipts exist.
  const firm = await api.token('p-firm', `property_firm@${compoundId}`);
  problem(t, await api.call('GET', `/v1/motions/${motionId}/ballots/${'0'.repeat(64)}`, { token: firm }), 403, 'insufficient_grant', 'firm, unknown receipt');
  problem(t, await api.call('GET', `/v1/motions/${motionId}/ballots/${'0'.repeat(64)}`, { token: developer }), 404, 'ballot_not_found', 'developer, unknown receipt');
});
