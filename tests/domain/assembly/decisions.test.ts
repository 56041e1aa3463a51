/**
 * Decisions that carry their consequences: choose_one and elect votes end to end through the deciders and the
 * projection, the objection window, invalid ballots, the final result and its decision, revocation.
 */
import t from 'tap';
import type { DecisionRecord } from '../../../domain/assembly/index.js';
import { isDomainError } from '../../../domain/shared/errors.js';
import { DECISIONS, MOTION_BALLOTS, type BallotDoc, type DecisionDoc } from '../../../projections/assembly/index.js';
import { convenor, owners, staff, testPack, voteSim } from '../../support/voteSim.js';

const firms = { form: 'choose_one', options: [{ optionId: 'a', label: '甲物业 ¥1.5/m²' }, { optionId: 'b', label: '乙物业 ¥1.4/m²' }] };
const codeOf = (r: unknown) => (isDomainError(r) ? r.code : 'ok');

t.test('choose_one between two firms, by hand: A has > 1/2 of the participating area AND heads (Civil Code Art. 278)', async (t) => {
  // Given 10 owners: six of 100.00 m², four of 150.00 m² (1,200.00 m², 10 heads).
  const roll = [...owners(6, '100.00', '1'), ...owners(4, '150.00', '2')];
  const sim = voteSim(roll).open({ matter: 'hire_or_dismiss_firm', form: firms, proposal: { action: 'hire' } });
  // When five small owners choose A, three large ones B, one small abstains; one large owner does not vote.
  for (const u of ['1-1', '1-2', '1-3', '1-4', '1-5']) sim.cast(u, { option: 'a' });
  for (const u of ['2-1', '2-2', '2-3']) sim.cast(u, { option: 'b' });
  sim.cast('1-6', { option: 'abstain' });
  sim.close();
  const { view, totals } = sim.tally();
  // Then: participation 9 heads, 1,050.00 m² (≥ 2/3 of 1,200.00 and of 10); A: 5 of 9 heads (> 1/2), 500.00 of
  // 1,050.00 m² (< 525.00): A fails on area. B: 3 heads, 450.00 m²: fails on both. Nothing is adopted.
  t.same(view.participating, { area: '1050.00', headcount: 9 });
  t.equal(view.quorumMet, true);
  t.same(view.options!.map((o) => [o.optionId, o.support, o.meetsRule]), [
    ['a', { area: '500.00', headcount: 5 }, false],
    ['b', { area: '450.00', headcount: 3 }, false],
  ]);
  t.equal(view.adopted, null);
  t.equal(view.nothingAdopted, 'no_option_met_the_rule');
  t.same(view.options![0]!.needed, { area: '50.0001', headcount: 0 }, 'A needs 50.0001 m² more from new participants: (500 + x)·2 > 1,050 + x');
  const published = sim.must({ type: 'PublishResult', data: { motionId: 'm1', totals }, by: convenor }, '2024-03-31T10:00:00+08:00');
  t.match(published[0]!.data, { outcome: { quorumMet: true, passed: false, adopted: null } });

  // With the last large owner voting A too: A has 6 heads and 650.00 of 1,200.00 m² (> 600.00): adopted.
  const again = voteSim(roll).open({ matter: 'hire_or_dismiss_firm', form: firms, proposal: { action: 'hire' } });
  for (const u of ['1-1', '1-2', '1-3', '1-4', '1-5', '2-4']) again.cast(u, { option: 'a' });
  for (const u of ['2-1', '2-2', '2-3']) again.cast(u, { option: 'b' });
  again.cast('1-6', { option: 'abstain' });
  again.close();
  const second = again.tally();
  t.equal(second.view.adopted, 'a');
  again.must({ type: 'PublishResult', data: { motionId: 'm1', totals: second.totals }, by: convenor }, '2024-03-31T10:00:00+08:00');
  const final = again.must({ type: 'PublishFinal', data: { motionId: 'm1', totals: second.totals }, by: convenor }, '2024-03-31T10:00:00+08:00');
  const decision = (final[0]!.data as { decision: DecisionRecord }).decision;
  t.match(decision, { matter: 'hire_or_dismiss_firm', adopted: { kind: 'option', optionId: 'a', label: '甲物业 ¥1.5/m²' }, proposal: { kind: 'hire_or_dismiss_firm', action: 'hire' } });
  t.match(again.projected().get<DecisionDoc>(DECISIONS, decision.decisionId), { adopted: { optionId: 'a' }, revoked: null });
});

t.test('从众 with choose_one is not offered; with yes_no only delivered non-voters are deemed', async (t) => {
  const roll = owners(6, '100.00');
  const sim = voteSim(roll, testPack()).open({ deemedVotes: { basis: '管理规约第二十条' } });
  sim.must({ type: 'RecordDelivery', data: { motionId: 'm1', unitId: '1-5', voterId: '', method: 'in_person', evidenceRef: '签收单-5' }, by: convenor }, '2024-03-21T10:00:00+08:00');
  for (const u of ['1-1', '1-2']) sim.cast(u, { choice: 'for' });
  sim.cast('1-3', { choice: 'against' });
  sim.close();
  const { view } = sim.tally();
  // Raw: 3 of 6 take part (no quorum). Deemed: only 1-5's notice is on record: 4 of 6 take part, 3 for.
  t.same(view.deemedVotes?.added, { area: '100.00', headcount: 1 });
  t.equal(view.deemedVotes?.quorumMet, true);
  t.equal(view.passed, true);
});

t.test('elect 7 seats among 9 candidates where 6 meet the rule: 6 elected, 1 seat for a by-election', async (t) => {
  const candidates = Array.from({ length: 9 }, (_, i) => ({ candidateId: `c${i + 1}`, name: `候选人${i + 1}` }));
  const roll = owners(10, '100.00');
  const sim = voteSim(roll).open({ matter: 'elect_committee', form: { form: 'elect', candidates, seats: 7 }, proposal: { seats: 7 } });
  // A ballot approving 8 candidates is refused.
  t.equal(codeOf(sim.cast('1-1', { candidates: Object.fromEntries(candidates.slice(0, 8).map((c) => [c.candidateId, 'for'])) })), 'too_many_approvals');
  // Every owner approves c1–c6 and one of c7–c9 in turn (c7: 4, c8: 3, c9: 3 heads: none has more than half).
  for (let i = 1; i <= 10; i++) {
    const marks: Record<string, 'for' | 'against'> = { c1: 'for', c2: 'for', c3: 'for', c4: 'for', c5: 'for', c6: 'for' };
    marks[`c${7 + ((i - 1) % 3)}`] = 'for';
    sim.cast(`1-${i}`, { candidates: marks });
  }
  sim.close();
  const { view, totals } = sim.tally();
  t.same(view.elected, ['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
  t.equal(view.unfilledSeats, 1);
  t.equal(view.unfilledBecause, 'too_few_met_the_rule');
  t.same(view.candidates!.find((c) => c.candidateId === 'c7')!.for, { area: '400.00', headcount: 4 });
  t.same(view.candidates!.find((c) => c.candidateId === 'c7')!.abstain, { area: '600.00', headcount: 6 }, 'unmarked = abstain');
  sim.must({ type: 'PublishResult', data: { motionId: 'm1', totals }, by: convenor }, '2024-03-31T10:00:00+08:00');
  const final = sim.must({ type: 'PublishFinal', data: { motionId: 'm1', totals }, by: convenor }, '2024-03-31T10:00:00+08:00');
  t.match((final[0]!.data as { decision: DecisionRecord }).decision.adopted, { kind: 'elected', unfilledSeats: 1, candidates: candidates.slice(0, 6) });
});

t.test('the objection window: final refused inside it and while an objection is open; an upheld objection rules a ballot invalid and changes the final tally', async (t) => {
  const roll = owners(6, '100.00');
  const sim = voteSim(roll, testPack({ objectionWindowDays: 7 })).open();
  const receipts = ['1-1', '1-2', '1-3', '1-4'].map((u) => (sim.cast(u, { choice: 'for' }) as { receipt: string }).receipt);
  sim.cast('1-5', { choice: 'against' });
  sim.close();
  const before = sim.tally();
  t.equal(before.view.passed, true, '4 of 5 heads for');
  // Preliminary result on 03-31: 7 days from the next day end on 04-07, a Sunday, but a working day in 2024 (调休
  // after Qingming, 国办发明电〔2023〕7号): the window ends 04-07, 24:00 China time (Civil Code Arts. 201–203).
  const preliminary = sim.must({ type: 'PublishResult', data: { motionId: 'm1', totals: before.totals }, by: convenor }, '2024-03-31T10:00:00+08:00');
  t.equal((preliminary[0]!.data as { objectionsUntil: string }).objectionsUntil, '2024-04-07T16:00:00.000Z');
  t.equal(codeOf(sim.run({ type: 'PublishFinal', data: { motionId: 'm1', totals: before.totals }, by: convenor }, '2024-04-07T23:59:59+08:00')), 'objection_window_open');
  // An owner objects: 1-4's ballot was signed by someone else.
  sim.must({ type: 'FileObjection', data: { motionId: 'm1', objectionId: 'o1', reason: '1-4 的投票非本人所投', receipts: [receipts[3]!] }, by: { personId: 'p1-5', grants: ['owner'] } }, '2024-04-01T10:00:00+08:00');
  t.equal(codeOf(sim.run({ type: 'FileObjection', data: { motionId: 'm1', objectionId: 'o2', reason: 'x' }, by: { personId: 'stranger', grants: ['owner'] } }, '2024-04-01T10:00:00+08:00')), 'not_entitled');
  t.equal(codeOf(sim.run({ type: 'PublishFinal', data: { motionId: 'm1', totals: before.totals }, by: convenor }, '2024-04-09T10:00:00+08:00')), 'objections_unanswered');
  // Upheld: the ballot is ruled invalid, with its evidence. It still took part; it is no longer "for".
  sim.must(
    { type: 'AnswerObjection', data: { motionId: 'm1', objectionId: 'o1', outcome: 'upheld', reason: '签名比对不符', invalidate: [{ receipt: receipts[3]!, voterId: 'owners:1-4', evidenceRef: '笔迹鉴定-2024-17' }] }, by: convenor },
    '2024-04-02T10:00:00+08:00',
  );
  const after = sim.tally();
  t.same(after.view.for, { area: '300.00', headcount: 3 });
  t.same(after.view.invalid, { area: '100.00', headcount: 1 });
  t.same(after.view.participating, { area: '500.00', headcount: 5 }, 'participation unchanged');
  t.equal(after.view.ballots.ruledInvalid, 1);
  t.equal(sim.projected().get<BallotDoc>(MOTION_BALLOTS, receipts[3]!)!.status, 'ruled_invalid');
  // Outside the window no objection is taken; the final result is posted from the corrected tally.
  t.equal(codeOf(sim.run({ type: 'FileObjection', data: { motionId: 'm1', objectionId: 'o3', reason: 'late' }, by: { personId: 'p1-6', grants: ['owner'] } }, '2024-04-09T00:00:00+08:00')), 'no_objection_window');
  const final = sim.must({ type: 'PublishFinal', data: { motionId: 'm1', totals: after.totals }, by: convenor }, '2024-04-09T10:00:00+08:00');
  t.match(final[0]!.data, { outcome: { quorumMet: true, passed: true }, totals: { for: { area: '300.00', headcount: 3 }, invalid: { area: '100.00', headcount: 1 } } }, '3 of 5 still more than half');
});

t.test('a decision is revoked by an authority on the record, once; the RC is notified once', async (t) => {
  const sim = voteSim(owners(3, '100.00')).open();
  for (const u of ['1-1', '1-2', '1-3']) sim.cast(u, { choice: 'for' });
  sim.close();
  const { totals } = sim.tally();
  sim.must({ type: 'PublishResult', data: { motionId: 'm1', totals }, by: convenor }, '2024-03-31T10:00:00+08:00');
  const final = sim.must({ type: 'PublishFinal', data: { motionId: 'm1', totals }, by: convenor }, '2024-03-31T10:00:00+08:00');
  const { decisionId } = (final[0]!.data as { decision: DecisionRecord }).decision;
  const system = { personId: 'system', grants: ['system'] };
  t.equal(sim.must({ type: 'NotifyDecision', data: { motionId: 'm1', decisionId }, by: system }, '2024-03-31T10:00:01+08:00').length, 1);
  t.equal(sim.must({ type: 'NotifyDecision', data: { motionId: 'm1', decisionId }, by: system }, '2024-03-31T10:00:02+08:00').length, 0, 'once');
  const revoke = { type: 'RevokeDecision', data: { motionId: 'm1', decisionId, authority: 'street_office', documentRef: '街道〔2024〕12号', reason: '程序违法' } } as const;
  t.equal(codeOf(sim.run({ ...revoke, by: convenor }, '2024-04-10T10:00:00+08:00')), 'not_entitled');
  t.equal(codeOf(sim.run({ ...revoke, data: { ...revoke.data, authority: 'court' }, by: { personId: 'p-so', grants: ['street_office'] } }, '2024-04-10T10:00:00+08:00')), 'not_entitled', 'a judgment is recorded by an admin');
  sim.must({ ...revoke, by: { personId: 'p-so', grants: ['street_office'] } }, '2024-04-10T10:00:00+08:00');
  t.equal(codeOf(sim.run({ ...revoke, by: { personId: 'p-so', grants: ['street_office'] } }, '2024-04-11T10:00:00+08:00')), 'decision_revoked');
  t.match(sim.projected().get<DecisionDoc>(DECISIONS, decisionId), {
    revoked: { authority: 'street_office', documentRef: '街道〔2024〕12号', revokedAt: '2024-04-10T02:00:00.000Z' },
    notifiedToResidentsCommitteeAt: '2024-03-31T02:00:01.000Z',
  });
});

t.test('invalid paper ballots (废票) take part and support nothing; only staff enter them, with evidence', async (t) => {
  const sim = voteSim(owners(3, '100.00')).open();
  t.equal(codeOf(sim.cast('1-1', { invalid: true })), 'invalid_choice', 'not electronically');
  t.equal(codeOf(sim.cast('1-1', { invalid: true, channel: 'paper', by: staff, onBehalfOf: 'p1-1' })), 'evidence_required');
  sim.cast('1-1', { invalid: true, channel: 'paper', by: staff, onBehalfOf: 'p1-1', evidenceRef: '纸质票-001' });
  sim.cast('1-2', { choice: 'for' });
  const { view } = sim.tally();
  t.same(view.invalid, { area: '100.00', headcount: 1 });
  t.same(view.participating, { area: '200.00', headcount: 2 }, '2 of 3: the quorum is met with the invalid ballot');
  t.equal(view.quorumMet, true);
});

t.test('mandates from the notice on: checked against the roll at opening; a lapsed one is on the record', async (t) => {
  const roll = owners(3, '100.00');
  const sim = voteSim(roll);
  sim.must({ type: 'ProposeMotion', data: { motionId: 'm1', compoundId: 'c1', jurisdiction: 'test', title: 't', description: '', matter: 'other_major', scope: { kind: 'compound' }, opensAt: '2024-03-20T09:00:00+08:00', closesAt: '2024-03-30T18:00:00+08:00' }, by: convenor }, '2024-03-04T10:00:00+08:00');
  const mandate = { type: 'RegisterMandate', data: { motionId: 'm1', mandateRef: 'WT-1', proxyPersonId: 'p-x' } } as const;
  t.equal(codeOf(sim.run({ ...mandate, data: { ...mandate.data, unitId: '1-1', principalPersonId: 'p1-1', currentVoter: roll[0]! }, by: { personId: 'p1-1', grants: ['owner'] } }, '2024-03-04T11:00:00+08:00')), 'motion_not_open', 'not before the notice');
  sim.must({ type: 'PublishNotice', data: { motionId: 'm1' }, by: convenor }, '2024-03-04T12:00:00+08:00');
  sim.must({ ...mandate, data: { ...mandate.data, unitId: '1-1', principalPersonId: 'p1-1', currentVoter: roll[0]! }, by: { personId: 'p1-1', grants: ['owner'] } }, '2024-03-05T10:00:00+08:00');
  // p1-2 sells 1-2 before the opening: the roll frozen at opening names the buyer.
  sim.must({ ...mandate, data: { ...mandate.data, mandateRef: 'WT-2', unitId: '1-2', principalPersonId: 'p1-2', currentVoter: roll[1]! }, by: { personId: 'p1-2', grants: ['owner'] } }, '2024-03-05T10:00:00+08:00');
  const sold = roll.map((v) => (v.voterId === 'owners:1-2' ? { ...v, voterId: 'owners:buyer', ownerPersonIds: ['p-buyer'] } : v));
  const opened = sim.must({ type: 'OpenMotion', data: { motionId: 'm1', roll: sold }, by: convenor }, '2024-03-20T09:00:00+08:00');
  t.same(opened.map((e) => e.type), ['MotionOpened', 'MandateLapsed']);
  t.match(opened[1]!.data, { unitId: '1-2', mandateRef: 'WT-2', reason: 'the principal is not an owner of the unit when voting opens' });
  // The proxy votes for 1-1; the principal, voting after, gets 409 (one ballot per identity).
  t.equal(codeOf(sim.cast('1-1', { choice: 'for', by: { personId: 'p-x', grants: ['owner'] } })), 'ok');
  t.equal(codeOf(sim.cast('1-1', { choice: 'against' })), 'ballot_already_cast');
  t.equal(codeOf(sim.cast('1-2', { choice: 'for', by: { personId: 'p-x', grants: ['owner'] } })), 'not_entitled', 'the lapsed mandate gives no right');
});

t.test('杭条例 Art. 19: an extraordinary meeting needs 7 days\u2019 notice, a regular one 15', async (t) => {
  const hangzhou = { jurisdiction: 'hangzhou', opensAt: '2024-03-12T09:00:00+08:00', closesAt: '2024-03-20T18:00:00+08:00' } as const;
  const propose = (meeting: 'regular' | 'extraordinary') =>
    voteSim(owners(3, '100.00'), testPack({ ...testPack(), id: 'hangzhou@2022-03-01', jurisdiction: 'hangzhou', extraordinaryNoticeDays: 7 })).run(
      { type: 'ProposeMotion', data: { motionId: 'm1', compoundId: 'c1', title: 't', description: '', matter: 'other_major', scope: { kind: 'compound' }, meeting, ...hangzhou }, by: convenor },
      '2024-03-04T10:00:00+08:00',
    );
  t.equal(codeOf(propose('regular')), 'opens_too_soon');
  const extraordinary = propose('extraordinary');
  t.match((extraordinary as readonly { data: unknown }[])[0]!.data, { rules: { noticeDays: 7, meeting: 'extraordinary' } });
});

t.test('choose_one between two firms with 从众 on and off, by hand: only delivered non-voters join the leading firm', async (t) => {
  const roll = owners(10, '100.00');
  const run = (deemed: boolean) => {
    const sim = voteSim(roll).open({ matter: 'hire_or_dismiss_firm', form: firms, ...(deemed ? { deemedVotes: { basis: '管理规约第二十条' } } : {}) });
    // Notices delivered on the record to three of the four owners who will not vote (1-7, 1-8, 1-9; not 1-10).
    for (const u of ['1-7', '1-8', '1-9']) sim.must({ type: 'RecordDelivery', data: { motionId: 'm1', unitId: u, voterId: '', method: 'posted', evidenceRef: `公告照片-${u}` }, by: convenor }, '2024-03-21T10:00:00+08:00');
    for (const u of ['1-1', '1-2', '1-3', '1-4']) sim.cast(u, { option: 'a' });
    for (const u of ['1-5', '1-6']) sim.cast(u, { option: 'b' });
    sim.close();
    return sim.tally();
  };
  // Off: 6 of 10 heads, 600.00 of 1,000.00 m² take part: below 2/3 on both axes, nothing adopted.
  const off = run(false);
  t.equal(off.view.quorumMet, false);
  t.equal(off.view.adopted, null);
  t.equal(off.view.nothingAdopted, 'no_quorum');
  // On: A leads B on both axes (400.00 > 200.00, 4 > 2), so the 3 delivered non-voters (300.00 m²) join A:
  // 9 of 10 heads and 900.00 m² take part (≥ 2/3); A has 7 of 9 heads and 700.00 of 900.00 m² (> 1/2): adopted.
  const on = run(true);
  t.match(on.view.deemedVotes, { majority: 'a', added: { area: '300.00', headcount: 3 }, participating: { area: '900.00', headcount: 9 }, for: { area: '700.00', headcount: 7 }, quorumMet: true, passed: true });
  t.same(on.view.raw, { quorumMet: false, passed: false }, 'the raw count is shown beside it');
  t.equal(on.view.outcomeBasis, 'deemed');
  t.equal(on.view.adopted, 'a');
  t.same(on.totals.deemable, { area: '300.00', headcount: 3 });
});
