/**
 * The hiring reads answer their views exactly through their response schemas (services/hiring/viewSchemas.ts):
 * a rich state (a tender whose bids are revealed, non-compliant, awaiting their reveal and never revealed, with
 * declarations, scores, a shortlist and its motion; a second tender still sealed; the contract drawn from the
 * adopted bid, signed, with the manager's report, assessments confirmed (held-back fees released, a yellow card
 * and its rectification) and one scored only, complaints answered and overdue, a disclosure and a missing one,
 * the fee changed by an adopted adjustment, a late non-renewal notice, the end and a handover part done and part
 * overdue; fee adjustments proposed, posted, put to the owners, adopted and rejected; surveys closed with
 * responses, open and scheduled) read over HTTP deep-equals the read model's documents rendered without the
 * serializer, now and `?asOf=` two past positions.
 */
import t from 'tap';
import type { ManualClock } from '../../services/clock.js';
import { bidCommitment, DEFAULT_ASSESSMENT_TEMPLATE, surveyEligible, type BidTerms } from '../../domain/hiring/index.js';
import { voterIdentities } from '../../domain/registry/index.js';
import { chinaDateOf, parseChinaDate, startOfChinaDay } from '../../domain/time/legalPeriod.js';
import {
  HIRING_CONTRACTS,
  HIRING_FEE_ADJUSTMENTS,
  HIRING_FIRMS,
  HIRING_SURVEYS,
  HIRING_TENDERS,
  renderContract,
  renderFeeAdjustment,
  renderSurvey,
  renderTender,
  type ContractDoc,
  type FeeAdjustmentDoc,
  type FirmDoc,
  type SurveyDoc,
  type TenderDoc,
} from '../../projections/hiring/index.js';
import { startTestApi } from '../support/api.js';
import { answersAsOf, answersView, snapshot } from '../support/viewMatch.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Docs {
  readonly contracts: ContractDoc[];
  readonly tenders: TenderDoc[];
  readonly feeAdjustments: FeeAdjustmentDoc[];
  readonly surveys: SurveyDoc[];
}

t.test('tenders, contracts, fee adjustments, surveys and the firm board: the HTTP body is the view, now and as of past positions', async (t) => {
  const api = await startTestApi(t);
  const clock = api.runtime.deps.clock as ManualClock;
  const read = api.runtime.deps.read;
  const registry = api.runtime.deps.registry;
  const later = (ms: number) => clock.set(new Date(clock.now().getTime() + ms));
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '西溪花园', address: '杭州市西湖区 1 号', jurisdiction: 'hangzhou' } })).json() as { compoundId: string };
  const units = Array.from({ length: 11 }, (_, i) => ({ unitId: `1-${101 + i}`, building: '1', area: i === 10 ? '33.3333' : '100', areaSource: 'registry', owners: [{ personId: `p${i}`, name: `业主${i}` }] }));
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } })).statusCode, 201);
  const oc = await api.token('p-oc', `oc_member@${compoundId}`);
  const rc = await api.token('p-rc', `rc_staff@${compoundId}`);
  const owner = (i: number) => api.token(`p${i}`, `owner@${compoundId}`);
  const firms = ['A', 'B', 'C', 'D'].map((x) => ({ code: `91330106MA0${x}000011`, name: `${x}物业`, agent: `f-${x}` }));
  const firmToken = (i: number) => api.token(firms[i]!.agent, `property_firm@${compoundId}`);
  let position = '0';
  const post = async (url: string, token: string, body?: unknown) => {
    const res = await api.call('POST', url, { token, ...(body === undefined ? {} : { body }) });
    t.equal(res.statusCode, 201, `${url}: ${res.body.slice(0, 300)}`);
    position = (res.json() as { position: string }).position;
    return res.json() as Record<string, string>;
  };
  for (let i = 0; i < 4; i++) await post(`/v1/compounds/${compoundId}/firms`, await firmToken(i), { name: firms[i]!.name, creditCode: firms[i]!.code });

  // The views as the routes render them from the read model's documents, without the serializer.
  const firmName = (id: string) => read.get<FirmDoc>(HIRING_FIRMS, id)?.name;
  const eligible = async () => surveyEligible(voterIdentities(await registry.state(compoundId)));
  const docs = (): Docs => ({
    contracts: read.list<ContractDoc>(HIRING_CONTRACTS, compoundId),
    tenders: read.list<TenderDoc>(HIRING_TENDERS, compoundId),
    feeAdjustments: read.list<FeeAdjustmentDoc>(HIRING_FEE_ADJUSTMENTS, compoundId),
    surveys: read.list<SurveyDoc>(HIRING_SURVEYS, compoundId),
  });
  const board = (d: Docs, e: { area: string; headcount: number }) => {
    const now = clock.now();
    const contracts = d.contracts.map((c) => renderContract(c, now));
    return {
      compoundId,
      current: [...contracts].reverse().find((c) => c.status !== 'drawn' && c.takenOverAt === null) ?? null,
      contracts,
      tenders: d.tenders.map((x) => renderTender(x, now, firmName)),
      feeAdjustments: d.feeAdjustments.map((a) => renderFeeAdjustment(a, now)),
      surveys: d.surveys.map((s) => renderSurvey(s, now, e)),
    };
  };

  // ---- tender 1: four sealed bids; A and B revealed, C over the ceiling, D never revealed ----
  const deadline = new Date(clock.now().getTime() + 10 * DAY).toISOString();
  const { tenderId } = await post(`/v1/compounds/${compoundId}/tenders`, oc, {
    title: '2026 物业选聘',
    scope: '全区物业服务',
    standards: '杭州市住宅物业服务标准 二级',
    feeCeiling: '3.00',
    termMonths: 12,
    bidDeadline: deadline,
    criteria: [{ criterionId: 'price', name: '报价', weight: 40 }, { criterionId: 'plan', name: '服务方案', weight: 60 }],
    holdBackPercent: 10,
    scoreRule: { fullAt: 90, noneBelow: 60 },
    yellowLine: 70,
  });
  const terms: BidTerms[] = ['1.50', '1.70', '3.50', '1.40'].map((fee, i) => ({ feePerSquareMetreMonth: fee, servicePlanRef: `方案-${i}`, staffing: 10 + i, promises: i === 1 ? [] : [`承诺-${i}`, '24 小时值守'] }));
  const salt = (i: number) => `salt-${i}-0123456789abcdef0123456789abcdef`;
  for (let i = 0; i < 4; i++) await post(`/v1/tenders/${tenderId}/bids`, await firmToken(i), { firmId: firms[i]!.code, commitment: bidCommitment(tenderId!, firms[i]!.code, terms[i]!, salt(i)) });
  await answersView(t, api, `/v1/tenders/${tenderId}?after=${position}`, oc, () => renderTender(read.get<TenderDoc>(HIRING_TENDERS, tenderId!)!, clock.now(), firmName), 'a sealed tender');
  clock.set(new Date(Date.parse(deadline) + HOUR));
  for (let i = 0; i < 3; i++) await post(`/v1/tenders/${tenderId}/bids/${firms[i]!.code}/reveal`, await firmToken(i), { terms: terms[i], salt: salt(i) });
  await post(`/v1/tenders/${tenderId}/declarations`, oc, { conflicts: [firms[1]!.code] });
  await post(`/v1/tenders/${tenderId}/declarations`, rc, { conflicts: [] });
  await post(`/v1/tenders/${tenderId}/scores`, oc, { firmId: firms[0]!.code, scores: { price: 90, plan: 85 } });
  await post(`/v1/tenders/${tenderId}/scores`, rc, { firmId: firms[0]!.code, scores: { price: 88, plan: 80 } });
  await post(`/v1/tenders/${tenderId}/scores`, rc, { firmId: firms[1]!.code, scores: { price: 80, plan: 70 } });
  const tenderView = () => renderTender(read.get<TenderDoc>(HIRING_TENDERS, tenderId!)!, clock.now(), firmName);
  const during = (await answersView(t, api, `/v1/tenders/${tenderId}?after=${position}`, oc, tenderView, 'a tender in its reveal window')) as { bids: { status: string }[] };
  t.same(during.bids.map((b) => b.status), ['revealed', 'revealed', 'non_compliant', 'awaiting_reveal'], 'bids revealed, non-compliant and awaiting their reveal');
  // Past point 1: the reveal window.
  const past1 = position;
  const docs1 = snapshot(docs) as Docs;

  later(5 * DAY);
  const vote = async (ids: readonly string[], ballots: (id: string, i: number) => Record<string, unknown> | null) => {
    for (const id of ids) await post(`/v1/motions/${id}/notice`, oc);
    later(20 * DAY);
    for (const id of ids) t.ok([201, 409].includes((await api.call('POST', `/v1/motions/${id}/open`, { token: oc })).statusCode));
    for (const id of ids)
      for (let i = 0; i < 11; i++) {
        const b = ballots(id, i);
        if (b) await post(`/v1/motions/${id}/ballots`, await owner(i), { unitId: units[i]!.unitId, ...b });
      }
    later(7 * DAY);
    for (const id of ids) {
      t.ok([201, 409].includes((await api.call('POST', `/v1/motions/${id}/close`, { token: oc })).statusCode));
      await post(`/v1/motions/${id}/result`, oc);
      await post(`/v1/motions/${id}/final`, oc);
    }
  };
  const opens = (days = 20) => ({ opensAt: new Date(clock.now().getTime() + days * DAY).toISOString(), closesAt: new Date(clock.now().getTime() + (days + 7) * DAY).toISOString() });
  const { motionId } = await post(`/v1/tenders/${tenderId}/motion`, oc, opens());
  await vote([motionId!], (_, i) => (i < 7 ? { option: firms[0]!.code } : i < 9 ? { option: firms[1]!.code } : null));
  const poll = async (until: () => boolean, what: string) => {
    for (let i = 0; i < 200 && !until(); i++) await new Promise((r) => setTimeout(r, 50));
    t.ok(until(), what);
  };
  const contractId = tenderId!;
  await poll(() => read.get<ContractDoc>(HIRING_CONTRACTS, contractId) !== undefined, 'the contract is drawn');
  const contractView = () => renderContract(read.get<ContractDoc>(HIRING_CONTRACTS, contractId)!, clock.now());
  await answersView(t, api, `/v1/contracts/${contractId}?after=${position}`, oc, contractView, 'a drawn contract');

  // ---- the contract: signed, the manager's report, complaints ----
  const A = await firmToken(0);
  await post(`/v1/contracts/${contractId}/sign`, oc, { startsOn: chinaDateOf(clock.now()), documentRef: '合同 2026-01' });
  await post(`/v1/contracts/${contractId}/manager-report`, A, { reference: '居委会报到登记 12 号' });
  const { complaintId: answered } = await post(`/v1/contracts/${contractId}/complaints`, await owner(3), { subject: '电梯故障' });
  await post(`/v1/contracts/${contractId}/complaints`, oc, { subject: '绿化缺株' });
  later(3 * DAY);
  await post(`/v1/contracts/${contractId}/complaints/${answered}/answer`, A, { answer: '已维修' });

  // ---- fee adjustments: adopted, rejected, put to the owners, posted, proposed ----
  const plan = (adjustmentId: string, proposedFee: string) => ({ adjustmentId, proposedFee, auditReportRef: `审计报告 ${adjustmentId}`, range: '全体业主住宅', reasons: '最低工资标准上调' });
  for (const [id, fee] of [['adj-up', '1.80'], ['adj-no', '2.40'], ['adj-wait', '1.60']] as const) {
    await post(`/v1/contracts/${contractId}/fee-adjustments`, A, plan(id, fee));
    await post(`/v1/fee-adjustments/${id}/post`, oc);
  }
  // The posting runs 30 days or more, to the end of a working day (杭条例 Art. 53 (三)).
  await poll(() => Boolean(read.get<FeeAdjustmentDoc>(HIRING_FEE_ADJUSTMENTS, 'adj-up')?.postedUntil), 'the posting of adj-up projected'); // a direct read does not wait
  clock.set(new Date(Date.parse(read.get<FeeAdjustmentDoc>(HIRING_FEE_ADJUSTMENTS, 'adj-up')!.postedUntil!) + HOUR));
  await post('/v1/fee-adjustments/adj-up/motion', oc, opens());
  await post('/v1/fee-adjustments/adj-no/motion', oc, opens());
  await post('/v1/fee-adjustments/adj-wait/motion', oc, { ...opens(200), title: '调价（待表决）' });
  await vote(['fee-adj-up', 'fee-adj-no'], (id, i) => (i < 9 ? { choice: id === 'fee-adj-up' ? 'for' : 'against' } : null));
  await post(`/v1/contracts/${contractId}/fee-adjustments`, A, plan('adj-posted', '1.90'));
  await post('/v1/fee-adjustments/adj-posted/post', oc);
  await post(`/v1/contracts/${contractId}/fee-adjustments`, A, plan('adj-new', '2.00'));
  await poll(() => read.get<ContractDoc>(HIRING_CONTRACTS, contractId)?.fee === '1.80' && read.get<FeeAdjustmentDoc>(HIRING_FEE_ADJUSTMENTS, 'adj-no')?.status === 'rejected' && read.list<FeeAdjustmentDoc>(HIRING_FEE_ADJUSTMENTS, compoundId).length === 5, 'the adjustments resolved, the fee changed, all five projected');
  const adjustments = read.list<FeeAdjustmentDoc>(HIRING_FEE_ADJUSTMENTS, compoundId);
  t.same(adjustments.map((a) => a.status).sort(), ['adopted', 'posted', 'proposed', 'put_to_owners', 'rejected'], 'an adjustment in each phase');
  // Past point 2: the fee changed, before the assessments.
  await api.call('GET', `/v1/contracts/${contractId}?after=${position}`, { token: oc });
  const past2 = position;
  const docs2 = snapshot(docs) as Docs;

  // ---- assessments: period 1 full, period 2 a yellow card (rectified), period 3 scored only ----
  const itemsFor = (total: number) => {
    let deficit = 100 - total;
    return DEFAULT_ASSESSMENT_TEMPLATE.map((item) => {
      const cut = Math.min(deficit, item.points);
      deficit -= cut;
      return { itemId: item.itemId, score: item.points - cut };
    });
  };
  const periods = read.get<ContractDoc>(HIRING_CONTRACTS, contractId)!.periods;
  for (const [p, score] of [[1, 95], [2, 65], [3, 80]] as const) {
    clock.set(new Date(startOfChinaDay(parseChinaDate(periods[p - 1]!.to)! + 1).getTime() + 2 * HOUR));
    await post(`/v1/contracts/${contractId}/assessments`, oc, { period: p, items: itemsFor(score) });
    if (p < 3) await post(`/v1/contracts/${contractId}/assessments/${p}/confirm`, rc, {});
    if (p === 1) await post(`/v1/contracts/${contractId}/disclosures`, A, { period: 1, kinds: ['fees', 'common_part_income'], reference: '公示-1' });
    if (p === 2) await post(`/v1/contracts/${contractId}/rectifications`, A, { period: 2, reference: '整改报告-2' });
  }

  // ---- surveys: closed with responses, open with one, scheduled ----
  const survey = (surveyId: string, opensInDays: number | null, closesInDays: number) => ({
    surveyId,
    title: `${surveyId} 满意度测评`,
    questions: [{ questionId: 'overall', text: '总体满意度' }, { questionId: 'cleaning', text: '环境卫生' }],
    ...(opensInDays === null ? {} : { opensAt: new Date(clock.now().getTime() + opensInDays * DAY).toISOString() }),
    closesAt: new Date(clock.now().getTime() + closesInDays * DAY).toISOString(),
  });
  await post(`/v1/contracts/${contractId}/surveys`, oc, survey('s-closed', null, 5));
  await post(`/v1/contracts/${contractId}/surveys`, oc, survey('s-open', null, 300));
  await post(`/v1/contracts/${contractId}/surveys`, rc, survey('s-later', 250, 260));
  await post('/v1/surveys/s-closed/responses', await owner(0), { answers: { overall: 5, cleaning: 4 } });
  await post('/v1/surveys/s-closed/responses', await owner(1), { answers: { overall: 2 } });
  await post('/v1/surveys/s-closed/responses', await owner(10), { answers: { overall: 4, cleaning: 1 } });
  await post('/v1/surveys/s-open/responses', await owner(2), { answers: { overall: 3 } });
  later(6 * DAY);

  // ---- the end: a late non-renewal notice (Art. 947), expiry, a handover part done, part overdue ----
  await post(`/v1/contracts/${contractId}/non-renewal-notice`, A, { documentRef: '不续约通知' });
  const expiresAt = read.get<ContractDoc>(HIRING_CONTRACTS, contractId)!.signed!.expiresAt;
  clock.set(new Date(Date.parse(expiresAt) + HOUR));
  await poll(() => read.get<ContractDoc>(HIRING_CONTRACTS, contractId)?.status === 'ended', 'the contract ended at expiry');
  await post(`/v1/contracts/${contractId}/handover/records`, oc, { evidenceRef: '移交单-资料' });
  await post(`/v1/contracts/${contractId}/handover/keys`, oc, { evidenceRef: '移交单-钥匙' });
  later(20 * DAY);

  // ---- tender 2, sealed: one bid, the deadline far ahead ----
  const { tenderId: second } = await post(`/v1/compounds/${compoundId}/tenders`, oc, {
    title: '2027 物业选聘',
    scope: '全区',
    standards: '二级',
    feeCeiling: '2.50',
    termMonths: 24,
    bidDeadline: new Date(clock.now().getTime() + 30 * DAY).toISOString(),
    revealDays: 5,
    criteria: [{ criterionId: 'price', name: '报价', weight: 100 }],
    holdBackPercent: 5,
    assessmentTemplate: [{ itemId: 'all', name: '综合', points: 100 }],
  });
  await post(`/v1/tenders/${second}/bids`, await firmToken(1), { firmId: firms[1]!.code, commitment: 'c'.repeat(64) });

  // The state is as rich as claimed.
  const c = contractView();
  t.equal(c.status, 'ended');
  t.ok(c.nonRenewalNotice?.late, 'the non-renewal notice was late');
  t.ok(c.assessments.some((a) => a.release !== null) && c.assessments.some((a) => a.confirmedAt === null), 'assessments released and scored only');
  t.ok(c.yellowCards.some((y) => y.rectifiedAt !== null), 'a yellow card rectified');
  t.ok(c.complaints.some((x) => x.responseDays !== null) && c.complaints.some((x) => x.overdue), 'complaints answered and overdue');
  t.ok(c.disclosures.length === 1 && c.missingDisclosures.length >= 1, 'a disclosure and missing ones');
  t.ok(c.handover.some((h) => h.confirmedAt !== null) && c.handover.some((h) => h.overdue), 'a handover part done, part overdue');
  t.equal(c.feeChanges.length, 1);
  t.equal(c.servingUntilTakeover, true);
  const e = await eligible();
  t.same(read.list<SurveyDoc>(HIRING_SURVEYS, compoundId).map((s) => renderSurvey(s, clock.now(), e).status).sort(), ['closed', 'open', 'scheduled']);
  t.same(tenderView().bids.map((b) => b.status), ['revealed', 'revealed', 'non_compliant', 'not_revealed']);

  // Now: each read is its view.
  await answersView(t, api, `/v1/tenders/${tenderId}?after=${position}`, await owner(4), tenderView, 'tender 1');
  await answersView(t, api, `/v1/tenders/${second}`, A, () => renderTender(read.get<TenderDoc>(HIRING_TENDERS, second!)!, clock.now(), firmName), 'tender 2, sealed');
  await answersView(t, api, `/v1/contracts/${contractId}`, await owner(4), contractView, 'the contract');
  for (const a of adjustments) await answersView(t, api, `/v1/fee-adjustments/${a.adjustmentId}`, rc, () => renderFeeAdjustment(read.get<FeeAdjustmentDoc>(HIRING_FEE_ADJUSTMENTS, a.adjustmentId)!, clock.now()), `adjustment ${a.adjustmentId}`);
  for (const s of ['s-closed', 's-open', 's-later']) await answersView(t, api, `/v1/surveys/${s}`, await owner(5), () => renderSurvey(read.get<SurveyDoc>(HIRING_SURVEYS, s)!, clock.now(), e), `survey ${s}`);
  const page = (await answersView(t, api, `/v1/compounds/${compoundId}/property-firm`, await owner(5), () => board(docs(), e), 'the firm board')) as { current: unknown; tenders: unknown[] };
  t.ok(page.current, 'the ended contract is current until the takeover');
  t.equal(page.tenders.length, 2);

  // As of the past points: what the read model held then, rendered now.
  const byId = <T, K extends keyof T>(list: readonly T[], key: K, id: unknown) => list.find((x) => x[key] === id)!;
  const now = clock.now();
  await answersAsOf(t, api, `/v1/tenders/${tenderId}`, oc, past1, renderTender(byId(docs1.tenders, 'tenderId', tenderId), now, firmName), 'tender 1 in its reveal window');
  await answersAsOf(t, api, `/v1/compounds/${compoundId}/property-firm`, oc, past1, board(docs1, e), 'the firm board in the reveal window');
  // A firm is a party of no one compound: its name is on the past views too (it was read from the compound's past, which never holds it).
  const pagePast = await api.call('GET', `/board/${compoundId}/firm?asOf=${past1}`, { token: oc });
  t.equal(pagePast.statusCode, 200);
  t.match(pagePast.body, /D物业/, 'the board page as of the reveal window names the bidders');
  await answersAsOf(t, api, `/v1/tenders/${tenderId}`, oc, past2, renderTender(byId(docs2.tenders, 'tenderId', tenderId), now, firmName), 'tender 1 at past point 2');
  await answersAsOf(t, api, `/v1/contracts/${contractId}`, oc, past2, renderContract(byId(docs2.contracts, 'contractId', contractId), now), 'the contract at past point 2');
  for (const a of docs2.feeAdjustments) await answersAsOf(t, api, `/v1/fee-adjustments/${a.adjustmentId}`, oc, past2, renderFeeAdjustment(a, now), `adjustment ${a.adjustmentId} at past point 2`);
  await answersAsOf(t, api, `/v1/compounds/${compoundId}/property-firm`, oc, past2, board(docs2, e), 'the firm board at past point 2');
  await answersAsOf(t, api, `/v1/surveys/s-closed`, oc, position, renderSurvey(read.get<SurveyDoc>(HIRING_SURVEYS, 's-closed')!, now, e), 'a survey at the head');
});
