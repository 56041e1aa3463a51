/**
 * The firm's contract after signing, over HTTP on the manual clock: a fee adjustment through audit, posting
 * (≥ 30 days, 杭条例 Art. 53) and the owners' decision, which a reactor carries into the contract's fee and the
 * remaining quarters' held-back shares; a rejected adjustment changes nothing; an owners' satisfaction survey
 * with one response per voter identity (区分所有权解释 Art. 9), results exact on both axes; a renewal that adds
 * the new term's quarters and its own renew-or-replace deadline (京条例 Art. 75).
 */
import t from 'tap';
import { bidCommitment, periodShares, termHeldBack, type BidTerms } from '../../domain/hiring/index.js';
import { parseArea } from '../../domain/shared/area.js';
import { formatYuan } from '../../domain/shared/money.js';
import { chinaDateOf, chinaDayNumber, parseChinaDate } from '../../domain/time/legalPeriod.js';
import type { ManualClock } from '../../services/clock.js';
import { startTestApi } from '../support/api.js';

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;

t.test('fee adjustment, satisfaction survey and renewal on a signed contract', async (t) => {
  const api = await startTestApi();
  t.teardown(() => api.close());
  const clock = api.runtime.deps.clock as ManualClock;
  const later = (ms: number) => clock.set(new Date(clock.now().getTime() + ms));
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '西溪花园', address: '杭州市西湖区 1 号', jurisdiction: 'hangzhou' } })).json() as { compoundId: string };
  // Eleven units of one owner each; p0 also owns 2-101 (one identity, 200 m²); 2-102 is co-owned by p20 and p21; 2-103 is the developer's.
  const units: Record<string, unknown>[] = Array.from({ length: 11 }, (_, i) => ({ unitId: `1-${101 + i}`, building: '1', area: '100', areaSource: 'registry', owners: [{ personId: `p${i}`, name: `业主${i}` }] }));
  units.push({ unitId: '2-101', building: '2', area: '100', areaSource: 'registry', owners: [{ personId: 'p0', name: '业主0' }] });
  units.push({ unitId: '2-102', building: '2', area: '80.5', areaSource: 'registry', owners: [{ personId: 'p20', name: '业主20' }, { personId: 'p21', name: '业主21' }] });
  units.push({ unitId: '2-103', building: '2', area: '50', areaSource: 'registry', developerHeld: true, owners: [] });
  const imported = await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } });
  t.equal(imported.statusCode, 201, imported.body);
  const oc = await api.token('p-oc', `oc_member@${compoundId}`);
  const owner = (p: string) => api.token(p, `owner@${compoundId}`);
  const firm = { code: '91330106MA0A000011', name: '甲物业', agent: 'f-a' };
  const firmToken = await api.token(firm.agent, `property_firm@${compoundId}`);
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/firms`, { token: firmToken, body: { name: firm.name, creditCode: firm.code } })).statusCode, 201);
  const rival = { code: '91330106MA0B000011', name: '乙物业', agent: 'f-b' };
  const rivalToken = await api.token(rival.agent, `property_firm@${compoundId}`);
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/firms`, { token: rivalToken, body: { name: rival.name, creditCode: rival.code } })).statusCode, 201);

  // A tender, two bids, the owners' choice, the contract signed.
  const deadline = new Date(clock.now().getTime() + 10 * DAY).toISOString();
  const tender = await api.call('POST', `/v1/compounds/${compoundId}/tenders`, {
    token: oc,
    body: { title: '物业选聘', scope: '全区', standards: '杭州市二级', feeCeiling: '3.00', termMonths: 12, bidDeadline: deadline, criteria: [{ criterionId: 'price', name: '报价', weight: 100 }], holdBackPercent: 10 },
  });
  t.equal(tender.statusCode, 201, tender.body);
  const { tenderId } = tender.json() as { tenderId: string };
  const bids: [string, typeof firm, BidTerms][] = [
    [firmToken, firm, { feePerSquareMetreMonth: '1.50', servicePlanRef: 'plan-a', staffing: 10, promises: ['24h'] }],
    [rivalToken, rival, { feePerSquareMetreMonth: '1.70', servicePlanRef: 'plan-b', staffing: 9, promises: [] }],
  ];
  const salt = 'salt-0123456789abcdef0123456789abcdef';
  for (const [token, f, terms] of bids) t.equal((await api.call('POST', `/v1/tenders/${tenderId}/bids`, { token, body: { firmId: f.code, commitment: bidCommitment(tenderId, f.code, terms, salt) } })).statusCode, 201);
  clock.set(new Date(Date.parse(deadline) + HOUR));
  for (const [token, f, terms] of bids) t.equal((await api.call('POST', `/v1/tenders/${tenderId}/bids/${f.code}/reveal`, { token, body: { terms, salt } })).statusCode, 201);
  t.equal((await api.call('POST', `/v1/tenders/${tenderId}/declarations`, { token: oc, body: { conflicts: [] } })).statusCode, 201);
  t.equal((await api.call('POST', `/v1/tenders/${tenderId}/scores`, { token: oc, body: { firmId: firm.code, scores: { price: 90 } } })).statusCode, 201);
  t.equal((await api.call('POST', `/v1/tenders/${tenderId}/scores`, { token: oc, body: { firmId: rival.code, scores: { price: 70 } } })).statusCode, 201);
  later(5 * DAY);

  const vote = async (id: string, ballots: (i: number) => Record<string, unknown> | null) => {
    t.equal((await api.call('POST', `/v1/motions/${id}/notice`, { token: oc })).statusCode, 201);
    later(20 * DAY);
    t.ok([201, 409].includes((await api.call('POST', `/v1/motions/${id}/open`, { token: oc })).statusCode));
    for (let i = 0; i < 11; i++) {
      const b = ballots(i);
      if (b) t.equal((await api.call('POST', `/v1/motions/${id}/ballots`, { token: await owner(`p${i}`), body: { unitId: `1-${101 + i}`, ...b } })).statusCode, 201);
    }
    later(7 * DAY);
    t.ok([201, 409].includes((await api.call('POST', `/v1/motions/${id}/close`, { token: oc })).statusCode));
    t.equal((await api.call('POST', `/v1/motions/${id}/result`, { token: oc })).statusCode, 201);
    const final = await api.call('POST', `/v1/motions/${id}/final`, { token: oc });
    t.equal(final.statusCode, 201, final.body);
    return (final.json() as { decisionId?: string }).decisionId;
  };
  const opens = () => ({ opensAt: new Date(clock.now().getTime() + 20 * DAY).toISOString(), closesAt: new Date(clock.now().getTime() + 27 * DAY).toISOString() });
  const put = await api.call('POST', `/v1/tenders/${tenderId}/motion`, { token: oc, body: opens() });
  t.equal(put.statusCode, 201, put.body);
  await vote(put.json().motionId, (i) => (i < 9 ? { option: firm.code } : null));
  const poll = async (url: string, until: (body: any) => boolean) => {
    for (let i = 0; i < 100; i++) {
      const r = await api.call('GET', url, { token: oc });
      if (r.statusCode === 200 && until(r.json())) return r.json();
      await new Promise((res) => setTimeout(res, 50));
    }
    return (await api.call('GET', url, { token: oc })).json();
  };
  t.equal((await poll(`/v1/contracts/${tenderId}`, () => true)).status, 'drawn');
  t.equal((await api.call('POST', `/v1/contracts/${tenderId}/sign`, { token: oc, body: { startsOn: chinaDateOf(clock.now()), documentRef: '合同 1' } })).statusCode, 201);
  let contract = (await api.call('GET', `/v1/contracts/${tenderId}`, { token: oc })).json();
  // Chargeable area 1,330.5 m² (all units, the developer's too): 1.50 × 1,330.5 × 12 × 10% = 2,394.90.
  t.equal(contract.terms.heldBackTotal, '2394.90');
  t.equal(contract.fee, '1.50');

  // ---- the fee adjustment (杭条例 Art. 53) ----
  const plan = { adjustmentId: 'adj-1', proposedFee: '1.80', auditReportRef: '审计报告 2026-07', range: '全体业主住宅', reasons: '最低工资标准上调' };
  const notAgent = await api.call('POST', `/v1/contracts/${tenderId}/fee-adjustments`, { token: rivalToken, body: plan });
  t.equal(notAgent.json().code, 'not_firm_agent', 'only the contract\u2019s firm proposes');
  const noAudit = await api.call('POST', `/v1/contracts/${tenderId}/fee-adjustments`, { token: firmToken, body: { ...plan, auditReportRef: '' } });
  t.equal(noAudit.statusCode, 400, 'the audit report is required (Art. 53 (一))');
  const proposed = await api.call('POST', `/v1/contracts/${tenderId}/fee-adjustments`, { token: firmToken, body: plan });
  t.equal(proposed.statusCode, 201, proposed.body);
  t.equal(proposed.json().adjustmentId, 'adj-1');
  const unposted = await api.call('POST', '/v1/fee-adjustments/adj-1/motion', { token: oc, body: opens() });
  t.equal(unposted.statusCode, 409);
  t.equal(unposted.json().code, 'adjustment_not_posted');
  t.equal((await api.call('POST', '/v1/fee-adjustments/adj-1/post', { token: firmToken })).statusCode, 403, 'the firm does not post its own plan');
  t.equal((await api.call('POST', '/v1/fee-adjustments/adj-1/post', { token: oc })).statusCode, 201);
  later(29 * DAY);
  const early = await api.call('POST', '/v1/fee-adjustments/adj-1/motion', { token: oc, body: opens() });
  t.equal(early.statusCode, 409, 'posted for 30 days or more first (Art. 53 (三))');
  t.equal(early.json().code, 'posting_period_running');
  t.equal((await api.call('GET', '/v1/motions/fee-adj-1', { token: oc })).statusCode, 404, 'no motion was proposed by the refused request');
  later(2 * DAY);
  const motion = await api.call('POST', '/v1/fee-adjustments/adj-1/motion', { token: oc, body: opens() });
  t.equal(motion.statusCode, 201, motion.body);
  t.equal(motion.json().motionId, 'fee-adj-1');
  const decisionId = await vote('fee-adj-1', (i) => (i < 9 ? { choice: 'for' } : null));
  t.ok(decisionId, 'adopted');
  contract = await poll(`/v1/contracts/${tenderId}`, (c) => c.fee === '1.80');
  t.equal(contract.fee, '1.80', 'the reactor carried the decision into the contract');
  t.match(contract.feeChanges, [{ adjustmentId: 'adj-1', decisionId, previousFee: '1.50', fee: '1.80' }]);
  // The quarters that start after the decision hold back 10% of the new fee; the earlier ones keep theirs.
  const today = chinaDayNumber(clock.now());
  const future = contract.periods.filter((p: { from: string }) => parseChinaDate(p.from)! > today);
  t.ok(future.length >= 1 && future.length < 4, `some quarters remain (${future.length})`);
  t.equal(contract.feeChanges[0].effectiveFrom, future[0].from);
  const expected = periodShares(termHeldBack(180n, parseArea('1330.5')!, future.length * 3, 10), future.length).map(formatYuan);
  t.same(future.map((p: { heldBack: string }) => p.heldBack), expected);
  t.same(contract.periods.filter((p: { from: string }) => parseChinaDate(p.from)! <= today).map((p: { heldBack: string }) => p.heldBack), ['598.73', '598.73', '598.72', '598.72'].slice(0, 4 - future.length));
  const adjustment = (await api.call('GET', '/v1/fee-adjustments/adj-1', { token: await owner('p5') })).json();
  t.match(adjustment, { status: 'adopted', decisionId, proposedFee: '1.80', currentFee: '1.50', auditReportRef: '审计报告 2026-07', motionId: 'fee-adj-1' });

  // A second adjustment the owners turn down: the fee stays.
  t.equal((await api.call('POST', `/v1/contracts/${tenderId}/fee-adjustments`, { token: firmToken, body: { ...plan, adjustmentId: 'adj-2', proposedFee: '2.40' } })).statusCode, 201);
  t.equal((await api.call('POST', '/v1/fee-adjustments/adj-2/post', { token: oc })).statusCode, 201);
  later(31 * DAY);
  t.equal((await api.call('POST', '/v1/fee-adjustments/adj-2/motion', { token: oc, body: opens() })).statusCode, 201);
  t.notOk(await vote('fee-adj-2', (i) => (i < 9 ? { choice: 'against' } : null)), 'not adopted');
  const rejected = await poll('/v1/fee-adjustments/adj-2', (a) => a.status !== 'put_to_owners');
  t.equal(rejected.status, 'rejected');
  t.equal((await api.call('GET', `/v1/contracts/${tenderId}`, { token: oc })).json().fee, '1.80');

  // ---- a satisfaction survey ----
  const closesAt = new Date(clock.now().getTime() + 10 * DAY).toISOString();
  const survey = await api.call('POST', `/v1/contracts/${tenderId}/surveys`, {
    token: oc,
    body: { surveyId: 's-2026', title: '2026 年物业服务满意度测评', questions: [{ questionId: 'overall', text: '总体满意度' }, { questionId: 'cleaning', text: '环境卫生' }], closesAt },
  });
  t.equal(survey.statusCode, 201, survey.body);
  const answer = async (p: string, body: Record<string, unknown>) => api.call('POST', '/v1/surveys/s-2026/responses', { token: await owner(p), body });
  t.equal((await answer('p0', { answers: { overall: 5, cleaning: 4 } })).statusCode, 201, 'p0 answers once for both units');
  t.equal((await answer('p0', { answers: { overall: 1 } })).json().code, 'already_responded');
  t.equal((await answer('p20', { answers: { overall: 2, cleaning: 5 } })).statusCode, 201);
  t.equal((await answer('p21', { answers: { overall: 5 } })).json().code, 'already_responded', 'co-owners answer once (Art. 9)');
  t.equal((await answer('p1', { answers: { overall: 4 } })).statusCode, 201);
  t.equal((await answer('p2', { answers: { overall: 6 } })).statusCode, 400, 'levels are 1 to 5');
  t.equal((await answer('p2', { answers: { nosuch: 3 } })).json().code, 'invalid_survey');
  t.equal((await answer('p99', { answers: { overall: 3 } })).json().code, 'not_a_respondent');
  const developer = await api.token('p-dev', `developer@${compoundId}`);
  t.equal((await api.call('POST', '/v1/surveys/s-2026/responses', { token: developer, body: { answers: { overall: 5 } } })).statusCode, 403, 'the developer does not answer');
  later(11 * DAY);
  t.equal((await answer('p3', { answers: { overall: 3 } })).json().code, 'survey_closed');
  const results = (await api.call('GET', '/v1/surveys/s-2026', { token: await owner('p7') })).json();
  t.match(results, { status: 'closed', respondents: { area: '380.50', headcount: 3 }, eligible: { area: '1280.50', headcount: 12 }, threshold: null });
  t.match(results.participation, { areaPercent: '29.71', headcountPercent: '25.00' });
  const overall = results.results.find((r: { questionId: string }) => r.questionId === 'overall');
  // overall: p0 (200 m²) 5, p20/p21 (80.5 m²) 2, p1 (100 m²) 4 → satisfied 300 of 380.5 m² (78.84 %), 2 of 3 heads (66.66 %).
  t.match(overall, { answered: { area: '380.50', headcount: 3 }, satisfied: { area: '300.00', headcount: 2, areaPercent: '78.84', headcountPercent: '66.66' } });
  t.same(overall.levels.map((l: { headcount: number }) => l.headcount), [0, 1, 0, 1, 1]);
  const cleaning = results.results.find((r: { questionId: string }) => r.questionId === 'cleaning');
  t.match(cleaning, { answered: { area: '280.50', headcount: 2 }, satisfied: { headcount: 2, areaPercent: '100.00' } });
  const board = await api.call('GET', `/v1/compounds/${compoundId}/property-firm`, { token: oc });
  t.equal(board.json().surveys.length, 1);
  t.equal(board.json().feeAdjustments.length, 2);
  t.notOk(/p20|p21|"p0"|owners:/.test(board.body + JSON.stringify(results)), 'no person ids or voter ids in the views');

  // ---- the firm's page on the notice board ----
  const page = await api.call('GET', `/board/${compoundId}/firm`, { token: await owner('p7') });
  t.equal(page.statusCode, 200, page.body.slice(0, 300));
  t.match(page.headers['content-type'], /text\/html/);
  t.match(page.body, /甲物业/);
  t.match(page.body, /data-fee="1\.80"/, 'the fee in force');
  t.match(page.body, /2\.40/, 'the rejected adjustment is listed');
  t.match(page.body, /业主大会未通过/);
  t.match(page.body, /width="7884"/, 'the satisfied-area bar of the survey is 78.84 % exactly');
  t.match(page.body, /乙物业/, 'the tender history names every bidder after the deadline');
  // f-a as a whole word: a random uuid may hold "…f-a…" (hex digits either side), the agent id never does.
  t.notOk(/p20|p21|p-oc|\bf-a\b|owners:|业主20/.test(page.body), 'no person ids, voter ids or owners’ names on the page');
  const index = await api.call('GET', `/board/${compoundId}`, { token: oc });
  t.match(index.body, new RegExp(`href="/board/${compoundId}/firm"`), 'the board links the firm’s page');
  t.match(index.body, /data-item="service_contract" data-published="yes"/, 'Art. 13 (四): the service contract is published');
  t.equal((await api.call('GET', `/board/${compoundId}/firm`)).statusCode, 404, 'a private board is not shown without a token');

  // ---- renewal: the new term's quarters and its own renew-or-replace deadline ----
  const now = clock.now().getTime();
  const renew = await api.call('POST', `/v1/compounds/${compoundId}/motions`, {
    token: oc,
    body: { title: '续聘甲物业', description: '续聘', matter: 'hire_or_dismiss_firm', proposal: { action: 'renew', firm: { name: firm.name, creditCode: firm.code } }, opensAt: new Date(now + 20 * DAY).toISOString(), closesAt: new Date(now + 27 * DAY).toISOString() },
  });
  t.equal(renew.statusCode, 201, renew.body);
  const renewal = await vote(renew.json().motionId, (i) => (i < 9 ? { choice: 'for' } : null));
  const recorded = await api.call('POST', `/v1/contracts/${tenderId}/renewal-decision`, { token: oc, body: { decisionId: renewal } });
  t.equal(recorded.statusCode, 201, recorded.body);
  contract = (await api.call('GET', `/v1/contracts/${tenderId}`, { token: oc })).json();
  t.equal(contract.periods.length, 8, 'four more quarters to assess');
  t.same(contract.periods.map((p: { period: number }) => p.period), [1, 2, 3, 4, 5, 6, 7, 8]);
  // The new term holds back 10% of the fee in force: 1.80 × 1,330.5 × 12 × 10% = 2,873.88, spread over four quarters.
  t.same(contract.periods.slice(4).map((p: { heldBack: string }) => p.heldBack), ['718.47', '718.47', '718.47', '718.47']);
  t.equal(contract.periods[4].from, chinaDateOf(new Date(Date.parse(contract.periods[3].to + 'T00:00:00+08:00') + DAY)));
  const deadlines = (await api.call('GET', `/v1/compounds/${compoundId}/deadlines`, { token: oc })).json().deadlines as { kind: string; status: string; dueAt: string; deadlineId: string }[];
  const renewals = deadlines.filter((d) => d.kind === 'renewal_decision');
  t.equal(renewals.length, 2, 'one renew-or-replace decision per term');
  t.ok(renewals.some((d) => d.status === 'open' && Date.parse(d.dueAt) > clock.now().getTime()), 'the new term\u2019s decision is due 6 months before it ends');
});
