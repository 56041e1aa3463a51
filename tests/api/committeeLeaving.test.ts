/**
 * Leaving the committee without a vote, over HTTP, in a Beijing compound whose committee of 5 with 2 alternates is
 * seated through the service (the election is tested in committee.test.ts): an alternate who sells their last
 * unit leaves the alternates' list (the reactor), a member's written resignation (京条例 Art. 46 para. 1 (二)) gives
 * the seat to the remaining alternate (Art. 41 para. 3), another member records a third member's incapacity
 * (Art. 46 para. 1 (三)) and the seat stays empty; the board shows each with its reason.
 */
import t from 'tap';
import { startTestApi } from '../support/api.js';
import { seatBeijingCommittee } from '../support/committeeSeed.js';
import { eventually } from '../support/eventually.js';

const UNITS = 9;


t.test('an alternate sells and leaves the list; a member resigns, another is unable to serve', async (t) => {
  const api = await startTestApi();
  t.teardown(() => api.close());
  // c5 and c6 are the alternates, c5 first.
  const { compoundId, admin, clock } = await seatBeijingCommittee(t, api, { units: UNITS, seats: 5, alternates: 2 });
  const base = `/v1/compounds/${compoundId}/committee`;
  const oc = (i: number) => api.token(`p${i}`, `oc_member@${compoundId}`);
  const owner = (i: number) => api.token(`p${i}`, `owner@${compoundId}`);
  const board = async () => (await api.call('GET', base, { token: await owner(8) })).json();
  // The setup went through the service, not HTTP: wait for the read model to show the seated committee.
  const start = await eventually(async () => {
    const b = await board();
    return b.committee && b;
  }, 'the committee seated');
  t.same(start.committee.alternates.map((a: { memberId: string }) => a.memberId), ['c5', 'c6']);

  // 1. The first alternate sells their only unit: off the list (the reactor on UnitTransferred).
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/units/1-106/transfer`, { token: admin, body: { owners: [{ personId: 'p-buyer', name: '买受人' }] } })).statusCode, 201);
  const afterSale = await eventually(async () => {
    const b = await board();
    return b.committee.alternates.length === 1 && b;
  }, 'the alternate left');
  t.same(afterSale.committee.alternates.map((a: { memberId: string }) => a.memberId), ['c6']);

  // 2. A member resigns in writing: c6 takes the seat.
  const forOther = await api.call('POST', `${base}/members/c1/resignation`, { token: await oc(2), body: { letterRef: '辞职信' } });
  t.equal(forOther.statusCode, 403, forOther.body);
  t.equal(forOther.json().code, 'not_entitled', 'nobody resigns for another');
  t.equal((await api.call('POST', `${base}/members/c1/resignation`, { token: await oc(1), body: {} })).statusCode, 400, 'the letter is named');
  const resigned = await api.call('POST', `${base}/members/c1/resignation`, { token: await oc(1), body: { letterRef: '辞职信 2026-03-01' } });
  t.equal(resigned.statusCode, 201, resigned.body);
  t.match(resigned.json(), { ended: true, alternateSeated: 'c6', earlyReelection: false });
  const again = await api.call('POST', `${base}/members/c1/resignation`, { token: await oc(1), body: { letterRef: '辞职信 2026-03-01' } });
  t.equal(again.json().code, 'member_not_found', 'once');
  t.equal(again.statusCode, 404, 'a member who has left is no longer found');
  t.match(again.headers['content-type'], /application\/problem\+json/);
  const logBefore = (await api.runtime.deps.store.readStream(`committee-${compoundId}`)).length;

  // 3. Another member records that c3 can no longer serve, from the day it occurred; no alternate is left.
  const future = await api.call('POST', `${base}/members/c3/incapacity`, { token: await oc(2), body: { occurredOn: '2099-01-01', evidenceRef: '诊断证明' } });
  t.equal(future.json().code, 'invalid_leaving');
  t.equal(future.statusCode, 400);
  t.match(future.headers['content-type'], /application\/problem\+json/);
  t.equal((await api.runtime.deps.store.readStream(`committee-${compoundId}`)).length, logBefore, 'the refusals recorded nothing');
  t.equal((await api.call('POST', `${base}/members/c3/incapacity`, { token: await owner(7), body: { occurredOn: '2026-02-20', evidenceRef: '诊断证明' } })).statusCode, 403, 'not an owner');
  const unable = await api.call('POST', `${base}/members/c3/incapacity`, { token: await oc(2), body: { occurredOn: '2026-02-20', evidenceRef: '诊断证明' } });
  t.equal(unable.statusCode, 201, unable.body);
  t.match(unable.json(), { ended: true, alternateSeated: null, earlyReelection: false });

  const b = await eventually(async () => {
    const x = await board();
    return x.committee.members.filter((m: { status: string }) => m.status === 'ended').length === 2 && x;
  }, 'the board caught up');
  const byId = (id: string) => b.committee.members.find((m: { memberId: string }) => m.memberId === id);
  t.match(byId('c1'), { status: 'ended', ended: { reason: 'resigned' } });
  t.match(byId('c3'), { status: 'ended', ended: { reason: 'incapacity', occurredOn: '2026-02-20' } });
  t.match(byId('c6'), { status: 'active' });
  t.equal(b.committee.serving, 4);
  t.same(b.committee.alternates, []);
  t.notOk(/"p\d+"/.test(JSON.stringify(b)), 'no person id on the board');
});
