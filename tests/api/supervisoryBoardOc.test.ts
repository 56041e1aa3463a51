/**
 * The supervisory board keeps the OC's members off it without the caller naming them (#14 leftover): the OC's
 * serving members are read from the committee's own record (广州办法 Art. 49; domain-rules §6.4), so a board
 * naming a seated member is refused with no `ocMembers` in the body, a declared relative of a seated member too,
 * and a member who has left the OC may serve. The deprecated `ocMembers` field is still accepted and merged.
 */
import t from 'tap';
import { startTestApi } from '../support/api.js';
import { seatBeijingCommittee } from '../support/committeeSeed.js';

const DAY = 24 * 3600 * 1000;
const UNITS = 8;

t.test('the OC members excluded from the supervisory board come from the committee', async (t) => {
  const api = await startTestApi();
  t.teardown(() => api.close());
  // A committee of 3 (p0, p1, p2) seated through the service (the election is tested in committee.test.ts).
  const { compoundId, admin, clock } = await seatBeijingCommittee(t, api, { units: UNITS, seats: 3 });
  const rt = api.runtime;

  // The owners decide to set up a supervisory board (a final decision).
  const oc0 = await api.token('p0', `oc_member@${compoundId}`);
  const now = clock.now().getTime();
  const proposed = await api.call('POST', `/v1/compounds/${compoundId}/motions`, { token: oc0, body: { title: '成立业主监督委员会', description: '', matter: 'other_major', opensAt: new Date(now + 20 * DAY).toISOString(), closesAt: new Date(now + 27 * DAY).toISOString() } });
  t.equal(proposed.statusCode, 201, proposed.body);
  const { motionId } = proposed.json() as { motionId: string };
  t.equal((await api.call('POST', `/v1/motions/${motionId}/notice`, { token: oc0 })).statusCode, 201);
  clock.set(new Date(now + 20 * DAY));
  t.equal((await api.call('POST', `/v1/motions/${motionId}/open`, { token: oc0 })).statusCode, 201);
  for (let i = 0; i < UNITS; i++) {
    const owner = await api.token(`p${i}`, `owner@${compoundId}`);
    t.equal((await api.call('POST', `/v1/motions/${motionId}/ballots`, { token: owner, body: { unitId: `1-${101 + i}`, choice: 'for' } })).statusCode, 201);
  }
  clock.set(new Date(now + 27 * DAY + 1000));
  t.ok([201, 409].includes((await api.call('POST', `/v1/motions/${motionId}/close`, { token: oc0 })).statusCode));
  t.equal((await api.call('POST', `/v1/motions/${motionId}/result`, { token: oc0 })).statusCode, 201);
  const final = await api.call('POST', `/v1/motions/${motionId}/final`, { token: oc0 });
  t.equal(final.statusCode, 201, final.body);
  const { decisionId } = final.json() as { decisionId: string };

  const street = await api.token('p-street', `street_office@${compoundId}`);
  const establish = (members: string[], extra: Record<string, unknown> = {}) =>
    api.call('POST', `/v1/compounds/${compoundId}/supervisory-board`, { token: street, body: { decisionId, termYears: 3, members: members.map((p) => ({ personId: p, name: `监事${p}` })), ...extra } });

  // A seated OC member, with no ocMembers in the body: refused from the committee's record.
  const withMember = await establish(['p1', 'p5', 'p6']);
  t.equal(withMember.statusCode, 409, withMember.body);
  t.match(withMember.json(), { code: 'oc_member_on_board', detail: /广州办法 Art. 49/ });
  // The deprecated field is still accepted, and merged with the committee's list.
  const named = await establish(['p5', 'p6', 'p7'], { ocMembers: ['p7'] });
  t.equal(named.json().code, 'oc_member_on_board', 'a caller-named OC member is still excluded');
  // A declared relative of a seated OC member (the declaration is the OC member's own).
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/relationships`, { token: oc0, body: { related: { kind: 'person', personId: 'p6' }, relation: 'relative', note: '配偶' } })).statusCode, 201);
  t.equal((await establish(['p4', 'p5', 'p6'])).json().code, 'oc_relative_on_board', 'the relative of a member the committee names');

  // p2 sells their only unit and leaves the OC (京条例 Art. 46 (一)): they may now serve.
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/units/1-103/transfer`, { token: admin, body: { owners: [{ personId: 'p-buyer', name: '买受人' }] } })).statusCode, 201);
  for (let i = 0; i < 100; i++) {
    const events = await rt.deps.store.readStream(`committee-${compoundId}`);
    if (events.some((e) => e.type === 'MembershipEnded')) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const ok = await establish(['p2', 'p4', 'p5']);
  t.equal(ok.statusCode, 201, ok.body);
});
