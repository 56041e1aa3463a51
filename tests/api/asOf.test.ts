/**
 * `?asOf=` on every read-model view of a compound (#16 item 3): the view as it stood at a log position or an
 * instant, computed from the compound's events with the same projections; equal to the live view at the head;
 * blind to what came later and to other compounds; refused where a view is not the read model's.
 */
import t from 'tap';
import type { ManualClock } from '../../services/clock.js';
import { startTestApi } from '../support/api.js';

const DAY = 24 * 3600 * 1000;

t.test('views as of a past point', async (t) => {
  const api = await startTestApi();
  t.teardown(() => api.close());
  const clock = api.runtime.deps.clock as ManualClock;
  const admin = await api.token('p-admin', 'admin');
  const registeredAt = new Map<string, string>();
  const make = async (name: string) => {
    const { compoundId, position } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name, address: '文三路 1 号', jurisdiction: 'national' } })).json() as { compoundId: string; position: string };
    registeredAt.set(compoundId, position);
    const units = Array.from({ length: 4 }, (_, i) => ({ unitId: `1-${101 + i}`, building: '1', area: '100', areaSource: 'registry', owners: [{ personId: `${name}-p${i}`, name: `业主${i}` }] }));
    t.equal((await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } })).statusCode, 201);
    return compoundId;
  };
  const a = await make('甲小区');
  const b = await make('乙小区');
  const oc = await api.token('p-oc', `oc_member@${a}`, `oc_member@${b}`);
  const propose = async (compoundId: string, title: string) => {
    const now = clock.now().getTime();
    const r = await api.call('POST', `/v1/compounds/${compoundId}/motions`, {
      token: oc,
      body: { title, description: '', matter: 'other_major', opensAt: new Date(now + 20 * DAY).toISOString(), closesAt: new Date(now + 27 * DAY).toISOString() },
    });
    t.equal(r.statusCode, 201, r.body);
    return r.json() as { motionId: string; position: string };
  };
  const beforeAny = new Date(clock.now().getTime() - 1000).toISOString();
  const first = await propose(a, '更换门禁');
  const between = first.position;
  await propose(b, '乙小区的事项');
  const second = await propose(a, '增设充电桩');
  const titles = (body: { motions: { title: string }[] }) => body.motions.map((m) => m.title).sort();

  const live = await api.call('GET', `/v1/compounds/${a}/motions?after=${second.position}`, { token: oc });
  t.same(titles(live.json()), ['增设充电桩', '更换门禁']);
  const past = await api.call('GET', `/v1/compounds/${a}/motions?asOf=${between}`, { token: oc });
  t.equal(past.statusCode, 200, past.body);
  t.same(titles(past.json()), ['更换门禁'], 'what came later is not there');
  t.match(past.json().asOf, { requested: { position: between }, position: between });
  t.equal(past.headers['x-as-of-position'], between);

  // At the head the past view is the live one (the same projections over the same events), other compounds apart.
  const head = await api.call('GET', `/v1/compounds/${a}/motions?asOf=${second.position}`, { token: oc });
  const { asOf: _cut, ...headBody } = head.json();
  const { logHead: _a, ...liveRest } = live.json();
  const { logHead: _b, ...headRest } = headBody;
  t.same(headRest, liveRest, 'the view computed from the log equals the read model at the head');
  t.notMatch(head.body, /乙小区的事项/, 'another compound\u2019s events are not in it');

  // An instant before anything: nothing yet.
  const empty = await api.call('GET', `/v1/compounds/${a}/motions?asOf=${encodeURIComponent(beforeAny)}`, { token: oc });
  t.same(empty.json().motions, []);
  // A record that did not exist yet is not found, as it was not.
  t.equal((await api.call('GET', `/v1/motions/${second.motionId}?asOf=${between}`, { token: oc })).statusCode, 404);
  t.equal((await api.call('GET', `/v1/motions/${first.motionId}?asOf=${between}`, { token: oc })).json().title, '更换门禁');

  // The page says so, visibly, and shows the past.
  const page = await api.call('GET', `/board/${a}?asOf=${between}`, { token: oc });
  t.equal(page.statusCode, 200);
  t.match(page.body, /class="asof"/);
  t.match(page.body, /更换门禁/);
  t.notMatch(page.body, /增设充电桩/);

  // Bad points and views that are not the read model's.
  t.equal((await api.call('GET', `/v1/compounds/${a}/motions?asOf=yesterday`, { token: oc })).json().code, 'invalid_as_of');
  t.equal((await api.call('GET', `/v1/compounds/${a}/motions?asOf=99999999`, { token: oc })).json().code, 'position_beyond_log');
  // The registry's views fold the compound's stream up to the point: before the import there were no units.
  const before = await api.call('GET', `/v1/compounds/${a}/electorate?asOf=${registeredAt.get(a)}`, { token: oc });
  t.equal(before.statusCode, 200, before.body);
  t.match(before.json(), { units: 0, headcount: 0 });
  t.match((await api.call('GET', `/v1/compounds/${a}/electorate?asOf=${between}`, { token: oc })).json(), { units: 4, headcount: 4, totalArea: '400.00' });
  t.equal((await api.call('GET', `/v1/compounds/${a}?asOf=${encodeURIComponent(beforeAny)}`, { token: oc })).statusCode, 404, 'the compound did not exist yet');
  // The deadlines folded from the log: at the head as the scheduler keeps them; earlier, without what came later.
  const ids = (body: { deadlines: { deadlineId: string; status: string }[] }) => body.deadlines.map((d) => `${d.deadlineId}:${d.status}`);
  const liveDeadlines = (await api.call('GET', `/v1/compounds/${a}/deadlines`, { token: oc })).json();
  const headDeadlines = await api.call('GET', `/v1/compounds/${a}/deadlines?asOf=${second.position}`, { token: oc });
  t.equal(headDeadlines.statusCode, 200, headDeadlines.body);
  t.ok(liveDeadlines.deadlines.length > 0, 'the motions have deadlines');
  t.same(ids(headDeadlines.json()), ids(liveDeadlines), 'folded from the log, the same as the scheduler\u2019s table');
  const earlier = ids((await api.call('GET', `/v1/compounds/${a}/deadlines?asOf=${between}`, { token: oc })).json());
  t.ok(earlier.length > 0 && earlier.length < ids(liveDeadlines).length, 'fewer obligations before the second motion');
  t.notOk(earlier.some((d) => d.includes(second.motionId)), 'none of the second motion');
  const live1 = await api.call('GET', `/v1/compounds/${a}/board?asOf=${between}`, { token: oc });
  t.equal(live1.statusCode, 400);
  t.equal(live1.json().code, 'as_of_not_supported', 'the board\u2019s setting stays live');
  t.equal((await api.call('GET', `/v1/compounds/${a}/funds?asOf=${between}`, { token: oc })).json().code, 'fund_not_open', 'the funds travel too: not open then');
  t.equal((await api.call('GET', `/v1/keys?asOf=${between}`)).json().code, 'as_of_not_supported');
  // Refusals change nothing and still check the caller.
  t.equal((await api.call('GET', `/v1/compounds/${a}/motions?asOf=${between}`)).statusCode, 401);
});
