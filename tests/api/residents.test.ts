/** Residents' meetings over HTTP (居委会组织法 Arts. 9–10): the roll, a meeting decided by its count, a request to convene and its deadline. */
import t from 'tap';
import type { ManualClock } from '../../services/clock.js';
import { startTestApi } from '../support/api.js';

t.test('a residents\u2019 meeting of household representatives in a community of 200 households, over HTTP', async (t) => {
  const api = await startTestApi();
  t.teardown(() => api.close());
  const clock = api.runtime.deps.clock as ManualClock;
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '和睦社区', address: '文三路 2 号', jurisdiction: 'hangzhou' } })).json() as { compoundId: string };
  const rc = await api.token('p-rc', `rc_staff@${compoundId}`);
  const owner = await api.token('p-o', `owner@${compoundId}`);
  const households = Array.from({ length: 200 }, (_, i) => ({ householdId: `h${i + 1}`, adults: 2, group: `g${(i % 10) + 1}` }));
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/residents/roll`, { token: owner, body: { households } })).statusCode, 403, 'owners do not keep the residents\u2019 roll');
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/residents/roll`, { token: rc, body: { households } })).statusCode, 201);
  t.match((await api.call('GET', `/v1/compounds/${compoundId}/residents/roll`, { token: owner })).json(), { totals: { households: 200, adults: 400, groups: 10 } });

  // A request of 40 households (1/5) obliges the RC to convene: a deadline.
  const { requestId } = (await api.call('POST', `/v1/compounds/${compoundId}/residents/requests`, { token: rc, body: { purpose: '讨论加装电梯' } })).json() as { requestId: string };
  let last;
  for (let i = 1; i <= 40; i++) last = await api.call('POST', `/v1/residents/requests/${requestId}/signatures`, { token: rc, body: { householdId: `h${i}`, evidenceRef: '联名书第1页' } });
  t.match(last!.json(), { reached: true });
  const request = (await api.call('GET', `/v1/residents/requests/${requestId}`, { token: owner })).json();
  t.match(request, { signed: { households: 40, adults: 80 }, reachedBy: ['adults', 'households'] });
  let due: { kind: string; status: string }[] = [];
  for (let i = 0; i < 50 && due.length === 0; i++) {
    await new Promise((r) => setTimeout(r, 50));
    due = ((await api.call('GET', `/v1/compounds/${compoundId}/deadlines`, { token: rc })).json().deadlines as { kind: string; status: string }[]).filter((d) => d.kind === 'residents_meeting');
  }
  t.match(due, [{ kind: 'residents_meeting', status: 'open' }]);

  // The meeting answering it: 101 of 200 household representatives present, 51 in favour: adopted.
  const convened = await api.call('POST', `/v1/compounds/${compoundId}/residents/meetings`, {
    token: rc,
    body: { kind: 'residents_meeting', constituency: { kind: 'household_representatives' }, agenda: [{ itemId: 'lift', title: '加装电梯方案' }, { itemId: 'fee', title: '分摊办法' }], heldAt: new Date(clock.now().getTime() + 7 * 86_400_000).toISOString(), requestId },
  });
  t.equal(convened.statusCode, 201, convened.body);
  const { meetingId } = convened.json() as { meetingId: string };
  t.equal((await api.call('POST', `/v1/residents/meetings/${meetingId}/items/lift/count`, { token: rc, body: { inFavour: 1, against: 0, abstain: 0 } })).json().code, 'attendance_not_recorded');
  t.equal((await api.call('POST', `/v1/residents/meetings/${meetingId}/attendance`, { token: rc, body: { present: 101, evidenceRef: '签到表' } })).statusCode, 201);
  t.equal((await api.call('POST', `/v1/residents/meetings/${meetingId}/items/lift/count`, { token: rc, body: { inFavour: 51, against: 40, abstain: 10 } })).statusCode, 201);
  t.equal((await api.call('POST', `/v1/residents/meetings/${meetingId}/items/fee/count`, { token: rc, body: { inFavour: 50, against: 51, abstain: 0 } })).statusCode, 201);
  const meeting = (await api.call('GET', `/v1/residents/meetings/${meetingId}`, { token: owner })).json();
  t.match(meeting, {
    size: 200,
    present: 101,
    items: [
      { itemId: 'lift', decision: { inFavour: 51, quorumMet: true, adopted: true } },
      { itemId: 'fee', decision: { inFavour: 50, quorumMet: true, adopted: false } },
    ],
  });
  let met: { status: string }[] = [];
  for (let i = 0; i < 50 && !met.some((d) => d.status === 'met'); i++) {
    await new Promise((r) => setTimeout(r, 50));
    met = ((await api.call('GET', `/v1/compounds/${compoundId}/deadlines`, { token: rc })).json().deadlines as { kind: string; status: string }[]).filter((d) => (d as { kind: string }).kind === 'residents_meeting');
  }
  t.match(met, [{ status: 'met' }], 'the meeting answering the request meets the deadline');

  const page = await api.call('GET', `/board/${compoundId}/community`, { token: rc });
  t.equal(page.statusCode, 200);
  t.match(page.body, /居民代表会议|居民会议/);
  t.match(page.body, /应到 200，实到 101/);
  t.match(page.body, /赞成 51/);
  t.match(page.body, /到会人数不足|未通过/);
});
