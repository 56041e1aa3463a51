/**
 * The joint reads answer their views exactly through their response schemas (services/joint/viewSchemas.ts):
 * a rich state (a meeting with attendance, two resolutions and tasks open, closed on time and rated, closed
 * late; a meeting only convened; one whose results were published late; requests raised only, dispatched and
 * waiting, declined then accepted with progress, completed on time and rated, completed late) read over HTTP
 * deep-equals the read model's documents read without the serializer, now and `?asOf=` an earlier position.
 */
import t from 'tap';
import type { ManualClock } from '../../services/clock.js';
import { JOINT_MEETINGS, REQUESTS } from '../../projections/joint/index.js';
import { partyScores, type DispatchRecord } from '../../domain/joint/index.js';
import { startTestApi } from '../support/api.js';
import { answersAsOf, answersView, snapshot, type Created } from '../support/viewMatch.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

t.test('joint meetings, requests and scores: the HTTP body is the view, now and as of a past position', async (t) => {
  const api = await startTestApi(t);
  const clock = api.runtime.deps.clock as ManualClock;
  const read = api.runtime.deps.read;
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '翠湖花园', address: '文三路 1 号', jurisdiction: 'shanghai' } })).json() as { compoundId: string };
  const party = await api.token('p-party', `party_committee@${compoundId}`);
  const rc = await api.token('p-rc', `rc_staff@${compoundId}`);
  const firm = await api.token('p-firm', `property_firm@${compoundId}`);
  const oc = await api.token('p-oc', `oc_member@${compoundId}`);
  const owner = await api.token('p-owner', `owner@${compoundId}`);
  const start = clock.now().getTime();
  const at = (days: number) => new Date(start + days * DAY).toISOString();
  let position = '0';
  const post = async (url: string, token: string, body?: unknown) => {
    const res = await api.call('POST', url, { token, ...(body === undefined ? {} : { body }) });
    t.equal(res.statusCode, 201, `${url}: ${res.body.slice(0, 200)}`);
    position = (res.json() as { position: string }).position;
    return res.json() as Created;
  };

  // Meeting A: attended, two resolutions, three tasks; results published in time.
  const { meetingId: a } = await post(`/v1/compounds/${compoundId}/joint-meetings`, party, { invited: ['rc', 'oc', 'firm', 'police_station'], agenda: [{ itemId: 'parking', title: '停车难' }, { itemId: 'lights', title: '路灯' }], heldAt: at(7) });
  // Meeting B: convened only, never held on the record.
  await post(`/v1/compounds/${compoundId}/joint-meetings`, rc, { invited: ['party_committee', 'firm'], agenda: [{ itemId: 'noise', title: '噪音' }], heldAt: at(30), noticeDays: 5, resultsDays: 3 });
  clock.set(new Date(start + 7 * DAY));
  await post(`/v1/joint-meetings/${a}/attendance`, party, { present: ['party_committee', 'rc', 'oc', 'firm'] });
  const { resolutionId: r1 } = await post(`/v1/joint-meetings/${a}/resolutions`, party, { text: '夜间开放临时停车位', agreedBy: ['party_committee', 'rc', 'oc', 'firm'] });
  const { resolutionId: r2 } = await post(`/v1/joint-meetings/${a}/resolutions`, party, { text: '修复路灯', agreedBy: ['rc', 'firm'] });
  const { taskId: t1 } = await post(`/v1/joint-meetings/${a}/tasks`, party, { resolutionId: r1, party: 'firm', description: '划线', dueAt: at(12) });
  const { taskId: t2 } = await post(`/v1/joint-meetings/${a}/tasks`, party, { resolutionId: r2, party: 'oc', description: '报修', dueAt: at(9) });
  await post(`/v1/joint-meetings/${a}/tasks`, party, { resolutionId: r2, party: 'rc', description: '跟进', dueAt: at(20) });
  clock.set(new Date(start + 8 * DAY));
  await post(`/v1/joint-meetings/${a}/tasks/${t1}/close`, firm, { outcome: '已划线 40 个车位', evidenceRef: '照片-0312' });
  await post(`/v1/joint-meetings/${a}/tasks/${t1}/rating`, party, { satisfaction: 4 });
  await post(`/v1/joint-meetings/${a}/results`, party);

  // Requests: r1 raised only; r2 dispatched to the firm, declined, to the RC, accepted, progress, completed on time, rated.
  await post(`/v1/compounds/${compoundId}/requests`, owner, { category: '绿化', description: '修剪树木' });
  const { requestId: q2 } = await post(`/v1/compounds/${compoundId}/requests`, owner, { category: '路灯', building: '3', unitId: '3-1-101', description: '3 号楼前路灯不亮' });
  const dispatch = (id: string, who: string, hours: number) => post(`/v1/requests/${id}/dispatch`, rc, { party: who, dueAt: new Date(clock.now().getTime() + hours * HOUR).toISOString() });
  await dispatch(q2, 'firm', 72);
  clock.set(new Date(clock.now().getTime() + 30 * HOUR));
  await post(`/v1/requests/${q2}/decline`, firm, { reason: '路灯属市政' });
  await dispatch(q2, 'rc', 48);

  // A past point: later reads `?asOf=` it must show exactly what the read model held then.
  // The read model is read directly only once it has applied the past point (a direct read does not wait; ?after= does).
  const past = position;
  t.ok((await api.call('GET', `/v1/compounds/${compoundId}/requests?after=${past}`, { token: owner })).statusCode === 200);
  const meetingsThen = snapshot(() => ({ meetings: read.list(JOINT_MEETINGS, compoundId) }));
  const requestsThen = snapshot(() => ({ requests: read.list(REQUESTS, compoundId) }));

  clock.set(new Date(clock.now().getTime() + 2 * HOUR));
  await post(`/v1/requests/${q2}/accept`, rc);
  await post(`/v1/requests/${q2}/progress`, rc, { note: '已报市政' });
  await post(`/v1/requests/${q2}/complete`, rc, { evidenceRef: '市政工单-77' });
  await post(`/v1/requests/${q2}/rating`, owner, { satisfaction: 5 });
  // r3: to the firm, accepted in an hour, completed late, rated 2. r4: dispatched, no answer yet.
  const { requestId: q3 } = await post(`/v1/compounds/${compoundId}/requests`, owner, { category: '保洁', building: '1', description: '楼道垃圾' });
  await dispatch(q3, 'firm', 24);
  clock.set(new Date(clock.now().getTime() + HOUR));
  await post(`/v1/requests/${q3}/accept`, firm);
  clock.set(new Date(clock.now().getTime() + 30 * HOUR));
  await post(`/v1/requests/${q3}/complete`, firm, { evidenceRef: '照片' });
  await post(`/v1/requests/${q3}/rating`, owner, { satisfaction: 2 });
  const { requestId: q4 } = await post(`/v1/compounds/${compoundId}/requests`, rc, { category: '安全', description: '消防通道' });
  await dispatch(q4, 'police_station', 24);
  // Meeting A's last task closed after its due date; meeting C's results published after their due date.
  await post(`/v1/joint-meetings/${a}/tasks/${t2}/close`, oc, { outcome: '已报修', evidenceRef: '报修单' });
  const { meetingId: c } = await post(`/v1/compounds/${compoundId}/joint-meetings`, party, { invited: ['rc'], agenda: [{ itemId: 'x', title: '电梯' }], heldAt: new Date(clock.now().getTime() + 4 * DAY).toISOString(), resultsDays: 1 });
  clock.set(new Date(clock.now().getTime() + 10 * DAY));
  await post(`/v1/joint-meetings/${c}/attendance`, party, { present: ['party_committee', 'rc'] });
  await post(`/v1/joint-meetings/${c}/results`, party);

  // The read model is read directly only once it has applied the last write (a direct read does not wait; ?after= does).
  t.ok((await api.call('GET', `/v1/compounds/${compoundId}/requests?after=${position}`, { token: owner })).statusCode === 200);
  const meetings = read.list<{ meetingId: string; present: unknown; tasks: { closedAt: string | null; onTime: boolean | null; satisfaction: number | null }[]; resultsLate: boolean | null }>(JOINT_MEETINGS, compoundId);
  t.equal(meetings.length, 3);
  t.ok(meetings.some((m) => m.present === null) && meetings.some((m) => m.resultsLate === true) && meetings.some((m) => m.resultsLate === false), 'meetings: not held, results in time, results late');
  const tasks = meetings.flatMap((m) => m.tasks);
  t.ok(tasks.some((x) => x.closedAt === null) && tasks.some((x) => x.onTime === true && x.satisfaction === 4) && tasks.some((x) => x.onTime === false), 'tasks: open, on time and rated, late');
  const requests = read.list<{ status: string; dispatches: DispatchRecord[] }>(REQUESTS, compoundId);
  t.same(requests.map((r) => r.status).sort(), ['completed', 'completed', 'dispatched', 'raised'], 'requests in every status');

  const base = `/v1/compounds/${compoundId}`;
  await answersView(t, api, `${base}/joint-meetings?after=${position}`, owner, () => ({ meetings: read.list(JOINT_MEETINGS, compoundId) }), 'joint meetings');
  await answersView(t, api, `${base}/requests?after=${position}`, firm, () => ({ requests: read.list(REQUESTS, compoundId) }), 'requests');
  const from = new Date(start).toISOString();
  const to = new Date(clock.now().getTime() + DAY).toISOString();
  const scoresUrl = `${base}/scores?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  const formula = '30 × answered within 24 h ÷ dispatched + 40 × completed on time ÷ accepted + 30 × (mean satisfaction − 1) ÷ 4';
  const scoresNow = () => ({ from, to, formula, scores: partyScores(read.list<{ dispatches: DispatchRecord[] }>(REQUESTS, compoundId).flatMap((r) => r.dispatches), { from: new Date(from), to: new Date(to) }) });
  const body = (await answersView(t, api, scoresUrl, rc, scoresNow, 'scores')) as { scores: unknown[] };
  t.equal(body.scores.length, 3, 'the firm, the RC and the police station');

  // As of the past point, every read shows what the read model held then; as of now, what it holds now.
  await answersAsOf(t, api, `${base}/joint-meetings`, owner, past, meetingsThen, 'joint meetings then');
  await answersAsOf(t, api, `${base}/requests`, owner, past, requestsThen, 'requests then');
  const requestsPast = (requestsThen as { requests: { dispatches: DispatchRecord[] }[] }).requests.flatMap((r) => r.dispatches);
  await answersAsOf(t, api, scoresUrl, owner, past, { from, to, formula, scores: partyScores(requestsPast, { from: new Date(from), to: new Date(to) }) }, 'scores then');
  await answersAsOf(t, api, `${base}/joint-meetings`, owner, position, { meetings: read.list(JOINT_MEETINGS, compoundId) }, 'joint meetings at the head');
});
