/**
 * The reads after the vote answer their views exactly through their response schemas
 * (services/assembly/decisionViewSchemas.ts): objections upheld (a ballot ruled invalid), dismissed and open;
 * decisions of every kind of adoption (a motion with a typed fund proposal, an option, the elected), notified
 * to the RC, one revoked by a court; petitions reaching 20% and not. Over HTTP they deep-equal what the read
 * model and the decisions service hold without the serializer, now and (the compound's decisions and a
 * motion's objections) `?asOf=` an earlier position; a decision and a petition by id `?asOf=` too.
 */
import t from 'tap';
import { builtinRulePacks } from '../../domain/assembly/index.js';
import { DECISIONS, MOTION_OBJECTIONS, type DecisionDoc } from '../../projections/assembly/index.js';
import type { ManualClock } from '../../services/clock.js';
import { startTestApi } from '../support/api.js';
import { answersAsOf, answersView, snapshot, type Created } from '../support/viewMatch.js';

const DAY = 86_400_000;

t.test('objections, decisions and petitions: the HTTP body is the view, now and as of a past position', async (t) => {
  // No built-in pack sets an objection window (the rules of procedure may, national.ts): this process's national
  // pack gets one of 5 days, so that objections can be filed and answered over HTTP.
  const pack = builtinRulePacks.find((p) => p.id === 'national@2021-01-01') as { objectionWindowDays: number };
  const before = pack.objectionWindowDays;
  pack.objectionWindowDays = 5;
  t.teardown(() => {
    pack.objectionWindowDays = before;
  });

  const api = await startTestApi(t);
  const clock = api.runtime.deps.clock as ManualClock;
  const read = api.runtime.deps.read;
  const decisions = api.runtime.deps.decisions;
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '翠湖花园', address: '文三路 1 号', jurisdiction: 'national' } })).json() as { compoundId: string };
  const units = Array.from({ length: 10 }, (_, i) => ({ unitId: `${i < 5 ? 1 : 3}-1-${101 + i}`, building: i < 5 ? '1' : '3', area: '100', areaSource: 'registry', owners: [{ personId: `p${i}`, name: `业主${i}` }] }));
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } })).statusCode, 201);
  const unitOf = (i: number) => units[i]!.unitId;
  const oc = await api.token('p-oc', `oc_member@${compoundId}`);
  const owner = (i: number) => api.token(`p${i}`, `owner@${compoundId}`);
  let position = '0';
  const post = async (url: string, token: string, body?: unknown, ok: number[] = [201]) => {
    const res = await api.call('POST', url, { token, ...(body === undefined ? {} : { body }) });
    t.ok(ok.includes(res.statusCode), `${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    if (res.statusCode === 201) position = (res.json() as { position: string }).position;
    return res.json() as Created;
  };
  const later = (days: number) => clock.set(new Date(clock.now().getTime() + days * DAY));
  /** Proposed, noticed, opened, the ballots cast, closed, the preliminary result posted; returns the motion and its receipts. */
  const vote = async (body: Record<string, unknown>, ballots: Record<number, Record<string, unknown>>) => {
    const now = clock.now().getTime();
    const { motionId } = await post(`/v1/compounds/${compoundId}/motions`, oc, { title: '表决', description: '', matter: 'other_major', opensAt: new Date(now + 20 * DAY).toISOString(), closesAt: new Date(now + 27 * DAY).toISOString(), ...body });
    await post(`/v1/motions/${motionId}/notice`, oc);
    later(20);
    await post(`/v1/motions/${motionId}/open`, oc, undefined, [201, 409]);
    const receipts: string[] = [];
    for (const [i, ballot] of Object.entries(ballots)) receipts.push((await post(`/v1/motions/${motionId}/ballots`, await owner(Number(i)), { unitId: unitOf(Number(i)), ...ballot })).receipt);
    later(7);
    await post(`/v1/motions/${motionId}/close`, oc, undefined, [201, 409]);
    await post(`/v1/motions/${motionId}/result`, oc, undefined, [201, 409]);
    return { motionId: motionId, receipts };
  };
  const all = (ballot: Record<string, unknown>, n = 10) => Object.fromEntries(Array.from({ length: n }, (_, i) => [i, ballot]));

  // An option adopted, with objections upheld (a ballot ruled invalid) and dismissed.
  const firm = await vote(
    { matter: 'hire_or_dismiss_firm', form: 'choose_one', options: [{ optionId: 'a', label: '甲物业' }, { optionId: 'b', label: '乙物业' }], proposal: { action: 'hire', firm: { name: '甲物业服务有限公司' } } },
    { ...all({ option: 'a' }, 8), 8: { option: 'b' }, 9: { option: 'b' } },
  );
  const { objectionId: o1 } = await post(`/v1/motions/${firm.motionId}/objections`, await owner(8), { reason: '代签', receipts: [firm.receipts[0]], units: [unitOf(0)] });
  const { objectionId: o2 } = await post(`/v1/motions/${firm.motionId}/objections`, await owner(9), { reason: '计票有误' });
  await post(`/v1/motions/${firm.motionId}/objections/${o1}/answer`, oc, { outcome: 'upheld', reason: '核实为代签', invalidate: [{ receipt: firm.receipts[0], evidenceRef: '核查记录-1' }] });
  // The ruled ballot's weight moves from its option to invalid (on a choose_one motion this stopped the projection).
  const tally = await api.call('GET', `/v1/motions/${firm.motionId}/tally?after=${position}`, { token: oc });
  t.equal(tally.statusCode, 200, tally.body.slice(0, 300));
  t.match(tally.json(), { invalid: { area: '100.00', headcount: 1 }, options: [{ optionId: 'a', support: { area: '700.00', headcount: 7 } }, { optionId: 'b' }], ballots: { ruledInvalid: 1 } });

  const past = position;
  const objectionsView = (motionId: string) => () => ({ objections: read.list(MOTION_OBJECTIONS, motionId) });
  const decisionsView = () => ({ decisions: decisions.decisions(compoundId) });
  t.equal((await api.call('GET', `/v1/motions/${firm.motionId}/objections?after=${past}`, { token: oc })).statusCode, 200);
  const objectionsThen = snapshot(objectionsView(firm.motionId));
  const decisionsThen = snapshot(decisionsView);

  await post(`/v1/motions/${firm.motionId}/objections/${o2}/answer`, oc, { outcome: 'dismissed', reason: '复核无误' });
  later(6);
  const { decisionId: d1 } = await post(`/v1/motions/${firm.motionId}/final`, oc);
  // A fund motion of building 3, fully typed proposal, adopted; then revoked by a court.
  const fund = await vote(
    { matter: 'use_maintenance_fund', buildings: ['3'], proposal: { plan: '3号楼电梯更新', budget: '182000.50', chargeScope: { kind: 'buildings', buildings: ['3'] }, works: [{ item: '更换曳引机', estimate: '120000' }, { item: '轿厢装修' }], contractor: { name: '某电梯公司' } } },
    { 5: { choice: 'for' }, 6: { choice: 'for' }, 7: { choice: 'for' }, 8: { choice: 'for' }, 9: { choice: 'against' } },
  );
  later(6);
  const { decisionId: d2 } = await post(`/v1/motions/${fund.motionId}/final`, oc);
  const beforeRevoke = position;
  await post(`/v1/decisions/${d2}/revoke`, admin, { authority: 'court', documentRef: '(2026)浙0106民初1号', reason: '程序违法' });
  // An election: two elected, one seat unfilled.
  const candidates = ['甲', '乙', '丙'].map((name, i) => ({ candidateId: `c${i + 1}`, name }));
  const election = await vote({ matter: 'elect_committee', form: 'elect', candidates, seats: 3, proposal: { seats: 3 } }, { ...all({ candidates: { c1: 'for', c2: 'for' } }, 8), 8: { candidates: { c3: 'for' } } });
  later(6);
  await post(`/v1/motions/${election.motionId}/final`, oc);
  // A motion whose objection stays open (no final yet).
  const pending = await vote({ proposal: { text: '开放小区东门' } }, all({ choice: 'for' }, 7));
  await post(`/v1/motions/${pending.motionId}/objections`, await owner(9), { reason: '未收到通知', units: [unitOf(9)] });

  // Petitions: one reaching 20% of area and heads, one not.
  const { petitionId: p1 } = await post(`/v1/compounds/${compoundId}/petitions`, await owner(0), { purpose: '罢免业主委员会委员' });
  await post(`/v1/petitions/${p1}/signatures`, await owner(0), { unitId: unitOf(0) });
  const oneSignature = position;
  await post(`/v1/petitions/${p1}/signatures`, await owner(1), { unitId: unitOf(1) });
  const { petitionId: p2 } = await post(`/v1/compounds/${compoundId}/petitions`, await owner(2), { purpose: '更换物业' });
  await post(`/v1/petitions/${p2}/signatures`, await owner(2), { unitId: unitOf(2) });

  // Wait for the reactor's notifications of the RC (物业管理条例 Art. 20), so the view does not move while compared.
  for (let i = 0; i < 100 && decisions.decisions(compoundId).some((d) => d.notifiedToResidentsCommitteeAt === null); i++) await new Promise((r) => setTimeout(r, 50));
  const docs = decisions.decisions(compoundId);
  t.same(docs.map((d) => d.adopted.kind).sort(), ['elected', 'motion', 'option'], 'an option, a motion and the elected');
  t.ok(docs.some((d) => d.revoked !== null) && docs.every((d) => d.notifiedToResidentsCommitteeAt !== null), 'one revoked, all notified');
  t.ok(docs.some((d) => d.proposal?.kind === 'use_maintenance_fund') && docs.some((d) => d.proposal?.kind === 'hire_or_dismiss_firm'), 'typed proposals');
  t.same(read.list<{ status: string }>(MOTION_OBJECTIONS, firm.motionId).map((o) => o.status).sort(), ['dismissed', 'upheld']);

  await answersView(t, api, `/v1/compounds/${compoundId}/decisions?after=${position}`, oc, decisionsView, 'the decisions');
  for (const id of [d1, d2]) await answersView(t, api, `/v1/decisions/${id}`, await owner(3), () => decisions.decision(id), 'a decision');
  t.same(decisions.decision(d1), read.get<DecisionDoc>(DECISIONS, d1), 'the service reads the read model');
  await answersView(t, api, `/v1/motions/${firm.motionId}/objections`, await owner(3), objectionsView(firm.motionId), 'objections answered');
  await answersView(t, api, `/v1/motions/${pending.motionId}/objections`, await owner(3), objectionsView(pending.motionId), 'an objection open');
  const reached = (await answersView(t, api, `/v1/petitions/${p1}`, await owner(5), () => decisions.petition(p1), 'a petition reached')) as { reachedAt: string | null };
  t.ok(reached.reachedAt, 'reached');
  t.match(await answersView(t, api, `/v1/petitions/${p2}`, await owner(5), () => decisions.petition(p2), 'a petition not reached'), { reachedAt: null, conveneBy: null });

  await answersAsOf(t, api, `/v1/compounds/${compoundId}/decisions`, oc, past, decisionsThen, 'the decisions then (none)');
  await answersAsOf(t, api, `/v1/motions/${firm.motionId}/objections`, oc, past, objectionsThen, 'the objections then');
  await answersAsOf(t, api, `/v1/compounds/${compoundId}/decisions`, oc, position, decisionsView(), 'the decisions at the head');

  // A decision and a petition by id travel too (#16 item 3): they did not exist yet, or stood as they were.
  const byIdAsOf = async (url: string, at: string) => {
    const res = await api.call('GET', `${url}?asOf=${at}`, { token: oc });
    return { status: res.statusCode, body: res.json() as Record<string, unknown> };
  };
  t.match(await byIdAsOf(`/v1/decisions/${d1}`, past), { status: 404, body: { code: 'decision_not_found' } }, 'no decision before the final result');
  t.match(await byIdAsOf(`/v1/decisions/${d2}`, beforeRevoke), { status: 200, body: { decisionId: d2, revoked: null, asOf: { position: beforeRevoke } } }, 'the fund decision before the court revoked it');
  t.match(await byIdAsOf(`/v1/decisions/${d2}`, position), { status: 200, body: { revoked: { authority: 'court' } } }, 'and revoked at the head');
  t.match(await byIdAsOf(`/v1/petitions/${p1}`, past), { status: 404, body: { code: 'petition_not_found' } }, 'no petition then');
  t.match(await byIdAsOf(`/v1/petitions/${p1}`, oneSignature), { status: 200, body: { signatures: { area: '100.00', headcount: 1 }, reachedAt: null } }, 'the petition with one signature');
  t.match(await byIdAsOf(`/v1/petitions/${p1}`, position), { status: 200, body: { signatures: { headcount: 2 } } }, 'two at the head');
});
