/**
 * Where there is no owners' committee, over HTTP on the manual clock: a Beijing compound's street office forms
 * the property-management committee (京条例 Art. 54: ≥ 7, odd, owners ≥ 1/2, chaired by the RC), which convenes
 * an owners' decision through its RC chair (Arts. 56–57), run to a final decision; the record names the body
 * and the article. A Shanghai compound's RC acts (沪居委条例 Art. 20); once an OC serves, the acting body may
 * not convene.
 */
import type { Test } from 'tap';
import t from 'tap';
import type { ManualClock } from '../../services/clock.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { expectCommitteeReadsWhole } from '../support/committeeReads.js';

const DAY = 24 * 3600 * 1000;

async function compound(t: Test, jurisdiction: 'beijing' | 'shanghai' | 'hangzhou') {
  const api: TestApi = await startTestApi();
  t.teardown(() => api.close());
  const clock = api.runtime.deps.clock as ManualClock;
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '望京花园', address: '望京街 1 号', jurisdiction } })).json() as { compoundId: string };
  const units = Array.from({ length: 10 }, (_, i) => ({ unitId: `1-${101 + i}`, building: '1', area: '100', areaSource: 'registry', owners: [{ personId: `p${i}`, name: `业主${i}` }] }));
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } })).statusCode, 201);
  const street = await api.token('p-street', `street_office@${compoundId}`);
  const rc = await api.token('p-rc', `rc_staff@${compoundId}`);
  const owner = (i: number) => api.token(`p${i}`, `owner@${compoundId}`);
  const base = `/v1/compounds/${compoundId}/committee`;
  const window = () => {
    const now = clock.now().getTime();
    return { opensAt: new Date(now + 20 * DAY).toISOString(), closesAt: new Date(now + 27 * DAY).toISOString() };
  };
  return { api, clock, admin, compoundId, street, rc, owner, base, window };
}

const pmc = [
  { memberId: 'w1', name: '居委会代表', kind: 'residents_committee' },
  { memberId: 'w2', name: '业主代表甲', kind: 'owner_representative', unitId: '1-101' },
  { memberId: 'w3', name: '业主代表乙', kind: 'owner_representative', unitId: '1-102' },
  { memberId: 'w4', name: '业主代表丙', kind: 'owner_representative', unitId: '1-103' },
  { memberId: 'w5', name: '业主代表丁', kind: 'owner_representative', unitId: '1-104' },
  { memberId: 'w6', name: '物业使用人代表', kind: 'occupant_representative' },
  { memberId: 'w7', name: '居委会委员', kind: 'residents_committee' },
];

t.test('a Beijing compound without an OC runs an owners’ decision convened by its property-management committee', async (t) => {
  const c = await compound(t, 'beijing');
  const { api, base } = c;
  const form = (body: Record<string, unknown>, token = c.street) => api.call('POST', `${base}/property-management-committee`, { token, body: { chairMemberId: 'w1', viceChairMemberId: 'w2', termYears: 3, grounds: '业主大会成立后未能选举产生业主委员会（京条例 Art. 53 (三)）', members: pmc, ...body } });
  t.equal((await form({}, c.rc)).statusCode, 403, 'the street office forms it (Art. 52)');
  const six = await form({ members: pmc.slice(0, 6) });
  t.equal(six.statusCode, 400);
  t.match(six.json(), { code: 'invalid_acting_body', details: { source: /京条例 Art\. 54/ } }, 'at least 7, odd');
  t.equal((await form({ members: [...pmc.slice(0, 3), { memberId: 'x', name: '开发商', kind: 'developer' }, ...pmc.slice(4)] })).json().code, 'invalid_acting_body', 'owners at least half');
  t.match((await form({ chairMemberId: 'w2' })).json(), { code: 'invalid_acting_body', details: { chairKind: 'residents_committee' } }, 'chaired by the RC (Art. 54 para. 2)');
  t.equal((await form({ termYears: 4 })).json().code, 'invalid_acting_body', 'term ≤ 3 years (Art. 58)');
  const formed = await form({});
  t.equal(formed.statusCode, 201, formed.body);
  t.equal((await form({})).json().code, 'acting_body_already_formed');

  // Convening: not the OC (there is none), not the street office in Beijing; the RC chair convenes.
  const motion = { title: '选聘物业服务企业', description: '选聘甲物业', matter: 'hire_or_dismiss_firm', proposal: { action: 'hire', firm: { name: '甲物业' } } };
  t.equal((await api.call('POST', `${base}/acting-body/motions`, { token: await api.token('p0', `oc_member@${c.compoundId}`), body: { ...motion, ...c.window() } })).statusCode, 403);
  const byStreet = await api.call('POST', `${base}/acting-body/motions`, { token: c.street, body: { ...motion, ...c.window() } });
  t.equal(byStreet.statusCode, 403);
  t.match(byStreet.json(), { code: 'not_entitled', details: { needed: ['rc_staff'] } });
  const convened = await api.call('POST', `${base}/acting-body/motions`, { token: c.rc, body: { ...motion, ...c.window() } });
  t.equal(convened.statusCode, 201, convened.body);
  const { motionId } = convened.json() as { motionId: string };
  t.match(convened.json(), { body: 'property_management_committee', source: /^京条例 Art\. 56/ });

  // The owners decide: notice, open, ballots, close, result, final.
  t.equal((await api.call('POST', `/v1/motions/${motionId}/notice`, { token: c.rc })).statusCode, 201);
  c.clock.set(new Date(c.clock.now().getTime() + 20 * DAY));
  t.equal((await api.call('POST', `/v1/motions/${motionId}/open`, { token: c.rc })).statusCode, 201);
  for (let i = 0; i < 8; i++) {
    const r = await api.call('POST', `/v1/motions/${motionId}/ballots`, { token: await c.owner(i), body: { unitId: `1-${101 + i}`, choice: 'for' } });
    t.equal(r.statusCode, 201, r.body);
  }
  c.clock.set(new Date(c.clock.now().getTime() + 7 * DAY));
  t.ok([201, 409].includes((await api.call('POST', `/v1/motions/${motionId}/close`, { token: c.rc })).statusCode));
  t.equal((await api.call('POST', `/v1/motions/${motionId}/result`, { token: c.rc })).statusCode, 201);
  const final = await api.call('POST', `/v1/motions/${motionId}/final`, { token: c.rc });
  t.equal(final.statusCode, 201, final.body);
  const decisions = (await api.call('GET', `/v1/compounds/${c.compoundId}/decisions`, { token: await c.owner(9) })).json();
  t.match(decisions.decisions, [{ matter: 'hire_or_dismiss_firm', adopted: { kind: 'motion' }, revoked: null }]);
  t.match((await api.call('GET', `/v1/motions/${motionId}`, { token: c.rc })).json(), { description: /由物业管理委员会召集：京条例 Art\. 56/ });

  const acting = (await api.call('GET', `${base}/acting-body`, { token: await c.owner(9) })).json();
  t.match(acting, {
    inCharge: { body: 'property_management_committee', article: '京条例 Art. 56' },
    body: { kind: 'property_management_committee', chairMemberId: 'w1', viceChairMemberId: 'w2', dissolved: null, article: '京条例 Art. 56' },
    convened: [{ motionId, matter: 'hire_or_dismiss_firm', body: 'property_management_committee', role: 'rc_staff', article: '京条例 Art. 56' }],
  });
  t.equal(acting.body.members.length, 7);
  // 京条例 Art. 58: the PMC's term (3 years here) is a deadline.
  const deadlines = (await api.call('GET', `/v1/compounds/${c.compoundId}/deadlines`, { token: c.street })).json().deadlines as { kind: string; status: string; source: { article: string } }[];
  t.match(deadlines.find((d) => d.kind === 'pmc_term_end'), { status: 'open', source: { article: '京条例 Art. 58' } });
  t.notMatch(JSON.stringify(acting), /p-rc|p-street/, 'no person ids');

  // schemasA: every committee read answers its whole document through its response schema, live and as of a past point.
  await expectCommitteeReadsWhole(t, c.api, c.compoundId, await c.owner(1));
});

t.test('Shanghai: the residents’ committee acts where no OC could be elected (沪居委条例 Art. 20); no PMC there', async (t) => {
  const c = await compound(t, 'shanghai');
  const { api, base } = c;
  t.equal((await api.call('POST', `${base}/acting-body/motions`, { token: c.rc, body: { title: '议题', matter: 'management_rules', proposal: { text: '制定管理规约' }, ...c.window() } })).json().code, 'no_acting_body');
  t.match((await api.call('POST', `${base}/property-management-committee`, { token: c.street, body: { chairMemberId: 'w1', termYears: 2, grounds: 'x', members: pmc } })).json(), { code: 'acting_body_not_provided', details: { source: /沪居委条例 Art\. 20/ } });
  const acts = await api.call('POST', `${base}/residents-committee-acting`, { token: c.street, body: { reason: '两次选举未能产生业主委员会', commissionRef: '业主大会委托书-1' } });
  t.equal(acts.statusCode, 201, acts.body);
  const convened = await api.call('POST', `${base}/acting-body/motions`, { token: c.rc, body: { title: '制定管理规约', matter: 'management_rules', proposal: { text: '制定管理规约' }, ...c.window() } });
  t.equal(convened.statusCode, 201, convened.body);
  t.match(convened.json(), { body: 'residents_committee', source: /^沪居委条例 Art\. 20 para\. 2/ });
  t.match((await api.call('GET', `${base}/acting-body`, { token: await c.owner(1) })).json(), { inCharge: { body: 'residents_committee' }, body: { commissionRef: '业主大会委托书-1' }, convened: [{ role: 'rc_staff', article: '沪居委条例 Art. 20 para. 2' }] });

  // schemasA: every committee read answers its whole document through its response schema, live and as of a past point.
  await expectCommitteeReadsWhole(t, c.api, c.compoundId, await c.owner(1));
});
