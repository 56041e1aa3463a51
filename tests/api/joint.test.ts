/**
 * Three parties working together over HTTP (三方联动): a joint meeting with a resolution and two tasks, one
 * overdue on the manual clock; a request dispatched, declined, dispatched again, completed and rated; the
 * parties' scores for the period recomputed by hand.
 */
import t from 'tap';
import type { ManualClock } from '../../services/clock.js';
import { startTestApi } from '../support/api.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

t.test('joint meetings, requests and scores', async (t) => {
  const api = await startTestApi();
  t.teardown(() => api.close());
  const clock = api.runtime.deps.clock as ManualClock;
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '翠湖花园', address: '文三路 1 号', jurisdiction: 'shanghai' } })).json() as { compoundId: string };
  const party = await api.token('p-party', `party_committee@${compoundId}`);
  const rc = await api.token('p-rc', `rc_staff@${compoundId}`);
  const firm = await api.token('p-firm', `property_firm@${compoundId}`);
  const oc = await api.token('p-oc', `oc_member@${compoundId}`);
  const owner = await api.token('p-owner', `owner@${compoundId}`);
  const start = clock.now().getTime();

  // The joint meeting: 3 days' notice by default.
  const tooSoon = await api.call('POST', `/v1/compounds/${compoundId}/joint-meetings`, { token: party, body: { invited: ['rc', 'oc', 'firm'], agenda: [{ itemId: 'parking', title: '停车难' }], heldAt: new Date(start + DAY).toISOString() } });
  t.equal(tooSoon.json().code, 'notice_too_short');
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/joint-meetings`, { token: firm, body: { invited: ['rc'], agenda: [{ itemId: 'x', title: 'x' }], heldAt: new Date(start + 10 * DAY).toISOString() } })).json().code, 'not_entitled', 'the firm does not convene');
  const convened = await api.call('POST', `/v1/compounds/${compoundId}/joint-meetings`, { token: party, body: { invited: ['rc', 'oc', 'firm', 'police_station'], agenda: [{ itemId: 'parking', title: '停车难' }], heldAt: new Date(start + 7 * DAY).toISOString() } });
  t.equal(convened.statusCode, 201, convened.body);
  const { meetingId } = convened.json() as { meetingId: string };
  clock.set(new Date(start + 7 * DAY));
  t.equal((await api.call('POST', `/v1/joint-meetings/${meetingId}/attendance`, { token: party, body: { present: ['party_committee', 'rc', 'oc', 'firm'] } })).statusCode, 201);
  t.equal((await api.call('POST', `/v1/joint-meetings/${meetingId}/resolutions`, { token: party, body: { text: 'x', agreedBy: ['police_station'] } })).json().code, 'invalid_resolution', 'only parties present agree');
  const { resolutionId } = (await api.call('POST', `/v1/joint-meetings/${meetingId}/resolutions`, { token: party, body: { text: '夜间开放临时停车位，物业负责划线', agreedBy: ['party_committee', 'rc', 'oc', 'firm'] } })).json() as { resolutionId: string };
  const task = async (who: string, dueInDays: number) =>
    (await api.call('POST', `/v1/joint-meetings/${meetingId}/tasks`, { token: party, body: { resolutionId, party: who, description: `${who} 的任务`, dueAt: new Date(start + (7 + dueInDays) * DAY).toISOString() } })).json().taskId as string;
  const firmTask = await task('firm', 5);
  const ocTask = await task('oc', 10);
  t.equal((await api.call('POST', `/v1/joint-meetings/${meetingId}/tasks/${firmTask}/close`, { token: oc, body: { outcome: 'x', evidenceRef: 'y' } })).json().code, 'not_entitled', 'the OC does not close the firm\u2019s task');
  clock.set(new Date(start + 9 * DAY));
  t.equal((await api.call('POST', `/v1/joint-meetings/${meetingId}/tasks/${firmTask}/close`, { token: firm, body: { outcome: '已划线 40 个车位', evidenceRef: '照片-0312' } })).statusCode, 201);
  // matrix17: the guards no test noticed removed (#17, the mutation check): only the convener rates a task.
  t.equal((await api.call('POST', `/v1/joint-meetings/${meetingId}/tasks/${firmTask}/rating`, { token: firm, body: { satisfaction: 5 } })).json().code, 'not_entitled', 'the firm does not rate its own task');
  t.equal((await api.call('POST', `/v1/joint-meetings/${meetingId}/results`, { token: party })).statusCode, 201);
  clock.set(new Date(start + 18 * DAY));
  let overdue: { kind: string; status: string }[] = [];
  for (let i = 0; i < 50 && !overdue.some((d) => d.kind === 'joint_task'); i++) {
    await new Promise((r) => setTimeout(r, 50));
    overdue = (await api.call('GET', `/v1/compounds/${compoundId}/deadlines?status=overdue`, { token: rc })).json().deadlines;
  }
  t.same(overdue.filter((d) => d.kind.startsWith('joint')).map((d) => d.kind), ['joint_task'], 'the OC\u2019s task (due day 17) is overdue; the firm\u2019s was closed in time and the results published');
  const board = (await api.call('GET', `/v1/compounds/${compoundId}/joint-meetings`, { token: owner })).json().meetings[0];
  t.match(board, { present: ['party_committee', 'rc', 'oc', 'firm'], tasks: [{ taskId: firmTask, onTime: true }, { taskId: ocTask, closedAt: null }] });

  // Requests: raised by an owner; dispatched to the firm, declined; dispatched to the RC; accepted in 2 h, completed on time, rated 5.
  const period = { from: new Date(start + 18 * DAY).toISOString(), to: new Date(start + 40 * DAY).toISOString() };
  const { requestId: r1 } = (await api.call('POST', `/v1/compounds/${compoundId}/requests`, { token: owner, body: { category: '路灯', building: '3', description: '3 号楼前路灯不亮' } })).json() as { requestId: string };
  const dispatch = (id: string, who: string, hours: number) => api.call('POST', `/v1/requests/${id}/dispatch`, { token: rc, body: { party: who, dueAt: new Date(clock.now().getTime() + hours * HOUR).toISOString() } });
  t.equal((await dispatch(r1, 'firm', 72)).statusCode, 201);
  t.equal((await dispatch(r1, 'rc', 72)).json().code, 'already_dispatched');
  clock.set(new Date(clock.now().getTime() + 30 * HOUR));
  t.equal((await api.call('POST', `/v1/requests/${r1}/accept`, { token: oc })).json().code, 'not_entitled');
  t.equal((await api.call('POST', `/v1/requests/${r1}/decline`, { token: firm, body: { reason: '路灯属市政' } })).statusCode, 201, 'the firm declines after 30 h (not a timely answer)');
  t.equal((await dispatch(r1, 'rc', 48)).statusCode, 201);
  clock.set(new Date(clock.now().getTime() + 2 * HOUR));
  t.equal((await api.call('POST', `/v1/requests/${r1}/accept`, { token: rc })).statusCode, 201);
  t.equal((await api.call('POST', `/v1/requests/${r1}/progress`, { token: firm, body: { note: 'x' } })).json().code, 'not_entitled', 'matrix17: only the party that accepted reports progress');
  t.equal((await api.call('POST', `/v1/requests/${r1}/progress`, { token: rc, body: { note: '已报市政' } })).statusCode, 201);
  clock.set(new Date(clock.now().getTime() + 20 * HOUR));
  t.equal((await api.call('POST', `/v1/requests/${r1}/complete`, { token: firm, body: { evidenceRef: 'x' } })).json().code, 'not_entitled', 'matrix17: only the party that accepted completes it');
  t.equal((await api.call('POST', `/v1/requests/${r1}/complete`, { token: rc, body: { evidenceRef: '市政工单-77' } })).statusCode, 201);
  t.equal((await api.call('POST', `/v1/requests/${r1}/rating`, { token: rc, body: { satisfaction: 5 } })).json().code, 'not_entitled', 'only whoever raised it rates it');
  t.equal((await api.call('POST', `/v1/requests/${r1}/rating`, { token: owner, body: { satisfaction: 5 } })).statusCode, 201);
  // A second request to the firm: accepted in 1 h, completed late, rated 2.
  const { requestId: r2 } = (await api.call('POST', `/v1/compounds/${compoundId}/requests`, { token: owner, body: { category: '保洁', description: '楼道垃圾' } })).json() as { requestId: string };
  await dispatch(r2, 'firm', 24);
  clock.set(new Date(clock.now().getTime() + HOUR));
  await api.call('POST', `/v1/requests/${r2}/accept`, { token: firm });
  clock.set(new Date(clock.now().getTime() + 30 * HOUR));
  await api.call('POST', `/v1/requests/${r2}/complete`, { token: firm, body: { evidenceRef: '照片' } });
  await api.call('POST', `/v1/requests/${r2}/rating`, { token: owner, body: { satisfaction: 2 } });

  const scores = (await api.call('GET', `/v1/compounds/${compoundId}/scores?from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}`, { token: owner })).json().scores as { party: string; score: string }[];
  // By hand. The firm: 2 dispatches, 1 answered within 24 h (r2 in 1 h; r1 declined after 30 h), 1 accepted, 0 on
  // time (r2 late), ratings [2]: 30·1/2 + 40·0/1 + 30·(2 − 1)/4 = 15 + 0 + 7.5 = 22.50.
  // The RC: 1 dispatch, answered in 2 h, accepted, on time, rated 5: 30 + 40 + 30 = 100.00.
  t.same(Object.fromEntries(scores.map((s) => [s.party, s.score])), { firm: '22.50', rc: '100.00' });
  const requests = (await api.call('GET', `/v1/compounds/${compoundId}/requests`, { token: firm })).json().requests;
  t.notMatch(JSON.stringify(requests), /p-owner/, 'never who raised a request');
  t.match(requests[0].dispatches, [{ party: 'firm', answer: 'declined' }, { party: 'rc', answer: 'accepted', onTime: true, satisfaction: 5 }]);

  // The three parties' page on the notice board: the meeting, its tasks, the requests and the scores; nobody who raised one.
  const page = await api.call('GET', `/board/${compoundId}/community`, { token: owner });
  t.equal(page.statusCode, 200, page.body.slice(0, 200));
  t.match(page.body, /夜间开放临时停车位/);
  t.match(page.body, /按期完成/, 'the firm\u2019s task was closed in time');
  t.match(page.body, /逾期未完成/, 'the OC\u2019s task is overdue');
  t.match(page.body, /已按期公布/);
  t.match(page.body, /路灯/);
  t.notMatch(page.body, /3 号楼前路灯不亮|楼道垃圾/, 'no request\u2019s own text on the public board');
  t.notMatch(page.body, /p-owner|p-rc|p-oc|p-firm/, 'no person ids');
});
