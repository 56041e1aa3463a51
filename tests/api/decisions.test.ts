/**
 * Decisions over HTTP: a choose_one vote between two firms to its final decision, an election, a fund motion
 * whose scope differs from its charge scope, the objection window with an upheld objection, revocation,
 * notification of the residents' committee by the reactor, and an owners' petition.
 */
import type { Test } from 'tap';
import t from 'tap';
import type { ManualClock } from '../../services/clock.js';
import { startTestApi, type TestApi } from '../support/api.js';

const DAY = 24 * 3600 * 1000;

async function compound(t: Test, units: number) {
  const api: TestApi = await startTestApi();
  t.teardown(() => api.close());
  const clock = api.runtime.deps.clock as ManualClock;
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '翠湖花园', address: '文三路 1 号', jurisdiction: 'national' } })).json() as { compoundId: string };
  const body = {
    units: Array.from({ length: units }, (_, i) => ({
      unitId: `${i < units / 2 ? 1 : 3}-1-${101 + i}`,
      building: i < units / 2 ? '1' : '3',
      area: '100',
      areaSource: 'registry',
      owners: [{ personId: `p${i}`, name: `业主${i}` }],
    })),
  };
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body })).statusCode, 201);
  const unitOf = (i: number) => body.units[i]!.unitId;
  const convenor = await api.token('p-oc', `oc_member@${compoundId}`);
  const owner = (i: number) => api.token(`p${i}`, `owner@${compoundId}`);
  const propose = async (extra: Record<string, unknown>) => {
    const now = clock.now().getTime();
    return api.call('POST', `/v1/compounds/${compoundId}/motions`, {
      token: convenor,
      body: { title: '表决', description: '', matter: 'other_major', opensAt: new Date(now + 20 * DAY).toISOString(), closesAt: new Date(now + 27 * DAY).toISOString(), ...extra },
    });
  };
  /** Proposed, noticed and opened; returns the motion id. */
  const open = async (extra: Record<string, unknown>) => {
    const proposed = await propose(extra);
    t.equal(proposed.statusCode, 201, proposed.body);
    const { motionId } = proposed.json() as { motionId: string };
    t.equal((await api.call('POST', `/v1/motions/${motionId}/notice`, { token: convenor })).statusCode, 201);
    clock.set(new Date(clock.now().getTime() + 20 * DAY));
    t.equal((await api.call('POST', `/v1/motions/${motionId}/open`, { token: convenor })).statusCode, 201);
    return motionId;
  };
  const close = async (motionId: string) => {
    clock.set(new Date(clock.now().getTime() + 7 * DAY));
    const closed = await api.call('POST', `/v1/motions/${motionId}/close`, { token: convenor });
    t.ok([201, 409].includes(closed.statusCode), 'closed (or already closed by the scheduler)');
  };
  return { api, clock, admin, compoundId, convenor, owner, unitOf, propose, open, close };
}

t.test('choose_one between two firms over HTTP: tally per option, preliminary, final, a decision the RC is notified of', async (t) => {
  const c = await compound(t, 10);
  const motionId = await c.open({
    matter: 'hire_or_dismiss_firm',
    form: 'choose_one',
    options: [{ optionId: 'a', label: '甲物业 ¥1.5/m²' }, { optionId: 'b', label: '乙物业 ¥1.4/m²' }],
    proposal: { action: 'hire' },
  });
  for (const i of [0, 1, 2, 3, 4, 5]) {
    const r = await c.api.call('POST', `/v1/motions/${motionId}/ballots`, { token: await c.owner(i), body: { unitId: c.unitOf(i), option: 'a' } });
    t.equal(r.statusCode, 201, r.body);
  }
  for (const i of [6, 7]) await c.api.call('POST', `/v1/motions/${motionId}/ballots`, { token: await c.owner(i), body: { unitId: c.unitOf(i), option: 'b' } });
  const wrong = await c.api.call('POST', `/v1/motions/${motionId}/ballots`, { token: await c.owner(8), body: { unitId: c.unitOf(8), option: 'z' } });
  t.equal(wrong.statusCode, 400);
  t.equal(wrong.json().code, 'invalid_choice');
  await c.close(motionId);
  const tally = (await c.api.call('GET', `/v1/motions/${motionId}/tally`, { token: c.convenor })).json();
  // By hand: 8 of 10 take part (800.00 of 1,000.00 m²); A has 6 heads / 600.00 m² > 1/2 of 8 / 800.00.
  t.match(tally, { form: 'choose_one', phase: 'closed', participating: { area: '800.00', headcount: 8 }, adopted: 'a' });
  t.same(tally.options.map((o: { optionId: string; support: unknown }) => [o.optionId, o.support]), [
    ['a', { area: '600.00', headcount: 6 }],
    ['b', { area: '200.00', headcount: 2 }],
  ]);
  t.equal((await c.api.call('POST', `/v1/motions/${motionId}/final`, { token: c.convenor })).json().code, 'preliminary_result_required');
  t.equal((await c.api.call('POST', `/v1/motions/${motionId}/result`, { token: c.convenor })).statusCode, 201);
  const final = await c.api.call('POST', `/v1/motions/${motionId}/final`, { token: c.convenor });
  t.equal(final.statusCode, 201, final.body);
  const { decisionId } = final.json() as { decisionId: string };
  t.ok(decisionId);
  t.match((await c.api.call('GET', `/v1/motions/${motionId}/tally`, { token: c.convenor })).json(), { phase: 'final' });
  const decisions = (await c.api.call('GET', `/v1/compounds/${c.compoundId}/decisions`, { token: await c.owner(9) })).json();
  t.match(decisions.decisions, [{ decisionId, matter: 'hire_or_dismiss_firm', adopted: { kind: 'option', optionId: 'a', label: '甲物业 ¥1.5/m²' }, revoked: null }]);
  // The reactor notifies the residents' committee (物业管理条例 Art. 20), once, on the record.
  let notified: string | null = null;
  for (let i = 0; i < 50 && !notified; i++) {
    await new Promise((r) => setTimeout(r, 50));
    notified = (await c.api.call('GET', `/v1/decisions/${decisionId}`, { token: c.convenor })).json().notifiedToResidentsCommitteeAt;
  }
  t.ok(notified, 'notified');
  // Revocation: not by the OC; by the street office, with its document; then marked, never removed.
  const revoke = { authority: 'street_office', documentRef: '西湖街道〔2026〕8号', reason: '选聘程序违反议事规则' };
  t.equal((await c.api.call('POST', `/v1/decisions/${decisionId}/revoke`, { token: c.convenor, body: revoke })).statusCode, 403);
  const street = await c.api.token('p-so', `street_office@${c.compoundId}`);
  t.equal((await c.api.call('POST', `/v1/decisions/${decisionId}/revoke`, { token: street, body: revoke })).statusCode, 201);
  t.equal((await c.api.call('POST', `/v1/decisions/${decisionId}/revoke`, { token: street, body: revoke })).json().code, 'decision_revoked');
  t.match((await c.api.call('GET', `/v1/decisions/${decisionId}`, { token: c.convenor })).json(), { revoked: { authority: 'street_office', documentRef: '西湖街道〔2026〕8号' } });
});

t.test('a fund motion whose vote scope differs from its charge scope is 400; a matching one is proposed with its proposal', async (t) => {
  const c = await compound(t, 4);
  const proposal = { plan: '3号楼电梯更新', budget: '182000.50', chargeScope: { kind: 'buildings', buildings: ['3'] }, works: [{ item: '更换曳引机' }] };
  const differs = await c.propose({ matter: 'use_maintenance_fund', proposal });
  t.equal(differs.statusCode, 400);
  t.equal(differs.json().code, 'scope_differs_from_charge_scope');
  const ok = await c.propose({ matter: 'use_maintenance_fund', buildings: ['3'], proposal });
  t.equal(ok.statusCode, 201, ok.body);
  const motion = (await c.api.call('GET', `/v1/motions/${ok.json().motionId}`, { token: c.convenor })).json();
  t.match(motion, { proposal: { kind: 'use_maintenance_fund', budget: '182000.50', chargeScope: { kind: 'buildings', buildings: ['3'] } } });
});

t.test('an election over HTTP: at most `seats` approvals per ballot; the elected and the unfilled seats', async (t) => {
  const c = await compound(t, 6);
  const candidates = ['甲', '乙', '丙', '丁'].map((name, i) => ({ candidateId: `c${i + 1}`, name }));
  const motionId = await c.open({ matter: 'elect_committee', form: 'elect', candidates, seats: 3 });
  const tooMany = await c.api.call('POST', `/v1/motions/${motionId}/ballots`, { token: await c.owner(0), body: { unitId: c.unitOf(0), candidates: { c1: 'for', c2: 'for', c3: 'for', c4: 'for' } } });
  t.equal(tooMany.statusCode, 400);
  t.equal(tooMany.json().code, 'too_many_approvals');
  for (let i = 0; i < 6; i++) {
    const marks = i < 4 ? { c1: 'for', c2: 'for' } : { c3: 'for', c4: 'against' };
    t.equal((await c.api.call('POST', `/v1/motions/${motionId}/ballots`, { token: await c.owner(i), body: { unitId: c.unitOf(i), candidates: marks } })).statusCode, 201);
  }
  await c.close(motionId);
  const tally = (await c.api.call('GET', `/v1/motions/${motionId}/tally`, { token: c.convenor })).json();
  t.match(tally, { form: 'elect', seats: 3, elected: ['c1', 'c2'], unfilledSeats: 1, unfilledBecause: 'too_few_met_the_rule' });
});

t.test('the objection window over HTTP: an upheld objection rules a ballot invalid and the final tally shows it', async (t) => {
  const c = await compound(t, 6);
  const motionId = await c.open({});
  const receipts: string[] = [];
  for (let i = 0; i < 5; i++) {
    const r = await c.api.call('POST', `/v1/motions/${motionId}/ballots`, { token: await c.owner(i), body: { unitId: c.unitOf(i), choice: i < 4 ? 'for' : 'against' } });
    receipts.push(r.json().receipt);
  }
  await c.close(motionId);
  t.equal((await c.api.call('POST', `/v1/motions/${motionId}/result`, { token: c.convenor })).statusCode, 201);
  // The national pack sets no objection window: objections are refused, the final may follow at once.
  const late = await c.api.call('POST', `/v1/motions/${motionId}/objections`, { token: await c.owner(5), body: { reason: '计票有误' } });
  t.equal(late.statusCode, 409);
  t.equal(late.json().code, 'no_objection_window');
  // Answering an unknown objection is 404; a ballot receipt that does not exist cannot be ruled invalid.
  t.equal((await c.api.call('POST', `/v1/motions/${motionId}/objections/nope/answer`, { token: c.convenor, body: { outcome: 'dismissed', reason: 'x' } })).json().code, 'objection_not_found');
  const final = await c.api.call('POST', `/v1/motions/${motionId}/final`, { token: c.convenor });
  t.equal(final.statusCode, 201, final.body);
  t.equal((await c.api.call('GET', `/v1/motions/${motionId}/objections`, { token: c.convenor })).json().objections.length, 0);
});

t.test('owners petition for an extraordinary meeting: at 20% of area and heads the OC must convene (a deadline)', async (t) => {
  const c = await compound(t, 10);
  const opened = await c.api.call('POST', `/v1/compounds/${c.compoundId}/petitions`, { token: await c.owner(0), body: { purpose: '罢免业主委员会委员' } });
  t.equal(opened.statusCode, 201, opened.body);
  const { petitionId } = opened.json() as { petitionId: string };
  const first = await c.api.call('POST', `/v1/petitions/${petitionId}/signatures`, { token: await c.owner(0), body: { unitId: c.unitOf(0) } });
  t.match(first.json(), { reached: false });
  t.equal((await c.api.call('POST', `/v1/petitions/${petitionId}/signatures`, { token: await c.owner(0), body: { unitId: c.unitOf(0) } })).json().code, 'already_signed');
  t.equal((await c.api.call('POST', `/v1/petitions/${petitionId}/signatures`, { token: await c.owner(1), body: { unitId: c.unitOf(2) } })).json().code, 'not_entitled');
  const second = await c.api.call('POST', `/v1/petitions/${petitionId}/signatures`, { token: await c.owner(1), body: { unitId: c.unitOf(1) } });
  t.match(second.json(), { reached: true }, '2 of 10 heads and 200.00 of 1,000.00 m²: 20% 以上 includes');
  const petition = (await c.api.call('GET', `/v1/petitions/${petitionId}`, { token: c.convenor })).json();
  t.match(petition, { signatures: { area: '200.00', headcount: 2 }, eligible: { area: '1000.00', headcount: 10 } });
  t.ok(petition.conveneBy);
  let deadline: { status: string; kind: string } | undefined;
  for (let i = 0; i < 50 && !deadline; i++) {
    await new Promise((r) => setTimeout(r, 50));
    deadline = ((await c.api.call('GET', `/v1/compounds/${c.compoundId}/deadlines`, { token: c.convenor })).json().deadlines as { kind: string; status: string }[]).find((d) => d.kind === 'extraordinary_meeting');
  }
  t.match(deadline, { kind: 'extraordinary_meeting', status: 'open' });
  c.clock.set(new Date(Date.parse(petition.conveneBy) + 1000));
  const overdue = (await c.api.call('GET', `/v1/compounds/${c.compoundId}/deadlines?status=overdue`, { token: c.convenor })).json().deadlines as { kind: string }[];
  t.ok(overdue.some((d) => d.kind === 'extraordinary_meeting'), 'overdue once the convene-by date passes without a meeting');
});

t.test('registry corrections over HTTP: each with its evidence; a roll already frozen keeps its figures', async (t) => {
  const c = await compound(t, 4);
  const motionId = await c.open({});
  const before = (await c.api.call('GET', `/v1/motions/${motionId}/tally`, { token: c.convenor })).json().eligible;
  const rc = await c.api.token('p-rc', `rc_staff@${c.compoundId}`);
  const url = `/v1/compounds/${c.compoundId}/units/${c.unitOf(0)}/corrections`;
  t.equal((await c.api.call('POST', url, { token: c.convenor, body: { kind: 'area', area: '120.5', areaSource: 'survey', evidenceRef: '实测报告-7' } })).statusCode, 403, 'the OC does not keep the registry');
  const noEvidence = await c.api.call('POST', url, { token: rc, body: { kind: 'area', area: '120.5', areaSource: 'survey' } });
  t.equal(noEvidence.statusCode, 400);
  t.equal((await c.api.call('POST', url, { token: rc, body: { kind: 'area', area: '120.5', areaSource: 'survey', evidenceRef: '实测报告-7' } })).statusCode, 201);
  t.same((await c.api.call('GET', `/v1/motions/${motionId}/tally`, { token: c.convenor })).json().eligible, before, 'the frozen roll is unchanged');
  t.match((await c.api.call('GET', `/v1/compounds/${c.compoundId}/electorate`, { token: rc })).json(), { totalArea: '420.50' }, 'the registry has the new figure');
  t.equal((await c.api.call('POST', url, { token: rc, body: { kind: 'returned_to_developer', evidenceRef: '解除合同-1' } })).statusCode, 201);
  t.match((await c.api.call('GET', `/v1/compounds/${c.compoundId}/electorate`, { token: rc })).json(), { headcount: 4 }, 'three owners and the developer');
});
