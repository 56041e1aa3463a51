/**
 * Hiring the property firm end to end over HTTP on the manual clock: a tender; three sealed bids, a fourth after
 * the deadline refused; no role reads a bid's terms before the deadline and every role reads all of them after;
 * evaluators with declared conflicts; the owners choose between the two shortlisted; the contract drawn from the
 * adopted bid; four quarterly assessments releasing the held-back fees exactly by the score rule; the renewal
 * deadline overdue; the term expiring into an indefinite contract (Art. 948); a dismissal decision with its
 * 60-day notice; a handover with one item overdue.
 */
import t from 'tap';
import { bidCommitment, DEFAULT_ASSESSMENT_TEMPLATE, type BidTerms } from '../../domain/hiring/index.js';
import { chinaDateOf, chinaDayNumber, parseChinaDate, startOfChinaDay } from '../../domain/time/legalPeriod.js';
import type { ManualClock } from '../../services/clock.js';
import { startTestApi } from '../support/api.js';

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;

t.test('tender → sealed bids → owners choose → contract → assessments → renewal, expiry, dismissal, handover', async (t) => {
  const api = await startTestApi();
  t.teardown(() => api.close());
  const clock = api.runtime.deps.clock as ManualClock;
  const later = (ms: number) => clock.set(new Date(clock.now().getTime() + ms));
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '翠湖花园', address: '北京市海淀区 1 号', jurisdiction: 'beijing' } })).json() as { compoundId: string };
  // Ten units of 100 m² and one of 33.3333 m²: 1,033.3333 m², so the held-back total has a remainder over the periods.
  const units = Array.from({ length: 11 }, (_, i) => ({ unitId: `1-${101 + i}`, building: '1', area: i === 10 ? '33.3333' : '100', areaSource: 'registry', owners: [{ personId: `p${i}`, name: `业主${i}` }] }));
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } })).statusCode, 201);
  const oc = await api.token('p-oc', `oc_member@${compoundId}`);
  const rc = await api.token('p-rc', `rc_staff@${compoundId}`);
  const owner = (i: number) => api.token(`p${i}`, `owner@${compoundId}`);
  const firms = ['A', 'B', 'C', 'D'].map((x) => ({ code: `91110108MA0${x}00001X`.slice(0, 18), name: `${x}物业`, agent: `f-${x}` }));
  const firmToken = (i: number) => api.token(firms[i]!.agent, `property_firm@${compoundId}`);
  for (let i = 0; i < 4; i++) {
    const r = await api.call('POST', `/v1/compounds/${compoundId}/firms`, { token: await firmToken(i), body: { name: firms[i]!.name, creditCode: firms[i]!.code } });
    t.equal(r.statusCode, 201, r.body);
  }

  // The tender.
  const deadline = new Date(clock.now().getTime() + 10 * DAY).toISOString();
  const tender = await api.call('POST', `/v1/compounds/${compoundId}/tenders`, {
    token: oc,
    body: { title: '2026 物业选聘', scope: '全区物业服务', standards: '北京市住宅物业服务标准 二级', feeCeiling: '2.00', termMonths: 12, bidDeadline: deadline, criteria: [{ criterionId: 'price', name: '报价', weight: 40 }, { criterionId: 'plan', name: '服务方案', weight: 60 }], holdBackPercent: 10 },
  });
  t.equal(tender.statusCode, 201, tender.body);
  const { tenderId } = tender.json() as { tenderId: string };

  // Three sealed bids: only commitments reach the server.
  const terms: BidTerms[] = ['1.50', '1.60', '1.80'].map((fee, i) => ({ feePerSquareMetreMonth: fee, servicePlanRef: `方案-${i}-秘密`, staffing: 10 + i, promises: [`承诺-${i}`] }));
  const salt = (i: number) => `salt-${i}-0123456789abcdef0123456789abcdef`;
  for (let i = 0; i < 3; i++) {
    const r = await api.call('POST', `/v1/tenders/${tenderId}/bids`, { token: await firmToken(i), body: { firmId: firms[i]!.code, commitment: bidCommitment(tenderId, firms[i]!.code, terms[i]!, salt(i)) } });
    t.equal(r.statusCode, 201, r.body);
  }
  // Someone who does not act for the firm cannot bid in its name.
  const impostor = await api.call('POST', `/v1/tenders/${tenderId}/bids`, { token: await firmToken(3), body: { firmId: firms[0]!.code, commitment: 'a'.repeat(64) } });
  t.equal(impostor.json().code, 'not_firm_agent');
  // Revealing early would put the terms in the log while sealed: refused.
  const early = await api.call('POST', `/v1/tenders/${tenderId}/bids/${firms[0]!.code}/reveal`, { token: await firmToken(0), body: { terms: terms[0], salt: salt(0) } });
  t.equal(early.statusCode, 409);
  t.equal(early.json().code, 'reveal_before_deadline');

  const readers = [oc, rc, admin, await owner(0), await firmToken(0), await api.token('p-sv', `supervisor@${compoundId}`), await api.token('p-st', `street_office@${compoundId}`)];
  for (const token of readers) {
    const view = await api.call('GET', `/v1/tenders/${tenderId}`, { token });
    t.equal(view.statusCode, 200);
    t.match(view.json(), { sealed: true, bidCount: 3, bids: [] });
    t.notOk(/1\.50|1\.60|1\.80|秘密|承诺/.test(view.body), 'no bid terms before the deadline');
    const board = await api.call('GET', `/v1/compounds/${compoundId}/property-firm`, { token });
    t.notOk(/秘密|承诺|MA0A/.test(board.body), 'the board shows neither terms nor bidders before the deadline');
  }

  // The deadline passes: a fourth bid is refused.
  clock.set(new Date(Date.parse(deadline) + HOUR));
  const late = await api.call('POST', `/v1/tenders/${tenderId}/bids`, { token: await firmToken(3), body: { firmId: firms[3]!.code, commitment: 'b'.repeat(64) } });
  t.equal(late.statusCode, 409);
  t.equal(late.json().code, 'bid_after_deadline');
  // Reveals: a wrong salt does not match the commitment.
  const wrong = await api.call('POST', `/v1/tenders/${tenderId}/bids/${firms[1]!.code}/reveal`, { token: await firmToken(1), body: { terms: terms[1], salt: salt(0) } });
  t.equal(wrong.json().code, 'reveal_mismatch');
  for (let i = 0; i < 3; i++) {
    const r = await api.call('POST', `/v1/tenders/${tenderId}/bids/${firms[i]!.code}/reveal`, { token: await firmToken(i), body: { terms: terms[i], salt: salt(i) } });
    t.equal(r.statusCode, 201, r.body);
  }
  for (const token of readers) {
    const view = (await api.call('GET', `/v1/tenders/${tenderId}`, { token })).json();
    t.equal(view.sealed, false);
    t.same(view.bids.map((b: { terms: BidTerms }) => b.terms.feePerSquareMetreMonth).sort(), ['1.50', '1.60', '1.80'], 'every role reads all the terms after the deadline');
  }

  // Evaluation: declare conflicts first; a declared interest bars scoring that firm.
  const undeclared = await api.call('POST', `/v1/tenders/${tenderId}/scores`, { token: oc, body: { firmId: firms[0]!.code, scores: { price: 90, plan: 80 } } });
  t.equal(undeclared.json().code, 'declaration_required');
  t.equal((await api.call('POST', `/v1/tenders/${tenderId}/declarations`, { token: oc, body: { conflicts: [firms[2]!.code] } })).statusCode, 201);
  t.equal((await api.call('POST', `/v1/tenders/${tenderId}/scores`, { token: oc, body: { firmId: firms[2]!.code, scores: { price: 90, plan: 90 } } })).json().code, 'conflict_of_interest');
  t.equal((await api.call('POST', `/v1/tenders/${tenderId}/declarations`, { token: rc, body: { conflicts: [] } })).statusCode, 201);
  const score = async (token: string, i: number, price: number, plan: number) =>
    t.equal((await api.call('POST', `/v1/tenders/${tenderId}/scores`, { token, body: { firmId: firms[i]!.code, scores: { price, plan } } })).statusCode, 201);
  await score(oc, 0, 90, 80);
  await score(oc, 1, 80, 70);
  await score(rc, 0, 85, 85);
  await score(rc, 1, 80, 80);
  await score(rc, 2, 60, 60);
  // The shortlist waits for the reveal window to close.
  const soon = await api.call('POST', `/v1/tenders/${tenderId}/motion`, { token: oc, body: { opensAt: new Date(clock.now().getTime() + 20 * DAY).toISOString(), closesAt: new Date(clock.now().getTime() + 27 * DAY).toISOString() } });
  t.equal(soon.json().code, 'shortlist_not_ready');
  later(5 * DAY);
  const put = await api.call('POST', `/v1/tenders/${tenderId}/motion`, { token: oc, body: { opensAt: new Date(clock.now().getTime() + 20 * DAY).toISOString(), closesAt: new Date(clock.now().getTime() + 27 * DAY).toISOString() } });
  t.equal(put.statusCode, 201, put.body);
  const { motionId } = put.json() as { motionId: string };
  const motion = (await api.call('GET', `/v1/motions/${motionId}`, { token: oc })).json();
  t.same(motion.form.options.map((o: { optionId: string }) => o.optionId), [firms[0]!.code, firms[1]!.code], 'the two best bids are the options');

  // The owners' vote.
  const vote = async (id: string, ballots: (i: number) => Record<string, unknown> | null) => {
    t.equal((await api.call('POST', `/v1/motions/${id}/notice`, { token: oc })).statusCode, 201);
    later(20 * DAY);
    t.ok([201, 409].includes((await api.call('POST', `/v1/motions/${id}/open`, { token: oc })).statusCode));
    for (let i = 0; i < 11; i++) {
      const b = ballots(i);
      if (b) t.equal((await api.call('POST', `/v1/motions/${id}/ballots`, { token: await owner(i), body: { unitId: units[i]!.unitId, ...b } })).statusCode, 201);
    }
    later(7 * DAY);
    t.ok([201, 409].includes((await api.call('POST', `/v1/motions/${id}/close`, { token: oc })).statusCode));
    t.equal((await api.call('POST', `/v1/motions/${id}/result`, { token: oc })).statusCode, 201);
    const final = await api.call('POST', `/v1/motions/${id}/final`, { token: oc });
    t.equal(final.statusCode, 201, final.body);
    return (final.json() as { decisionId: string }).decisionId;
  };
  await vote(motionId, (i) => (i < 6 ? { option: firms[0]!.code } : i < 8 ? { option: firms[1]!.code } : null));

  // The reactor draws the contract from the adopted bid.
  let contract: Record<string, any> | null = null;
  for (let i = 0; i < 100 && !contract; i++) {
    const r = await api.call('GET', `/v1/contracts/${tenderId}`, { token: oc });
    if (r.statusCode === 200) contract = r.json();
    else await new Promise((res) => setTimeout(res, 50));
  }
  t.ok(contract, 'contract drawn');
  // 1.50 × 1,033.3333 m² × 12 months × 10% = 1,859.99994 yuan → 1,859.99 held back over the term (to the fen, down).
  t.match(contract, { status: 'drawn', feePerSquareMetreMonth: undefined, terms: { firm: { firmId: firms[0]!.code, name: 'A物业' }, feePerSquareMetreMonth: '1.50', chargeableArea: '1033.3333', holdBackPercent: 10, heldBackTotal: '1859.99', handover: { days: 30, article: '京条例 Art. 76' } } });

  const startsOn = chinaDateOf(clock.now());
  const signed = await api.call('POST', `/v1/contracts/${tenderId}/sign`, { token: oc, body: { startsOn, documentRef: '合同 2026-01' } });
  t.equal(signed.statusCode, 201, signed.body);
  t.equal((await api.call('POST', `/v1/contracts/${tenderId}/manager-report`, { token: await firmToken(0), body: { reference: '居委会报到登记 12 号' } })).statusCode, 201);
  let view = (await api.call('GET', `/v1/contracts/${tenderId}`, { token: oc })).json();
  t.ok(view.preContractEndedAt, "the developer's pre-contract ended (Art. 940)");
  t.same(view.periods.map((p: { heldBack: string }) => p.heldBack), ['465.00', '465.00', '465.00', '464.99'], 'the periods share the total, the remainder fen by fen');

  // Four quarterly assessments, each after its period, countersigned by the RC.
  const itemsFor = (total: number) => {
    let deficit = 100 - total;
    return DEFAULT_ASSESSMENT_TEMPLATE.map((item) => {
      const cut = Math.min(deficit, item.points);
      deficit -= cut;
      return { itemId: item.itemId, score: item.points - cut };
    });
  };
  const scores = [95, 68, 65, 50];
  for (let p = 1; p <= 4; p++) {
    const period = view.periods[p - 1];
    clock.set(new Date(startOfChinaDay(parseChinaDate(period.to)! + 1).getTime() + 2 * HOUR));
    const scored = await api.call('POST', `/v1/contracts/${tenderId}/assessments`, { token: oc, body: { period: p, items: itemsFor(scores[p - 1]!) } });
    t.equal(scored.statusCode, 201, scored.body);
    t.equal((await api.call('POST', `/v1/contracts/${tenderId}/assessments/${p}/confirm`, { token: oc })).statusCode, 403, 'the RC countersigns, not the OC');
    t.equal((await api.call('POST', `/v1/contracts/${tenderId}/assessments/${p}/confirm`, { token: rc })).statusCode, 201);
    if (p === 2) {
      // 京条例 Art. 75: the renew-or-replace decision was due 6 months before expiry; none was recorded.
      const deadlines = (await api.call('GET', `/v1/compounds/${compoundId}/deadlines`, { token: oc })).json();
      t.match(deadlines.deadlines.find((d: { kind: string }) => d.kind === 'renewal_decision'), { status: 'overdue', source: { article: '京条例 Art. 75' } });
      t.match(deadlines.deadlines.find((d: { kind: string }) => d.kind === 'manager_report'), { status: 'met', late: false });
    }
  }
  view = (await api.call('GET', `/v1/contracts/${tenderId}`, { token: await owner(3) })).json();
  // By hand: 95 → all 465.00; 68 → 465.00 × 68% = 316.20 (148.80 withheld); 65 → 302.25 (162.75); 50 → none (464.99).
  t.same(
    view.assessments.map((a: { total: number; release: { released: string; withheld: string } }) => [a.total, a.release.released, a.release.withheld]),
    [
      [95, '465.00', '0.00'],
      [68, '316.20', '148.80'],
      [65, '302.25', '162.75'],
      [50, '0.00', '464.99'],
    ],
  );
  t.same(view.heldBackSoFar, { heldBack: '1859.99', released: '1083.45', withheld: '776.54' }, 'released + withheld = the held-back total, to the fen');
  t.same(view.yellowCards.map((y: { period: number }) => y.period), [2, 3, 4]);
  t.match(view.redCards, [{ year: 1, periods: [2, 3, 4] }], 'three yellow cards in a year make a red card');

  // The expiry passed with neither a decision nor a notice: the contract goes on, indefinite (Art. 948).
  let status = '';
  for (let i = 0; i < 100 && status !== 'indefinite'; i++) {
    status = (await api.call('GET', `/v1/contracts/${tenderId}`, { token: oc })).json().status;
    if (status !== 'indefinite') await new Promise((res) => setTimeout(res, 50));
  }
  t.equal(status, 'indefinite');

  // The owners decide to dismiss; the OC serves the written notice; the service ends 60 days later.
  const now = clock.now().getTime();
  const dismissal = await api.call('POST', `/v1/compounds/${compoundId}/motions`, {
    token: oc,
    body: { title: '解聘 A物业', description: '考核不合格', matter: 'hire_or_dismiss_firm', proposal: { action: 'dismiss', firm: { name: 'A物业', creditCode: firms[0]!.code } }, opensAt: new Date(now + 20 * DAY).toISOString(), closesAt: new Date(now + 27 * DAY).toISOString() },
  });
  t.equal(dismissal.statusCode, 201, dismissal.body);
  const decisionId = await vote(dismissal.json().motionId, (i) => (i < 8 ? { choice: 'for' } : null));
  const noticed = await api.call('POST', `/v1/contracts/${tenderId}/dismissal`, { token: oc, body: { decisionId, documentRef: '解聘通知书 1 号' } });
  t.equal(noticed.statusCode, 201, noticed.body);
  view = (await api.call('GET', `/v1/contracts/${tenderId}`, { token: oc })).json();
  t.match(view.dismissalNotice, { decisionId, days: 60, article: 'Civil Code Art. 948' }, 'an indefinite contract ends on 60 days\u2019 notice');
  t.equal(chinaDayNumber(new Date(view.dismissalNotice.endsAt)) - chinaDayNumber(clock.now()), 61, 'ends at 24:00 of the 60th day after the notice');

  clock.set(new Date(Date.parse(view.dismissalNotice.endsAt) + HOUR));
  for (let i = 0; i < 100 && status !== 'ended'; i++) {
    status = (await api.call('GET', `/v1/contracts/${tenderId}`, { token: oc })).json().status;
    if (status !== 'ended') await new Promise((res) => setTimeout(res, 50));
  }
  t.equal(status, 'ended');
  // The handover: every item but the keys confirmed in time; after 30 days (京条例 Art. 76) the keys are overdue.
  for (const item of ['records', 'premises', 'equipment', 'public_income_balance', 'held_back_deposit']) {
    t.equal((await api.call('POST', `/v1/contracts/${tenderId}/handover/${item}`, { token: oc, body: { evidenceRef: `移交单-${item}` } })).statusCode, 201);
  }
  later(31 * DAY);
  view = (await api.call('GET', `/v1/contracts/${tenderId}`, { token: oc })).json();
  t.same(view.handover.filter((h: { overdue: boolean }) => h.overdue).map((h: { item: string }) => h.item), ['keys']);
  t.equal(view.servingUntilTakeover, true, 'the old firm serves until the new one takes over (Art. 950)');
  const deadlines = (await api.call('GET', `/v1/compounds/${compoundId}/deadlines?status=overdue`, { token: oc })).json();
  t.ok(deadlines.deadlines.some((d: { kind: string; deadlineId: string }) => d.kind === 'handover' && d.deadlineId.endsWith(':keys')));
  t.notOk(JSON.stringify(view).includes('p-oc'), 'no person ids on the board');
});
