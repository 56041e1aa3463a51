/**
 * The residents' reads answer their views exactly through their response schemas (services/residents/viewSchemas.ts):
 * a roll with representatives in two groups; residents' meetings of two constituencies with items adopted, not
 * adopted and undecided; a representatives' meeting with the community's rules, open votes and a closed item;
 * a request to convene reached and one not. Over HTTP they deep-equal the read model's documents read without
 * the serializer, now and (the compound's views, a meeting and a request by id) `?asOf=` an earlier position.
 */
import t from 'tap';
import type { ManualClock } from '../../services/clock.js';
import { RESIDENTS_MEETINGS, RESIDENTS_REQUESTS, RESIDENTS_ROLLS, type MeetingDoc, type RequestDoc } from '../../projections/residents/index.js';
import { startTestApi } from '../support/api.js';
import { answersAsOf, answersView, snapshot, type Created } from '../support/viewMatch.js';

const DAY = 86_400_000;

t.test('the roll, meetings of both kinds and requests to convene: the HTTP body is the view, now and as of a past position', async (t) => {
  const api = await startTestApi(t);
  const clock = api.runtime.deps.clock as ManualClock;
  const read = api.runtime.deps.read;
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '和睦社区', address: '文三路 2 号', jurisdiction: 'hangzhou' } })).json() as { compoundId: string };
  const rc = await api.token('p-rc', `rc_staff@${compoundId}`);
  const owner = await api.token('p-o', `owner@${compoundId}`);
  let position = '0';
  const post = async (url: string, token: string, body?: unknown) => {
    const res = await api.call('POST', url, { token, ...(body === undefined ? {} : { body }) });
    t.equal(res.statusCode, 201, `${url}: ${res.body.slice(0, 200)}`);
    position = (res.json() as { position: string }).position;
    return res.json() as Created;
  };
  const heldAt = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString();
  const households = Array.from({ length: 50 }, (_, i) => ({ householdId: `h${i + 1}`, adults: 1 + (i % 3), group: `g${(i % 5) + 1}` }));
  const base = `/v1/compounds/${compoundId}`;
  await post(`${base}/residents/roll`, rc, { households });
  await post(`${base}/residents/representatives`, rc, { group: 'g1', representatives: [{ representativeId: 'r1', households: 5 }, { representativeId: 'r2', households: 5 }], evidenceRef: '推选记录-1' });

  // A request reached by households, and the residents' meeting answering it: all adults; one item adopted, one not, one open.
  const { requestId: q1 } = await post(`${base}/residents/requests`, rc, { purpose: '讨论加装电梯' });
  for (let i = 1; i <= 10; i++) await post(`/v1/residents/requests/${q1}/signatures`, rc, { householdId: `h${i}`, evidenceRef: '联名书第1页' });
  const { meetingId: m1 } = await post(`${base}/residents/meetings`, rc, {
    kind: 'residents_meeting',
    constituency: { kind: 'all_adults', perGroup: 2 },
    agenda: [{ itemId: 'lift', title: '加装电梯方案' }, { itemId: 'fee', title: '分摊办法' }, { itemId: 'later', title: '下次再议' }],
    heldAt: heldAt(7),
    requestId: q1,
  });
  await post(`/v1/residents/meetings/${m1}/attendance`, rc, { present: 60, evidenceRef: '签到表' });
  await post(`/v1/residents/meetings/${m1}/items/lift/count`, rc, { inFavour: 40, against: 15, abstain: 5 });

  const past = position;
  const rollView = () => read.get(RESIDENTS_ROLLS, compoundId);
  const meetingsView = () => ({ meetings: read.list(RESIDENTS_MEETINGS, compoundId) });
  t.equal((await api.call('GET', `${base}/residents/meetings?after=${past}`, { token: owner })).statusCode, 200);
  const rollThen = snapshot(rollView);
  const meetingsThen = snapshot(meetingsView);
  const requestThen = snapshot(() => read.get(RESIDENTS_REQUESTS, q1));

  await post(`/v1/residents/meetings/${m1}/items/fee/count`, rc, { inFavour: 20, against: 35, abstain: 5 });
  await post(`${base}/residents/representatives`, rc, { group: 'g2', representatives: [{ representativeId: 'r3', households: 4 }], evidenceRef: '推选记录-2' });
  // Group representatives, 3 per group; nobody counted yet.
  await post(`${base}/residents/meetings`, rc, { kind: 'residents_meeting', constituency: { kind: 'group_representatives', perGroup: 3 }, agenda: [{ itemId: 'park', title: '停车' }], heldAt: heldAt(9) });
  // The representatives' meeting with the community's rules: open votes, one item closed.
  const { meetingId: m3 } = await post(`${base}/residents/meetings`, rc, {
    kind: 'representatives_meeting',
    rules: { quorum: { num: 1, den: 2, inclusive: true }, majority: { num: 2, den: 3, inclusive: false } },
    agenda: [{ itemId: 'budget', title: '公益金使用' }, { itemId: 'open', title: '未表决' }],
    heldAt: heldAt(10),
  });
  await post(`/v1/residents/meetings/${m3}/attendance`, rc, { representatives: ['r1', 'r2', 'r3'], evidenceRef: '签到表-代表' });
  await post(`/v1/residents/meetings/${m3}/items/budget/votes`, rc, { representativeId: 'r1', choice: 'for' });
  await post(`/v1/residents/meetings/${m3}/items/budget/votes`, rc, { representativeId: 'r2', choice: 'against' });
  await post(`/v1/residents/meetings/${m3}/items/budget/votes`, rc, { representativeId: 'r3', choice: 'for' });
  await post(`/v1/residents/meetings/${m3}/items/open/votes`, rc, { representativeId: 'r3', choice: 'abstain' });
  await post(`/v1/residents/meetings/${m3}/items/budget/close`, rc);
  // A request not reached.
  const { requestId: q2 } = await post(`${base}/residents/requests`, rc, { purpose: '增设快递柜' });
  await post(`/v1/residents/requests/${q2}/signatures`, rc, { group: 'g3', evidenceRef: '联名书' });

  // The read model is read directly only once it has applied the last write (a direct read does not wait; ?after= does).
  t.equal((await api.call('GET', `${base}/residents/meetings?after=${position}`, { token: owner })).statusCode, 200);
  const meetings = read.list<MeetingDoc>(RESIDENTS_MEETINGS, compoundId);
  t.same(meetings.map((m) => m.kind).sort(), ['representatives_meeting', 'residents_meeting', 'residents_meeting']);
  t.same(meetings.find((m) => m.meetingId === m1)?.constituency, { kind: 'all_adults' }, 'a stray perGroup is not kept on an all-adults constituency');
  const items = meetings.flatMap((m) => m.items);
  t.ok(items.some((i) => i.decision?.adopted === true) && items.some((i) => i.decision?.adopted === false) && items.some((i) => i.decision === null && Object.keys(i.votes).length > 0), 'items adopted, not adopted, voted but open');
  t.ok(read.get<RequestDoc>(RESIDENTS_REQUESTS, q1)?.reachedBy && read.get<RequestDoc>(RESIDENTS_REQUESTS, q2)?.reachedBy === null, 'a request reached, one not');

  await answersView(t, api, `${base}/residents/roll?after=${position}`, owner, rollView, 'the roll');
  await answersView(t, api, `${base}/residents/meetings?after=${position}`, owner, meetingsView, 'the meetings');
  for (const m of meetings) await answersView(t, api, `/v1/residents/meetings/${m.meetingId}`, owner, () => read.get(RESIDENTS_MEETINGS, m.meetingId), `meeting ${m.kind}`);
  for (const q of [q1, q2]) await answersView(t, api, `/v1/residents/requests/${q}`, owner, () => read.get(RESIDENTS_REQUESTS, q), 'a request to convene');

  await answersAsOf(t, api, `${base}/residents/roll`, owner, past, rollThen, 'the roll then');
  await answersAsOf(t, api, `${base}/residents/meetings`, owner, past, meetingsThen, 'the meetings then');
  await answersAsOf(t, api, `${base}/residents/meetings`, owner, position, meetingsView(), 'the meetings at the head');
  await answersAsOf(t, api, `${base}/residents/roll`, owner, position, rollView(), 'the roll at the head');

  // A meeting and a request by id travel too (#16 item 3): as they stood then, or not found before they existed.
  const meetingThen = (meetingsThen as { meetings: { meetingId: string }[] }).meetings.find((m) => m.meetingId === m1);
  await answersAsOf(t, api, `/v1/residents/meetings/${m1}`, owner, past, meetingThen, 'a meeting then');
  await answersAsOf(t, api, `/v1/residents/meetings/${m1}`, owner, position, read.get(RESIDENTS_MEETINGS, m1), 'a meeting at the head');
  const m3Then = await api.call('GET', `/v1/residents/meetings/${m3}?asOf=${past}`, { token: owner });
  t.match({ status: m3Then.statusCode, code: m3Then.json().code }, { status: 404, code: 'meeting_not_found' }, 'a meeting not yet called');
  await answersAsOf(t, api, `/v1/residents/requests/${q1}`, owner, past, requestThen, 'a request then');
  await answersAsOf(t, api, `/v1/residents/requests/${q2}`, owner, position, read.get(RESIDENTS_REQUESTS, q2), 'a request at the head');
  const q2Then = await api.call('GET', `/v1/residents/requests/${q2}?asOf=${past}`, { token: owner });
  t.match({ status: q2Then.statusCode, code: q2Then.json().code }, { status: 404, code: 'request_not_found' }, 'a request not yet opened');
});
